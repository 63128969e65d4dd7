using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Domain;

namespace Tongxin.Common.Http;

/// <summary>Maps domain exceptions to ProblemDetails: rules 422, stale versions 409, field errors 400.</summary>
public sealed class ExceptionMapping(IProblemDetailsService problems, ILogger<ExceptionMapping> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        ProblemDetails? details = exception switch
        {
            FieldValidationException v => new HttpValidationProblemDetails(v.Errors)
                { Status = 400, Title = "输入有误" },
            DomainException d => new ProblemDetails { Status = 422, Title = d.Message },
            ConcurrencyConflictException c => new ProblemDetails { Status = 409, Title = c.Message },
            DbUpdateConcurrencyException => new ProblemDetails { Status = 409, Title = "该记录已被他人修改，请刷新后重试" },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "请求格式不正确" },
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => new ProblemDetails
                { Status = 400, Title = "页面已过期，请刷新后重试" },
            _ => null,
        };
        if (details is null)
        {
            log.LogError(exception, "Unhandled error on {Path}", ctx.Request.Path);
            details = new ProblemDetails { Status = 500, Title = "服务器内部错误，请稍后重试" };
        }
        ctx.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = details, Exception = exception });
    }
}
