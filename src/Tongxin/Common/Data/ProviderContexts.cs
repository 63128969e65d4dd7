using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tongxin.Common.Auth;
using Tongxin.Common.Scope;

namespace Tongxin.Common.Data;

// One context type per provider so that each keeps its own migrations:
//   dotnet ef migrations add NAME --context SqliteTongxinDb --output-dir Migrations/Sqlite
//   dotnet ef migrations add NAME --context PostgresTongxinDb --output-dir Migrations/Postgres
// (scripts/add-migration.sh NAME does both).

// The server rents contexts from EF's pool, which wants exactly one public constructor taking the options; the
// scope and actor are bound when a request rents one (DatabaseRegistration). Tools, tests and the bench construct
// them directly with a scope.

public sealed class SqliteTongxinDb : TongxinDb
{
    public SqliteTongxinDb(DbContextOptions<SqliteTongxinDb> options) : base(options) { }

    internal SqliteTongxinDb(DbContextOptions<SqliteTongxinDb> options, IDataScope scope, CurrentActor actor)
        : base(options, scope, actor) { }

    protected override bool IsPostgres => false;
}

public sealed class PostgresTongxinDb : TongxinDb
{
    public PostgresTongxinDb(DbContextOptions<PostgresTongxinDb> options) : base(options) { }

    internal PostgresTongxinDb(DbContextOptions<PostgresTongxinDb> options, IDataScope scope, CurrentActor actor)
        : base(options, scope, actor) { }

    protected override bool IsPostgres => true;
}

public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteTongxinDb>
{
    public SqliteTongxinDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite("Data Source=design.db").Options,
        UnrestrictedScope.Instance, new CurrentActor());
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresTongxinDb>
{
    public PostgresTongxinDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options,
        UnrestrictedScope.Instance, new CurrentActor());
}
