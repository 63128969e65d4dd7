using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;

namespace Tongxin.Features.Figures;

/// <summary>The list filters, shared by the list, the export and the dashboard.</summary>
public sealed record FigureFilter
{
    [FromQuery(Name = "q")] public string? Q { get; init; }
    [FromQuery(Name = "regionCode")] public string? RegionCode { get; init; }
    [FromQuery(Name = "category")] public string? Category { get; init; }
    /// <summary>"city", "district", or "any" for every key figure.</summary>
    [FromQuery(Name = "keyLevel")] public string? KeyLevel { get; init; }
    [FromQuery(Name = "platform")] public string? Platform { get; init; }
    /// <summary>10k, 100k, 1m or 10m followers and above on any account.</summary>
    [FromQuery(Name = "followerTier")] public string? FollowerTier { get; init; }
    [FromQuery(Name = "tag")] public string? Tag { get; init; }
    /// <summary>active (default), left, transferred or all.</summary>
    [FromQuery(Name = "status")] public string? Status { get; init; }
    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    public static readonly IReadOnlyDictionary<string, long> Tiers = new Dictionary<string, long>
    {
        ["10k"] = 10_000,
        ["100k"] = 100_000,
        ["1m"] = 1_000_000,
        ["10m"] = 10_000_000,
    };

    /// <summary>The region subtree asked for, or null; a region outside the caller's scope is a field error.</summary>
    public async Task<RegionRange?> RegionRangeAsync(TongxinDb db) =>
        string.IsNullOrWhiteSpace(RegionCode) ? null : await ScopedRegions.RequireSubtree(db, RegionCode);

    /// <summary>The status asked for (active when none), or null for "all"; a bad value is a field error.</summary>
    public FigureStatus? WantedStatus()
    {
        var status = string.IsNullOrWhiteSpace(Status) ? "active" : Status;
        return status == "all" ? null : FigureStatusNames.FromApi(status) ?? throw FieldValidationException.Single("status", "状态无效");
    }

    /// <summary>Applies the filters to the scoped figure set; bad values are field errors, never ignored.</summary>
    public async Task<IQueryable<Figure>> ApplyAsync(TongxinDb db, IQueryable<Figure> query) =>
        (await FigureFilterShape.ResolveAsync(this, db)).Apply(db, query);

    /// <summary>The order asked for (by name when none); an unknown one is a field error.</summary>
    public static string WantedSort(string? sort) => sort switch
    {
        null or "" => "name",
        "name" or "-followers" or "-enrolledOn" or "region" => sort,
        _ => throw FieldValidationException.Single("sort", "排序方式无效"),
    };

    /// <summary>The figures in one of the orders of <see cref="WantedSort"/>; the id breaks ties, so pages never overlap.</summary>
    public static IOrderedQueryable<Figure> Order(IQueryable<Figure> query, string sort) => sort switch
    {
        "-followers" => query.OrderByDescending(f => f.MaxFollowers).ThenBy(f => f.Id),
        "-enrolledOn" => query.OrderByDescending(f => f.EnrolledOn).ThenBy(f => f.Id),
        "region" => query.OrderBy(f => f.RegionCode).ThenBy(f => f.SortKey).ThenBy(f => f.Id),
        _ => query.OrderBy(f => f.SortKey).ThenBy(f => f.Id),
    };
}
