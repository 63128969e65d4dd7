namespace Tongxin.Common.Http;

public static class Paging
{
    public const int MaxPageSize = 100;

    /// <summary>Pages are 1-based; sizes are capped so no request reads an unbounded page.</summary>
    public static (int Page, int PageSize) Clamp(int page, int pageSize) =>
        (Math.Max(1, page), Math.Clamp(pageSize <= 0 ? 20 : pageSize, 1, MaxPageSize));
}

/// <summary>One page of a list and the total number of matching rows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);
