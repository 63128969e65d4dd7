using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

/// <summary>
/// The feedback form as files: Word filled from the template in <c>Templates/feedback-form.docx</c> (placeholders
/// <c>{{…}}</c>, one table row repeated per figure; see the README there) and Excel through MiniExcel.
/// </summary>
public static class FeedbackDocument
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Word(FeedbackFormView form, DateOnly today)
    {
        using var template = typeof(FeedbackDocument).Assembly.GetManifestResourceStream("Tongxin.feedback-form.docx")
            ?? throw new InvalidOperationException("feedback-form.docx is not embedded");
        using var stream = new MemoryStream();
        template.CopyTo(stream);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            var body = doc.MainDocumentPart!.Document!.Body!;
            Repeat(body, "{{人士}}", form.Rows.Select(row => new Dictionary<string, string>
            {
                ["人士"] = row.FigureName,
                ["级别"] = row.KeyLevelLabel,
                ["次数"] = row.Contacts.ToString(),
                ["日期"] = string.Join("、", row.Dates),
                ["方式"] = string.Join("、", row.Ways),
                ["情况"] = row.Highlights,
            }));
            var requests = form.Requests.Count > 0 ? form.Requests
                : [new FeedbackRequestRow(0, "—", "本年度无经手的诉求", "", "")];
            Repeat(body, "{{诉求人士}}", requests.Select(r => new Dictionary<string, string>
            {
                ["诉求人士"] = r.FigureName,
                ["诉求标题"] = r.Title,
                ["诉求状态"] = r.Status,
                ["办理结果"] = r.Outcome,
            }));
            Fill(body, new Dictionary<string, string>
            {
                ["年度"] = form.Year.ToString(),
                ["联系干部"] = form.CadreName,
                ["所属地区"] = form.RegionName,
                ["填报日期"] = (form.SubmittedAt is { } at ? DateOnly.FromDateTime(at.AddHours(8)) : today).ToString("yyyy年M月d日"),
                ["状态"] = form.Status == FeedbackStatus.Submitted ? "已提交" : "草稿",
                ["人数"] = form.Rows.Count(r => r.Contacts > 0).ToString(),
                ["总次数"] = form.TotalContacts.ToString(),
                ["诉求数"] = form.Requests.Count.ToString(),
                ["工作总结"] = form.Summary ?? "",
                ["问题诉求"] = form.Problems ?? "",
                ["下一步打算"] = form.Plans ?? "",
            });
            doc.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Repeats the table row holding <paramref name="marker"/> once per item (filled with its values), then removes it.</summary>
    private static void Repeat(OpenXmlElement body, string marker, IEnumerable<Dictionary<string, string>> items)
    {
        var rowTemplate = body.Descendants<TableRow>().FirstOrDefault(r => r.InnerText.Contains(marker));
        if (rowTemplate is null) return;
        foreach (var values in items)
        {
            var copy = (TableRow)rowTemplate.CloneNode(true);
            Fill(copy, values);
            rowTemplate.Parent!.InsertBefore(copy, rowTemplate);
        }
        rowTemplate.Remove();
    }

    /// <summary>Replaces the placeholders of every paragraph under <paramref name="root"/>; a value's line breaks become breaks.</summary>
    private static void Fill(OpenXmlElement root, IReadOnlyDictionary<string, string> values)
    {
        foreach (var paragraph in root.Descendants<Paragraph>().ToList())
        {
            var text = paragraph.InnerText;
            if (!text.Contains("{{")) continue;
            foreach (var (key, value) in values) text = text.Replace("{{" + key + "}}", value);
            var runs = paragraph.Elements<Run>().ToList();
            if (runs.Count == 0) continue;
            // Word may split a placeholder over runs when the template is restyled: the first run keeps the formatting.
            var first = runs[0];
            foreach (var extra in runs.Skip(1)) extra.Remove();
            foreach (var child in first.ChildElements.Where(c => c is not RunProperties).ToList()) child.Remove();
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) first.AppendChild(new Break());
                first.AppendChild(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }
    }

    public static byte[] Excel(FeedbackFormView form)
    {
        var rows = form.Rows.Select(r => new Dictionary<string, object?>
        {
            ["联系人士"] = SpreadsheetText.Neutralize(r.FigureName),
            ["重点级别"] = r.KeyLevelLabel,
            ["联系次数"] = r.Contacts,
            ["联系日期"] = string.Join("、", r.Dates),
            ["联系方式"] = string.Join("、", r.Ways),
            ["主要情况"] = SpreadsheetText.Neutralize(r.Highlights),
        }).ToList();
        var texts = new[]
        {
            new Dictionary<string, object?> { ["项目"] = "年度", ["内容"] = form.Year },
            new() { ["项目"] = "联系干部", ["内容"] = SpreadsheetText.Neutralize(form.CadreName) },
            new() { ["项目"] = "所属地区", ["内容"] = form.RegionName },
            new() { ["项目"] = "状态", ["内容"] = form.Status == FeedbackStatus.Submitted ? "已提交" : "草稿" },
            new() { ["项目"] = "联系工作总结", ["内容"] = SpreadsheetText.Neutralize(form.Summary ?? "") },
            new() { ["项目"] = "问题和诉求", ["内容"] = SpreadsheetText.Neutralize(form.Problems ?? "") },
            new() { ["项目"] = "下一步打算", ["内容"] = SpreadsheetText.Neutralize(form.Plans ?? "") },
        };
        var requests = form.Requests.Select(r => new Dictionary<string, object?>
        {
            ["网络人士"] = SpreadsheetText.Neutralize(r.FigureName),
            ["诉求事项"] = SpreadsheetText.Neutralize(r.Title),
            ["办理状态"] = r.Status,
            ["办理结果"] = SpreadsheetText.Neutralize(r.Outcome),
        }).ToList();
        if (requests.Count == 0) requests.Add(new() { ["网络人士"] = "", ["诉求事项"] = "本年度无经手的诉求", ["办理状态"] = "", ["办理结果"] = "" });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["联系情况"] = rows, ["诉求办理"] = requests, ["总结"] = texts });
        return stream.ToArray();
    }
}
