namespace Tongxin.Common.Auth;

public static class Roles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Leader = "leader";
    public const string Cadre = "cadre";
    public const string Unit = "unit";
    public const string Association = "association";
    public const string Member = "member";

    public static readonly string[] All = [Admin, Staff, Leader, Cadre, Unit, Association, Member];

    /// <summary>Higher rank may grant lower; a user may create users with roles no higher than their own.</summary>
    public static int Rank(string role) => role switch
    {
        Admin => 100,
        Staff => 50,
        Leader => 40,
        Cadre => 30,
        Unit => 20,
        Association => 20,
        Member => 10,
        _ => 0,
    };

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Admin] = "系统管理员",
        [Staff] = "工作人员",
        [Leader] = "领导",
        [Cadre] = "联系干部",
        [Unit] = "成员单位",
        [Association] = "协会负责人",
        [Member] = "网络人士",
    };
}

public static class TongxinClaims
{
    public const string Region = "tongxin:region";
    public const string DisplayName = "tongxin:display_name";
    public const string MustChangePassword = "tongxin:must_change_password";
    /// <summary>Original sign-in time; sliding renewal keeps it, so the absolute limit holds.</summary>
    public const string SignedInAt = "tongxin:signed_in_at";
}
