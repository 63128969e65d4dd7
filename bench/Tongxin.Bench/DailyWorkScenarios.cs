using System.Data.Common;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Features.HelpRequests;
using Tongxin.Features.Liaison;
using Tongxin.Features.TaskPlans;

namespace Tongxin.Bench;

/// <summary>
/// The daily-work lists (liaison, contact logs, help requests, task plans) measured as their endpoints run them: the
/// feature's own handler is called with the user it serves (claims and region scope as the server builds them), and
/// every SQL command it sends is captured once and replayed through plain ADO.NET on the same connection, so the ratio
/// says what EF and the handler's own work add over the same SQL. Budgets: lists p99 &lt; 50 ms; the request statistics
/// are dashboard aggregates (DESIGN "Budgets": &lt; 200 ms); the feedback form &lt; 300 ms (the liaison issue).
/// </summary>
public static class DailyWorkScenarios
{
    private const string ListBudget = "p99<50ms, ≤1.5× or +0.5 ms raw";

    /// <summary>
    /// A query that runs longer than this is cancelled (PostgreSQL) and reported as not met with its timeout, so that one
    /// shape whose plan grows with the square of the rows cannot hold the run for hours; SQLite has no statement timeout.
    /// </summary>
    private static TimeSpan CommandTimeout(bool smoke) => TimeSpan.FromSeconds(smoke ? 10 : 60);

    public static async Task RunAsync(BenchConfig config, Report report, int iterations, string? only, bool smoke = false)
    {
        string city = DataLayerScenarios.CityPrefix + "00", district = DataLayerScenarios.CityPrefix + "02";
        Dictionary<string, string> ids;
        long busiestFigure;
        long? plan;
        var year = Cadres.Today().Year;
        await using (var db = DataLayerScenarios.Open(config, UnrestrictedScope.Instance))
        {
            string[] names = ["bench_city", "bench_province", DailyWorkData.BenchCadre, DailyWorkData.BenchUnit];
            ids = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
            if (!ids.ContainsKey(DailyWorkData.BenchCadre))
            {
                Console.WriteLine("  (no daily-work data in this dataset: generate it again to measure the daily-work scenarios)");
                return;
            }
            // The contact-log list of the bench cadre's figure with the most logs (the long tail is what p99 is about).
            var cadreId = ids[DailyWorkData.BenchCadre];
            busiestFigure = await db.ContactLogs.Where(l => l.CadreUserId == cadreId).GroupBy(l => l.FigureId)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync();
            plan = await db.TaskPlans.Where(p => p.RegionCode == city && p.Year == year).Select(p => (long?)p.Id).FirstOrDefaultAsync();
        }
        var staff = Principal(ids["bench_city"], Roles.Staff, city);
        var province = Principal(ids["bench_province"], Roles.Staff, "510000");
        var cadre = Principal(ids[DailyWorkData.BenchCadre], Roles.Cadre, city);
        var unit = Principal(ids[DailyWorkData.BenchUnit], Roles.Unit, city);
        var yearStart = new DateOnly(year, 1, 1);

        var scenarios = new List<Scenario>
        {
            new("liaison: my figures (cadre with 200 figures)", city, ListBudget, 50, async db => await ListMyFigures.Handle(db, cadre)),
            new("liaison: due list page 1 (city staff)", city, ListBudget, 50, async db => (await ListDue.Handle(db, new DueFilter(), 1, 20)).Result),
            new("liaison: due list overdue, one district (city staff)", city, ListBudget, 50,
                async db => (await ListDue.Handle(db, new DueFilter { State = "overdue", RegionCode = district }, 1, 20)).Result),
            new("liaison: due list due soon, by name (city staff)", city, ListBudget, 50,
                async db => (await ListDue.Handle(db, new DueFilter { State = "dueSoon", Sort = "name" }, 1, 20)).Result),
            new("province liaison: due list overdue (province staff)", "510000", ListBudget, 50,
                async db => (await ListDue.Handle(db, new DueFilter { State = "overdue" }, 1, 20)).Result),
            new("contact logs: one figure's, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListContactLogs.Handle(db, staff, busiestFigure, null, null, null, 1, 20)),
            new("contact logs: one figure's, page 1 (its cadre)", city, ListBudget, 50,
                async db => await ListContactLogs.Handle(db, cadre, busiestFigure, null, null, null, 1, 20)),
            new("contact logs: a cadre's this year, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListContactLogs.Handle(db, staff, null, ids[DailyWorkData.BenchCadre], yearStart, null, 1, 20)),
            new("help requests: board, all, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter(), 1, 20)),
            new("help requests: board, 办理中 tab, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Status = "inProgress" }, 1, 20)),
            new("help requests: board, 已转办 tab, one district, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Status = "routed", RegionCode = district }, 1, 20)),
            new("help requests: board filtered: category, overdue (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Category = "policy", Overdue = true }, 1, 20)),
            new("help requests: board filtered: q=场地, page 2 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Q = "场地" }, 2, 20)),
            new("help requests: board, overdue, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Overdue = true }, 1, 20)),
            new("help requests: board filtered: q=场地, 已办结 tab, page 1 (city staff)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, staff, new HelpRequestFilter { Q = "场地", Status = "completed" }, 1, 20)),
            new("province help requests: board filtered: q=场地, page 1 (province staff)", "510000", ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, province, new HelpRequestFilter { Q = "场地" }, 1, 20)),
            new("province help requests: board, overdue, page 1 (province staff)", "510000", ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, province, new HelpRequestFilter { Overdue = true }, 1, 20)),
            new("province help requests: board, 已转办 tab, page 1 (province staff)", "510000", ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, province, new HelpRequestFilter { Status = "routed" }, 1, 20)),
            new("help requests: unit inbox, page 1 (member unit)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, unit, new HelpRequestFilter(), 1, 20)),
            new("help requests: unit inbox, open only (member unit)", city, ListBudget, 50,
                async db => await ListHelpRequests.Handle(db, unit, new HelpRequestFilter { Open = true }, 1, 20)),
            new("help requests: stats this year (city staff)", city, "p99<200ms (dashboard)", 200, async db => await HelpRequestStatistics.Handle(db, null, year)),
            new("province help requests: stats this year (province staff)", "510000", "p99<200ms (dashboard)", 200,
                async db => await HelpRequestStatistics.Handle(db, null, year)),
            new("liaison: feedback form this year (cadre with 200 figures)", city, "p99<300ms", 300,
                async db => (await GetFeedbackForm.Handle(year, db, cadre)).Result),
        };
        if (plan is { } planId)
            scenarios.Add(new("task plans: quarterly dispatch of a plan (city staff)", city, ListBudget, 50,
                async db => (await GetDispatch.Handle(planId, null, staff, db)).Result));

        foreach (var s in scenarios)
        {
            if (only is not null && !s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)) continue;
            var capture = new CommandCapture();
            await using var db = DataLayerScenarios.Open(config, DataScopeHolder.ForRegion(s.Region), capture);
            db.Database.SetCommandTimeout(CommandTimeout(smoke));
            try
            {
                report.Add(await MeasureAsync(config, db, capture, s, iterations));
            }
            catch (Exception e) when (IsTimeout(e))
            {
                var limit = CommandTimeout(smoke).TotalSeconds;
                report.Add(new Measurement(s.Name, config.Provider, limit * 1000, limit * 1000, 0, null, null, s.Budget, false,
                    $"too slow to measure: a query ran past the {limit:F0} s command timeout and was cancelled"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                report.Add(new Measurement(s.Name, config.Provider, 0, 0, 0, null, null, s.Budget, false, "errors: " + e.GetType().Name + ": " + e.Message));
            }
        }
    }

    private sealed record Scenario(string Name, string Region, string Budget, double LimitMs, Func<TongxinDb, Task<IResult>> Run);

    private static bool IsTimeout(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is TimeoutException || (e is Npgsql.PostgresException pg && pg.SqlState == "57014")) return true;
        return false;
    }

    private static async Task<Measurement> MeasureAsync(BenchConfig config, TongxinDb db, CommandCapture capture, Scenario s, int iterations)
    {
        await db.Database.OpenConnectionAsync();
        capture.Start();
        var firstCall = Stopwatch.StartNew();
        var first = await s.Run(db);
        var firstMs = firstCall.Elapsed.TotalMilliseconds;
        var commands = capture.Stop();
        // TONGXIN_BENCH_SQL=1 prints each scenario's SQL with its parameters (to EXPLAIN it by hand).
        if (Environment.GetEnvironmentVariable("TONGXIN_BENCH_SQL") == "1")
            foreach (var c in commands)
                Console.WriteLine($"-- {s.Name}\n{string.Join("\n", c.Parameters.Cast<DbParameter>().Select(p => $"--   {p.ParameterName} = {p.Value}"))}\n{c.CommandText};\n");
        foreach (var c in commands) c.CommandTimeout = db.Database.GetCommandTimeout() ?? 0;
        if (first is not IStatusCodeHttpResult { StatusCode: 200 } ok)
            return new Measurement(s.Name, config.Provider, 0, 0, 0, null, null, s.Budget, false,
                $"errors: the handler answered {(first as IStatusCodeHttpResult)?.StatusCode}");
        var size = Describe((first as IValueHttpResult)?.Value);
        if (firstMs > DataLayerScenarios.ScenarioTimeCap.TotalMilliseconds)
        {
            // One call took longer than a whole scenario may: that call is the figure (no warm-up, no raw replay).
            foreach (var c in commands) await c.DisposeAsync();
            return new Measurement(s.Name, config.Provider, firstMs, firstMs, 1000 / firstMs, null, null, s.Budget, false,
                $"{commands.Count} SQL commands; {size}; one call only (slower than the {DataLayerScenarios.ScenarioTimeCap.TotalSeconds:F0} s a scenario may take)");
        }
        var (ef, raw) = (new List<double>(), new List<double>());
        var clock = Stopwatch.StartNew();
        var warm = Math.Min(3, iterations);
        for (var i = 0; i < iterations + warm; i++)
        {
            var sw = Stopwatch.StartNew();
            await s.Run(db);
            var efMs = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            foreach (var c in commands) await DataLayerScenarios.ReadAllAsync(c);
            var rawMs = sw.Elapsed.TotalMilliseconds;
            if (i < warm) continue; // warm-up: plan caches, page cache
            ef.Add(efMs);
            raw.Add(rawMs);
            if (ef.Count >= 5 && clock.Elapsed > DataLayerScenarios.ScenarioTimeCap) break;
        }
        foreach (var c in commands) await c.DisposeAsync();
        ef.Sort();
        raw.Sort();
        var (p50, p99, raw50) = (Report.Percentile(ef, 0.5), Report.Percentile(ef, 0.99), Report.Percentile(raw, 0.5));
        var ratio = p50 / Math.Max(raw50, 0.001);
        return new Measurement(s.Name, config.Provider, p50, p99, 1000 / Math.Max(p50, 0.001), null, ratio, s.Budget,
            p99 < s.LimitMs && DataLayerScenarios.WithinRawBudget(p50, raw50),
            $"{commands.Count} SQL commands, raw p50 {raw50:F2} ms; {size}; n={ef.Count}");
    }

    private static string Describe(object? value) => value switch
    {
        null => "no body",
        System.Collections.ICollection c => $"{c.Count} rows",
        _ when value.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Paged<>) =>
            $"total {t.GetProperty(nameof(Paged<int>.Total))!.GetValue(value)}",
        _ => value.GetType().Name,
    };

    /// <summary>A signed-in user as the server's claims factory describes them: id, role and region.</summary>
    private static ClaimsPrincipal Principal(string userId, string role, string region) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId), new Claim(ClaimTypes.Role, role),
            new Claim(TongxinClaims.Region, region), new Claim(TongxinClaims.DisplayName, "bench"),
        ], "bench"));

    /// <summary>Copies of the commands EF sends while capturing (text and typed parameters), bound to the same connection.</summary>
    public sealed class CommandCapture : DbCommandInterceptor
    {
        private List<DbCommand>? _captured;

        public void Start() => _captured = [];

        public List<DbCommand> Stop()
        {
            var list = _captured ?? [];
            _captured = null;
            return list;
        }

        private void Take(DbCommand command) => _captured?.Add(DataLayerScenarios.Copy(command));

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Take(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Take(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Take(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Take(command);
            return ValueTask.FromResult(result);
        }
    }
}
