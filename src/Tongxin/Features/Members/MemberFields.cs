using Tongxin.Common.Dictionaries;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

/// <summary>
/// The fields of a figure a member may correct themselves, with their labels, and those only staff keep. A
/// correction is checked with the registry's own rules (<see cref="FigureRules"/>) when proposed and again when
/// approved.
/// </summary>
public static class MemberFields
{
    private enum Kind { Text, Dictionary, Sensitive }

    private sealed record Field(string Name, string Label, Kind Kind, Func<Figure, string?> Current, string? DictionaryType = null);

    private static readonly Field[] Editable =
    [
        new("name", "姓名", Kind.Text, f => f.Name),
        new("gender", "性别", Kind.Text, f => f.Gender),
        new("birthDate", "出生日期", Kind.Text, f => f.BirthDate),
        new("ethnicity", "民族", Kind.Dictionary, f => f.Ethnicity, "ethnicity"),
        new("politicalAffiliation", "政治面貌", Kind.Dictionary, f => f.PoliticalAffiliation, "politicalAffiliation"),
        new("education", "学历", Kind.Dictionary, f => f.Education, "education"),
        new("idNumber", "身份证号", Kind.Sensitive, f => f.IdNumberMasked),
        new("phone", "手机号", Kind.Sensitive, f => f.PhoneMasked),
        new("homeAddress", "家庭住址", Kind.Sensitive, f => f.HomeAddressMasked),
        new("email", "电子邮箱", Kind.Text, f => f.Email),
        new("weChat", "微信号", Kind.Text, f => f.WeChat),
        new("workplace", "工作单位", Kind.Text, f => f.Workplace),
        new("jobTitle", "职务", Kind.Text, f => f.JobTitle),
        new("fields", "领域", Kind.Text, f => f.Fields),
    ];

    /// <summary>Fields only staff keep; a correction naming one answers 400 naming it.</summary>
    private static readonly Dictionary<string, string> StaffOnly = new()
    {
        ["region"] = "所属地区",
        ["regionCode"] = "所属地区",
        ["status"] = "在库状态",
        ["statusReason"] = "在库状态",
        ["keyLevel"] = "重点人士级别",
        ["tags"] = "标签",
        ["category"] = "人士类别",
        ["notes"] = "备注",
        ["source"] = "发现与推荐方式",
        ["recommendedBy"] = "推荐人/单位",
        ["enrolledOn"] = "入库时间",
        ["consentVersion"] = "同意书版本",
        ["consentAt"] = "同意时间",
    };

    private static readonly Dictionary<string, Field> ByName = Editable.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static string Label(string field) => ByName.TryGetValue(field, out var f) ? f.Label : field;

    /// <summary>
    /// Checks a member's proposed values and turns them into proposed changes (only those that differ from the
    /// stored value). Errors are keyed <c>changes.&lt;field&gt;</c> with a Chinese message naming the field.
    /// </summary>
    public static List<ProposedChange> Propose(Figure figure, IDictionary<string, string?> changes, DictionaryCodes codes,
        FieldProtector protector, IDictionary<string, string[]> errors)
    {
        var proposed = new List<ProposedChange>();
        var given = new Dictionary<Field, string>();
        foreach (var (key, value) in changes)
        {
            if (StaffOnly.TryGetValue(key, out var label))
                errors[$"changes.{key}"] = [$"“{label}”不能由本人更正，如有变化请联系统战部"];
            else if (!ByName.TryGetValue(key, out var field))
                errors[$"changes.{key}"] = [$"“{key}”不是可以更正的资料项"];
            else given[field] = value ?? "";
        }
        if (given.Count == 0) return proposed;

        var fieldErrors = new Dictionary<string, string[]>();
        var normalized = new FigureRules(codes).Validate(ToInput(given), fieldErrors, nameRequired: false);
        foreach (var (key, messages) in fieldErrors)
            if (ByName.ContainsKey(key) && given.Keys.Any(f => f.Name == key)) errors[$"changes.{key}"] = messages;
        if (given.Keys.Any(f => f.Name == "name") && string.IsNullOrWhiteSpace(given.First(g => g.Key.Name == "name").Value))
            errors["changes.name"] = ["请填写姓名"];
        if (errors.Count > 0) return proposed;

        foreach (var field in given.Keys)
        {
            var value = ValueOf(normalized, field.Name);
            var seen = Fingerprint(figure, field, protector);
            if (field.Kind == Kind.Sensitive)
            {
                var newPrint = string.IsNullOrEmpty(value) ? null : protector.Hash(value);
                if (newPrint == seen) continue;
                proposed.Add(new ProposedChange(field.Name, field.Current(figure), Mask(field.Name, value), seen,
                    string.IsNullOrEmpty(value) ? "" : protector.Encrypt(value)));
            }
            else
            {
                if ((value ?? "") == (field.Current(figure) ?? "")) continue;
                proposed.Add(new ProposedChange(field.Name, Display(field, field.Current(figure), codes), Display(field, value, codes), seen, value ?? ""));
            }
        }
        return proposed;
    }

    /// <summary>Proposed fields whose stored value differs from what the member saw (the figure changed since).</summary>
    public static List<string> Conflicts(Figure figure, IEnumerable<ProposedChange> changes, FieldProtector protector) =>
        changes.Where(c => ByName.TryGetValue(c.Field, out var f) && Fingerprint(figure, f, protector) != c.Seen)
            .Select(c => c.Field).ToList();

    /// <summary>The registry's input for an approved correction: the new values, decrypted, and nothing else.</summary>
    public static FigureInput ToApply(IEnumerable<ProposedChange> changes, FieldProtector protector) =>
        ToInput(changes.Where(c => ByName.ContainsKey(c.Field)).ToDictionary(
            c => ByName[c.Field],
            c => ByName[c.Field].Kind == Kind.Sensitive && !string.IsNullOrEmpty(c.Value) ? protector.Decrypt(c.Value) ?? "" : c.Value ?? ""));

    /// <summary>Clears plain fields the member asked to empty (the registry's rules keep a blank as "not given").</summary>
    public static void ClearEmptied(Figure figure, IEnumerable<ProposedChange> changes)
    {
        foreach (var c in changes.Where(c => string.IsNullOrEmpty(c.Value)))
        {
            switch (c.Field)
            {
                case "gender": figure.Gender = null; break;
                case "birthDate": figure.BirthDate = null; break;
                case "ethnicity": figure.Ethnicity = null; break;
                case "politicalAffiliation": figure.PoliticalAffiliation = null; break;
                case "education": figure.Education = null; break;
                case "email": figure.Email = null; break;
                case "weChat": figure.WeChat = null; break;
                case "workplace": figure.Workplace = null; break;
                case "jobTitle": figure.JobTitle = null; break;
                case "fields": figure.Fields = null; break;
            }
        }
    }

    private static FigureInput ToInput(Dictionary<Field, string> given)
    {
        string? V(string name) => given.FirstOrDefault(g => g.Key.Name == name) is { Key: not null } kv ? kv.Value : null;
        return new FigureInput
        {
            Name = V("name"),
            Gender = V("gender"),
            BirthDate = V("birthDate"),
            Ethnicity = V("ethnicity"),
            PoliticalAffiliation = V("politicalAffiliation"),
            Education = V("education"),
            IdNumber = V("idNumber"),
            Phone = V("phone"),
            HomeAddress = V("homeAddress"),
            Email = V("email"),
            WeChat = V("weChat"),
            Workplace = V("workplace"),
            JobTitle = V("jobTitle"),
            Fields = V("fields"),
        };
    }

    private static string? ValueOf(FigureInput v, string field) => field switch
    {
        "name" => v.Name,
        "gender" => v.Gender,
        "birthDate" => v.BirthDate,
        "ethnicity" => v.Ethnicity,
        "politicalAffiliation" => v.PoliticalAffiliation,
        "education" => v.Education,
        "idNumber" => v.IdNumber,
        "phone" => v.Phone,
        "homeAddress" => v.HomeAddress,
        "email" => v.Email,
        "weChat" => v.WeChat,
        "workplace" => v.Workplace,
        "jobTitle" => v.JobTitle,
        "fields" => v.Fields,
        _ => null,
    };

    /// <summary>What the stored value is, comparable over time: the value itself, or a keyed hash of a sensitive one.</summary>
    private static string? Fingerprint(Figure figure, Field field, FieldProtector protector) => field.Name switch
    {
        "idNumber" => figure.IdNumberHash,
        "phone" => figure.PhoneHash,
        "homeAddress" => protector.Decrypt(figure.HomeAddressCipher) is { Length: > 0 } address ? protector.Hash(address) : null,
        _ => field.Current(figure) is { Length: > 0 } v ? v : null,
    };

    private static string? Display(Field field, string? value, DictionaryCodes codes) =>
        string.IsNullOrEmpty(value) ? null : field.Kind == Kind.Dictionary ? codes.Label(field.DictionaryType!, value) : value;

    private static string? Mask(string field, string? value) => string.IsNullOrEmpty(value) ? null : field switch
    {
        "idNumber" => IdCardNumber.Mask(value),
        "phone" => PhoneNumber.Mask(value),
        _ => FigureRules.MaskAddress(value),
    };
}
