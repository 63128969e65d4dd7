using System.Globalization;
using Tongxin.Common.Dictionaries;
using Tongxin.Common.Security;
using Tongxin.Common.Text;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

/// <summary>
/// Validation and normalization of figure input, shared by the API and the importer so that both
/// accept and refuse exactly the same values with the same Chinese messages.
/// </summary>
public sealed class FigureRules(DictionaryCodes codes)
{
    /// <summary>
    /// Checks <paramref name="input"/> and returns it normalized: text trimmed and width-folded, dictionary labels
    /// turned into codes, dates as <c>yyyy-MM-dd</c> or <c>yyyy-MM</c>, ID and phone numbers in their canonical
    /// form, times in UTC. What it returns is what <see cref="Apply"/> takes. A null field means "not given"
    /// (an update keeps the stored value); "" for a sensitive field means "clear it".
    /// </summary>
    public FigureInput Validate(FigureInput input, IDictionary<string, string[]> errors, bool nameRequired = true)
    {
        void Error(string field, string message) => errors[field] = [message];
        string? Text(string? s, string field, int max, string label)
        {
            var t = ChineseText.Normalize(s);
            if (t.Length > max) Error(field, $"{label}不能超过{max}个字");
            return t.Length == 0 ? null : t;
        }

        var name = Text(input.Name, "name", 50, "姓名");
        if (name is null && nameRequired) Error("name", "请填写姓名");

        string? idNumber = null, gender = Text(input.Gender, "gender", 2, "性别"), birth = null, phone = null;
        DateOnly? idBirth = null;
        if (gender is not null && gender is not ("男" or "女")) Error("gender", "性别应为“男”或“女”");
        if (input.IdNumber is not null)
        {
            if (input.IdNumber.Trim().Length == 0) idNumber = "";
            else
            {
                var id = IdCardNumber.Parse(input.IdNumber);
                if (!id.IsValid) Error("idNumber", id.Error!);
                else
                {
                    idNumber = id.Number;
                    idBirth = id.BirthDate;
                    if (gender is not null && gender != id.Gender) Error("gender", "性别与身份证号不符");
                    gender ??= id.Gender;
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(input.BirthDate))
        {
            if (!PartialDate.TryParse(input.BirthDate, out var date, out var dateError)) Error("birthDate", dateError ?? "出生日期格式不正确");
            else if (idBirth is { } b && !date.AgreesWith(b)) Error("birthDate", "出生日期与身份证号不符");
            else birth = date.ToString();
        }
        else if (idBirth is { } b) birth = b.ToString("yyyy-MM-dd");

        if (input.Phone is not null)
        {
            if (input.Phone.Trim().Length == 0) phone = "";
            else
            {
                var p = PhoneNumber.Parse(input.Phone);
                if (!p.IsValid) Error("phone", p.Error!);
                else phone = p.Number;
            }
        }

        var email = Text(input.Email, "email", 100, "电子邮箱");
        if (email is not null && !System.Net.Mail.MailAddress.TryCreate(email, out _)) Error("email", "电子邮箱格式不正确");

        string? enrolled = null;
        if (!string.IsNullOrWhiteSpace(input.EnrolledOn))
        {
            if (!PartialDate.TryParse(input.EnrolledOn, out var e, out var err)) Error("enrolledOn", err ?? "入库时间格式不正确");
            else
            {
                var day = new DateOnly(e.Year, e.Month ?? 1, e.Day ?? 1);
                if (day > DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))) Error("enrolledOn", "入库时间不能晚于今天");
                enrolled = day.ToString(DayFormat, CultureInfo.InvariantCulture);
            }
        }
        if (input.ConsentAt is { } c && c.ToUniversalTime() > DateTime.UtcNow.AddMinutes(5)) Error("consentAt", "同意时间不能晚于现在");

        var tags = input.Tags?.Select(ChineseText.Normalize).Where(t => t.Length > 0).Distinct().ToList();
        if (tags is { Count: > 20 }) Error("tags", "标签最多20个");
        if (tags?.Any(t => t.Length > 20) == true) Error("tags", "每个标签不能超过20个字");

        var homeAddress = input.HomeAddress is null ? null : ChineseText.Normalize(input.HomeAddress);
        if (homeAddress?.Length > TextLimits.Address) Error("homeAddress", TextLimits.Message("家庭住址", TextLimits.Address));

        return input with
        {
            Name = name,
            Gender = gender,
            BirthDate = birth,
            Ethnicity = Code("ethnicity", input.Ethnicity, "民族", errors),
            PoliticalAffiliation = Code("politicalAffiliation", input.PoliticalAffiliation, "政治面貌", errors),
            Education = Code("education", input.Education, "学历", errors),
            IdNumber = idNumber,
            Phone = phone,
            HomeAddress = homeAddress,
            Email = email,
            WeChat = Text(input.WeChat, "weChat", 50, "微信号"),
            RegionCode = input.RegionCode?.Trim(),
            Workplace = Text(input.Workplace, "workplace", 200, "工作单位"),
            JobTitle = Text(input.JobTitle, "jobTitle", 100, "职务"),
            Category = Code("category", input.Category, "人士类别", errors),
            Fields = Text(input.Fields, "fields", 200, "领域"),
            Tags = tags,
            KeyLevel = Code("keyLevel", input.KeyLevel, "重点人士级别", errors),
            Source = Code("source", input.Source, "发现与推荐方式", errors),
            RecommendedBy = Text(input.RecommendedBy, "recommendedBy", 100, "推荐人/单位"),
            EnrolledOn = enrolled,
            ConsentVersion = Text(input.ConsentVersion, "consentVersion", 40, "同意书版本"),
            ConsentAt = input.ConsentAt?.ToUniversalTime(),
            Notes = Text(input.Notes, "notes", 2000, "备注"),
        };
    }

    /// <summary>A normalized phone number (as <see cref="Validate"/> returns it) that is a mobile: only those match people.</summary>
    public static bool IsMobile(string? phone) => phone is { Length: > 0 } && PhoneNumber.Parse(phone).Kind == PhoneKind.Mobile;

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>A dictionary-coded field accepts the code or its label; anything else is an error.</summary>
    private string? Code(string type, string? value, string label, IDictionary<string, string[]> errors)
    {
        var v = ChineseText.Normalize(value);
        if (v.Length == 0) return null;
        var code = codes.Resolve(type, v);
        if (code is null) errors[type] = [$"{label}“{v}”不在字典中"];
        return code;
    }

    /// <summary>
    /// Writes what <see cref="Validate"/> returned onto the entity. Blank values never clear stored ones unless
    /// <paramref name="replace"/>.
    /// </summary>
    public static void Apply(Figure f, FigureInput v, FieldProtector protector, bool replace)
    {
        T? Pick<T>(T? incoming, T? current) => replace || incoming is not null ? incoming : current;
        if (v.Name is not null) f.Name = v.Name;
        f.Gender = Pick(v.Gender, f.Gender);
        f.BirthDate = Pick(v.BirthDate, f.BirthDate);
        f.Ethnicity = Pick(v.Ethnicity, f.Ethnicity);
        f.PoliticalAffiliation = Pick(v.PoliticalAffiliation, f.PoliticalAffiliation);
        f.Education = Pick(v.Education, f.Education);
        f.Email = Pick(v.Email, f.Email);
        f.WeChat = Pick(v.WeChat, f.WeChat);
        if (v.RegionCode is not null) f.RegionCode = v.RegionCode;
        f.Workplace = Pick(v.Workplace, f.Workplace);
        f.JobTitle = Pick(v.JobTitle, f.JobTitle);
        f.Category = Pick(v.Category, f.Category);
        f.Fields = Pick(v.Fields, f.Fields);
        if (v.Tags is not null || replace) f.Tags = v.Tags ?? [];
        f.KeyLevel = Pick(v.KeyLevel, f.KeyLevel);
        f.Source = Pick(v.Source, f.Source);
        f.RecommendedBy = Pick(v.RecommendedBy, f.RecommendedBy);
        if (v.EnrolledOn is { } e) f.EnrolledOn = DateOnly.ParseExact(e, DayFormat, CultureInfo.InvariantCulture);
        f.ConsentVersion = Pick(v.ConsentVersion, f.ConsentVersion);
        f.ConsentAt = Pick(v.ConsentAt, f.ConsentAt);
        f.Notes = Pick(v.Notes, f.Notes);
        // Sensitive fields: null = keep, "" = clear, value = replace (encrypted, hashed, masked).
        if (v.IdNumber is not null) SetIdNumber(f, v.IdNumber, protector);
        if (v.Phone is not null) SetPhone(f, v.Phone, protector);
        if (v.HomeAddress is not null)
        {
            f.HomeAddressCipher = protector.Encrypt(v.HomeAddress.Length == 0 ? null : v.HomeAddress);
            f.HomeAddressMasked = v.HomeAddress.Length == 0 ? null : MaskAddress(v.HomeAddress);
        }
    }

    public static void SetIdNumber(Figure f, string idNumber, FieldProtector protector)
    {
        var value = idNumber.Length == 0 ? null : idNumber;
        f.IdNumberCipher = protector.Encrypt(value);
        f.IdNumberHash = protector.Hash(value);
        f.IdNumberMasked = value is null ? null : IdCardNumber.Mask(value);
    }

    public static void SetPhone(Figure f, string phone, FieldProtector protector)
    {
        var value = phone.Length == 0 ? null : phone;
        f.PhoneCipher = protector.Encrypt(value);
        f.PhoneHash = protector.Hash(value);
        f.PhoneMasked = value is null ? null : PhoneNumber.Mask(value);
    }

    /// <summary>Keeps the first few characters (district level) and hides the rest.</summary>
    public static string MaskAddress(string address) =>
        address.Length <= 6 ? new string('*', address.Length) : address[..6] + new string('*', Math.Min(8, address.Length - 6));
}
