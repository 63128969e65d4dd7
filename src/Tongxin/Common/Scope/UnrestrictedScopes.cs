namespace Tongxin.Common.Scope;

public static class UnrestrictedScopes
{
    /// <summary>
    /// A service scope whose data scope sees every region: for background bookkeeping (claiming a job, saving
    /// its progress). Work done for a user sets that user's scope instead.
    /// </summary>
    public static IServiceScope CreateUnrestrictedScope(this IServiceProvider services)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(UnrestrictedScope.Instance);
        return scope;
    }
}
