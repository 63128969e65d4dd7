using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Bench;

/// <summary>
/// The search query as the API builds it (EF) against the very same SQL through ADO.NET, on the same data in
/// the same run, as a city-level user and as a province-level one (the widest scope: every figure): the ratio
/// isolates what EF adds.
/// </summary>
public static partial class DataLayerScenarios
{
    /// <summary>The city the scenarios measure as its city-level user (bench_city, 泸州): its region-code prefix.</summary>
    public const string CityPrefix = "5105";

    /// <summary>
    /// The users whose scope the scenarios run in, as the app scopes them (bench_city, bench_province), their labels' prefix,
    /// and a region inside their scope for the region filter (a district of the city; the city in the province).
    /// </summary>
    public static readonly (string Prefix, string RegionCode, string SubRegion)[] Users =
        [("", CityPrefix + "00", CityPrefix + "02"), ("province ", "510000", CityPrefix + "00")];

    /// <summary>A scenario stops after this much measured time once it has 5 samples (a slow shape at full scale reports n).</summary>
    public static readonly TimeSpan ScenarioTimeCap = TimeSpan.FromSeconds(15);

    /// <summary>DESIGN "Budgets": EF may add at most 1.5× or 0.5 ms over the same SQL run raw, whichever is larger.</summary>
    public static bool WithinRawBudget(double efMs, double rawMs) => efMs <= Math.Max(1.5 * rawMs, rawMs + 0.5);

    public static async Task RunAsync(BenchConfig config, Report report, int iterations, string? only = null)
    {
        foreach (var (prefix, regionCode, subRegion) in Users)
        {
            await using var db = Open(config, DataScopeHolder.ForRegion(regionCode));
            await RunInScopeAsync(config, report, db, prefix, SearchMix.For(subRegion), iterations, only);
        }
    }

    private static async Task RunInScopeAsync(BenchConfig config, Report report, TongxinDb db, string prefix, List<SearchCase> mix, int iterations, string? only)
    {
        foreach (var page in new[] { 1, 50 })
            foreach (var (label, filter, deep) in mix)
            {
                if (page > 1 && !deep) continue;
                var name = $"{prefix}search page {page}: {label}";
                if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
                var (ef, raw, fresh, build) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
                var clock = Stopwatch.StartNew();
                // The list endpoint's own queries: the page, then the capped count unless the first page tells the total,
                // run as the endpoint runs them (compiled for a key-only search).
                var queries = await ListFigures.QueriesAsync(filter, db, page, 20);
                // The very commands EF would send, parameters and all, executed through plain ADO.NET.
                await db.Database.OpenConnectionAsync();
                using var pageCommand = queries.Page.CreateDbCommand();
                using var countCommand = queries.Count.CreateDbCommand();
                countCommand.CommandText = $"SELECT COUNT(*) FROM ({countCommand.CommandText}) AS c";
                if (Environment.GetEnvironmentVariable("BENCH_SHOW_SQL") == "1") Console.WriteLine((queries.Walk is { } walk ? "-- tried first:\n" + walk.ToQueryString() + "\n-- else:\n" : "") + pageCommand.CommandText + "\n" + countCommand.CommandText);
                var warm = Math.Min(3, iterations); // warm-up (plan caches, page cache); one at smoke, which checks only that a shape runs
                for (var i = 0; i < iterations + warm; i++)
                {
                    // Building the queries is the request's work too, before any SQL: reported beside the ratio.
                    // Each of the three within the endpoint's plan setting (PlansForValues: PostgreSQL plans for the values).
                    var sw = Stopwatch.StartNew();
                    double buildMs;
                    await using (await PlansForValues.BeginAsync(db))
                    {
                        queries = await ListFigures.QueriesAsync(filter, db, page, 20);
                        buildMs = sw.Elapsed.TotalMilliseconds;
                        sw.Restart();
                        var rows = await queries.PageAsync();
                        if (ListFigures.KnownTotal(page, 20, rows.Count) is null) await queries.CountAsync();
                    }
                    var efMs = sw.Elapsed.TotalMilliseconds;
                    sw.Restart();
                    int rawRows;
                    await using (await PlansForValues.BeginAsync(db))
                    {
                        rawRows = await ReadAllAsync(pageCommand);
                        if (ListFigures.KnownTotal(page, 20, rawRows) is null) await countCommand.ExecuteScalarAsync();
                    }
                    var rawMs = sw.Elapsed.TotalMilliseconds;
                    // Raw SQL as a request would run it: a new command each time (SQLite prepares it again, as EF must).
                    sw.Restart();
                    await using (await PlansForValues.BeginAsync(db))
                    {
                        await using (var freshPage = Copy(pageCommand))
                            rawRows = await ReadAllAsync(freshPage);
                        if (ListFigures.KnownTotal(page, 20, rawRows) is null)
                            await using (var freshCount = Copy(countCommand)) await freshCount.ExecuteScalarAsync();
                    }
                    var freshMs = sw.Elapsed.TotalMilliseconds;
                    if (i < warm) continue;
                    ef.Add(efMs);
                    raw.Add(rawMs);
                    fresh.Add(freshMs);
                    build.Add(buildMs);
                    if (ef.Count >= 5 && clock.Elapsed > ScenarioTimeCap) break;
                }
                ef.Sort();
                raw.Sort();
                fresh.Sort();
                build.Sort();
                var freshRatio = Report.Percentile(ef, 0.5) / Math.Max(Report.Percentile(fresh, 0.5), 0.001);
                var p99 = Report.Percentile(ef, 0.99);
                var ratio = Report.Percentile(ef, 0.5) / Math.Max(Report.Percentile(raw, 0.5), 0.001);
                report.Add(new Measurement(name, config.Provider, Report.Percentile(ef, 0.5), p99,
                    1000 / Math.Max(Report.Percentile(ef, 0.5), 0.001), null, ratio, "p99<50ms, ≤1.5× or +0.5 ms raw",
                    p99 < 50 && WithinRawBudget(Report.Percentile(ef, 0.5), Report.Percentile(raw, 0.5)),
                    $"x{freshRatio:F2} vs raw with a new command per call; building the queries {Report.Percentile(build, 0.5):F3} ms; n={ef.Count}"));
            }
    }

    // The parameters are cloned, types and all: on PostgreSQL a copy that sent text where EF sends varchar made
    // Npgsql's auto-prepare (keyed by the SQL) prepare the statement again every time the two alternated, so EF's
    // own commands were parsed and planned on every iteration and looked 2-4x slower than they are.
    public static DbCommand Copy(DbCommand source)
    {
        var copy = source.Connection!.CreateCommand();
        copy.CommandText = source.CommandText;
        foreach (DbParameter p in source.Parameters)
        {
            if (p is ICloneable cloneable)
            {
                copy.Parameters.Add(cloneable.Clone());
                continue;
            }
            var q = copy.CreateParameter();
            q.ParameterName = p.ParameterName;
            q.Value = p.Value;
            q.DbType = p.DbType;
            copy.Parameters.Add(q);
        }
        return copy;
    }

    public static async Task<int> ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }

    public static TongxinDb Open(BenchConfig config, IDataScope scope, params IInterceptor[] interceptors) => config.Provider == "postgres"
        ? new PostgresTongxinDb(Logged(new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql(DatabaseOptions.WithPostgresDefaults(config.ConnectionString))
            .AddInterceptors(interceptors)).Options, scope, new CurrentActor())
        : new SqliteTongxinDb(Logged(new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite(config.ConnectionString)
            .AddInterceptors([new SqlitePragmas(), .. interceptors])).Options, scope, new CurrentActor());

    // BENCH_LOG_SQL=1 prints every command EF sends (to look at a query's shape).
    private static DbContextOptionsBuilder<T> Logged<T>(DbContextOptionsBuilder<T> b) where T : DbContext =>
        Environment.GetEnvironmentVariable("BENCH_LOG_SQL") == "1"
            ? b.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted])
            : b;

    /// <summary>Runs SQL produced by ToQueryString: its "-- @p='v'" header lines become parameters.</summary>
    public static async Task<int> RawAsync(DbConnection conn, string sqlWithHeader, List<(string, object)>? given = null)
    {
        var (sql, parameters) = given is null ? StripHeader(sqlWithHeader) : (sqlWithHeader, given);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        var rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }

    public static (string sql, List<(string, object)> parameters) StripHeader(string text)
    {
        var parameters = new List<(string, object)>();
        var body = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            // SQLite: ".param set @name value"; Npgsql: "-- @name='value' (DbType = Int32)".
            var sqlite = SqliteParam().Match(line);
            var pg = PgParam().Match(line);
            if (sqlite.Success) parameters.Add((sqlite.Groups[1].Value, Typed(sqlite.Groups[2].Value.Trim(), null)));
            else if (pg.Success) parameters.Add((pg.Groups[1].Value, Typed("'" + pg.Groups[2].Value + "'", pg.Groups[3].Value)));
            else if (!line.StartsWith("-- ")) body.Add(line);
        }
        return (string.Join('\n', body), parameters);
    }

    private static object Typed(string literal, string? dbType)
    {
        if (literal.StartsWith('\'') && literal.EndsWith('\''))
        {
            var inner = literal[1..^1].Replace("''", "'");
            return dbType switch
            {
                "Int32" => int.Parse(inner, CultureInfo.InvariantCulture),
                "Int64" => long.Parse(inner, CultureInfo.InvariantCulture),
                "Boolean" => bool.Parse(inner),
                "Date" => DateOnly.Parse(inner, CultureInfo.InvariantCulture),
                _ => inner,
            };
        }
        return long.TryParse(literal, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : literal;
    }

    [GeneratedRegex(@"^\.param set (@\w+) (.*)$")]
    private static partial Regex SqliteParam();

    [GeneratedRegex(@"^-- (@\w+)='(.*)'(?: \(DbType = (\w+)\))?\s*$")]
    private static partial Regex PgParam();
}
