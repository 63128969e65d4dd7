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

    /// <summary>The profile; a plain view writes no audit line.</summary>
    // PostgreSQL: the EF projection below (one round trip). SQLite: one hand-written statement (SqliteProfile), because
    // preparing EF's five split statements was most of a request there and the 3,000 requests/s budget needs it
    // (measured: README's benchmark section). A type test: Database.IsNpgsql() reads the provider's assembly name
    // under a global lock, per call.
    public static Task<FigureDetail?> Load(TongxinDb db, long id) =>
        db is SqliteTongxinDb ? SqliteProfile.LoadAsync(db, id) : LoadWithEf(db, id);

    /// <summary>
    /// The profile as one EF projection: the PostgreSQL path, and the reference SqliteProfile must match. PostgreSQL
    /// reads it in one round trip (a figure has a handful of accounts, positions and honours, so the joined rows stay
    /// few); SQLite splits it per collection, because it cannot push the figure id into a joined collection subquery.
    /// </summary>
    public static Task<FigureDetail?> LoadWithEf(TongxinDb db, long id)
    {
        var figures = db.Figures.AsNoTracking();
        figures = db is PostgresTongxinDb ? figures.AsSingleQuery() : figures.AsSplitQuery();
        return figures.Where(x => x.Id == id).Select(x => new FigureDetail
        {
            Id = x.Id, Name = x.Name, Gender = x.Gender, BirthDate = x.BirthDate, Ethnicity = x.Ethnicity,
            PoliticalAffiliation = x.PoliticalAffiliation, Education = x.Education, IdNumberMasked = x.IdNumberMasked,
            PhoneMasked = x.PhoneMasked, HomeAddressMasked = x.HomeAddressMasked, Email = x.Email, WeChat = x.WeChat,
            RegionCode = x.RegionCode,
            RegionName = db.Regions.Where(r => r.Code == x.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? x.RegionCode,
            Workplace = x.Workplace, JobTitle = x.JobTitle, Category = x.Category, Fields = x.Fields, Tags = x.Tags,
            KeyLevel = x.KeyLevel, Source = x.Source, RecommendedBy = x.RecommendedBy, Status = FigureStatusNames.ToApi(x.Status),
            StatusReason = x.StatusReason, EnrolledOn = x.EnrolledOn, ConsentVersion = x.ConsentVersion, ConsentAt = x.ConsentAt,
            Notes = x.Notes, MaxFollowers = x.MaxFollowers, IsDemo = x.IsDemo, CreatedAt = x.CreatedAt, UpdatedAt = x.UpdatedAt,
            Version = x.Version,
            Accounts = x.Accounts.OrderByDescending(a => a.Followers).ThenBy(a => a.Id)
                .Select(a => new AccountItem(a.Id, a.Platform, a.Handle, a.Url, a.Followers, a.Likes, a.Works, a.MetricsDate, a.Version)).ToList(),
            Positions = x.Positions.OrderBy(p => p.Id)
                .Select(p => new PositionItem(p.Id, p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd, p.Version)).ToList(),
            Honours = x.Honours.OrderBy(h => h.Id)
                .Select(h => new HonourItem(h.Id, h.Title, h.Level, h.AwardedOn, h.Issuer, h.Version)).ToList(),
            Organizations = db.OrganizationMembers.Where(m => m.FigureId == x.Id).OrderBy(m => m.OrganizationId)
                .Select(m => new FigureOrganizationItem(m.OrganizationId, m.Organization!.Name, m.Organization.Type, m.Role)).ToList(),
        }).FirstOrDefaultAsync();
    }
}
