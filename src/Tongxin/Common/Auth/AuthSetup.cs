using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Common.Auth;

public static class AuthSetup
{
    public const string SignedInAtItem = "tongxin.signedInAt";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    public const string LoginRateLimit = "login";

    public static IServiceCollection AddTongxinAuth(this IServiceCollection services, IConfiguration config)
    {
        // OWASP 2023+: PBKDF2-HMAC-SHA512 at 210,000 iterations; older hashes are rehashed at next sign-in.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<TongxinDb>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<StrengthPasswordValidator>()
            .AddClaimsPrincipalFactory<TongxinClaimsFactory>()
            .AddUserManager<TongxinUserManager>()
            .AddDefaultTokenProviders();

        // A session ends at once on this server and within this interval on the others (see SessionStamps).
        services.AddMemoryCache();
        services.AddSingleton<SessionStamps>();
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Tongxin:SessionCheckSeconds", 30), 0, 60)));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "tongxin.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Plain http on an office LAN must keep working until HTTPS is configured.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status401Unauthorized, "请先登录"),
                OnRedirectToAccessDenied = ctx => Problems.Write(ctx.HttpContext, StatusCodes.Status403Forbidden, "没有权限执行此操作"),
                OnValidatePrincipal = async ctx =>
                {
                    if (ctx.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                        && DateTime.TryParse(at, null, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
                        && DateTime.UtcNow - signedInAt <= AbsoluteTimeout)
                    {
                        await SessionStamps.ValidateAsync(ctx);
                        return;
                    }
                    ctx.RejectPrincipal();
                },
            };
        });

        services.AddAuthorization(o =>
        {
            foreach (var permission in Permissions.All)
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(Permissions.RolesWith(permission)));
            // Deny by default: an endpoint without its own policy still needs a signed-in user.
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser().Build();
        });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "tongxin.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        // Per-server limit on sign-in attempts by client address (documented for scale-out).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = config.GetValue("Tongxin:LoginAttemptsPerMinute", 30),
                    Window = TimeSpan.FromMinutes(1),
                }));
            o.OnRejected = (ctx, _) => new ValueTask(Problems.Write(ctx.HttpContext, 429, "尝试过于频繁，请稍后再试"));
        });
        return services;
    }
}
