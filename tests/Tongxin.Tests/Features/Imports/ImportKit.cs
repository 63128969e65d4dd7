using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Tongxin.Common.Validation;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.Imports;

/// <summary>Builds test workbooks in code: rows of cells written as Excel would hold them (text, number, date).</summary>
public sealed class WorkbookBuilder
{
    private readonly List<object?[]> _rows = [];

    public WorkbookBuilder Row(params object?[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public WorkbookBuilder Rows(IEnumerable<object?[]> rows)
    {
        _rows.AddRange(rows);
        return this;
    }

    public byte[] Build()
    {
        var width = _rows.Max(r => r.Length);
        var rows = _rows.Select(r =>
        {
            var d = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++) d[ColumnName(i)] = i < r.Length ? r[i] : null;
            return d;
        }).ToList();
        using var ms = new MemoryStream();
        MiniExcel.SaveAs(ms, rows, printHeader: false);
        return ms.ToArray();
    }

    private static string ColumnName(int i) => i < 26 ? ((char)('A' + i)).ToString() : "A" + (char)('A' + i - 26);
}

public static class ImportKit
{
    private static int _sequence;

    /// <summary>A valid, unique 18-digit ID number with the given birth date (odd sequence: 男).</summary>
    public static string IdNumber(DateOnly? birth = null, bool male = true)
    {
        var b = birth ?? new DateOnly(1985, 1, 1).AddDays(Interlocked.Increment(ref _sequence) % 3000);
        var seq = Interlocked.Increment(ref _sequence) % 500 * 2 + (male ? 1 : 0);
        var first17 = $"510502{b:yyyyMMdd}{seq:000}";
        return first17 + IdCardNumber.CheckDigit(first17);
    }

    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A unique 2–4 character Chinese name, so tests in one database never collide.</summary>
    public static string Name()
    {
        const string chars = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳";
        var n = Interlocked.Increment(ref _sequence) + Random.Shared.Next(1000) * 10_000;
        var s = "测";
        for (var i = 0; i < 3; i++) { s += chars[n % chars.Length]; n /= chars.Length; }
        return s;
    }

    public static async Task<HttpResponseMessage> Upload(ApiClient client, byte[] file, string mode, string fileName = "人士.xlsx")
    {
        var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(bytes, "file", fileName);
        return await client.Send(HttpMethod.Post, $"/api/figures/import?mode={mode}", null, content);
    }

    public static async Task<JsonNode> Import(ApiClient client, byte[] file, string mode = "commit")
    {
        var response = await Upload(client, file, mode);
        return await ApiClient.ReadJson(response, HttpStatusCode.OK);
    }

    public static List<(int Row, string? Column, string Message)> Errors(JsonNode report) =>
        report["errors"]!.AsArray().Select(e => (e!["row"]!.GetValue<int>(), e["column"]?.GetValue<string>(), e["message"]!.GetValue<string>())).ToList();

    /// <summary>Reads the first sheet of a workbook as rows of cells (A, B, C…).</summary>
    public static List<IDictionary<string, object?>> Read(byte[] file)
    {
        using var ms = new MemoryStream(file);
        return MiniExcel.Query(ms, useHeaderRow: false).Cast<IDictionary<string, object?>>().ToList();
    }
}
