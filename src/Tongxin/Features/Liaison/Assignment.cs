using Tongxin.Common.Domain;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Liaison;

/// <summary>
/// A cadre's duty to stay in touch with a figure (结对联络 / 领导干部列名联系), from a start date until it is ended.
/// Ending keeps the row: the history of who looked after a figure stays.
/// </summary>
public class Assignment : IFigureOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    /// <summary>The cadre (a user with the <c>cadre</c> role).</summary>
    public required string CadreUserId { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public string? EndReason { get; set; }
    /// <summary>
    /// The last contact logged by this cadre with this figure, kept by <see cref="DueDateEffect"/> on every write
    /// (the due list reads it instead of a correlated MAX over the contact logs per row).
    /// </summary>
    [NotAudited] public DateOnly? LastContactOn { get; set; }
    /// <summary>When the next contact is due (<see cref="ContactRules.NextDue"/>); null when no rule applies (never due). Kept by <see cref="DueDateEffect"/>.</summary>
    [NotAudited] public DateOnly? NextDueOn { get; set; }
    /// <summary>
    /// <see cref="NextDueOn"/>, or <see cref="NeverDue"/> when it is null: the due list's order (never-due rows last) and
    /// state ranges as a plain column an index walks. Kept by <see cref="DueDateEffect"/>.
    /// </summary>
    [NotAudited] public DateOnly NextDueSort { get; set; } = NeverDue;
    /// <summary>The figure's region, copied (kept by <see cref="DueDateEffect"/>) so the region scope and the due list's region filter need no join.</summary>
    [NotAudited] public string RegionCode { get; set; } = "";
    /// <summary>The figure's status, copied like <see cref="RegionCode"/>: the due list keeps only figures still in the registry.</summary>
    [NotAudited] public FigureStatus FigureStatus { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    [NotAudited] public int Version { get; set; }

    public bool IsActive => EndOn is null;

    /// <summary>The stored sort date of an assignment that is never due: after every real date.</summary>
    public static readonly DateOnly NeverDue = new(9999, 12, 31);

    string IAudited.AuditLabel => $"结对联络 #{Id}";

    public void Stamp(DateTime now, bool added)
    {
        if (added) CreatedAt = now;
    }

    /// <summary>Ends the assignment on <paramref name="endOn"/>; the row stays as history.</summary>
    public void End(DateOnly endOn, string? reason, DateOnly today)
    {
        if (!IsActive) throw new DomainException($"该联系关系已于{EndOn:yyyy-MM-dd}结束");
        var errors = new Dictionary<string, string[]>();
        if (endOn < StartOn) errors["endOn"] = ["结束日期不能早于开始日期"];
        else if (endOn > today) errors["endOn"] = ["结束日期不能晚于今天"];
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) errors["reason"] = ["请填写结束原因"];
        else if (why.Length > 200) errors["reason"] = ["结束原因不能超过200个字"];
        if (errors.Count > 0) throw new FieldValidationException(errors);
        EndOn = endOn;
        EndReason = why;
    }
}
