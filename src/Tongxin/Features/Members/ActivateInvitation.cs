using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Http;
using Tongxin.Common.Scope;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Members;

public sealed record ActivateRequest(string? Code, string? UserName, string? Password, string? ConsentVersion);
public sealed record ActivatedAccount(string UserName);

public static partial class ActivateInvitation
{
    /// <summary>
    /// The person sets a user name and password (the staff password policy) and confirms the consent text: the
    /// member user is created and linked to the figure, the consent's version and time are stored on the figure and
    /// the code is used up, in one transaction. A used, revoked or expired code, or an outdated consent version,
    /// answers 400 saying which, and nothing is written.
    /// </summary>
    public static async Task<Results<Created<ActivatedAccount>, ValidationProblem>> Handle(ActivateRequest request, TongxinDb db,
        UserManager<AppUser> users, DataScopeHolder scope)
    {
        var (invitation, refusal) = await PreviewInvitation.FindUsable(db, request.Code);
        if (invitation is null) return Problems.Validation("code", refusal!);
        var errors = new Dictionary<string, string[]>();
        if (request.ConsentVersion != MemberConsent.Version)
            errors["consentVersion"] = [string.IsNullOrWhiteSpace(request.ConsentVersion)
                ? "请阅读并同意个人信息处理说明" : "个人信息处理说明已更新，请刷新页面后重新阅读并同意"];
        var name = request.UserName?.Trim() ?? "";
        if (name.Length == 0) errors["userName"] = ["请填写用户名"];
        else if (!UserNamePattern().IsMatch(name)) errors["userName"] = ["用户名为3到30位字母、数字或下划线，且以字母开头"];
        else if (await users.FindByNameAsync(name) is not null) errors["userName"] = ["该用户名已被使用，请换一个"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["请设置密码"];
        if (errors.Count > 0) return Problems.Validation(errors);

        // The person is not signed in: the work is done in the figure's region, as staff of that region would.
        var region = await db.Figures.IgnoreQueryFilters().Where(f => f.Id == invitation.FigureId).Select(f => f.RegionCode).FirstAsync();
        scope.Use(DataScopeHolder.ForRegion(region));
        var figure = await db.Figures.FirstAsync(f => f.Id == invitation.FigureId);
        if (figure.Status != FigureStatus.Active) return Problems.Validation("code", "该邀请已失效，请联系统战部");
        if (await db.Users.AnyAsync(u => u.FigureId == figure.Id)) return Problems.Validation("code", "您已开通账号，请直接登录");
        var user = new AppUser
        {
            UserName = name,
            DisplayName = figure.Name,
            RegionCode = figure.RegionCode,
            FigureId = figure.Id,
            CreatedAt = DateTime.UtcNow,
        };
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password!);
            if (!check.Succeeded) return Problems.Validation("password", string.Join("；", check.Errors.Select(e => e.Description)));
        }

        db.Actor.Use(null, name);
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.Contains("UserName")) ? "userName" : "password";
            return Problems.Validation(field, string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, Roles.Member);
        var now = DateTime.UtcNow;
        invitation.Activate(now, user.Id);
        figure.ConsentVersion = MemberConsent.Version;
        figure.ConsentAt = now;
        await db.SaveChangesAsync();
        await db.LogAsync("member-activate", "User", user.Id, $"网络人士 {figure.Name} 激活账号 {name}", figure.RegionCode, figure.Id);
        await tx.CommitAsync();
        return TypedResults.Created("/api/me", new ActivatedAccount(name));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{2,29}$")]
    private static partial Regex UserNamePattern();
}
