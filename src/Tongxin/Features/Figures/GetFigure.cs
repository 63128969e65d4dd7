using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Http;

namespace Tongxin.Features.Figures;

public static class GetFigure
{
    public static async Task<IResult> Handle(long id, TongxinDb db)
    {
        var detail = await Load(db, id);
        return detail is null ? Problems.NotFound("人士") : TypedResults.Ok(detail);
    }

    /// <summary>The profile as one projected LINQ query; a plain view writes no audit line.</summary>
    public static async Task<FigureDetail?> Load(TongxinDb db, long id)
    {
        // PostgreSQL: one round trip (a figure has a handful of accounts, positions and honours, so the joined
        // rows stay few). SQLite: split per collection, because it cannot push the figure id into a joined
        // collection subquery and would scan them all; its round trips cost next to nothing.
        var figures = db.Figures.AsNoTracking();
        figures = db.Database.IsNpgsql() ? figures.AsSingleQuery() : figures.AsSplitQuery();
        var f = await figures.Where(x => x.Id == id).Select(x => new
        {
            x.Id, x.Name, x.Gender, x.BirthDate, x.Ethnicity, x.PoliticalAffiliation, x.Education, x.IdNumberMasked,
            x.PhoneMasked, x.HomeAddressMasked, x.Email, x.WeChat, x.RegionCode, x.Workplace, x.JobTitle, x.Category,
            x.Fields, x.Tags, x.KeyLevel, x.Source, x.RecommendedBy, x.Status, x.StatusReason, x.EnrolledOn,
            x.ConsentVersion, x.ConsentAt, x.Notes, x.MaxFollowers, x.IsDemo, x.CreatedAt, x.UpdatedAt, x.Version,
            RegionName = db.Regions.Where(r => r.Code == x.RegionCode).Select(r => r.FullName).FirstOrDefault(),
            Accounts = x.Accounts.OrderByDescending(a => a.Followers).ThenBy(a => a.Id)
                .Select(a => new AccountItem(a.Id, a.Platform, a.Handle, a.Url, a.Followers, a.Likes, a.Works, a.MetricsDate, a.Version)).ToList(),
            Positions = x.Positions.OrderBy(p => p.Id)
                .Select(p => new PositionItem(p.Id, p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd, p.Version)).ToList(),
            Honours = x.Honours.OrderBy(h => h.Id)
                .Select(h => new HonourItem(h.Id, h.Title, h.Level, h.AwardedOn, h.Issuer, h.Version)).ToList(),
            Organizations = db.OrganizationMembers.Where(m => m.FigureId == x.Id).OrderBy(m => m.OrganizationId)
                .Select(m => new FigureOrganizationItem(m.OrganizationId, m.Organization!.Name, m.Organization.Type, m.Role)).ToList(),
        }).FirstOrDefaultAsync();
        if (f is null) return null;
        return new FigureDetail
        {
            Id = f.Id, Name = f.Name, Gender = f.Gender, BirthDate = f.BirthDate, Ethnicity = f.Ethnicity,
            PoliticalAffiliation = f.PoliticalAffiliation, Education = f.Education, IdNumberMasked = f.IdNumberMasked,
            PhoneMasked = f.PhoneMasked, HomeAddressMasked = f.HomeAddressMasked, Email = f.Email, WeChat = f.WeChat,
            RegionCode = f.RegionCode, RegionName = f.RegionName ?? f.RegionCode, Workplace = f.Workplace, JobTitle = f.JobTitle,
            Category = f.Category, Fields = f.Fields, Tags = f.Tags, KeyLevel = f.KeyLevel, Source = f.Source,
            RecommendedBy = f.RecommendedBy, Status = FigureStatusNames.ToApi(f.Status), StatusReason = f.StatusReason,
            EnrolledOn = f.EnrolledOn, ConsentVersion = f.ConsentVersion, ConsentAt = f.ConsentAt, Notes = f.Notes,
            MaxFollowers = f.MaxFollowers, IsDemo = f.IsDemo, CreatedAt = f.CreatedAt, UpdatedAt = f.UpdatedAt,
            Version = f.Version, Accounts = f.Accounts, Positions = f.Positions, Honours = f.Honours, Organizations = f.Organizations,
        };
    }
}
