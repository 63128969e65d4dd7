using System.Text.Json;
using Tongxin.Common.Domain;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

/// <summary>
/// A member's request about their own record, which staff of the figure's region decide: a correction of fields
/// and account metrics (applied on approval in one write), or a withdrawal (the figure leaves the registry).
/// Nothing in the figure changes before approval.
/// </summary>
public class Correction : IFigureOwned, IAudited, IVersioned
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    public CorrectionKind Kind { get; set; }
    public CorrectionState State { get; set; }
    /// <summary>JSON list of <see cref="ProposedChange"/>; new values of sensitive fields are encrypted.</summary>
    [Sensitive] public string ChangesJson { get; set; } = "[]";
    /// <summary>JSON list of <see cref="ProposedMetrics"/>: new metric snapshots (source self).</summary>
    public string AccountsJson { get; set; } = "[]";
    /// <summary>The figure's version when the member proposed the change.</summary>
    public int FigureVersion { get; set; }
    /// <summary>A withdrawal's reason, as the member wrote it.</summary>
    public string? Reason { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? RejectReason { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => Kind == CorrectionKind.Withdrawal ? "注销申请" : "资料更正申请";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<ProposedChange> Changes
    {
        get => JsonSerializer.Deserialize<List<ProposedChange>>(ChangesJson, Json) ?? [];
        set => ChangesJson = JsonSerializer.Serialize(value, Json);
    }

    public IReadOnlyList<ProposedMetrics> Accounts
    {
        get => JsonSerializer.Deserialize<List<ProposedMetrics>>(AccountsJson, Json) ?? [];
        set => AccountsJson = JsonSerializer.Serialize(value, Json);
    }

    public void Approve(DateTime now, string by)
    {
        EnsurePending();
        State = CorrectionState.Approved;
        DecidedAt = now;
        DecidedBy = by;
    }

    public void Reject(DateTime now, string by, string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw FieldValidationException.Single("reason", "请填写退回原因");
        if (reason.Trim().Length > 500) throw FieldValidationException.Single("reason", "退回原因不能超过500个字");
        EnsurePending();
        State = CorrectionState.Rejected;
        DecidedAt = now;
        DecidedBy = by;
        RejectReason = reason.Trim();
    }

    public void EnsurePending()
    {
        if (State != CorrectionState.Pending)
            throw new ConcurrencyConflictException($"该申请{CorrectionStates.Label(State)}，不能再次处理");
    }
}

/// <summary>One proposed field: what the member saw and asked for (masked for sensitive fields), the stored
/// value's fingerprint when they proposed (for the conflict check) and the new value (encrypted if sensitive).</summary>
public sealed record ProposedChange(string Field, string? Before, string? After, string? Seen, string? Value);

/// <summary>New metrics of one of the member's accounts, as a snapshot dated the day they proposed it.</summary>
public sealed record ProposedMetrics(long AccountId, string Platform, string Handle, long FollowersBefore, long Followers,
    long? Likes, long? Works, DateOnly Date);

public enum CorrectionKind
{
    Correction = 0,
    Withdrawal = 1,
}

public enum CorrectionState
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

public static class CorrectionStates
{
    public static string ToApi(CorrectionState s) => s switch
    {
        CorrectionState.Approved => "approved",
        CorrectionState.Rejected => "rejected",
        _ => "pending",
    };

    public static CorrectionState? FromApi(string? s) => s switch
    {
        "pending" => CorrectionState.Pending,
        "approved" => CorrectionState.Approved,
        "rejected" => CorrectionState.Rejected,
        _ => null,
    };

    public static string Label(CorrectionState s) => s switch
    {
        CorrectionState.Approved => "已通过",
        CorrectionState.Rejected => "已退回",
        _ => "待审核",
    };

    public static string KindToApi(CorrectionKind k) => k == CorrectionKind.Withdrawal ? "withdrawal" : "correction";
}
