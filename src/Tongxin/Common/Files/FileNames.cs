namespace Tongxin.Common.Files;

public static class FileNames
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>"网络人士_20261123.xlsx" by the China calendar day; ASP.NET writes it as RFC 5987 filename*=UTF-8''….</summary>
    public static string Utf8(string stem, DateTime utcNow) => $"{stem}_{utcNow.AddHours(8):yyyyMMdd}.xlsx";
}
