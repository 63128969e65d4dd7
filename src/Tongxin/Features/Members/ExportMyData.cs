using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Tongxin.Common.Audit;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Files;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

public static class ExportMyData
{
    /// <summary>
    /// 下载我的数据: everything the platform holds about the member, their own values unmasked since they are theirs
    /// (identity, accounts with their history, positions, honours, organizations, requests and the record's
    /// change log), as one workbook. The download is audited.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem>> Handle(ClaimsPrincipal me, TongxinDb db, DataScopeHolder scope,
        FieldProtector protector)
    {
        if (await MemberContext.FigureIdAsync(me, db, scope) is not { } id) return Problems.NotFound("您的人士资料");
        var f = await db.Figures.AsNoTracking().Include(x => x.Accounts).ThenInclude(a => a.Snapshots).Include(x => x.Positions)
            .Include(x => x.Honours).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id);
        if (f is null) return Problems.NotFound("您的人士资料");
        var codes = new DictionaryCodes(db);
        var region = await db.Regions.Where(r => r.Code == f.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync() ?? f.RegionCode;
        var organizations = await db.OrganizationMembers.AsNoTracking().Where(m => m.FigureId == id)
            .Select(m => new { m.Organization!.Name, m.Organization.Type, m.Role }).ToListAsync();
        var requests = await db.Corrections.AsNoTracking().Where(c => c.FigureId == id).OrderBy(c => c.SubmittedAt).ToListAsync();
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.FigureId == id).OrderBy(a => a.At).Take(10_000)
            .Select(a => new { a.At, a.UserName, a.Action, a.EntityType, a.Summary }).ToListAsync();

        string L(string type, string? code) => code is null ? "" : codes.Label(type, code);
        var basic = new List<(string, object?)>
        {
            ("姓名", f.Name), ("性别", f.Gender), ("出生日期", f.BirthDate), ("民族", L("ethnicity", f.Ethnicity)),
            ("政治面貌", L("politicalAffiliation", f.PoliticalAffiliation)), ("学历", L("education", f.Education)),
            ("身份证号", protector.Decrypt(f.IdNumberCipher)), ("手机号", protector.Decrypt(f.PhoneCipher)),
            ("家庭住址", protector.Decrypt(f.HomeAddressCipher)), ("电子邮箱", f.Email), ("微信号", f.WeChat), ("所属地区", region),
            ("工作单位", f.Workplace), ("职务", f.JobTitle), ("人士类别", L("category", f.Category)), ("领域", f.Fields),
            ("标签", string.Join("、", f.Tags)), ("重点人士级别", L("keyLevel", f.KeyLevel)), ("发现与推荐方式", L("source", f.Source)),
            ("推荐人/单位", f.RecommendedBy), ("在库状态", FigureStatusNames.Label(f.Status)), ("状态原因", f.StatusReason),
            ("入库时间", f.EnrolledOn.ToString("yyyy-MM-dd")), ("同意书版本", f.ConsentVersion), ("同意时间", Local(f.ConsentAt)),
            ("备注", f.Notes), ("创建时间", Local(f.CreatedAt)), ("更新时间", Local(f.UpdatedAt)),
        };
        var sheets = new Dictionary<string, object>
        {
            ["基本信息"] = basic.Select(b => Row(("项目", b.Item1), ("内容", b.Item2 ?? ""))).ToList(),
            ["平台账号"] = Rows(f.Accounts.Select(a => Row(("平台", L("platform", a.Platform)), ("账号", a.Handle), ("主页", a.Url ?? ""),
                ("粉丝数", a.Followers), ("获赞数", a.Likes), ("作品数", a.Works), ("数据日期", a.MetricsDate?.ToString("yyyy-MM-dd") ?? "")))),
            ["账号历史数据"] = Rows(f.Accounts.SelectMany(a => a.Snapshots.OrderBy(s => s.Date).Select(s => Row(("平台", L("platform", a.Platform)),
                ("账号", a.Handle), ("日期", s.Date.ToString("yyyy-MM-dd")), ("粉丝数", s.Followers), ("获赞数", s.Likes), ("作品数", s.Works),
                ("来源", s.Source switch { MetricSource.Self => "本人", MetricSource.Import => "导入", _ => "工作人员" }))))),
            ["职务"] = Rows(f.Positions.Select(p => Row(("类别", L("positionKind", p.Kind)), ("级别", L("positionLevel", p.Level)),
                ("职务", p.Title ?? ""), ("单位", p.Organization ?? ""), ("任期开始", p.TermStart ?? ""), ("任期结束", p.TermEnd ?? "")))),
            ["荣誉"] = Rows(f.Honours.Select(h => Row(("荣誉", h.Title), ("级别", L("honourLevel", h.Level)), ("时间", h.AwardedOn ?? ""),
                ("授予单位", h.Issuer ?? "")))),
            ["所在组织"] = Rows(organizations.Select(o => Row(("组织", o.Name), ("类型", L("organizationType", o.Type)), ("职务", o.Role ?? "")))),
            ["我的申请"] = Rows(requests.Select(c => Row(("类型", c.Kind == CorrectionKind.Withdrawal ? "注销申请" : "资料更正"),
                ("内容", c.Kind == CorrectionKind.Withdrawal ? c.Reason ?? ""
                    : string.Join("；", c.Changes.Select(x => $"{MemberFields.Label(x.Field)}：{x.Before} → {x.After}")
                        .Concat(c.Accounts.Select(a => $"{L("platform", a.Platform)} {a.Handle} 粉丝数：{a.FollowersBefore} → {a.Followers}")))),
                ("提交时间", Local(c.SubmittedAt)), ("状态", CorrectionStates.Label(c.State)), ("处理时间", Local(c.DecidedAt)),
                ("退回原因", c.RejectReason ?? "")))),
            ["资料变更记录"] = Rows(history.Select(h => Row(("时间", Local(h.At)), ("操作人", h.UserName ?? ""), ("操作", h.Action),
                ("内容", h.Summary ?? h.EntityType ?? "")))),
        };
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets);
        await db.LogAsync(AuditActions.Export, "Figure", id.ToString(), $"{f.Name} 本人下载个人数据", f.RegionCode, id);
        return TypedResults.File(stream.ToArray(), FileNames.XlsxType, FileNames.Utf8("我的数据", DateTime.UtcNow));
    }

    private static string Local(DateTime? utc) => utc is { } t ? t.AddHours(8).ToString("yyyy-MM-dd HH:mm") : "";

    private static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Key, c => c.Value);

    /// <summary>A sheet with no rows still gets a line saying so (an empty list would be an empty sheet without headers).</summary>
    private static List<Dictionary<string, object?>> Rows(IEnumerable<Dictionary<string, object?>> rows)
    {
        var list = rows.ToList();
        return list.Count > 0 ? list : [Row(("说明", "暂无"))];
    }
}
