using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
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
    public static readonly (string Label, FigureFilter Filter)[] SearchMix =
    [
        ("1 char common surname 王", new() { Q = "王" }),
        ("2 chars 王伟", new() { Q = "王伟" }),
        ("3 chars 王梓涵", new() { Q = "王梓涵" }),
        ("rare name 诸葛", new() { Q = "诸葛" }),
        ("pinyin initials wzh", new() { Q = "wzh" }),
        ("full pinyin wangwei", new() { Q = "wangwei" }),
        ("handle word luzhou", new() { Q = "luzhou" }),
        ("王 + category", new() { Q = "王", Category = "anchor" }),
        ("wzh + follower tier 100k", new() { Q = "wzh", FollowerTier = "100k" }),
        ("王伟 + platform douyin", new() { Q = "王伟", Platform = "douyin" }),
        ("no query, key figures", new() { KeyLevel = "any" }),
    ];

    /// <summary>The kinds of query the search box gets: Chinese of one to three characters, a latin letter, initials, full pinyin, a handle word, none.</summary>
    public static readonly (string Label, string? Q)[] QueryKinds =
    [
        ("no query", null), ("李", "李"), ("王伟", "王伟"), ("王梓涵", "王梓涵"), ("x", "x"), ("wzh", "wzh"), ("wang", "wang"), ("liu", "liu"), ("luzhou", "luzhou"),
    ];

    /// <summary>The list's filters, one at a time.</summary>
    public static readonly (string Label, FigureFilter Filter)[] Filters =
    [
        ("", new()), ("category", new() { Category = "anchor" }), ("key figures", new() { KeyLevel = "any" }), ("keyLevel=city", new() { KeyLevel = "city" }),
        ("platform", new() { Platform = "douyin" }), ("tier 1m", new() { FollowerTier = "1m" }), ("tag", new() { Tag = "乡村振兴" }), ("status all", new() { Status = "all" }),
    ];

    /// <summary>The list's orders.</summary>
    public static readonly string?[] Orders = [null, "-followers", "-enrolledOn", "region"];

    /// <summary>
    /// Every order × query kind without a filter, and every order × filter with no query and with a common one (李),
    /// page 1: the shapes the list page offers (issue 19), beyond <see cref="SearchMix"/>.
    /// </summary>
    public static IEnumerable<(string Label, FigureFilter Filter)> Shapes()
    {
        foreach (var sort in Orders)
        {
            var order = sort ?? "name";
            foreach (var (label, q) in QueryKinds) yield return ($"{label}, {order}", new() { Q = q, Sort = sort });
            foreach (var (label, filter) in Filters.Skip(1))
            foreach (var (qLabel, q) in QueryKinds.Where(k => k.Q is null or "李"))
                yield return ($"{qLabel} + {label}, {order}", filter with { Q = q, Sort = sort });
        }
    }

    /// <summary>The city the scenarios measure as its city-level user (bench_city, 泸州): its region-code prefix.</summary>
    public const string CityPrefix = "5105";

    /// <summary>The users whose scope the scenarios run in, as the app scopes them (bench_city, bench_province), and their labels' prefix.</summary>
    private static readonly (string Prefix, string RegionCode)[] Users = [("", CityPrefix + "00"), ("province ", "510000")];

    public static async Task RunAsync(BenchConfig config, Report report, int iterations, string? only = null)
    {
        foreach (var (prefix, regionCode) in Users)
        {
            await using var db = Open(config, DataScopeHolder.ForRegion(regionCode));
            await RunInScopeAsync(config, report, db, prefix, iterations, only);
        }
    }

    private static async Task RunInScopeAsync(BenchConfig config, Report report, TongxinDb db, string prefix, int iterations, string? only)
    {
        var scenarios = new[] { 1, 50 }.SelectMany(page => SearchMix.Select(m => ($"{prefix}search page {page}: {m.Label}", m.Filter, page, iterations)))
            .Concat(Shapes().Select(s => ($"{prefix}list shape: {s.Label}", s.Filter, 1, Math.Max(3, iterations / 2))));
        foreach (var (name, filter, page, runs) in scenarios)
        {
            if (only is not null && !name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var (ef, raw, fresh) = (new List<double>(), new List<double>(), new List<double>());
            // The list endpoint's own queries: the capped count (which chooses the page's plan), then the page.
            var queries = await ListFigures.QueriesAsync(filter, db, page, 20);
            // The very commands EF would send, parameters and all, executed through plain ADO.NET.
            await db.Database.OpenConnectionAsync();
            using var pageCommand = queries.Page.CreateDbCommand();
            using var countCommand = queries.Count.CreateDbCommand();
            countCommand.CommandText = $"SELECT COUNT(*) FROM ({countCommand.CommandText}) AS c";
            if (Environment.GetEnvironmentVariable("BENCH_SHOW_SQL") == "1") Console.WriteLine(pageCommand.CommandText + "\n" + countCommand.CommandText);
            for (var i = 0; i < runs + 3; i++)
            {
                // EF: what a request runs, from the filter to the rows (building the queries included).
                var sw = Stopwatch.StartNew();
                queries = await ListFigures.QueriesAsync(filter, db, page, 20);
                await queries.PageAsync();
                var efMs = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                await countCommand.ExecuteScalarAsync();
                await ReadAllAsync(pageCommand);
                var rawMs = sw.Elapsed.TotalMilliseconds;
                // Raw SQL as a request would run it: a new command each time (SQLite prepares it again, as EF must).
                sw.Restart();
                await using (var freshCount = Copy(countCommand)) await freshCount.ExecuteScalarAsync();
                await using (var freshPage = Copy(pageCommand)) await ReadAllAsync(freshPage);
                var freshMs = sw.Elapsed.TotalMilliseconds;
                if (i < 3) continue; // warm-up: plan caches, page cache
                ef.Add(efMs);
                raw.Add(rawMs);
                fresh.Add(freshMs);
            }
            ef.Sort();
            raw.Sort();
            fresh.Sort();
            var (efP50, rawP50, freshP50) = (Report.Percentile(ef, 0.5), Report.Percentile(raw, 0.5), Report.Percentile(fresh, 0.5));
            var p99 = Report.Percentile(ef, 0.99);
            var ratio = efP50 / Math.Max(rawP50, 0.001);
            // The budget (DESIGN "Budgets"): EF adds at most 1.5x or 0.5 ms over the same SQL run raw, whichever is
            // larger; raw as a request would run it, a new command per call.
            var overhead = efP50 <= Math.Max(1.5 * freshP50, freshP50 + 0.5);
            report.Add(new Measurement(name, config.Provider, efP50, p99, 1000 / Math.Max(efP50, 0.001), null, ratio,
                "p99<50ms, EF ≤ max(1.5×, +0.5 ms) raw", p99 < 50 && overhead,
                $"x{efP50 / Math.Max(freshP50, 0.001):F2} (+{efP50 - freshP50:F2} ms) vs raw with a new command per call; total {queries.Counted}"));
        }
    }

    // The parameters are cloned, types and all: on PostgreSQL a copy that sent text where EF sends varchar made
    // Npgsql's auto-prepare (keyed by the SQL) prepare the statement again every time the two alternated, so EF's
    // own commands were parsed and planned on every iteration and looked 2-4x slower than they are.
    private static DbCommand Copy(DbCommand source)
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

    private static async Task<int> ReadAllAsync(DbCommand command)
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

    public static TongxinDb Open(BenchConfig config, IDataScope scope) => config.Provider == "postgres"
        ? new PostgresTongxinDb(Logged(new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql(DatabaseOptions.WithPostgresDefaults(config.ConnectionString))).Options, scope, new CurrentActor())
        : new SqliteTongxinDb(Logged(new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite(config.ConnectionString).AddInterceptors(new SqlitePragmas())).Options, scope, new CurrentActor());

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
