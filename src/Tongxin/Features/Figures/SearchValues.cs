using Tongxin.Common.Data;

namespace Tongxin.Features.Figures;

/// <summary>How a search's exact keys are passed: PostgreSQL takes an array (= ANY); SQLite three scalars (<see cref="FigureSearch.InlineKeys"/>).</summary>
public enum ExactKeys { None, Inline, Array }

/// <summary>
/// The values of a list query that its shape's placeholders stand for (see <see cref="QueryPlaceholders"/>): the
/// region asked for, the status, the search term's keys and the other filters, and the page. The field names are
/// the placeholders' names (<see cref="SearchPlaceholders"/>); a shape reads only those it uses.
/// </summary>
public sealed class SearchValues
{
    public string? Low;
    public string? High;
    public FigureStatus Status;
    public string[]? Keys;
    public string? K0;
    public string? K1;
    public string? K2;
    public string? PrefixLow;
    public string? PrefixHigh;
    public int Skip;
    public int Take;
    public string? Category;
    public string? KeyLevel;
    public string? Platform;
    public long MinFollowers;
    public string? TagKey;
    /// <summary>The whole term, that a name, organization or handle must contain, when a key only narrows.</summary>
    public string? Term;
    public string? Handle;

    /// <summary>Takes the region asked for, then the status (their errors in that order); answers which of them narrow.</summary>
    public async Task<(bool Region, bool Status)> SetRegionAndStatusAsync(FigureFilter filter, TongxinDb db)
    {
        var region = await filter.RegionRangeAsync(db);
        if (region is { } r) (Low, High) = (r.Low, r.High);
        var status = filter.WantedStatus();
        Status = status ?? default;
        return (region is not null, status is not null);
    }

    /// <summary>Takes the category asked for; answers whether it narrows.</summary>
    public bool SetCategory(FigureFilter filter)
    {
        if (string.IsNullOrWhiteSpace(filter.Category)) return false;
        Category = filter.Category;
        return true;
    }

    /// <summary>Takes the page asked for.</summary>
    public void SetPage(int page, int pageSize) => (Skip, Take) = ((page - 1) * pageSize, pageSize);

    /// <summary>Takes the plan's exact keys and prefix; answers how the exact keys go (as three scalars on any provider when <paramref name="scalars"/>).</summary>
    public ExactKeys SetTerm(TongxinDb db, FigureSearch.Plan plan, bool scalars = false)
    {
        if (plan.Prefix is { } prefix) (PrefixLow, PrefixHigh) = prefix;
        if (plan.ExactKeys.Count == 0) return ExactKeys.None;
        if ((scalars ? FigureSearch.ThreeKeys(plan.ExactKeys) : FigureSearch.InlineKeys(db, plan.ExactKeys)) is { } inline)
        {
            (K0, K1, K2) = inline;
            return ExactKeys.Inline;
        }
        Keys = plan.ExactKeys.ToArray();
        return ExactKeys.Array;
    }
}
