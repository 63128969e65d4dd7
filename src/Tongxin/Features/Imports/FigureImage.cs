using System.Text.Json;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// The fields an import may replace, as they were before: stored per batch row so that undo can put
/// them back. Sensitive fields are kept only in their encrypted, hashed and masked forms.
/// </summary>
public sealed record FigureImage
{
    public required string Name { get; init; }
    public string? Gender { get; init; }
    public string? BirthDate { get; init; }
    public string? Ethnicity { get; init; }
    public string? PoliticalAffiliation { get; init; }
    public string? Education { get; init; }
    public string? IdNumberCipher { get; init; }
    public string? IdNumberHash { get; init; }
    public string? IdNumberMasked { get; init; }
    public string? PhoneCipher { get; init; }
    public string? PhoneHash { get; init; }
    public string? PhoneMasked { get; init; }
    public string? Email { get; init; }
    public string? WeChat { get; init; }
    public required string RegionCode { get; init; }
    public string? Workplace { get; init; }
    public string? JobTitle { get; init; }
    public string? Category { get; init; }
    public string? Fields { get; init; }
    public List<string> Tags { get; init; } = [];
    public string? KeyLevel { get; init; }
    public string? Source { get; init; }
    public string? RecommendedBy { get; init; }
    public DateOnly EnrolledOn { get; init; }
    public string? Notes { get; init; }
    public long MaxFollowers { get; init; }

    public static FigureImage Capture(Figure f) => new()
    {
        Name = f.Name, Gender = f.Gender, BirthDate = f.BirthDate, Ethnicity = f.Ethnicity,
        PoliticalAffiliation = f.PoliticalAffiliation, Education = f.Education,
        IdNumberCipher = f.IdNumberCipher, IdNumberHash = f.IdNumberHash, IdNumberMasked = f.IdNumberMasked,
        PhoneCipher = f.PhoneCipher, PhoneHash = f.PhoneHash, PhoneMasked = f.PhoneMasked,
        Email = f.Email, WeChat = f.WeChat, RegionCode = f.RegionCode, Workplace = f.Workplace, JobTitle = f.JobTitle,
        Category = f.Category, Fields = f.Fields, Tags = [.. f.Tags], KeyLevel = f.KeyLevel, Source = f.Source,
        RecommendedBy = f.RecommendedBy, EnrolledOn = f.EnrolledOn, Notes = f.Notes, MaxFollowers = f.MaxFollowers,
    };

    public void Restore(Figure f)
    {
        f.Name = Name; f.Gender = Gender; f.BirthDate = BirthDate; f.Ethnicity = Ethnicity;
        f.PoliticalAffiliation = PoliticalAffiliation; f.Education = Education;
        f.IdNumberCipher = IdNumberCipher; f.IdNumberHash = IdNumberHash; f.IdNumberMasked = IdNumberMasked;
        f.PhoneCipher = PhoneCipher; f.PhoneHash = PhoneHash; f.PhoneMasked = PhoneMasked;
        f.Email = Email; f.WeChat = WeChat; f.RegionCode = RegionCode; f.Workplace = Workplace; f.JobTitle = JobTitle;
        f.Category = Category; f.Fields = Fields; f.Tags = [.. Tags]; f.KeyLevel = KeyLevel; f.Source = Source;
        f.RecommendedBy = RecommendedBy; f.EnrolledOn = EnrolledOn; f.Notes = Notes;
    }

    public string ToJson() => JsonSerializer.Serialize(this);
    public static FigureImage FromJson(string json) => JsonSerializer.Deserialize<FigureImage>(json)!;
}

/// <summary>What one batch row added besides the figure itself, so undo removes exactly those.</summary>
public sealed record AddedRecords(List<long> Accounts, List<long> Snapshots)
{
    public string ToJson() => JsonSerializer.Serialize(this);
    public static AddedRecords FromJson(string? json) => json is null ? new([], []) : JsonSerializer.Deserialize<AddedRecords>(json)!;
}
