using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tongxin.Common.Http;

/// <summary>ProblemDetails helpers so every error, from any layer, has the same shape.</summary>
public static class Problems
{
    public const string MustChangePasswordType = "https://tongxin.local/problems/must-change-password";

    public static Task Write(HttpContext ctx, int status, string title, string? type = null)
    {
        var writer = ctx.RequestServices.GetRequiredService<IProblemDetailsService>();
        ctx.Response.StatusCode = status;
        return writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Type = type },
        }).AsTask();
    }

    public static ValidationProblem Validation(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "输入有误");

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "输入有误");

    public static NotFoundProblem NotFound(string what = "记录") => new($"{what}不存在或无权查看");

    public static ConflictProblem Conflict(string message = "该记录已被他人修改，请刷新后重试") => new(message);
}
