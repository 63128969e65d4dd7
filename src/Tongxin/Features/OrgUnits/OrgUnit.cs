using Tongxin.Common.Domain;

namespace Tongxin.Features.OrgUnits;

/// <summary>
/// An organizational unit users belong to: the department itself, a member unit of the joint-meeting
/// system (成员单位), an association, or another body. Units sit in the region tree like everything else.
/// </summary>
public class OrgUnit : IRegionOwned, IAudited, IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string RegionCode { get; set; }
    public long? ParentId { get; set; }
    public string? Contact { get; set; }
    public string? Phone { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => Name;

    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["department"] = "统战部门",
        ["memberUnit"] = "成员单位",
        ["association"] = "协会组织",
        ["other"] = "其他",
    };
}
