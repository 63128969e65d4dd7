using Tongxin.Common.Dictionaries;
using Tongxin.Common.Text;

namespace Tongxin.Features.Liaison;

/// <summary>The editable fields of a contact log, shared by create and update.</summary>
/// <param name="CadreUserId">Staff only: the cadre whose contact this was (default: the author). A cadre always logs their own.</param>
public sealed record ContactLogInput(long? FigureId, DateOnly? Date, string? Way, string? Participants, string? Summary, string? FollowUp,
    string? CadreUserId, int? Version)
{
    public Dictionary<string, string[]> Validate(DictionaryCodes codes, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (FigureId is null) errors["figureId"] = ["请选择网络人士"];
        if (Date is null) errors["date"] = ["请填写联系日期"];
        else if (Date > today) errors["date"] = ["联系日期不能晚于今天"];
        else if (Date < new DateOnly(2000, 1, 1)) errors["date"] = ["联系日期无效"];
        if (string.IsNullOrWhiteSpace(Way)) errors["way"] = ["请选择联系方式"];
        else if (codes.Resolve(ContactWays.DictionaryType, Way.Trim()) is null) errors["way"] = ["联系方式无效"];
        var summary = ChineseText.Normalize(Summary);
        if (summary.Length == 0) errors["summary"] = ["请填写联系内容"];
        else if (summary.Length > 2000) errors["summary"] = ["联系内容不能超过2000个字"];
        if (ChineseText.Normalize(Participants).Length > 200) errors["participants"] = ["参加人员不能超过200个字"];
        if (ChineseText.Normalize(FollowUp).Length > 1000) errors["followUp"] = ["后续事项不能超过1000个字"];
        return errors;
    }

    public void ApplyTo(ContactLog log, DictionaryCodes codes)
    {
        log.FigureId = FigureId!.Value;
        log.Date = Date!.Value;
        log.Way = codes.Resolve(ContactWays.DictionaryType, Way!.Trim())!;
        log.Participants = ChineseText.Normalize(Participants) is { Length: > 0 } p ? p : null;
        log.Summary = ChineseText.Normalize(Summary);
        log.FollowUp = ChineseText.Normalize(FollowUp) is { Length: > 0 } f ? f : null;
    }
}

public static class ContactWays
{
    public const string DictionaryType = "contactWay";
}
