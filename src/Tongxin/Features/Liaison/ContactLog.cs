using Tongxin.Common.Domain;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Liaison;

/// <summary>One contact with a figure (联系记录): when, how, who took part, what was said and what follows.</summary>
public class ContactLog : IFigureOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    /// <summary>The cadre whose contact this is (the author, or the cadre staff logged it for).</summary>
    public required string CadreUserId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>A code of the dictionary type <c>contactWay</c>.</summary>
    public required string Way { get; set; }
    public string? Participants { get; set; }
    public required string Summary { get; set; }
    public string? FollowUp { get; set; }
    [NotAudited] public string? CreatedByUserId { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime UpdatedAt { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => $"联系记录 {Date:yyyy-MM-dd}";

    public void Stamp(DateTime now, bool added)
    {
        UpdatedAt = now;
        if (added) CreatedAt = now;
    }
}
