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
    /// <summary>Publish notices (通知公告) to members, categories, key figures or an org unit's users.</summary>
    public const string NoticesPublish = "notices.publish";
    /// <summary>Staff invite figures to activate a member account.</summary>
    public const string MembersInvite = "members.invite";
    /// <summary>Staff approve or reject members' corrections and withdrawal requests.</summary>
    public const string CorrectionsReview = "corrections.review";
    /// <summary>A member's own record (/api/me/…): their figure, corrections, export, withdrawal.</summary>
    public const string MemberSelf = "member.self";
    /// <summary>Read joint-meeting plans and tasks; narrowed to the user's own unit unless they hold <see cref="TasksOverview"/>.</summary>
    public const string TasksRead = "tasks.read";
    /// <summary>Every plan and task of the region, and the quarterly dispatch table.</summary>
    public const string TasksOverview = "tasks.overview";
    /// <summary>Create plans, add, import, edit and delete tasks.</summary>
    public const string TasksManage = "tasks.manage";
    /// <summary>Report a quarter's progress on a task: for the user's own unit, or any unit with <see cref="TasksOverview"/>.</summary>
    public const string TasksReport = "tasks.report";
    /// <summary>The tasks of the user's own unit (我的任务): member units and association officers.</summary>
    public const string TasksOwn = "tasks.own";
    /// <summary>Opens the help-request pages; what a user sees there is narrowed by the permissions below.</summary>
    public const string HelpRequestsView = "help-requests.view";
    /// <summary>Every help request of the region (staff, leader).</summary>
    public const string HelpRequestsRead = "help-requests.read";
    /// <summary>Records a help request (a cadre only for the figures assigned to them).</summary>
    public const string HelpRequestsCreate = "help-requests.create";
    /// <summary>Accepts, routes, completes, visits and reopens requests.</summary>
    public const string HelpRequestsHandle = "help-requests.handle";
    /// <summary>Replies to or returns the part routed to the user's own unit.</summary>
    public const string HelpRequestsReply = "help-requests.reply";
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
        TasksRead, TasksOverview, TasksManage, TasksReport, TasksOwn,
        HelpRequestsView, HelpRequestsRead, HelpRequestsCreate, HelpRequestsHandle, HelpRequestsReply,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite, LiaisonOwn,
    ];

    private static readonly string[] StaffPermissions =
    [
        FiguresRead, FiguresWrite, FiguresImport, FiguresExport, FiguresReveal, OrganizationsRead,
        OrganizationsWrite, DashboardRead, NoticesPublish, MembersInvite, CorrectionsReview, TasksRead, TasksOverview, TasksManage, TasksReport,
        LiaisonRead, LiaisonManage, ContactLogsRead, ContactLogsWrite,
        HelpRequestsView, HelpRequestsRead, HelpRequestsCreate, HelpRequestsHandle,
    ];

    private static readonly string[] MemberPermissions = [MemberSelf];

    /// <summary>
    /// Everything but the pages of a member's own record, a unit's own work and a cadre's own figures (an
    /// administrator has no figure, unit or assigned figures of their own).
    /// </summary>
    private static readonly string[] AdminPermissions =
        All.Where(p => p is not (MemberSelf or TasksOwn or LiaisonOwn or HelpRequestsReply)).ToArray();

    private static readonly string[] LeaderPermissions =
    [
        FiguresRead, OrganizationsRead, DashboardRead, TasksRead, TasksOverview, LiaisonRead, ContactLogsRead,
        HelpRequestsView, HelpRequestsRead,
    ];

    /// <summary>
    /// Liaison and help requests for the figures assigned to them, nothing else of the registry
    /// (DESIGN "Who may do what, extended").
    /// </summary>
    private static readonly string[] CadrePermissions = [ContactLogsRead, ContactLogsWrite, LiaisonOwn, HelpRequestsView, HelpRequestsCreate];

    /// <summary>
    /// DESIGN "Who may do what, extended": a member unit works on the requests and tasks routed to its unit; an
    /// association officer has what a unit has until the associations feature arrives.
    /// </summary>
    private static readonly string[] UnitPermissions = [TasksRead, TasksReport, TasksOwn, HelpRequestsView, HelpRequestsReply];

    public static IReadOnlyCollection<string> ForRole(string role) => role switch
    {
        Roles.Admin => AdminPermissions,
        Roles.Staff => StaffPermissions,
        Roles.Leader => LeaderPermissions,
        Roles.Member => MemberPermissions,
        Roles.Unit or Roles.Association => UnitPermissions,
        Roles.Cadre => CadrePermissions,
        _ => [],
    };

    public static IReadOnlySet<string> ForRoles(IEnumerable<string> roles) =>
        roles.SelectMany(ForRole).ToHashSet();

    /// <summary>The roles that hold a permission; used to build the authorization policies.</summary>
    public static string[] RolesWith(string permission) =>
        Roles.All.Where(r => ForRole(r).Contains(permission)).ToArray();
}
