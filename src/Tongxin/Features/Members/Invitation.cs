using System.Security.Cryptography;
using System.Text;
using Tongxin.Common.Domain;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

/// <summary>
/// An invitation for a figure to activate a member account: a single-use code (only its hash is stored) that
/// expires after 14 days. Re-inviting the figure revokes the earlier code.
/// </summary>
public class Invitation : IFigureOwned, IAudited
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    /// <summary>SHA-256 of the code (hex); the code itself is shown once, when the invitation is made.</summary>
    [Sensitive] public required string CodeHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? ActivatedAt { get; set; }
    public string? ActivatedUserId { get; set; }
    public DateTime? RevokedAt { get; set; }

    string IAudited.AuditLabel => "邀请激活";

    public InvitationState StateAt(DateTime now) =>
        RevokedAt is not null ? InvitationState.Revoked
        : ActivatedAt is not null ? InvitationState.Activated
        : ExpiresAt <= now ? InvitationState.Expired
        : InvitationState.Pending;

    /// <summary>Why the code cannot be used now, in the sentence the person reads; null when it can.</summary>
    public string? RefusalAt(DateTime now) => StateAt(now) switch
    {
        InvitationState.Revoked => "该邀请链接已作废，请联系统战部重新发送",
        InvitationState.Activated => "该邀请链接已使用过，请直接登录",
        InvitationState.Expired => "该邀请链接已过期，请联系统战部重新发送",
        _ => null,
    };

    public void Revoke(DateTime now)
    {
        if (StateAt(now) != InvitationState.Pending) throw new ConcurrencyConflictException($"该邀请{InvitationStates.Label(StateAt(now))}，不能作废");
        RevokedAt = now;
    }

    public void Activate(DateTime now, string userId)
    {
        if (RefusalAt(now) is { } refusal) throw new DomainException(refusal);
        ActivatedAt = now;
        ActivatedUserId = userId;
    }

    /// <summary>A new code: 256 random bits, URL-safe.</summary>
    public static string NewCode() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public enum InvitationState
{
    Pending,
    Activated,
    Expired,
    Revoked,
}

public static class InvitationStates
{
    public static string ToApi(InvitationState s) => s switch
    {
        InvitationState.Activated => "activated",
        InvitationState.Expired => "expired",
        InvitationState.Revoked => "revoked",
        _ => "pending",
    };

    public static InvitationState? FromApi(string? s) => s switch
    {
        "pending" => InvitationState.Pending,
        "activated" => InvitationState.Activated,
        "expired" => InvitationState.Expired,
        "revoked" => InvitationState.Revoked,
        _ => null,
    };

    public static string Label(InvitationState s) => s switch
    {
        InvitationState.Activated => "已激活",
        InvitationState.Expired => "已过期",
        InvitationState.Revoked => "已作废",
        _ => "待激活",
    };
}
