using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Liaison;

public abstract class AssignmentTests(TestApp app)
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task Staff_assign_a_figure_and_ending_keeps_it_in_history()
    {
        var cadre = await app.UserId("cadre_city");
        var figure = await app.CreateFigure("staff_city", new { name = "结对甲", regionCode = "510502", keyLevel = "city" });
        var start = LiaisonFixtures.Today.AddDays(-30);
        var id = await app.Assign(figure, cadre, start);
        var staff = await app.As("staff_city");

        var active = await staff.GetJson($"/api/liaison/assignments?figureId={figure}&active=true");
        var item = active["items"]!.AsArray().Single()!;
        Assert.Equal(id, item["id"]!.GetValue<long>());
        Assert.Equal("cadre_city", item["cadreName"]!.GetValue<string>());
        Assert.Equal(Day(start), item["startOn"]!.GetValue<string>());

        // A second active assignment of the same pair is refused; another cadre may share the figure.
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync("/api/liaison/assignments", new { figureId = figure, cadreUserId = cadre, startOn = Day(start) })).StatusCode);

        // End before start and a missing reason are field errors that change nothing.
        var bad = await ApiClient.ReadJson(await staff.PostAsync($"/api/liaison/assignments/{id}/end", new { endOn = Day(start.AddDays(-1)), reason = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["endOn"]);
        Assert.NotNull(bad["errors"]!["reason"]);
        Assert.Single((await staff.GetJson($"/api/liaison/assignments?figureId={figure}&active=true"))["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/liaison/assignments/{id}/end", new { endOn = Day(LiaisonFixtures.Today), reason = "工作调整" })).StatusCode);
        var conflict = await ApiClient.ReadJson(await staff.PostAsync($"/api/liaison/assignments/{id}/end", new { endOn = Day(LiaisonFixtures.Today), reason = "再次" }), HttpStatusCode.Conflict);
        Assert.Contains("已于", conflict["title"]!.GetValue<string>());

        Assert.Empty((await staff.GetJson($"/api/liaison/assignments?figureId={figure}&active=true"))["items"]!.AsArray());
        var history = (await staff.GetJson($"/api/liaison/assignments?figureId={figure}"))["items"]!.AsArray().Single()!;
        Assert.Equal("工作调整", history["endReason"]!.GetValue<string>());
        Assert.False(history["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reassign_moves_every_active_figure_of_a_cadre_in_one_step()
    {
        var from = await app.User("cadre_leaving", Roles.Cadre, "510500");
        var to = await app.User("cadre_taking", Roles.Cadre, "510500");
        var a = await app.CreateFigure("staff_city", new { name = "交接甲", regionCode = "510502" });
        var b = await app.CreateFigure("staff_city", new { name = "交接乙", regionCode = "510503" });
        var c = await app.CreateFigure("staff_city", new { name = "交接丙", regionCode = "510503" });
        var start = LiaisonFixtures.Today.AddDays(-100);
        await app.Assign(a, from, start);
        await app.Assign(b, from, start);
        await app.Assign(c, from, start);
        await app.Assign(c, to, start); // already held by the new cadre: no duplicate
        var staff = await app.As("staff_city");

        var bad = await ApiClient.ReadJson(await staff.PostAsync("/api/liaison/assignments/reassign",
            new { fromCadreUserId = from, toCadreUserId = from, startOn = Day(LiaisonFixtures.Today.AddDays(5)), reason = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["toCadreUserId"]);
        Assert.NotNull(bad["errors"]!["startOn"]);
        Assert.NotNull(bad["errors"]!["reason"]);
        Assert.Equal(3, (await staff.GetJson($"/api/liaison/assignments?cadreUserId={from}&active=true"))["items"]!.AsArray().Count);

        var result = await staff.GetJson("/api/liaison/cadres");
        Assert.Contains(result.AsArray(), x => x!["id"]!.GetValue<string>() == from && x["activeFigures"]!.GetValue<int>() == 3);

        var moved = await ApiClient.ReadJson(await staff.PostAsync("/api/liaison/assignments/reassign",
            new { fromCadreUserId = from, toCadreUserId = to, startOn = Day(LiaisonFixtures.Today), reason = "干部调离" }));
        Assert.Equal(2, moved["moved"]!.GetValue<int>());
        Assert.Equal(1, moved["alreadyAssigned"]!.GetValue<int>());
        Assert.Empty((await staff.GetJson($"/api/liaison/assignments?cadreUserId={from}&active=true"))["items"]!.AsArray());
        var ended = (await staff.GetJson($"/api/liaison/assignments?cadreUserId={from}&active=false"))["items"]!.AsArray();
        Assert.Equal(3, ended.Count);
        Assert.All(ended, e => Assert.Equal(Day(LiaisonFixtures.Today.AddDays(-1)), e!["endOn"]!.GetValue<string>()));
        var taken = (await staff.GetJson($"/api/liaison/assignments?cadreUserId={to}&active=true"))["items"]!.AsArray();
        Assert.Equal(new[] { a, b, c }.Order(), taken.Select(t => t!["figureId"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task A_district_cannot_see_or_assign_another_districts_figures()
    {
        var cadre = await app.UserId("cadre_city");
        var nxFigure = await app.CreateFigure("staff_city", new { name = "纳溪联系", regionCode = "510503" });
        var id = await app.Assign(nxFigure, cadre, LiaisonFixtures.Today.AddDays(-10));
        var jy = await app.As("staff_jy");
        Assert.Equal(HttpStatusCode.NotFound, (await jy.PostAsync("/api/liaison/assignments", new { figureId = nxFigure, cadreUserId = cadre, startOn = Day(LiaisonFixtures.Today) })).StatusCode);
        Assert.Empty((await jy.GetJson($"/api/liaison/assignments?figureId={nxFigure}"))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await jy.PostAsync($"/api/liaison/assignments/{id}/end", new { endOn = Day(LiaisonFixtures.Today), reason = "越权" })).StatusCode);
        // A cadre of the city is outside a district's scope: not a cadre that district may assign.
        var jyFigure = await app.CreateFigure("staff_jy", new { name = "江阳联系", regionCode = "510502" });
        var bad = await ApiClient.ReadJson(await jy.PostAsync("/api/liaison/assignments", new { figureId = jyFigure, cadreUserId = cadre, startOn = Day(LiaisonFixtures.Today) }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["cadreUserId"]);
        var staffUser = await app.UserId("staff_city");
        var notCadre = await ApiClient.ReadJson(await (await app.As("staff_city")).PostAsync("/api/liaison/assignments", new { figureId = jyFigure, cadreUserId = staffUser, startOn = Day(LiaisonFixtures.Today) }), HttpStatusCode.BadRequest);
        Assert.NotNull(notCadre["errors"]!["cadreUserId"]);
        Assert.Equal(0, await app.WithDb((db, _) => db.LiaisonAssignments.CountAsync(a => a.FigureId == jyFigure)));
    }

    [Fact]
    public async Task Only_staff_manage_assignments_leaders_read_and_cadres_neither()
    {
        var cadre = await app.UserId("cadre_city");
        var figure = await app.CreateFigure("staff_city", new { name = "权限联系", regionCode = "510502" });
        var body = new { figureId = figure, cadreUserId = cadre, startOn = Day(LiaisonFixtures.Today) };
        var leader = await app.As("leader_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsync("/api/liaison/assignments", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/liaison/assignments")).StatusCode);
        var cadreClient = await app.As("cadre_city");
        Assert.Equal(HttpStatusCode.Forbidden, (await cadreClient.PostAsync("/api/liaison/assignments", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadreClient.GetAsync("/api/liaison/assignments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("unit_city")).GetAsync("/api/liaison/assignments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cadreClient.PostAsync("/api/liaison/assignments/reassign", new { })).StatusCode);
    }
}

public sealed class AssignmentTestsOnSqlite(SqliteApp app) : AssignmentTests(app), IClassFixture<SqliteApp>;
public sealed class AssignmentTestsOnPostgres(PostgresApp app) : AssignmentTests(app), IClassFixture<PostgresApp>;
