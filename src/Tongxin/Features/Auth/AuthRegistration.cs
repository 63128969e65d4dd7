namespace Tongxin.Features.Auth;

public static class AuthRegistration
{
    /// <summary>The sign-in feature's services; the cookie, Identity and policies are Common's (<c>AddTongxinAuth</c>).</summary>
    public static IServiceCollection AddAuthFeature(this IServiceCollection services)
    {
        services.AddScoped<TotpVerifier>();
        return services;
    }
}
