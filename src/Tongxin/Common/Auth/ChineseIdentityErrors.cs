using Microsoft.AspNetCore.Identity;

namespace Tongxin.Common.Auth;

/// <summary>Identity's messages in the users' language.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要{length}个字符" };
    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确" };
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在" };
    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 -._@" };
    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "该记录已被他人修改，请刷新后重试" };
    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "操作失败，请重试" };
    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = "该用户未启用锁定" };
}
