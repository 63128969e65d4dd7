using Tongxin.Common.Domain;

namespace Tongxin.Features.Attachments;

/// <summary>The kinds of records that carry attachments; the name is stored (<c>contactLog</c>…).</summary>
public enum AttachmentOwnerKind
{
    ContactLog,
    HelpRequest,
    TaskReport,
    /// <summary>A step of a help request's timeline (a unit's reply, a return, 办结, 回访).</summary>
    HelpRequestStep,
}

/// <summary>
/// A file attached to a record (a contact log, a help request or one step of its timeline, a unit's quarterly report). The bytes live in the file
/// store under <see cref="StoredKey"/>, a key the server makes; the user's file name is kept only to name the download.
/// The region is the owner's, so the region scope applies to the attachment as to its owner.
/// </summary>
public class Attachment : IRegionOwned, IAudited
{
    public long Id { get; set; }
    public AttachmentOwnerKind OwnerKind { get; set; }
    public long OwnerId { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The figure the owner is about (a contact log's, a figure's request), for the figure's history.</summary>
    [NotAudited] public long? FigureId { get; set; }
    public required string FileName { get; set; }
    /// <summary>The type found from the content (never the browser's claim).</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    [NotAudited] public required string StoredKey { get; set; }
    [NotAudited] public string? UploadedByUserId { get; set; }
    public string? UploadedByName { get; set; }
    [NotAudited] public DateTime UploadedAt { get; set; }

    string IAudited.AuditLabel => $"附件 {FileName}";
    long? IAudited.AuditFigureId => FigureId;
}
