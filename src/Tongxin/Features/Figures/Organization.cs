using Tongxin.Common.Domain;

namespace Tongxin.Features.Figures;

/// <summary>An internet company, platform, MCN, incubation or demonstration base.</summary>
public class Organization : IRegionOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    [NotAudited] public string NameKey { get; set; } = "";
    public string? Type { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>统一社会信用代码, validated with its GB 32100 check character.</summary>
    public string? CreditCode { get; set; }
    public string? LiaisonOfficer { get; set; }
    /// <summary>The liaison's phone is personal data: stored encrypted, shown masked, revealed with an access-log line.</summary>
    [Sensitive] public string? LiaisonPhoneCipher { get; set; }
    [NotAudited] public string? LiaisonPhoneMasked { get; set; }
    public string? Address { get; set; }
    public string? Description { get; set; }
    /// <summary>Demonstration / practice-innovation base (实践创新基地) and what it offers members.</summary>
    public bool IsBase { get; set; }
    public string? BaseOffers { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public int Version { get; set; }
    public List<OrganizationMember> Members { get; set; } = [];

    public void Stamp(DateTime now, bool added) => NameKey = Name.Trim().ToLowerInvariant();

    string IAudited.AuditLabel => Name;
}

/// <summary>A figure linked to an organization, with the figure's role there.</summary>
public class OrganizationMember : IFigureOwned, IAudited
{
    public long OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    public string? Role { get; set; }
}
