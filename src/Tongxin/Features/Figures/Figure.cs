using Tongxin.Common.Domain;
using Tongxin.Common.Text;

namespace Tongxin.Features.Figures;

/// <summary>An online figure (网络人士) in the registry.</summary>
public class Figure : IRegionOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Pinyin sort key: users expect pinyin order, not code-point order.</summary>
    [NotAudited] public string SortKey { get; set; } = "";
    public string? Gender { get; set; }
    /// <summary>"yyyy-MM-dd" or "yyyy-MM" (month precision kept, never an invented day).</summary>
    public string? BirthDate { get; set; }
    public string? Ethnicity { get; set; }
    public string? PoliticalAffiliation { get; set; }
    public string? Education { get; set; }

    [Sensitive] public string? IdNumberCipher { get; set; }
    [Sensitive] public string? IdNumberHash { get; set; }
    [NotAudited] public string? IdNumberMasked { get; set; }
    [Sensitive] public string? PhoneCipher { get; set; }
    [Sensitive] public string? PhoneHash { get; set; }
    [NotAudited] public string? PhoneMasked { get; set; }
    [Sensitive] public string? HomeAddressCipher { get; set; }
    [NotAudited] public string? HomeAddressMasked { get; set; }

    public string? Email { get; set; }
    public string? WeChat { get; set; }
    public required string RegionCode { get; set; }
    public string? Workplace { get; set; }
    public string? JobTitle { get; set; }
    public string? Category { get; set; }
    /// <summary>领域, free text separated by 、 or commas.</summary>
    public string? Fields { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>Empty for an ordinary figure; "city" or "district" for 重点网络人士.</summary>
    public string? KeyLevel { get; set; }
    public string? Source { get; set; }
    public string? RecommendedBy { get; set; }
    public FigureStatus Status { get; set; } = FigureStatus.Active;
    public string? StatusReason { get; set; }
    /// <summary>入库时间: counts of new figures use this, not the import day.</summary>
    public DateOnly EnrolledOn { get; set; }
    public string? ConsentVersion { get; set; }
    public DateTime? ConsentAt { get; set; }
    public string? Notes { get; set; }

    /// <summary>Largest follower count over the figure's accounts; kept for tier filters and sorting.</summary>
    [NotAudited] public long MaxFollowers { get; set; }
    /// <summary>Number of the figure's platform accounts; kept so the dashboard tallies can count accounts without a join.</summary>
    [NotAudited] public int AccountCount { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    [NotAudited] public DateTime UpdatedAt { get; set; }
    [NotAudited] public int Version { get; set; }
    [NotAudited] public long? ImportBatchId { get; set; }

    public List<PlatformAccount> Accounts { get; set; } = [];
    public List<Position> Positions { get; set; } = [];
    public List<Honour> Honours { get; set; } = [];

    string IAudited.AuditLabel => Name;
    long? IAudited.AuditFigureId => Id;

    /// <summary>The derived fields of a figure.</summary>
    public void Stamp(DateTime now, bool added)
    {
        SortKey = Pinyin.SortKey(Name);
        UpdatedAt = now;
        if (!added) return;
        CreatedAt = now;
        if (EnrolledOn == default) EnrolledOn = DateOnly.FromDateTime(now);
    }

    /// <summary>Soft delete: the record and its history stay; the figure leaves the active registry.</summary>
    public void Withdraw(FigureStatus status, string reason)
    {
        if (status == FigureStatus.Active) throw new DomainException("请选择退出或调出");
        if (string.IsNullOrWhiteSpace(reason)) throw FieldValidationException.Single("reason", "请填写原因");
        if (Status != FigureStatus.Active) throw new DomainException("该人士已不在库");
        Status = status;
        StatusReason = reason.Trim();
    }

    /// <summary>Back into the registry (恢复入库), with the reason in place of the withdrawal's; history keeps both.</summary>
    public void Restore(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw FieldValidationException.Single("reason", "请填写恢复原因");
        if (Status == FigureStatus.Active) throw new DomainException("该人士已在库，无需恢复");
        Status = FigureStatus.Active;
        StatusReason = reason.Trim();
    }

    /// <summary>Refreshes the figures kept from the accounts (largest follower count, number of accounts); call after any account change.</summary>
    public void RecomputeAccountStats()
    {
        MaxFollowers = Accounts.Count == 0 ? 0 : Accounts.Max(a => a.Followers);
        AccountCount = Accounts.Count;
    }
}

public enum FigureStatus
{
    Active = 0,
    Left = 1,
    Transferred = 2,
}

/// <summary>A political or social position (人大代表, 政协委员, 协会职务…) with level and term.</summary>
public class Position : IFigureOwned, IAudited, IVersioned
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    public required string Kind { get; set; }
    public string? Level { get; set; }
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? TermStart { get; set; }
    public string? TermEnd { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => Title ?? Kind;
}

/// <summary>An honour or award the figure received.</summary>
public class Honour : IFigureOwned, IAudited, IVersioned
{
    public long Id { get; set; }
    public long FigureId { get; set; }
    public Figure? Figure { get; set; }
    public required string Title { get; set; }
    public string? Level { get; set; }
    public string? AwardedOn { get; set; }
    public string? Issuer { get; set; }
    [NotAudited] public int Version { get; set; }

    string IAudited.AuditLabel => Title;
}
