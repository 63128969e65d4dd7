using Tongxin.Features.Auth;

namespace Tongxin.Features.Members;

public static class MemberRegistration
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<ISignInNameResolver, MobileSignIn>();
        return services;
    }
}
