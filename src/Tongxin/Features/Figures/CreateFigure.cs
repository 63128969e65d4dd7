using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Common.Security;
using Tongxin.Common.Text;

namespace Tongxin.Features.Figures;

public static class CreateFigure
{
    public const int MaxAccounts = 20;

    /// <summary>
    /// Creates a figure and the accounts given with it in one save: every account is checked as
    /// <c>POST /api/figures/{id}/accounts</c> checks it (same rules, a handle has one owner per platform), and any
    /// error refuses the whole create.
    /// </summary>
    public static async Task<Results<Created<FigureCreated>, ValidationProblem>> Handle(CreateFigureInput input, TongxinDb db, FieldProtector protector)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = new DictionaryCodes(db);
        var values = new FigureRules(codes).Validate(input, errors);
        var region = await ScopedRegions.InScope(db, values.RegionCode);
        if (region is null) errors["regionCode"] = [values.RegionCode is null ? "请选择所属地区" : ScopedRegions.UnknownRegionMessage];
        var accounts = await ValidateAccounts(db, codes, input.Accounts ?? [], errors);
        if (errors.Count > 0) return Problems.Validation(errors);

        var figure = new Figure { Name = values.Name!, RegionCode = region!.Code };
        FigureRules.Apply(figure, values, protector, replace: true);
        var clash = await Duplicates.IdNumberTaken(db, figure.IdNumberHash, null);
        if (clash is not null) return Problems.Validation("idNumber", clash);
        var today = MetricSnapshot.Today();
        foreach (var (account, given) in accounts)
        {
            figure.Accounts.Add(account);
            account.Record(today, given.Followers ?? 0, given.Likes, given.Works, MetricSource.Staff);
        }
        figure.RecomputeAccountStats();
        db.Figures.Add(figure);
        try
        {
            // Two requests with one ID number (or handle) at once: both pass the checks, the unique index takes one.
            clash = await Duplicates.SaveIdNumberAsync(db, figure);
        }
        catch (DbUpdateException e) when (Duplicates.IsUniqueViolation(e, nameof(PlatformAccount.HandleKey)))
        {
            return Problems.Validation("accounts", AccountInput.TakenMessage);
        }
        if (clash is not null) return Problems.Validation("idNumber", clash);
        return TypedResults.Created($"/api/figures/{figure.Id}", new FigureCreated(figure.Id));
    }

    /// <summary>The accounts to create, or field errors named <c>accounts[i].field</c>.</summary>
    private static async Task<List<(PlatformAccount Account, AccountInput Given)>> ValidateAccounts(TongxinDb db, DictionaryCodes codes,
        List<AccountInput> inputs, Dictionary<string, string[]> errors)
    {
        var accounts = new List<(PlatformAccount, AccountInput)>();
        if (inputs.Count > MaxAccounts)
        {
            errors["accounts"] = [$"新建时最多填写 {MaxAccounts} 个账号"];
            return accounts;
        }
        var seen = new Dictionary<(string, string), int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var given = inputs[i] ?? new AccountInput(null, null, null, null, null, null, null);
            var rowErrors = given.Validate(codes, out var platform);
            foreach (var (field, messages) in rowErrors) errors[$"accounts[{i}].{field}"] = messages;
            // The handle's owner is checked whenever platform and handle are fine, so one answer names every problem.
            if (platform is null || rowErrors.ContainsKey("handle")) continue;
            var handle = ChineseText.Normalize(given.Handle);
            if (seen.TryGetValue((platform, PlatformAccount.KeyOf(handle)), out var first))
            {
                errors[$"accounts[{i}].handle"] = [$"与第 {first + 1} 个账号重复"];
                continue;
            }
            seen[(platform, PlatformAccount.KeyOf(handle))] = i;
            if (await AccountInput.IsTakenAsync(db, platform, handle))
            {
                errors[$"accounts[{i}].handle"] = [AccountInput.TakenMessage];
                continue;
            }
            if (rowErrors.Count > 0) continue;
            accounts.Add((new PlatformAccount { Platform = platform, Handle = handle, Url = given.Url?.Trim() is { Length: > 0 } url ? url : null }, given));
        }
        return accounts;
    }
}
