using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Text;

namespace Tongxin.Features.Imports;

/// <summary>
/// Resolves a region cell within the importer's subtree: a code, a short name (纳溪区) or a full name
/// (泸州市纳溪区, 四川省泸州市纳溪区: matched as a suffix of the stored full name). Regions outside the
/// scope are never loaded, so they resolve exactly like unknown names.
/// </summary>
public sealed class RegionResolver
{
    private readonly Dictionary<string, string> _byCode;
    private readonly List<(string Code, string Name, string FullName)> _regions;

    private RegionResolver(List<(string Code, string Name, string FullName)> regions)
    {
        _regions = regions;
        _byCode = regions.ToDictionary(r => r.Code, r => r.FullName);
    }

    public static async Task<RegionResolver> LoadAsync(TongxinDb db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name, r.FullName }).ToListAsync(ct);
        return new RegionResolver(regions.Select(r => (r.Code, r.Name, r.FullName)).ToList());
    }

    public static string NotFound(string text) => $"地区“{text}”不存在或不在本单位管辖范围";

    public string? FullNameOf(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The region code, or null with a Chinese error.</summary>
    public string? Resolve(string text, out string? error)
    {
        error = null;
        var t = ChineseText.Normalize(text).Replace(" ", "");
        if (_byCode.ContainsKey(t)) return t;
        var exact = _regions.Where(r => r.FullName == t).ToList();
        if (exact.Count == 0) exact = _regions.Where(r => r.Name == t).ToList();
        if (exact.Count == 0) exact = _regions.Where(r => t.EndsWith(r.Name, StringComparison.Ordinal) && r.FullName.EndsWith(t, StringComparison.Ordinal)).ToList();
        if (exact.Count == 1) return exact[0].Code;
        error = exact.Count == 0 ? NotFound(t) : $"地区“{t}”有多个同名地区，请填写全称或地区代码";
        return null;
    }
}
