using Tongxin.Common.Domain;
using Tongxin.Common.Jobs;

namespace Tongxin.Features.Notifications;

/// <summary>
/// A notice (通知公告) published by staff to an audience. The request stores it queued; a background job resolves
/// the audience and writes one inbox row per recipient in bulk (<see cref="NoticeFanOut"/>). Read receipts are the
/// recipients' rows marked read, counted on the notice as they are read.
/// </summary>
public class Notice : IRegionOwned, IAudited
{
    public long Id { get; set; }
    /// <summary>The publisher's region: staff of this subtree see the notice and its counts.</summary>
    public required string RegionCode { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary><see cref="NoticeAudience"/> kind: members, category, keyFigures, orgUnit.</summary>
    public required string AudienceKind { get; set; }
    /// <summary>The category code or org unit id the audience names.</summary>
    public string? AudienceValue { get; set; }
    /// <summary>The region subtree (code prefix) of a members, category or key-figures audience.</summary>
    public string? AudienceRegionPrefix { get; set; }
    public required string AudienceRegionCode { get; set; }
    public required string AudienceLabel { get; set; }
    public required string CreatedBy { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    [NotAudited] public int RecipientCount { get; set; }
    [NotAudited] public int ReadCount { get; set; }
    [NotAudited] public DateTime? DeliveredAt { get; set; }

    // The fan-out's queue state (any server may claim it; see NoticeFanOut).
    [NotAudited] public string State { get; set; } = JobStates.Queued;
    /// <summary>The last recipient's user id written: a fan-out taken over after a crash continues after it.</summary>
    [NotAudited] public string? FanOutCursor { get; set; }
    [NotAudited] public string? LockedBy { get; set; }
    [NotAudited] public DateTime? LockedUntil { get; set; }
    string IAudited.AuditLabel => Title;
}
