using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Audit;
using Tongxin.Features.Members;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Members;

/// <summary>Invitations and activation, a member's own record and corrections, and what a member cannot reach.</summary>
public abstract class MemberTests(TestApp app)
{
    private const string MemberPassword = "Member-Password-2026";

    private async Task<(long FigureId, long AccountId)> NewFigure(string name, string phone, string region = "510502")
    {
        var id = await app.CreateFigure("staff_city", new { name, regionCode = region, phone, workplace = "泸州酒城传媒有限公司", keyLevel = "" });
        var staff = await app.As("staff_city");
        var account = await ApiClient.ReadJson(await staff.PostAsync($"/api/figures/{id}/accounts",
            new { platform = "douyin", handle = "acc_" + phone, followers = 1000 }), HttpStatusCode.Created);
        return (id, account["id"]!.GetValue<long>());
    }

    private async Task<JsonNode> Invite(long figureId, string staff = "staff_jy")
    {
        var list = await ApiClient.ReadJson(await (await app.As(staff)).PostAsync("/api/invitations", new { figureIds = new[] { figureId } }));
        return list[0]!;
    }

    private async Task<HttpResponseMessage> Activate(string code, string userName, string? consentVersion = MemberConsent.Version) =>
        await app.Anonymous().PostAsync("/api/invitations/activate", new { code, userName, password = MemberPassword, consentVersion });

    /// <summary>A figure with an activated member account, signed in.</summary>
    private async Task<(long FigureId, long AccountId, ApiClient Member)> NewMember(string name, string phone, string userName)
    {
        var (figureId, accountId) = await NewFigure(name, phone);
        var invitation = await Invite(figureId);
        Assert.Equal(HttpStatusCode.Created, (await Activate(invitation["code"]!.GetValue<string>(), userName)).StatusCode);
        return (figureId, accountId, await app.SignInFresh(userName, MemberPassword));
    }

    private async Task<int> UserCount() => await app.WithDb((db, _) => db.Users.CountAsync());

    [Fact]
    public async Task A_valid_invitation_activates_a_member_who_signs_in_with_user_name_or_mobile()
    {
        var (figureId, _) = await NewFigure("赵明远", "13811110001");
        var invitation = await Invite(figureId);
        var code = invitation["code"]!.GetValue<string>();
        Assert.True(code.Length >= 43, "a code of at least 256 bits in base64url");
        Assert.Contains("/m/activate?code=", invitation["url"]!.GetValue<string>());
        var stored = await app.WithDb((db, _) => db.Invitations.SingleAsync(i => i.FigureId == figureId));
        Assert.NotEqual(code, stored.CodeHash);
        Assert.Equal(Invitation.HashOf(code), stored.CodeHash);

        var preview = await app.Anonymous().GetJson($"/api/invitations/preview?code={Uri.EscapeDataString(code)}");
        Assert.Equal("赵*远", preview["figureNameMasked"]!.GetValue<string>());
        Assert.Equal(MemberConsent.Version, preview["consentVersion"]!.GetValue<string>());

        var activated = await Activate(code, "zhaomingyuan");
        Assert.Equal(HttpStatusCode.Created, activated.StatusCode);
        var figure = await app.WithDb((db, _) => db.Figures.SingleAsync(f => f.Id == figureId));
        Assert.Equal(MemberConsent.Version, figure.ConsentVersion);
        Assert.NotNull(figure.ConsentAt);
        var user = await app.WithDb((db, _) => db.Users.SingleAsync(u => u.UserName == "zhaomingyuan"));
        Assert.Equal(figureId, user.FigureId);

        var byName = await app.SignInFresh("zhaomingyuan", MemberPassword);
        var me = await byName.GetJson("/api/me/figure");
        Assert.Equal("赵明远", me["name"]!.GetValue<string>());
        Assert.Equal("138****0001", me["phoneMasked"]!.GetValue<string>());
        var byMobile = await app.SignInFresh("138 1111 0001", MemberPassword);
        Assert.Equal(figureId, (await byMobile.GetJson("/api/me/figure"))["id"]!.GetValue<long>());
        var invitations = await (await app.As("staff_jy")).GetJson($"/api/invitations?state=activated&figureId={figureId}");
        Assert.Equal(1, invitations["total"]!.GetValue<int>());

        // The same code again: used, and nothing is written.
        var users = await UserCount();
        var again = await ApiClient.ReadJson(await Activate(code, "zhaomingyuan2"), HttpStatusCode.BadRequest);
        Assert.Contains("已使用", again["errors"]!["code"]![0]!.GetValue<string>());
        Assert.Equal(users, await UserCount());
        // The figure has an account now: no second invitation.
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.As("staff_jy")).PostAsync("/api/invitations", new { figureIds = new[] { figureId } })).StatusCode);
    }

    [Fact]
    public async Task Revoked_expired_and_outdated_consent_activations_are_refused_and_write_nothing()
    {
        var (figureId, _) = await NewFigure("钱清和", "13811110002");
        var staff = await app.As("staff_jy");
        var first = await Invite(figureId);
        var second = await Invite(figureId); // re-inviting revokes the first code
        var users = await UserCount();

        var revoked = await ApiClient.ReadJson(await Activate(first["code"]!.GetValue<string>(), "qianqinghe"), HttpStatusCode.BadRequest);
        Assert.Contains("作废", revoked["errors"]!["code"]![0]!.GetValue<string>());

        var outdated = await ApiClient.ReadJson(await Activate(second["code"]!.GetValue<string>(), "qianqinghe", "2020-01"), HttpStatusCode.BadRequest);
        Assert.Contains("已更新", outdated["errors"]!["consentVersion"]![0]!.GetValue<string>());
        var weak = await ApiClient.ReadJson(await app.Anonymous().PostAsync("/api/invitations/activate",
            new { code = second["code"]!.GetValue<string>(), userName = "qianqinghe", password = "short", consentVersion = MemberConsent.Version }), HttpStatusCode.BadRequest);
        Assert.NotNull(weak["errors"]!["password"]);
        Assert.Equal(users, await UserCount());
        var figure = await app.WithDb((db, _) => db.Figures.SingleAsync(f => f.Id == figureId));
        Assert.NotEqual(MemberConsent.Version, figure.ConsentVersion);

        var pending = await staff.GetJson($"/api/invitations?state=pending&figureId={figureId}");
        Assert.Equal(1, pending["total"]!.GetValue<int>());
        Assert.Equal(1, (await staff.GetJson($"/api/invitations?state=revoked&figureId={figureId}"))["total"]!.GetValue<int>());

        // Revoked by staff.
        var secondId = second["invitationId"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/api/invitations/{secondId}/revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/invitations/{secondId}/revoke")).StatusCode);
        Assert.Contains("作废", (await ApiClient.ReadJson(await Activate(second["code"]!.GetValue<string>(), "qianqinghe"), HttpStatusCode.BadRequest))["errors"]!["code"]![0]!.GetValue<string>());

        // Expired.
        var third = await Invite(figureId);
        await app.WithDb(async (db, _) =>
        {
            await db.Invitations.Where(i => i.Id == third["invitationId"]!.GetValue<long>()).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            return 0;
        });
        var expired = await ApiClient.ReadJson(await Activate(third["code"]!.GetValue<string>(), "qianqinghe"), HttpStatusCode.BadRequest);
        Assert.Contains("过期", expired["errors"]!["code"]![0]!.GetValue<string>());
        Assert.Equal(1, (await staff.GetJson($"/api/invitations?state=expired&figureId={figureId}"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().GetAsync("/api/invitations/preview?code=nonsense")).StatusCode);
        Assert.Equal(users, await UserCount());
    }

    [Fact]
    public async Task A_member_reaches_only_their_own_record_and_another_figure_answers_404()
    {
        var (_, accountA, member) = await NewMember("孙若兰", "13811110003", "sunruolan");
        var (figureB, accountB) = await NewFigure("李思齐", "13811110004");

        foreach (var url in new[] { $"/api/figures/{figureB}", "/api/figures", "/api/regions", "/api/org-units", "/api/dictionaries", "/api/users",
                     "/api/invitations", "/api/corrections", "/api/audit", "/api/dashboard", $"/api/accounts/{accountB}/snapshots", "/api/organizations" })
            Assert.True((await member.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, url);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync("/api/invitations", new { figureIds = new[] { figureB } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsync($"/api/figures/{figureB}", new { name = "x" })).StatusCode);

        var wrongAccount = await member.PostAsync("/api/me/corrections", new { accounts = new[] { new { accountId = accountB, followers = 5 } } });
        Assert.Equal(HttpStatusCode.NotFound, wrongAccount.StatusCode);
        var own = await member.PostAsync("/api/me/corrections", new { accounts = new[] { new { accountId = accountA, followers = 5000 } } });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);

        // Staff of another region do not see the member's request; staff see no /api/me/figure of their own.
        var correctionId = (await ApiClient.ReadJson(own, HttpStatusCode.Created))["id"]!.GetValue<long>();
        var nx = await app.As("staff_nx");
        Assert.DoesNotContain((await nx.GetJson("/api/corrections?state=pending"))["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == correctionId);
        Assert.Equal(HttpStatusCode.NotFound, (await nx.PostAsync($"/api/corrections/{correctionId}/approve", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await nx.GetAsync("/api/me/figure")).StatusCode);
        // A member account without a figure sees nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("member_jy")).GetAsync("/api/me/figure")).StatusCode);
    }

    [Fact]
    public async Task Staff_approve_a_correction_in_one_write_and_the_member_sees_it()
    {
        var (figureId, accountId, member) = await NewMember("周文博", "13811110005", "zhouwenbo");
        var forbidden = await ApiClient.ReadJson(await member.PostAsync("/api/me/corrections",
            new { changes = new Dictionary<string, string> { ["keyLevel"] = "city", ["workplace"] = "新单位" } }), HttpStatusCode.BadRequest);
        Assert.Contains("重点人士级别", forbidden["errors"]!["changes.keyLevel"]![0]!.GetValue<string>());
        var badPhone = await ApiClient.ReadJson(await member.PostAsync("/api/me/corrections",
            new { changes = new Dictionary<string, string> { ["phone"] = "123" } }), HttpStatusCode.BadRequest);
        Assert.NotNull(badPhone["errors"]!["changes.phone"]);
        Assert.Equal(0, await app.WithDb((db, _) => db.Corrections.CountAsync(c => c.FigureId == figureId)));

        var created = await ApiClient.ReadJson(await member.PostAsync("/api/me/corrections", new
        {
            changes = new Dictionary<string, string> { ["workplace"] = "泸州长江数字文化有限公司", ["phone"] = "13922223333" },
            accounts = new[] { new { accountId, followers = 2500 } },
        }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        Assert.Equal("泸州酒城传媒有限公司", (await member.GetJson("/api/me/figure"))["workplace"]!.GetValue<string>());

        var staff = await app.As("staff_jy");
        var pending = await staff.GetJson("/api/corrections?state=pending&regionCode=510502");
        var item = pending["items"]!.AsArray().Single(i => i!["id"]!.GetValue<long>() == id)!;
        Assert.Equal(figureId, item["figureId"]!.GetValue<long>());
        Assert.Equal("139****3333", item["changes"]!["phone"]!["after"]!.GetValue<string>());
        Assert.Equal("泸州长江数字文化有限公司", item["changes"]!["workplace"]!["after"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/corrections/{id}/approve", new { version = item["version"]!.GetValue<int>() + 1 })).StatusCode);

        var approved = await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{id}/approve", new { version = item["version"]!.GetValue<int>() }));
        Assert.Equal("approved", approved["state"]!.GetValue<string>());
        Assert.Equal("staff_jy", approved["decidedBy"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsync($"/api/corrections/{id}/approve", new { version = approved["version"]!.GetValue<int>() })).StatusCode);

        var mine = await member.GetJson("/api/me/figure");
        Assert.Equal("泸州长江数字文化有限公司", mine["workplace"]!.GetValue<string>());
        Assert.Equal("139****3333", mine["phoneMasked"]!.GetValue<string>());
        var account = mine["accounts"]!.AsArray().Single()!;
        Assert.Equal(2500, account["followers"]!.GetValue<long>());
        Assert.Contains(account["history"]!.AsArray(), s => s!["source"]!.GetValue<string>() == "self" && s["followers"]!.GetValue<long>() == 2500);
        Assert.Equal("approved", (await member.GetJson("/api/me/corrections"))[0]!["state"]!.GetValue<string>());
        // The figure's change is audited as made by the approving user; the new number signs in too.
        var line = await app.WithDb((db, _) => db.AuditEntries.Where(a => a.FigureId == figureId && a.EntityType == "Figure" && a.Action == AuditActions.Update)
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("staff_jy", line.UserName);
        await app.SignInFresh("13922223333", MemberPassword);
    }

    [Fact]
    public async Task A_rejected_correction_changes_nothing_and_a_changed_figure_answers_409_listing_the_fields()
    {
        var (figureId, _, member) = await NewMember("吴海峰", "13811110006", "wuhaifeng");
        var staff = await app.As("staff_jy");
        var first = (await ApiClient.ReadJson(await member.PostAsync("/api/me/corrections",
            new { changes = new Dictionary<string, string> { ["jobTitle"] = "主编" } }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var noReason = await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{first}/reject", new { version = 0 }), HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var rejected = await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{first}/reject", new { version = 0, reason = "请提供单位证明" }));
        Assert.Equal("rejected", rejected["state"]!.GetValue<string>());
        var mine = (await member.GetJson("/api/me/corrections")).AsArray().Single(c => c!["id"]!.GetValue<long>() == first)!;
        Assert.Equal("请提供单位证明", mine["rejectReason"]!.GetValue<string>());
        Assert.Null((await member.GetJson("/api/me/figure"))["jobTitle"]);

        var second = (await ApiClient.ReadJson(await member.PostAsync("/api/me/corrections",
            new { changes = new Dictionary<string, string> { ["workplace"] = "自由职业", ["email"] = "wu@example.com" } }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        // Staff change the workplace after the proposal.
        await app.WithDb(async (db, _) =>
        {
            var f = await db.Figures.SingleAsync(x => x.Id == figureId);
            f.Workplace = "泸州电商产业园";
            await db.SaveChangesAsync();
            return 0;
        });
        var conflict = await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{second}/approve", new { version = 0 }), HttpStatusCode.Conflict);
        Assert.Equal(["workplace"], conflict["fields"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray());
        Assert.Contains("工作单位", conflict["title"]!.GetValue<string>());
        var figure = await app.WithDb((db, _) => db.Figures.SingleAsync(x => x.Id == figureId));
        Assert.Equal("泸州电商产业园", figure.Workplace);
        Assert.Null(figure.Email);
        Assert.Equal("pending", (await member.GetJson("/api/me/corrections")).AsArray().Single(c => c!["id"]!.GetValue<long>() == second)!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_member_downloads_their_data_unmasked_and_the_download_is_audited_and_a_withdrawal_takes_them_out()
    {
        var (figureId, _, member) = await NewMember("郑可心", "13811110007", "zhengkexin");
        var response = await member.GetAsync("/api/me/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "基本信息").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["项目"] == "手机号" && r["内容"]?.ToString() == "13811110007");
        Assert.True(await app.WithDb((db, _) => db.AuditEntries.AnyAsync(a => a.FigureId == figureId && a.Action == AuditActions.Export && a.UserName == "zhengkexin")));

        Assert.Equal(HttpStatusCode.BadRequest, (await member.PostAsync("/api/me/withdrawal", new { reason = "" })).StatusCode);
        var id = (await ApiClient.ReadJson(await member.PostAsync("/api/me/withdrawal", new { reason = "不再从事网络工作" }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.Conflict, (await member.PostAsync("/api/me/withdrawal", new { reason = "再次" })).StatusCode);
        Assert.True((await member.GetJson("/api/me/figure"))["withdrawalPending"]!.GetValue<bool>());
        var staff = await app.As("staff_jy");
        var approved = await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{id}/approve", new { version = 0 }));
        Assert.Equal("withdrawal", approved["kind"]!.GetValue<string>());
        var figure = await app.WithDb((db, _) => db.Figures.SingleAsync(x => x.Id == figureId));
        Assert.Equal(Tongxin.Features.Figures.FigureStatus.Left, figure.Status);
        Assert.Contains("不再从事网络工作", figure.StatusReason);
    }

    [Fact]
    public async Task Approving_a_withdrawal_ends_the_members_sessions_disables_sign_in_and_revokes_open_invitations()
    {
        var (figureId, _, member) = await NewMember("冯知秋", "13811110009", "fengzhiqiu");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/me/figure")).StatusCode);
        // An invitation still open (made before the account existed, say): it must not make a second account later.
        var open = await app.WithDb(async (db, _) =>
        {
            var invitation = new Invitation { FigureId = figureId, CodeHash = Invitation.HashOf(Invitation.NewCode()), CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(3), CreatedBy = "staff_jy" };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return invitation.Id;
        });
        var id = (await ApiClient.ReadJson(await member.PostAsync("/api/me/withdrawal", new { reason = "工作变动" }), HttpStatusCode.Created))["id"]!.GetValue<long>();

        var staff = await app.As("staff_jy");
        await ApiClient.ReadJson(await staff.PostAsync($"/api/corrections/{id}/approve", new { version = 0 }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/api/me/figure")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/api/notifications/unread-count")).StatusCode);
        foreach (var name in new[] { "fengzhiqiu", "13811110009" })
        {
            var login = await ApiClient.ReadJson(await app.Anonymous().PostAsync("/api/auth/login", new { userName = name, password = MemberPassword }), HttpStatusCode.Unauthorized);
            Assert.Equal(Tongxin.Features.Auth.Login.Failed, login["title"]!.GetValue<string>());
        }
        var user = await app.WithDb((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.FigureId == figureId));
        Assert.True(Tongxin.Features.Users.DisableUser.IsDisabled(user));
        Assert.NotNull((await app.WithDb((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == open))).RevokedAt);
        Assert.True(await app.WithDb((db, _) => db.AuditEntries.AnyAsync(a => a.Action == "user-disable" && a.EntityId == user.Id && a.FigureId == figureId && a.UserName == "staff_jy")));
    }

    [Fact]
    public async Task Inviting_a_selection_invites_each_figure_it_can_and_says_why_it_skipped_the_others()
    {
        var (ready, _) = await NewFigure("钱一帆", "13811110011");
        var landline = await app.CreateFigure("staff_city", new { name = "孙二座", regionCode = "510502", phone = "0830-3100111" });
        var none = await app.CreateFigure("staff_city", new { name = "李三无", regionCode = "510502" });
        var (active, _, _) = await NewMember("周四开", "13811110012", "zhousikai");
        var staff = await app.As("staff_jy");

        var result = await ApiClient.ReadJson(await staff.PostAsync("/api/invitations/batch", new { figureIds = new[] { ready, landline, none, active } }));
        Assert.Equal(1, result["invited"]!.GetValue<int>());
        Assert.Equal(3, result["skipped"]!.GetValue<int>());
        var items = result["items"]!.AsArray().ToDictionary(i => i!["figureId"]!.GetValue<long>(), i => i!);
        Assert.Equal("invited", items[ready]["result"]!.GetValue<string>());
        var code = items[ready]["invitation"]!["code"]!.GetValue<string>();
        Assert.Contains("/m/activate?code=", items[ready]["invitation"]!["url"]!.GetValue<string>());
        Assert.Equal("noMobile", items[landline]["result"]!.GetValue<string>());
        Assert.Equal("noMobile", items[none]["result"]!.GetValue<string>());
        Assert.Equal("active", items[active]["result"]!.GetValue<string>());
        Assert.Contains("已开通", items[active]["message"]!.GetValue<string>());
        Assert.False(await app.WithDb((db, _) => db.Invitations.AnyAsync(i => i.FigureId == landline || i.FigureId == none)));

        // The links as a spreadsheet (name, link, expiry, QR code); a code not of that figure is refused.
        var file = await staff.PostAsync("/api/invitations/links", new { items = new[] { new { figureId = ready, code } } });
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        using var stream = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var row = Assert.Single(MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("钱一帆", row["姓名"]);
        Assert.EndsWith(Uri.EscapeDataString(code), (string)row["激活链接"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/invitations/links", new { items = new[] { new { figureId = none, code } } })).StatusCode);

        // Another region's figure: 404, nothing invited.
        var outside = await app.CreateFigure("staff_city", new { name = "纳溪人", regionCode = "510503", phone = "13811110013" });
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync("/api/invitations/batch", new { figureIds = new[] { ready, outside } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("member_jy")).PostAsync("/api/invitations/batch", new { figureIds = new[] { ready } })).StatusCode);
    }
}

public sealed class MemberTestsOnSqlite(SqliteApp app) : MemberTests(app), IClassFixture<SqliteApp>;
public sealed class MemberTestsOnPostgres(PostgresApp app) : MemberTests(app), IClassFixture<PostgresApp>;
