using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Text;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// The rows of a figure export, streamed from one untracked query so memory stays flat however many rows
/// there are. Columns carry the import headers, so an export re-imports
/// cleanly: masked ID and phone (never decrypted) are skipped by the importer, 系统编号 matches the record.
/// </summary>
public sealed class FigureExporter(TongxinDb db)
{
    public static readonly FigureColumn[] Columns =
    [
        FigureColumn.SystemId, FigureColumn.Name, FigureColumn.Gender, FigureColumn.BirthDate, FigureColumn.Ethnicity,
        FigureColumn.PoliticalAffiliation, FigureColumn.Education, FigureColumn.IdNumber, FigureColumn.Phone,
        FigureColumn.Region, FigureColumn.Workplace, FigureColumn.JobTitle, FigureColumn.Category, FigureColumn.Fields,
        FigureColumn.Tags, FigureColumn.KeyLevel, FigureColumn.EnrolledOn, FigureColumn.Platform, FigureColumn.Handle,
        FigureColumn.Followers, FigureColumn.Email, FigureColumn.WeChat, FigureColumn.Notes, FigureColumn.Status,
    ];

    /// <summary>Rows written so far (known once the enumeration is done).</summary>
    public int Count { get; private set; }

    /// <summary>The header row first, then one row per figure in pinyin order; text cells neutralized.</summary>
    public IEnumerable<IDictionary<string, object?>> Rows(IQueryable<Figure> filtered)
    {
        var codes = new DictionaryCodes(db).Loaded();
        var regions = db.Regions.AsNoTracking().Select(r => new { r.Code, r.FullName }).ToDictionary(r => r.Code, r => r.FullName);
        var header = new Dictionary<string, object?>();
        foreach (var c in Columns) header[c.ToString()] = FigureColumns.Of(c).Header;
        yield return header;

        // One streamed query: figures in pinyin order with their accounts joined (a single query reads the
        // joined rows in order and hands over one figure at a time), so neither time nor memory grows with pages.
        var rows = filtered.AsNoTracking().AsSingleQuery().OrderBy(f => f.SortKey).ThenBy(f => f.Id).Select(f => new
        {
            f.Id, f.Name, f.Gender, f.BirthDate, f.Ethnicity, f.PoliticalAffiliation, f.Education,
            f.IdNumberMasked, f.PhoneMasked, f.RegionCode, f.Workplace, f.JobTitle, f.Category, f.Fields, f.Tags,
            f.KeyLevel, f.EnrolledOn, f.MaxFollowers, f.Email, f.WeChat, f.Notes, f.Status,
            Accounts = f.Accounts.OrderBy(a => a.Id).Select(a => new { a.Platform, a.Handle }).ToList(),
        });
        foreach (var f in rows)
        {
            var acc = f.Accounts;
            var values = new object?[]
            {
                f.Id, f.Name, f.Gender, f.BirthDate, codes.Label("ethnicity", f.Ethnicity),
                codes.Label("politicalAffiliation", f.PoliticalAffiliation), codes.Label("education", f.Education),
                f.IdNumberMasked, f.PhoneMasked, regions.GetValueOrDefault(f.RegionCode, f.RegionCode), f.Workplace,
                f.JobTitle, codes.Label("category", f.Category), f.Fields, string.Join("、", f.Tags),
                codes.Label("keyLevel", f.KeyLevel), f.EnrolledOn.ToString("yyyy-MM-dd"),
                string.Join("、", acc.Select(a => codes.Label("platform", a.Platform))), string.Join("、", acc.Select(a => a.Handle)),
                acc.Count == 0 ? null : f.MaxFollowers, f.Email, f.WeChat, f.Notes, FigureStatusNames.Label(f.Status),
            };
            var row = new Dictionary<string, object?>(Columns.Length);
            for (var i = 0; i < Columns.Length; i++)
                row[Columns[i].ToString()] = values[i] is string s ? SpreadsheetText.Neutralize(s) : values[i];
            Count++;
            yield return row;
        }
    }
}
