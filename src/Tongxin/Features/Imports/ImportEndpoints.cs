using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Auth;
using Tongxin.Common.Files;

namespace Tongxin.Features.Imports;

public static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/figures").WithTags("Import");
        // The /api group's AntiforgeryFilter checks X-XSRF-TOKEN; the built-in form check would demand middleware we do not use.
        g.MapPost("/import", ImportFigures.Handle).RequireAuthorization(Permissions.FiguresImport).DisableAntiforgery()
            .RequireRateLimiting(ImportConcurrency.Name).Produces<ProblemDetails>(StatusCodes.Status429TooManyRequests);
        g.MapGet("/import/template", ImportTemplate.Handle).Produces(200, contentType: FileNames.XlsxType).RequireAuthorization(Permissions.FiguresImport);
        g.MapGet("/import/errors/{token}", ImportFigures.ErrorReport).Produces(200, contentType: FileNames.XlsxType).RequireAuthorization(Permissions.FiguresImport);
        api.MapGet("/import-jobs/{id:guid}", ImportJobStatusEndpoint.Handle).WithTags("Import").RequireAuthorization(Permissions.FiguresImport);
        api.MapGet("/import-batches", ListImportBatches.Handle).WithTags("Import").RequireAuthorization(Permissions.FiguresImport);
        api.MapGet("/import-mappings", ListImportMappings.Handle).WithTags("Import").RequireAuthorization(Permissions.FiguresImport);
        api.MapDelete("/import-mappings/{id:long}", DeleteImportMapping.Handle).WithTags("Import").RequireAuthorization(Permissions.FiguresImport);
        api.MapPost("/import-batches/{id:long}/undo", UndoImportBatch.Handle).WithTags("Import").RequireAuthorization(Permissions.FiguresImport);
    }
}
