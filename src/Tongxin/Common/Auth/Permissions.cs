namespace Tongxin.Common.Auth;

/// <summary>
/// Permissions are named capabilities; endpoints require one each (deny by default).
/// The role → permission map is code for now (DESIGN "Who may do what, for now").
/// </summary>
public static class Permissions
{
    public const string FiguresRead = "figures.read";
    public const string FiguresWrite = "figures.write";
    public const string FiguresImport = "figures.import";
    public const string FiguresExport = "figures.export";
    public const string FiguresReveal = "figures.reveal";
    public const string OrganizationsRead = "organizations.read";
    public const string OrganizationsWrite = "organizations.write";
    public const string DashboardRead = "dashboard.read";
    public const string UsersManage = "users.manage";
    public const string RegionsManage = "regions.manage";
    public const string DictionariesManage = "dictionaries.manage";
    public const string AuditRead = "audit.read";
    public const string NoticesPublish = "notices.publish";

    public static readonly string[] All =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead, UsersManage, RegionsManage, DictionariesManage, AuditRead, NoticesPublish,
    ];

    private static readonly string[] StaffPermissions =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead, NoticesPublish,
    ];

    private static readonly string[] LeaderPermissions = [FiguresRead, OrganizationsRead, DashboardRead];

    public static IReadOnlyCollection<string> ForRole(string role) => role switch
    {
        Roles.Admin => All,
        Roles.Staff => StaffPermissions,
        Roles.Leader => LeaderPermissions,
        _ => [],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(ForRole).ToHashSet();

    /// <summary>The roles that hold a permission; used to build the authorization policies.</summary>
    public static string[] RolesWith(string permission) =>
        Roles.All.Where(r => ForRole(r).Contains(permission)).ToArray();
}
