using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Tongxin.Common.Data;
using Tongxin.Common.Security;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>A validated row and what it will do: create (no target) or update the target figure.</summary>
public sealed class RowPlan
{
    /// <summary>The row as read: its accounts and metrics are taken from there.</summary>
    public required ParsedRow Row { get; init; }
    public int Number => Row.Number;
    public List<RowError> Errors => Row.Errors;
    /// <summary>The row's fields as <see cref="FigureRules.Validate"/> returned them.</summary>
    public required FigureInput Values { get; set; }
    public long? TargetId { get; set; }
    public DateOnly MetricsDate { get; init; }
}

/// <summary>
/// Validates rows with the shared rules, resolves regions, and decides each row's target: by system id,
/// ID number, mobile number (unique, same name) or platform account, across the whole database. It
/// remembers what earlier rows of the file used, so a repeated person is an error naming the first row.
/// </summary>
public sealed class RowPlanner(SheetHeader header, RowParser parser, FigureRules rules, RegionResolver regions,
    FieldProtector protector, TongxinDb db, string importerRegion)
{
    // What earlier rows used, kept for the whole file as 128-bit digests rather than strings, so that
    // memory stays flat as files grow (100,000 rows hold a few MB here).
    private readonly Dictionary<UInt128, int> _idRows = new();
    private readonly Dictionary<UInt128, int> _phoneNameRows = new();
    private readonly Dictionary<UInt128, int> _accountRows = new();
    private readonly Dictionary<long, int> _figureRows = new();

    public async Task<List<RowPlan>> PlanAsync(IReadOnlyList<SheetRow> rows, ImportPhases phases, CancellationToken ct)
    {
        var plans = new List<(RowPlan Plan, string? IdHash, string? PhoneHash)>(rows.Count);
        foreach (var row in rows) plans.Add(Validate(row));
        phases.Lap("validate");

        var matcher = await FigureMatcher.LoadAsync(db,
            plans.Where(p => p.IdHash is not null).Select(p => p.IdHash!).ToHashSet(),
            plans.Where(p => p.PhoneHash is not null).Select(p => p.PhoneHash!).ToHashSet(),
            plans.SelectMany(p => p.Plan.Row.Accounts).Select(a => (a.Platform, PlatformAccount.KeyOf(a.Handle))).ToHashSet(),
            plans.Where(p => p.Plan.TargetId is not null).Select(p => p.Plan.TargetId!.Value).ToHashSet(), ct);

        phases.Lap("match queries");
        foreach (var (plan, idHash, phoneHash) in plans) Match(plan, idHash, phoneHash, matcher);
        phases.Lap("match");
        return plans.Select(p => p.Plan).ToList();
    }

    private (RowPlan, string?, string?) Validate(SheetRow row)
    {
        var parsed = parser.Parse(row);
        var errors = parsed.Errors;
        var fieldErrors = new Dictionary<string, string[]>();
        var values = rules.Validate(parsed.Input, fieldErrors);
        // A dictionary field refused only because its word is unknown is kept apart: the dry run lists it as an
        // unknown value to map; the commit counts it as a row error like any other.
        var unknownTypes = parsed.Unknown.Select(u => ValueMappings.DictionaryColumns[u.Column]).ToHashSet();
        foreach (var (field, messages) in fieldErrors)
            foreach (var m in messages)
                (unknownTypes.Contains(field) ? parsed.UnknownErrors : errors).Add(new RowError(row.Number, ColumnOf(field), m));

        string? region = null;
        if (parsed.RegionText is { } text)
        {
            region = regions.Resolve(text, out var regionError);
            if (regionError is not null) errors.Add(new RowError(row.Number, header.TextOf(FigureColumn.Region), regionError));
        }
        var plan = new RowPlan
        {
            Row = parsed,
            Values = values with { RegionCode = region },
            TargetId = parsed.SystemId,
            MetricsDate = parsed.StatDate ?? MetricSnapshot.Today(),
        };
        var idHash = values.IdNumber is { Length: > 0 } id ? protector.Hash(id) : null;
        var phoneHash = FigureRules.IsMobile(values.Phone) ? protector.Hash(values.Phone!) : null;

        // Repeats within the file: the later row names the earlier one.
        if (idHash is not null && !_idRows.TryAdd(Digest(idHash), row.Number))
            Error(plan, FigureColumn.IdNumber, $"与第{_idRows[Digest(idHash)]}行身份证号重复");
        if (idHash is null && phoneHash is not null && values.Name is not null
            && !_phoneNameRows.TryAdd(Digest(phoneHash, values.Name), row.Number))
            Error(plan, FigureColumn.Phone, $"与第{_phoneNameRows[Digest(phoneHash, values.Name)]}行姓名和手机号相同，请合并为一行");
        foreach (var (platform, handle) in plan.Row.Accounts)
            if (!_accountRows.TryAdd(Digest(platform, PlatformAccount.KeyOf(handle)), row.Number))
                Error(plan, FigureColumn.Handle, $"与第{_accountRows[Digest(platform, PlatformAccount.KeyOf(handle))]}行平台账号重复");
        return (plan, idHash, phoneHash);
    }

    private void Match(RowPlan plan, string? idHash, string? phoneHash, FigureMatcher m)
    {
        MatchCandidate? target = null;
        if (plan.TargetId is { } systemId)
        {
            if (!m.BySystemId.TryGetValue(systemId, out target))
            {
                Error(plan, FigureColumn.SystemId, $"系统编号{systemId}不存在或不在本单位管辖范围");
                return;
            }
        }
        if (idHash is not null && m.ByIdHash.TryGetValue(idHash, out var byId))
        {
            if (!Visible(byId)) { Error(plan, FigureColumn.IdNumber, "该身份证号" + Duplicates.OtherRegion); return; }
            if (target is not null && target.Id != byId.Id) { Error(plan, FigureColumn.IdNumber, $"该身份证号已登记（{byId.Name}）"); return; }
            target = byId;
        }
        if (target is null && idHash is null && phoneHash is not null && m.ByPhoneHash.TryGetValue(phoneHash, out var byPhone)
            && byPhone.Count == 1 && byPhone[0].Name == plan.Values.Name)
        {
            if (!Visible(byPhone[0])) { Error(plan, FigureColumn.Phone, "该手机号" + Duplicates.OtherRegion); return; }
            target = byPhone[0];
        }
        foreach (var (platform, handle) in plan.Row.Accounts)
        {
            if (!m.ByAccount.TryGetValue((platform, PlatformAccount.KeyOf(handle)), out var owner)) continue;
            if (!Visible(owner)) { Error(plan, FigureColumn.Handle, $"平台账号“{handle}”" + Duplicates.OtherRegion); return; }
            if (target is null) target = owner;
            else if (target.Id != owner.Id) { Error(plan, FigureColumn.Handle, $"平台账号“{handle}”已由他人登记（{owner.Name}）"); return; }
        }
        if (target is not null)
        {
            if (!_figureRows.TryAdd(target.Id, plan.Number))
            {
                Error(plan, null, $"与第{_figureRows[target.Id]}行是同一人，请合并为一行");
                return;
            }
            plan.TargetId = target.Id;
            // Values already stored are not "changes": re-encrypting them would only churn the record.
            var v = plan.Values;
            if (idHash is not null && target.IdNumberHash == idHash) v = v with { IdNumber = null };
            if (v.Phone is { Length: > 0 } phone && target.PhoneHash == protector.Hash(phone)) v = v with { Phone = null };
            plan.Values = v;
        }
        else plan.Values = plan.Values with { RegionCode = plan.Values.RegionCode ?? importerRegion };
    }

    /// <summary>First 128 bits of SHA-256 over the parts: collisions are out of reach at any file size.</summary>
    private static UInt128 Digest(params string[] parts)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u0001', parts)), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private bool Visible(MatchCandidate c) => db.ScopeUnrestricted || db.Scope.Range.Contains(c.RegionCode);

    private void Error(RowPlan plan, FigureColumn? column, string message) =>
        plan.Errors.Add(new RowError(plan.Number, column is null ? null : header.TextOf(column.Value), message));

    private string? ColumnOf(string field)
    {
        var def = FigureColumns.All.FirstOrDefault(d => d.Field == field);
        return def is null ? field : header.TextOf(def.Column);
    }
}
