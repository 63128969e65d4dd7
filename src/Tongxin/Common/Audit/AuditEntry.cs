namespace Tongxin.Common.Audit;

/// <summary>
/// One line of the append-only audit log. The application has no update or delete path; database
/// triggers refuse both except for rows older than the retention period (purge verb).
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>For child records (accounts, positions…), the figure they belong to; drives the profile timeline.</summary>
    public long? FigureId { get; set; }
    /// <summary>Region of the record, so that region admins see their own subtree's log.</summary>
    public string? RegionCode { get; set; }
    public string? Summary { get; set; }
    /// <summary>JSON object {field: [old, new]}; sensitive fields appear as changed without values.</summary>
    public string? Changes { get; set; }
    public string? Ip { get; set; }

    public const int RetentionDays = 186;
}

public static class AuditActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Login = "login";
    public const string LoginFailed = "login-failed";
    public const string Logout = "logout";
    public const string PasswordChanged = "password-changed";
    public const string Reveal = "reveal";
    public const string Export = "export";
    public const string ExportDownload = "export-download";
    public const string Import = "import";
    public const string ImportUndo = "import-undo";
}
