using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Domain;

namespace Tongxin.Common.Http;

/// <summary>
/// Maps domain exceptions to ProblemDetails: rules 422, stale versions 409, field errors 400, and SQLite's
/// single writer still busy after its wait (a large import holds it for its whole transaction) 503.
/// </summary>
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
            _ when IsSqliteBusy(exception) => new ProblemDetails { Status = 503, Title = "系统正忙（可能正在导入数据），请稍后重试" },
            _ => null,
        };
        if (details is null)
        {
            log.LogError(exception, "Unhandled error on {Path}", ctx.Request.Path);
            details = new ProblemDetails { Status = 500, Title = "服务器内部错误，请稍后重试" };
        }
        ctx.Response.StatusCode = details.Status!.Value;
        if (details.Status == 503) ctx.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = details, Exception = exception });
    }

    // SQLITE_BUSY (5) or SQLITE_LOCKED (6), alone or inside EF's DbUpdateException.
    private static bool IsSqliteBusy(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true;
        return false;
    }
}
