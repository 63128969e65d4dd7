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
    /// <summary>Staff invite figures to activate a member account.</summary>
    public const string MembersInvite = "members.invite";
    /// <summary>Staff approve or reject members' corrections and withdrawal requests.</summary>
    public const string CorrectionsReview = "corrections.review";
    /// <summary>A member's own record (/api/me/…): their figure, corrections, export, withdrawal.</summary>
    public const string MemberSelf = "member.self";
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
        OrganizationsWrite, DashboardRead, UsersManage, RegionsManage, DictionariesManage, AuditRead, NoticesPublish,
        MembersInvite, CorrectionsReview, MemberSelf,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite, LiaisonOwn,
    ];

    private static readonly string[] StaffPermissions =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead, NoticesPublish, MembersInvite, CorrectionsReview,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite,
    ];

    private static readonly string[] MemberPermissions = [MemberSelf];

    /// <summary>Everything but a member's own pages (an administrator has no figure of their own).</summary>
    private static readonly string[] AdminPermissions = All.Where(p => p != MemberSelf).ToArray();

    private static readonly string[] LeaderPermissions = [FiguresRead, OrganizationsRead, DashboardRead, LiaisonRead, ContactLogsRead];

    /// <summary>Liaison for the figures assigned to them, nothing else of the registry (DESIGN "Who may do what, extended").</summary>
    private static readonly string[] CadrePermissions = [ContactLogsRead, ContactLogsWrite, LiaisonOwn];

    public static IReadOnlyCollection<string> ForRole(string role) => role switch
    {
        Roles.Admin => AdminPermissions,
        Roles.Staff => StaffPermissions,
        Roles.Leader => LeaderPermissions,
        Roles.Member => MemberPermissions,
        Roles.Cadre => CadrePermissions,
        _ => [],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(ForRole).ToHashSet();

    /// <summary>The roles that hold a permission; used to build the authorization policies.</summary>
    public static string[] RolesWith(string permission) =>
        Roles.All.Where(r => ForRole(r).Contains(permission)).ToArray();
}
