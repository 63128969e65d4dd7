namespace Tongxin.Features.Members;

/// <summary>The consent text a person confirms when activating their account; its version is stored on the figure.</summary>
public static class MemberConsent
{
    public const string Version = "2026-12";

    public const string Text =
        "为联系服务网络人士，统战部门在本平台保存您的基本信息、联系方式、网络平台账号及其数据、社会职务、荣誉和参加活动的情况。" +
        "这些信息仅用于联系服务和工作统计，不向无关单位和个人提供；身份证号、手机号、家庭住址加密保存，工作人员查看时会留下记录。" +
        "您可以随时在“我的资料”中查看本人信息、申请更正、下载本人数据或申请注销；注销后您的资料按法律法规规定的期限保存，期满后删除。" +
        "激活账号即表示您已阅读并同意以上说明。";

    /// <summary>"王*" / "王*明": enough for the person to recognise the invitation, not enough to identify them.</summary>
    public static string MaskName(string name) => name.Length switch
    {
        0 => "",
        1 => name,
        2 => name[..1] + "*",
        _ => name[..1] + new string('*', name.Length - 2) + name[^1..],
    };
}
