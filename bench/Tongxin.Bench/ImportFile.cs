using Tongxin.Common.Validation;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Tongxin.Bench;

/// <summary>Writes an import workbook the way offices keep them: a title row, Chinese headers, one row per person.</summary>
public static class ImportFile
{
    /// <param name="epoch">Another epoch gives other ID numbers (births 120 days on per epoch), phones and handles: people no earlier run imported.</param>
    public static void Write(string path, int rows, int seed = 7, int epoch = 0)
    {
        var people = new SyntheticPeople(seed);
        string[] districts = ["510502", "510503", "510504"];
        // Birth dates after the generated dataset's, so no imported ID number matches an existing figure.
        var firstBirth = new DateOnly(2005, 1, 1).AddDays(120 * epoch);
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            for (var i = 0; i < rows; i++)
            {
                var region = districts[i % districts.Length];
                var birth = firstBirth.AddDays(i / 1000);
                var first17 = region + birth.ToString("yyyyMMdd") + (i % 1000).ToString("000");
                var name = people.Name();
                yield return new Dictionary<string, object?>
                {
                    ["姓名"] = name,
                    ["性别"] = i % 1000 % 2 == 1 ? "男" : "女",
                    ["身份证号"] = first17 + IdCardNumber.CheckDigit(first17),
                    ["手机"] = "15" + (i + 1_000_000L * epoch + 100_000_000L * (seed % 9 + 1)).ToString("000000000")[..9],
                    ["所属地区"] = region,
                    ["工作单位"] = "网络科技有限公司",
                    ["人士类别"] = "主播",
                    ["平台"] = "抖音",
                    ["账号"] = epoch == 0 ? $"import_{seed}_{i}" : $"import_{seed}_e{epoch}_{i}",
                    ["粉丝数"] = people.Followers().ToString(),
                };
            }
        }
        using var stream = File.Create(path);
        MiniExcel.SaveAs(stream, Rows());
    }
}
