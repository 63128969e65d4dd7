using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Tongxin.Common.Http;

namespace Tongxin.Features.Imports;

/// <summary>
/// At most <c>Tongxin:MaxConcurrentImports</c> uploads (dry runs and commits) are read, checked and written at once
/// per server (default: the number of cores, at least 2); one more answers 429 with <c>Retry-After</c> and a Chinese
/// message at once, before its body is read, so that a burst of uploads leaves the server responsive
/// (<c>/health</c>, the lists) instead of every upload slowing down together.
/// </summary>
public sealed class ImportConcurrency(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string Name = "imports";
    public const string BusyMessage = "当前导入任务较多，请稍后重试";
    public const int RetryAfterSeconds = 10;

    private readonly int _limit = LimitFrom(configuration);

    public static int LimitFrom(IConfiguration configuration) =>
        Math.Max(1, configuration.GetValue<int?>("Tongxin:MaxConcurrentImports") ?? Math.Max(2, Environment.ProcessorCount));

    // One partition for the whole server: the bound is on the work, not on any one user.
    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(Name, _ => new ConcurrencyLimiterOptions { PermitLimit = _limit, QueueLimit = 0 });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (ctx, _) =>
    {
        ctx.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return new ValueTask(Problems.Write(ctx.HttpContext, StatusCodes.Status429TooManyRequests, BusyMessage));
    };
}
