using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;
using Tongxin.Common.Http;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Accounts;

public sealed record AccountInput(string? Platform, string? Handle, string? Url, long? Followers, long? Likes, long? Works, int? Version);
public sealed record SnapshotInput(string? Date, long? Followers, long? Likes, long? Works, string? Source);
public sealed record SnapshotItem(long Id, DateOnly Date, long Followers, long Likes, long Works, string Source);

public static class AccountEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/figures/{id:long}/accounts", Create).Produces<AccountItem>(201).WithTags("Accounts").RequireAuthorization(Permissions.FiguresWrite);
        var g = api.MapGroup("/accounts").WithTags("Accounts");
        g.MapPut("/{id:long}", Update).Produces<AccountItem>().RequireAuthorization(Permissions.FiguresWrite);
        g.MapDelete("/{id:long}", Delete).RequireAuthorization(Permissions.FiguresWrite);
        g.MapGet("/{id:long}/snapshots", Snapshots).Produces<List<SnapshotItem>>().RequireAuthorization(Permissions.FiguresRead);
        g.MapPost("/{id:long}/snapshots", AddSnapshot).Produces<SnapshotItem>(201).RequireAuthorization(Permissions.FiguresWrite);
    }

    private static Dictionary<string, string[]> Validate(AccountInput input, DictionaryCodes codes, out string? platform)
    {
        var errors = new Dictionary<string, string[]>();
        platform = string.IsNullOrWhiteSpace(input.Platform) ? null : codes.Resolve("platform", input.Platform.Trim());
        if (platform is null) errors["platform"] = [string.IsNullOrWhiteSpace(input.Platform) ? "请选择平台" : "平台不在字典中"];
        var handle = ChineseText.Normalize(input.Handle);
        if (handle.Length == 0) errors["handle"] = ["请填写账号"];
        else if (handle.Length > 100) errors["handle"] = ["账号不能超过100个字"];
        if (input.Url is { Length: > 0 } url && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            errors["url"] = ["链接应以 http:// 或 https:// 开头"];
        if (input.Followers < 0) errors["followers"] = ["粉丝数不能为负数"];
        if (input.Likes < 0) errors["likes"] = ["获赞数不能为负数"];
        if (input.Works < 0) errors["works"] = ["作品数不能为负数"];
        return errors;
    }

    public static async Task<IResult> Create(long id, AccountInput input, TongxinDb db)
    {
        var figure = await db.Figures.Include(f => f.Accounts).FirstOrDefaultAsync(f => f.Id == id);
        if (figure is null) return Problems.NotFound("人士");
        var errors = Validate(input, new DictionaryCodes(db), out var platform);
        if (errors.Count > 0) return Problems.Validation(errors);
        var handle = ChineseText.Normalize(input.Handle);
        var key = PlatformAccount.KeyOf(handle);
        if (await db.PlatformAccounts.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AnyAsync(a => a.Platform == platform && a.HandleKey == key))
            return Problems.Validation("handle", "该平台账号已登记");
        var account = new PlatformAccount { Platform = platform!, Handle = handle, Url = input.Url?.Trim() };
        figure.Accounts.Add(account);
        account.Record(Today(), input.Followers ?? 0, input.Likes ?? 0, input.Works ?? 0, MetricSource.Staff);
        figure.RecomputeAccountStats();
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/accounts/{account.Id}", ToItem(account));
    }

    public static async Task<IResult> Update(long id, AccountInput input, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var errors = Validate(input, new DictionaryCodes(db), out var platform);
        if (input.Version is null) errors["version"] = ["缺少版本号，请刷新后重试"];
        if (errors.Count > 0) return Problems.Validation(errors);
        if (input.Version != account.Version) return Problems.Conflict();
        account.Platform = platform!;
        account.Handle = ChineseText.Normalize(input.Handle);
        account.Url = input.Url?.Trim();
        if (input.Followers != account.Followers || input.Likes != account.Likes || input.Works != account.Works)
        {
            await db.Entry(account).Collection(a => a.Snapshots).Query().Where(s => s.Date == Today()).LoadAsync();
            account.Record(Today(), input.Followers ?? account.Followers, input.Likes ?? account.Likes, input.Works ?? account.Works, MetricSource.Staff);
        }
        account.Figure!.RecomputeAccountStats();
        db.Entry(account).Property(a => a.Version).OriginalValue = input.Version.Value;
        await db.SaveChangesAsync();
        return TypedResults.Ok(ToItem(account));
    }

    public static async Task<IResult> Delete(long id, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var figure = account.Figure!;
        figure.Accounts.Remove(account);
        db.PlatformAccounts.Remove(account);
        figure.RecomputeAccountStats();
        await db.SaveChangesAsync();
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Snapshots(long id, TongxinDb db)
    {
        if (!await db.PlatformAccounts.AnyAsync(a => a.Id == id)) return Problems.NotFound("账号");
        return TypedResults.Ok(await db.MetricSnapshots.AsNoTracking().Where(s => s.AccountId == id).OrderBy(s => s.Date).ThenBy(s => s.Id)
            .Select(s => new SnapshotItem(s.Id, s.Date, s.Followers, s.Likes, s.Works, SourceName(s.Source))).ToListAsync());
    }

    public static async Task<IResult> AddSnapshot(long id, SnapshotInput input, TongxinDb db)
    {
        var account = await db.PlatformAccounts.Include(a => a.Figure).ThenInclude(f => f!.Accounts).FirstOrDefaultAsync(a => a.Id == id);
        if (account is null) return Problems.NotFound("账号");
        var errors = new Dictionary<string, string[]>();
        DateOnly date = Today();
        if (!string.IsNullOrWhiteSpace(input.Date))
        {
            if (!DateOnly.TryParse(input.Date, out date)) errors["date"] = ["日期格式不正确"];
            else if (date > Today()) errors["date"] = ["日期不能晚于今天"];
        }
        if (input.Followers is null) errors["followers"] = ["请填写粉丝数"];
        else if (input.Followers < 0) errors["followers"] = ["粉丝数不能为负数"];
        if (input.Likes < 0) errors["likes"] = ["获赞数不能为负数"];
        if (input.Works < 0) errors["works"] = ["作品数不能为负数"];
        var source = input.Source switch { null or "staff" => MetricSource.Staff, "self" => MetricSource.Self, "import" => MetricSource.Import, _ => (MetricSource?)null };
        if (source is null) errors["source"] = ["来源应为 self、staff 或 import"];
        if (errors.Count > 0) return Problems.Validation(errors);
        await db.Entry(account).Collection(a => a.Snapshots).Query().Where(s => s.Date == date).LoadAsync();
        var snapshot = account.Record(date, input.Followers!.Value, input.Likes ?? 0, input.Works ?? 0, source!.Value);
        if (snapshot is null) throw new DomainException("该日期已有相同的数据");
        account.Figure!.RecomputeAccountStats();
        await db.SaveChangesAsync();
        return TypedResults.Created($"/api/accounts/{id}/snapshots",
            new SnapshotItem(snapshot.Id, snapshot.Date, snapshot.Followers, snapshot.Likes, snapshot.Works, SourceName(snapshot.Source)));
    }

    public static AccountItem ToItem(PlatformAccount a) =>
        new(a.Id, a.Platform, a.Handle, a.Url, a.Followers, a.Likes, a.Works, a.MetricsDate, a.Version);

    public static string SourceName(MetricSource s) => s switch
    {
        MetricSource.Self => "self",
        MetricSource.Import => "import",
        _ => "staff",
    };

    /// <summary>Dates of metrics follow the offices' calendar (China Standard Time).</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
