using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tongxin.Common.Auth;
using Tongxin.Common.Jobs;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;
using Tongxin.Features.Imports;
using Tongxin.Tests.Infrastructure;
using static Tongxin.Tests.Features.Imports.ImportKit;

namespace Tongxin.Tests.Features.Imports;

/// <summary>
/// What must hold when servers die, stop or race (issue 23): a committed import is never imported twice, a job's lease
/// is short and renewed, a dead server's job is judged, and the unique indexes make the database the judge of a race.
/// </summary>
public abstract class DurabilityTests(TestApp app)
{
    private static readonly object?[] Header = ["姓名", "身份证号", "平台", "账号", "粉丝数"];

    private static byte[] Sheet(IEnumerable<(string Name, string? Id, string Handle)> people, long followers = 100) =>
        new WorkbookBuilder().Row(Header).Rows(people.Select(p => new object?[] { p.Name, p.Id, "抖音", p.Handle, followers })).Build();

    private static List<(string Name, string? Id, string Handle)> People(int n, bool withId = true) =>
        Enumerable.Range(0, n).Select(_ => (Name(), withId ? IdNumber() : null, Unique("dur_"))).ToList();

    private ImportJobRunner Runner => app.Factory.Services.GetServices<IHostedService>().OfType<ImportJobRunner>().Single();

    /// <summary>A job of staff_city's for this file, as a dead server left it.</summary>
    private async Task<(Guid Id, string Path)> JobAsync(byte[] file, string state, DateTime? lockedUntil, int processed = 0)
    {
        return await app.WithDb(async (db, sp) =>
        {
            var files = sp.GetRequiredService<ImportFiles>();
            var path = files.NewWorkingPath();
            await File.WriteAllBytesAsync(path, file);
            var user = await db.Users.FirstAsync(u => u.UserName == "staff_city");
            var job = new ImportJob
            {
                Id = Guid.NewGuid(),
                RegionCode = "510500",
                UserId = user.Id,
                UserName = user.UserName,
                Mode = ImportModes.Commit,
                FileName = "人士.xlsx",
                StoredFile = await files.KeepUploadAsync(path, default),
                TotalRows = 3,
                State = state,
                ProcessedRows = processed,
                LockedBy = state == JobStates.Running ? "dead-server/1/abc" : null,
                LockedUntil = lockedUntil,
                CreatedAt = DateTime.UtcNow.AddMinutes(-5),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            return (job.Id, path);
        });
    }

    /// <summary>The dead server's run of the job, up to and including its commit.</summary>
    private async Task<ImportReport> CommitAsJobAsync(Guid jobId, string path)
    {
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<DataScopeHolder>().Use(DataScopeHolder.ForRegion("510500"));
        var db = sp.GetRequiredService<Tongxin.Common.Data.TongxinDb>();
        var user = await db.Users.IgnoreQueryFilters().FirstAsync(u => u.UserName == "staff_city");
        sp.GetRequiredService<CurrentActor>().Use(user.Id, user.UserName!);
        return await sp.GetRequiredService<FigureImporter>().RunAsync(FigureSheetReader.Open(path),
            new ImportRequest(path, "人士.xlsx", ImportModes.Commit, "510500", user.Id, null, jobId), null, default);
    }

    private Task<ImportJob> Job(Guid id) => app.WithDb((db, _) => db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id));

    [Theory]
    [InlineData(JobStates.Running)] // the lease ran out: judged as a dead server's job
    [InlineData(JobStates.Queued)] // claimable again (released): the run finds the batch before reading the file
    public async Task A_job_killed_just_after_its_commit_does_not_import_again(string stateAfterCrash)
    {
        var people = People(3);
        var file = Sheet(people);
        var (jobId, path) = await JobAsync(file, JobStates.Running, DateTime.UtcNow.AddMinutes(1));
        var first = await CommitAsJobAsync(jobId, path);
        Assert.True(first.Committed);
        // The crash point: the commit is done, the job was never marked done.
        await app.WithDb((db, _) => db.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, stateAfterCrash).SetProperty(j => j.LockedUntil, DateTime.UtcNow.AddSeconds(-1))));

        await Runner.TryRunOneAsync(default);
        while ((await Job(jobId)).State is JobStates.Queued or JobStates.Running) await Runner.TryRunOneAsync(default);

        var job = await Job(jobId);
        Assert.Equal(JobStates.Done, job.State);
        var report = JsonSerializer.Deserialize<ImportReport>(job.Report!, ImportJson.Options)!;
        Assert.Equal(first.BatchId, report.BatchId);
        Assert.Equal((3, 3), (report.TotalRows, report.Created));
        var handles = people.Select(p => PlatformAccount.KeyOf(p.Handle)).ToList();
        Assert.Equal(3, await app.WithDb((db, _) => db.PlatformAccounts.CountAsync(a => handles.Contains(a.HandleKey))));
        Assert.Equal(1, await app.WithDb((db, _) => db.ImportBatches.CountAsync(b => b.JobId == jobId)));
    }

    [Fact]
    public async Task A_job_whose_server_died_before_the_commit_is_shown_failed_with_its_rows_kept()
    {
        var people = People(3);
        var (jobId, _) = await JobAsync(Sheet(people), JobStates.Running, DateTime.UtcNow.AddSeconds(-1), processed: 2);
        await Runner.TryRunOneAsync(default);
        var job = await Job(jobId);
        Assert.Equal(JobStates.Failed, job.State);
        Assert.Equal(ImportJobRunner.InterruptedMessage, job.Report);
        Assert.Equal(2, job.ProcessedRows);
        var handles = people.Select(p => PlatformAccount.KeyOf(p.Handle)).ToList();
        Assert.Equal(0, await app.WithDb((db, _) => db.PlatformAccounts.CountAsync(a => handles.Contains(a.HandleKey))));
        var status = await (await app.As("staff_city")).GetJson($"/api/import-jobs/{jobId}");
        Assert.Equal(("failed", ImportJobRunner.InterruptedMessage), (status["state"]!.GetValue<string>(), status["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_running_job_with_a_live_lease_is_left_to_its_server()
    {
        var (jobId, _) = await JobAsync(Sheet(People(1)), JobStates.Running, DateTime.UtcNow.AddMinutes(1));
        await Runner.FinishStaleAsync(everyRunning: false, default);
        Assert.Equal(JobStates.Running, (await Job(jobId)).State);
        await app.WithDb((db, _) => db.ImportJobs.Where(j => j.Id == jobId).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task The_heartbeat_renews_the_lease_of_the_server_holding_it_only()
    {
        var (jobId, _) = await JobAsync(Sheet(People(1)), JobStates.Running, DateTime.UtcNow.AddMinutes(1));
        var lease = new JobLease(TimeSpan.FromSeconds(3));
        var quiet = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var before = (await Job(jobId)).LockedUntil!.Value;
        // Another server's heartbeat does nothing to it; its holder's sets it a lease (3 s) ahead of now.
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.6)))
            await QueuedJobs.HeartbeatAsync(app.Factory.Services, db => db.ImportJobs, jobId, "another/2/def", lease, quiet, stop.Token);
        Assert.Equal(before, (await Job(jobId)).LockedUntil);
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.6)))
            await QueuedJobs.HeartbeatAsync(app.Factory.Services, db => db.ImportJobs, jobId, "dead-server/1/abc", lease, quiet, stop.Token);
        var renewed = (await Job(jobId)).LockedUntil!.Value;
        Assert.True(renewed < before && renewed > DateTime.UtcNow, $"{renewed:O} (was {before:O})");
        await app.WithDb((db, _) => db.ImportJobs.Where(j => j.Id == jobId).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Two_creates_with_one_id_number_at_once_give_one_201_and_the_sequential_400()
    {
        var jy = await app.As("staff_jy");
        var city = await app.As("staff_city");
        for (var round = 0; round < 20; round++)
        {
            var number = IdNumber();
            var responses = await Task.WhenAll(
                jy.PostAsync("/api/figures", new { name = Name(), regionCode = "510502", idNumber = number }),
                city.PostAsync("/api/figures", new { name = Name(), regionCode = "510502", idNumber = number }));
            var codes = responses.Select(r => r.StatusCode).ToList();
            Assert.True(codes.Count(c => c == HttpStatusCode.Created) == 1, $"round {round}: {string.Join(", ", codes)}");
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.Created);
            var problem = await ApiClient.ReadJson(loser, HttpStatusCode.BadRequest);
            Assert.StartsWith("该身份证号已登记（", problem["errors"]!["idNumber"]![0]!.GetValue<string>());
            var hash = await app.WithDb((_, sp) => Task.FromResult(sp.GetRequiredService<Tongxin.Common.Security.FieldProtector>().Hash(number)));
            Assert.Equal(1, await app.WithDb((db, _) => db.Figures.CountAsync(f => f.IdNumberHash == hash)));
        }
    }

    [Fact]
    public async Task Two_overlapping_imports_of_the_same_people_leave_each_person_once_and_the_loser_names_its_rows()
    {
        var jy = await app.As("staff_jy");
        var nx = await app.As("staff_nx");
        for (var round = 0; round < 20; round++)
        {
            var people = People(4);
            // Half of them with an ID number, half by account alone: both unique indexes are tried.
            var mixed = people.Select((p, i) => i % 2 == 0 ? p : p with { Id = null }).ToList();
            var file = Sheet(mixed);
            var responses = await Task.WhenAll(Upload(jy, file, "commit"), Upload(nx, file, "commit"));
            var reports = new List<System.Text.Json.Nodes.JsonNode>();
            foreach (var r in responses)
            {
                Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"round {round}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
                var json = await ApiClient.ReadJson(r, r.StatusCode);
                if (r.StatusCode == HttpStatusCode.BadRequest) Assert.Equal(FigureImporter.ConflictRetryMessage, json["title"]!.GetValue<string>());
                else reports.Add(json);
            }
            var committed = reports.Where(r => r["committed"]!.GetValue<bool>()).ToList();
            Assert.True(committed.Count == 1, $"round {round}: {committed.Count} committed");
            Assert.Equal(4, committed[0]["created"]!.GetValue<int>());
            foreach (var loser in reports.Where(r => !r["committed"]!.GetValue<bool>()))
                Assert.Equal([2, 3, 4, 5], Errors(loser).Select(e => e.Row).Distinct().Order());
            var handles = people.Select(p => PlatformAccount.KeyOf(p.Handle)).ToList();
            var owners = await app.WithDb((db, _) => db.PlatformAccounts.Where(a => handles.Contains(a.HandleKey)).Select(a => a.Figure!.RegionCode).ToListAsync());
            Assert.Equal(4, owners.Count);
            Assert.Single(owners.Distinct());
        }
    }

    [Fact]
    public async Task Bulk_imported_lines_carry_the_region_so_the_district_administrator_sees_every_one()
    {
        var admin = await DistrictAdminAsync();
        var nx = await app.As("staff_nx");
        var people = People(3, withId: false);
        var first = await Import(nx, Sheet(people, 100));
        Assert.True(first["committed"]!.GetValue<bool>());
        // Again with new numbers on another day: snapshots added to existing accounts (the update writer).
        var again = new WorkbookBuilder().Row([.. Header, "统计日期"])
            .Rows(people.Select(p => new object?[] { p.Name, null, "抖音", p.Handle, 200, "2026-01-02" })).Build();
        var second = await Import(nx, again);
        Assert.Equal(3, second["updated"]!.GetValue<int>());

        var handles = people.Select(p => PlatformAccount.KeyOf(p.Handle)).ToList();
        var (figureIds, accountIds, snapshotIds) = await app.WithDb(async (db, _) =>
        {
            var accounts = await db.PlatformAccounts.AsNoTracking().Include(a => a.Snapshots).Where(a => handles.Contains(a.HandleKey)).ToListAsync();
            return (accounts.Select(a => a.FigureId.ToString()).ToList(), accounts.Select(a => a.Id.ToString()).ToList(),
                accounts.SelectMany(a => a.Snapshots).Select(s => s.Id.ToString()).ToList());
        });
        Assert.Equal(6, snapshotIds.Count);
        foreach (var (type, ids) in new[] { ("Figure", figureIds), ("PlatformAccount", accountIds), ("MetricSnapshot", snapshotIds) })
            foreach (var id in ids)
            {
                var page = await admin.GetJson($"/api/audit?entityType={type}&entityId={id}");
                Assert.True(page["total"]!.GetValue<int>() >= 1, $"{type} {id} is missing from the district administrator's audit view");
            }
    }

    private async Task<ApiClient> DistrictAdminAsync()
    {
        const string name = "admin_nx_durability";
        await app.WithDb(async (_, sp) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(name) is not null) return 0;
            var user = new AppUser { UserName = name, DisplayName = name, RegionCode = "510503", CreatedAt = DateTime.UtcNow };
            Assert.True((await users.CreateAsync(user, TestApp.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Admin);
            return 0;
        });
        return await app.As(name);
    }
}

public sealed class DurabilityTestsOnSqlite(SqliteApp app) : DurabilityTests(app), IClassFixture<SqliteApp>;
public sealed class DurabilityTestsOnPostgres(PostgresApp app) : DurabilityTests(app), IClassFixture<PostgresApp>;
