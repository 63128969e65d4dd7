using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Scope;

/// <summary>
/// Contexts are rented from EF's pool: each unit of work gets its own scope, and a context handed back keeps none
/// (whatever still holds one sees nothing). RegionScopeMatrixTests covers the same through the API, user after user.
/// </summary>
public abstract class PooledContextTests(TestApp app)
{
    [Fact]
    public async Task A_rented_context_sees_its_own_scope_and_a_returned_one_sees_nothing()
    {
        await app.CreateFigure("admin", new { name = "池测试泸", regionCode = "510500" });
        await app.CreateFigure("admin", new { name = "池测试成", regionCode = "510100" });

        TongxinDb first;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(new FixedScope(RegionRange.ForPrefix("5105")));
            first = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            Assert.Equal(new[] { "510500" }, await first.Figures.Where(f => f.Name.StartsWith("池测试")).Select(f => f.RegionCode).ToListAsync());
        }
        Assert.Equal(DataScopeHolder.NoAccess.Range, first.Scope.Range);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<DataScopeHolder>().Use(new FixedScope(RegionRange.ForPrefix("5101")));
            var second = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            Assert.Equal(new[] { "510100" }, await second.Figures.Where(f => f.Name.StartsWith("池测试")).Select(f => f.RegionCode).ToListAsync());
        }
        // A scope that set nothing (no signed-in user, no operator scope) sees nothing, whatever context it got.
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var third = scope.ServiceProvider.GetRequiredService<TongxinDb>();
            Assert.Equal(0, await third.Figures.CountAsync(f => f.Name.StartsWith("池测试")));
        }
    }
}

public sealed class PooledContextTestsOnSqlite(SqliteApp app) : PooledContextTests(app), IClassFixture<SqliteApp>;
public sealed class PooledContextTestsOnPostgres(PostgresApp app) : PooledContextTests(app), IClassFixture<PostgresApp>;
