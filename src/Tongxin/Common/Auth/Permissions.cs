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
    /// <summary>Liaison work of the whole region: assignments, every contact log, due lists, summaries (read).</summary>
    public const string LiaisonRead = "liaison.read";
    /// <summary>Assign figures to cadres, end and reassign (staff).</summary>
    public const string LiaisonManage = "liaison.manage";
    /// <summary>Contact logs: read (narrowed to assigned figures without <see cref="LiaisonRead"/>).</summary>
    public const string ContactLogsRead = "liaison.contacts.read";
    /// <summary>Contact logs: write (narrowed to assigned figures without <see cref="LiaisonRead"/>).</summary>
    public const string ContactLogsWrite = "liaison.contacts.write";
    /// <summary>A cadre's own liaison: "my figures" and their annual feedback form.</summary>
    public const string LiaisonOwn = "liaison.own";

    public static readonly string[] All =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead, UsersManage, RegionsManage, DictionariesManage, AuditRead,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite, LiaisonOwn,
    ];

    private static readonly string[] StaffPermissions =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite,
    ];

    private static readonly string[] LeaderPermissions = [FiguresRead, OrganizationsRead, DashboardRead, LiaisonRead, ContactLogsRead];

    /// <summary>Liaison for the figures assigned to them, nothing else of the registry (DESIGN "Who may do what, extended").</summary>
    private static readonly string[] CadrePermissions = [ContactLogsRead, ContactLogsWrite, LiaisonOwn];

    public static IReadOnlyCollection<string> ForRole(string role) => role switch
    {
        Roles.Admin => All,
        Roles.Staff => StaffPermissions,
        Roles.Leader => LeaderPermissions,
        Roles.Cadre => CadrePermissions,
        _ => [],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(ForRole).ToHashSet();

    /// <summary>The roles that hold a permission; used to build the authorization policies.</summary>
    public static string[] RolesWith(string permission) =>
        Roles.All.Where(r => ForRole(r).Contains(permission)).ToArray();
}
