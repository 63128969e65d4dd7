using Tongxin.Common.Domain;

namespace Tongxin.Features.Figures;

/// <summary>A figure's account on a platform (抖音, 快手, 微博…) with its latest metrics.</summary>
public class PlatformAccount : IFigureOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    public required string Platform { get; set; }
    public required string Handle { get; set; }
    /// <summary>Lower-cased handle for exact matching on both providers.</summary>
    [NotAudited] public string HandleKey { get; set; } = "";
    public string? Url { get; set; }
    public long Followers { get; set; }
    /// <summary>Null when unknown (left blank), which is not the same as none.</summary>
    public long? Likes { get; set; }
    /// <summary>Null when unknown (left blank), which is not the same as none.</summary>
    public long? Works { get; set; }
    public DateOnly? MetricsDate { get; set; }
    [NotAudited] public int Version { get; set; }
    public List<MetricSnapshot> Snapshots { get; set; } = [];

    /// <summary>Records a dated snapshot; the latest one becomes the account's current metrics.</summary>
    public MetricSnapshot? Record(DateOnly date, long followers, long? likes, long? works, MetricSource source)
    {
        if (followers < 0 || likes < 0 || works < 0) throw new DomainException("数值不能为负数");
        if (Snapshots.Any(s => s.Date == date && s.Followers == followers && s.Likes == likes && s.Works == works))
            return null; // same values on the same day: nothing new
        var snapshot = new MetricSnapshot
        {
            Date = date,
            Followers = followers,
            Likes = likes,
            Works = works,
            Source = source,
        };
        Snapshots.Add(snapshot);
        if (MetricsDate is null || date >= MetricsDate)
        {
            MetricsDate = date;
            Followers = followers;
            Likes = likes;
            Works = works;
        }
        return snapshot;
    }

    public static string KeyOf(string handle) => handle.Trim().ToLowerInvariant();

    public void Stamp(DateTime now, bool added) => HandleKey = KeyOf(Handle);

    string IAudited.AuditLabel => $"{Platform} {Handle}";
}

/// <summary>Metrics of an account on a date, with where the numbers came from.</summary>
public class MetricSnapshot : IAudited
{
    public long Id { get; set; }
    public long AccountId { get; set; }
    public PlatformAccount? Account { get; set; }
    public DateOnly Date { get; set; }
    public long Followers { get; set; }
    public long? Likes { get; set; }
    public long? Works { get; set; }
    public MetricSource Source { get; set; }

    long? IAudited.AuditFigureId => Account?.FigureId;

    /// <summary>Dates of metrics follow the offices' calendar (China Standard Time).</summary>
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}

public enum MetricSource
{
    Self = 0,
    Staff = 1,
    Import = 2,
}
