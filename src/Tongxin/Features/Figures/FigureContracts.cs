namespace Tongxin.Features.Figures;

/// <summary>
/// The editable plain fields of a figure, in one record: the API binds it (create and PUT), the import fills it
/// from a row, <see cref="FigureRules.Validate"/> checks and normalizes it and <see cref="FigureRules.Apply"/>
/// writes it onto the entity. Status, ids and audit fields are not here on purpose; the region is checked
/// against the caller's scope.
/// </summary>
public record FigureInput
{
    public string? Name { get; init; }
    public string? Gender { get; init; }
    public string? BirthDate { get; init; }
    public string? Ethnicity { get; init; }
    public string? PoliticalAffiliation { get; init; }
    public string? Education { get; init; }
    /// <summary>Null keeps the stored value on update; an empty string clears it.</summary>
    public string? IdNumber { get; init; }
    public string? Phone { get; init; }
    public string? HomeAddress { get; init; }
    public string? Email { get; init; }
    public string? WeChat { get; init; }
    public string? RegionCode { get; init; }
    public string? Workplace { get; init; }
    public string? JobTitle { get; init; }
    public string? Category { get; init; }
    public string? Fields { get; init; }
    public List<string>? Tags { get; init; }
    public string? KeyLevel { get; init; }
    public string? Source { get; init; }
    public string? RecommendedBy { get; init; }
    public string? EnrolledOn { get; init; }
    public string? ConsentVersion { get; init; }
    public DateTime? ConsentAt { get; init; }
    public string? Notes { get; init; }
    /// <summary>Required on update: the version the caller read; a stale one answers 409.</summary>
    public int? Version { get; init; }
}

public sealed record FigureListItem(
    long Id, string Name, string? Gender, string? BirthDate, string RegionCode, string RegionName, string? Category,
    string? KeyLevel, string? Workplace, string? JobTitle, string? PhoneMasked, long MaxFollowers,
    IReadOnlyList<string> Platforms, IReadOnlyList<string> Tags, string Status, DateOnly EnrolledOn);

public sealed record FigurePage(IReadOnlyList<FigureListItem> Items, int Total, bool TotalIsCapped);

public sealed record AccountItem(long Id, string Platform, string Handle, string? Url, long Followers, long? Likes,
    long? Works, DateOnly? MetricsDate, int Version);

public sealed record PositionItem(long Id, string Kind, string? Level, string? Title, string? Organization,
    string? TermStart, string? TermEnd, int Version);

public sealed record HonourItem(long Id, string Title, string? Level, string? AwardedOn, string? Issuer, int Version);

public sealed record FigureOrganizationItem(long OrganizationId, string Name, string? Type, string? Role);

public sealed record FigureDetail
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string? Gender { get; init; }
    public required string? BirthDate { get; init; }
    public required string? Ethnicity { get; init; }
    public required string? PoliticalAffiliation { get; init; }
    public required string? Education { get; init; }
    public required string? IdNumberMasked { get; init; }
    public required string? PhoneMasked { get; init; }
    public required string? HomeAddressMasked { get; init; }
    public required string? Email { get; init; }
    public required string? WeChat { get; init; }
    public required string RegionCode { get; init; }
    public required string RegionName { get; init; }
    public required string? Workplace { get; init; }
    public required string? JobTitle { get; init; }
    public required string? Category { get; init; }
    public required string? Fields { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string? KeyLevel { get; init; }
    public required string? Source { get; init; }
    public required string? RecommendedBy { get; init; }
    public required string Status { get; init; }
    public required string? StatusReason { get; init; }
    public required DateOnly EnrolledOn { get; init; }
    public required string? ConsentVersion { get; init; }
    public required DateTime? ConsentAt { get; init; }
    public required string? Notes { get; init; }
    public required long MaxFollowers { get; init; }
    public required bool IsDemo { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required int Version { get; init; }
    public required IReadOnlyList<AccountItem> Accounts { get; init; }
    public required IReadOnlyList<PositionItem> Positions { get; init; }
    public required IReadOnlyList<HonourItem> Honours { get; init; }
    public required IReadOnlyList<FigureOrganizationItem> Organizations { get; init; }
}

public sealed record FigureCreated(long Id);

/// <summary>
/// A new figure's fields and, optionally, its platform accounts, created with it in one transaction: an invalid or
/// taken account refuses the whole create, its errors named by row (<c>accounts[1].handle</c>).
/// </summary>
public sealed record CreateFigureInput : FigureInput
{
    public List<AccountInput>? Accounts { get; init; }
}

public sealed record DuplicateCheckRequest(string? IdNumber, string? Phone, List<AccountKey>? Accounts);
public sealed record AccountKey(string Platform, string Handle);
public sealed record DuplicateMatch(long? FigureId, string? Name, string? RegionName, string MatchedOn, bool OutOfScope);

public sealed record RevealRequest(string? Field);
public sealed record RevealResponse(string? Value);

public sealed record HistoryItem(DateTime At, string? UserName, string Action, string? EntityType, string? Summary,
    Dictionary<string, System.Text.Json.JsonElement[]>? Changes);

public static class FigureStatusNames
{
    public static string ToApi(FigureStatus s) => s switch
    {
        FigureStatus.Left => "left",
        FigureStatus.Transferred => "transferred",
        _ => "active",
    };

    public static FigureStatus? FromApi(string? s) => s switch
    {
        "active" => FigureStatus.Active,
        "left" => FigureStatus.Left,
        "transferred" => FigureStatus.Transferred,
        _ => null,
    };

    public static string Label(FigureStatus s) => s switch
    {
        FigureStatus.Left => "退出",
        FigureStatus.Transferred => "调出",
        _ => "在库",
    };
}
