using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Tongxin.Common.Http;

/// <summary>A 404 ProblemDetails that a handler can name in <c>Results&lt;…&gt;</c>, so the OpenAPI document lists it.</summary>
public sealed class NotFoundProblem(string title) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;
    public string Title => title;
    public Task ExecuteAsync(HttpContext ctx) => TypedResults.Problem(title: title, statusCode: StatusCode).ExecuteAsync(ctx);
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemMetadata.Add(builder, StatusCodes.Status404NotFound);
}

/// <summary>A 409 ProblemDetails (a stale version or a state that forbids the change), named in <c>Results&lt;…&gt;</c>.</summary>
public sealed class ConflictProblem(string title) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status409Conflict;
    public string Title => title;
    public Task ExecuteAsync(HttpContext ctx) => TypedResults.Problem(title: title, statusCode: StatusCode).ExecuteAsync(ctx);
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemMetadata.Add(builder, StatusCodes.Status409Conflict);
}

internal static class ProblemMetadata
{
    public static void Add(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
}
