using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Figures;

/// <summary>
/// The list's queries on PostgreSQL are planned for their values (PlansForValues): the setting holds within the list's
/// work and ends with it, so the pool's connections keep the server's default for everything else.
/// </summary>
public abstract class ListPlansTests(TestApp app)
{
    [Fact]
    public async Task Custom_plans_hold_for_the_work_and_end_with_it()
    {
        await app.WithDb(async (db, _) =>
        {
            Task<string> Mode() => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();
            await using (var plans = await PlansForValues.BeginAsync(db))
            {
                if (app.Provider == Provider.Sqlite)
                {
                    Assert.Null(plans);
                    return 0;
                }
                Assert.NotNull(plans);
                Assert.Equal("force_custom_plan", await Mode());
                // Nested work (a caller's own transaction) is left as it is.
                Assert.Null(await PlansForValues.BeginAsync(db));
            }
            Assert.Null(db.Database.CurrentTransaction);
            Assert.Equal("auto", await Mode());
            return 0;
        });
    }
}

public sealed class ListPlansTestsOnSqlite(SqliteApp app) : ListPlansTests(app), IClassFixture<SqliteApp>;
public sealed class ListPlansTestsOnPostgres(PostgresApp app) : ListPlansTests(app), IClassFixture<PostgresApp>;
