using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Files;

namespace Tongxin.Features.Exports;

/// <summary>
/// The requester's own exports: the list, one job's status, and its workbook. Another user's job answers
/// 404 like a missing one (the region filter and the owner check both apply), so nothing reveals it exists.
/// </summary>
public static class ExportJobEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/export-jobs", StartFigureExport.Handle).WithTags("Export").RequireAuthorization(Permissions.FiguresExport);
        var g = api.MapGroup("/export-jobs").WithTags("Export").RequireAuthorization(Permissions.FiguresExport);
        g.MapGet("", ListExportJobs.Handle);
        g.MapGet("/{id:guid}", GetExportJob.Handle);
        g.MapGet("/{id:guid}/file", DownloadExport.Handle).Produces(200, contentType: FileNames.XlsxType);
    }

    /// <summary>The caller's own jobs: another user's job answers 404 like a missing one.</summary>
    public static IQueryable<ExportJob> Mine(TongxinDb db) => db.ExportJobs.AsNoTracking().Where(j => j.UserId == db.Actor.UserId);
}
