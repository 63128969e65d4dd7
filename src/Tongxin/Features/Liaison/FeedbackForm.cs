using Tongxin.Common.Domain;

namespace Tongxin.Features.Liaison;

public enum FeedbackStatus
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>
/// A cadre's annual feedback form (年度联系情况反馈表): the per-figure table is generated from the year's contact logs;
/// the cadre edits the texts while it is a draft and submits it once, after which it is read-only and its table is kept
/// as submitted.
/// </summary>
public class FeedbackForm : IRegionOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string CadreUserId { get; set; }
    public int Year { get; set; }
    /// <summary>The cadre's region when the form was started; the staff summary is scoped by it.</summary>
    public required string RegionCode { get; set; }
    public string? Summary { get; set; }
    public string? Problems { get; set; }
    public string? Plans { get; set; }
    public FeedbackStatus Status { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>The per-figure table as submitted (JSON); null while a draft, whose table is generated afresh.</summary>
    [NotAudited] public string? RowsJson { get; set; }
    /// <summary>The help requests as submitted (JSON); null while a draft, or for a form submitted before they were on it.</summary>
    [NotAudited] public string? RequestsJson { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime UpdatedAt { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => $"{Year}年度联系情况反馈表";

    public void Stamp(DateTime now, bool added)
    {
        UpdatedAt = now;
        if (added) CreatedAt = now;
    }

    /// <summary>Edits the texts of a draft; a submitted form refuses.</summary>
    public void Edit(string? summary, string? problems, string? plans)
    {
        if (Status == FeedbackStatus.Submitted) throw new DomainException(SubmittedMessage);
        Summary = summary;
        Problems = problems;
        Plans = plans;
    }

    /// <summary>Submits once, keeping the table as it stands.</summary>
    public void Submit(string rowsJson, string requestsJson, DateTime now)
    {
        if (Status == FeedbackStatus.Submitted) throw new DomainException(SubmittedMessage);
        Status = FeedbackStatus.Submitted;
        SubmittedAt = now;
        RowsJson = rowsJson;
        RequestsJson = requestsJson;
    }

    public string SubmittedMessage => $"反馈表当前状态为“已提交”（{SubmittedAt?.AddHours(8):yyyy-MM-dd}），不能再修改或提交";
}
