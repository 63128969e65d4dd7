using Tongxin.Features.Dashboard;

namespace Tongxin.Tests.Features.Model;

/// <summary>
/// The migrations hold their hand-written SQL as literal text; the code that writes the same statements
/// (bulk writers lift and re-add the SQLite triggers) must not drift from what the database runs.
/// </summary>
public class MigrationSqlTests
{
    [Fact]
    public void Sqlite_tally_triggers_in_the_migration_match_the_code() =>
        Assert.Equal(Tongxin.Migrations.Sqlite.Initial.FigureTallyTriggers, FigureTallySql.CreateSqliteTriggers);

    [Fact]
    public void Postgres_tally_triggers_in_the_migration_match_the_code() =>
        Assert.Equal(Tongxin.Migrations.Postgres.Initial.FigureTallyTriggers, FigureTallySql.CreatePostgresTriggers);
}
