using System.Linq.Expressions;
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
    // PostgreSQL: the EF query below (one round trip, already over budget). SQLite: one hand-written statement
    // (SqliteProfile), because preparing EF's five split statements was most of a request there.
    // (A type test: Database.IsNpgsql() reads the provider's assembly name, which takes a global lock, per call.)
    public static Task<FigureDetail?> Load(TongxinDb db, long id) =>
        db is PostgresTongxinDb ? SingleQuery(db, id) : SqliteProfile.LoadAsync(db, id);

    /// <summary>The profile as one projected LINQ query: the PostgreSQL path, and the reference SqliteProfile must match.</summary>
    public static Task<FigureDetail?> LoadWithEf(TongxinDb db, long id) =>
        db is PostgresTongxinDb ? SingleQuery(db, id) : LoadSplit(db, id);

    /// <summary>
    /// SQLite runs one statement per collection; EF would open and close the connection around each of them, and
    /// every open takes the pool's lock and registers EF's SQL functions on the handle again. Once is enough.
    /// </summary>
    private static Task<FigureDetail?> LoadSplit(TongxinDb db, long id) =>
        ContextConnection.UseAsync(db, (_, _) => SplitQuery(db, id), CancellationToken.None);

    // The profile over a source of figures; written once, compiled below for each provider.
    private static readonly Expression<Func<TongxinDb, IQueryable<Figure>, long, FigureDetail?>> Profile = (db, figures, id) =>
        figures.Where(x => x.Id == id).Select(x => new FigureDetail
        {
            Id = x.Id,
            Name = x.Name,
            Gender = x.Gender,
            BirthDate = x.BirthDate,
            Ethnicity = x.Ethnicity,
            PoliticalAffiliation = x.PoliticalAffiliation,
            Education = x.Education,
            IdNumberMasked = x.IdNumberMasked,
            PhoneMasked = x.PhoneMasked,
            HomeAddressMasked = x.HomeAddressMasked,
            Email = x.Email,
            WeChat = x.WeChat,
            RegionCode = x.RegionCode,
            RegionName = db.Regions.Where(r => r.Code == x.RegionCode).Select(r => r.FullName).FirstOrDefault() ?? x.RegionCode,
            Workplace = x.Workplace,
            JobTitle = x.JobTitle,
            Category = x.Category,
            Fields = x.Fields,
            Tags = x.Tags,
            KeyLevel = x.KeyLevel,
            Source = x.Source,
            RecommendedBy = x.RecommendedBy,
            Status = FigureStatusNames.ToApi(x.Status),
            StatusReason = x.StatusReason,
            EnrolledOn = x.EnrolledOn,
            ConsentVersion = x.ConsentVersion,
            ConsentAt = x.ConsentAt,
            Notes = x.Notes,
            MaxFollowers = x.MaxFollowers,
            IsDemo = x.IsDemo,
            CreatedAt = x.CreatedAt,
            UpdatedAt = x.UpdatedAt,
            Version = x.Version,
            Accounts = x.Accounts.OrderByDescending(a => a.Followers).ThenBy(a => a.Id)
                .Select(a => new AccountItem(a.Id, a.Platform, a.Handle, a.Url, a.Followers, a.Likes, a.Works, a.MetricsDate, a.Version)).ToList(),
            Positions = x.Positions.OrderBy(p => p.Id)
                .Select(p => new PositionItem(p.Id, p.Kind, p.Level, p.Title, p.Organization, p.TermStart, p.TermEnd, p.Version)).ToList(),
            Honours = x.Honours.OrderBy(h => h.Id)
                .Select(h => new HonourItem(h.Id, h.Title, h.Level, h.AwardedOn, h.Issuer, h.Version)).ToList(),
            Organizations = db.OrganizationMembers.Where(m => m.FigureId == x.Id).OrderBy(m => m.OrganizationId)
                .Select(m => new FigureOrganizationItem(m.OrganizationId, m.Organization!.Name, m.Organization.Type, m.Role)).ToList(),
        }).FirstOrDefault();

    // Compiled once per provider: the profile is the hottest read, and a compiled query skips the per-call walk of
    // this large expression tree (parameter extraction, query-cache look-up). The region filter is compiled in and
    // still reads the scope of the context it runs on.
    // PostgreSQL: one round trip (a figure has a handful of accounts, positions and honours, so the joined rows
    // stay few). SQLite: split per collection, because it cannot push the figure id into a joined collection
    // subquery and would scan them all; its round trips cost next to nothing.
    private static readonly Func<TongxinDb, long, Task<FigureDetail?>> SingleQuery =
        EF.CompileAsyncQuery(From(db => db.Figures.AsNoTracking().AsSingleQuery()));

    private static readonly Func<TongxinDb, long, Task<FigureDetail?>> SplitQuery =
        EF.CompileAsyncQuery(From(db => db.Figures.AsNoTracking().AsSplitQuery()));

    /// <summary>The profile query over the figures as the provider wants them read (single or split query).</summary>
    private static Expression<Func<TongxinDb, long, FigureDetail?>> From(Expression<Func<TongxinDb, IQueryable<Figure>>> figures)
    {
        var db = Profile.Parameters[0];
        var source = new Substitute(figures.Parameters[0], db).Visit(figures.Body);
        return Expression.Lambda<Func<TongxinDb, long, FigureDetail?>>(
            new Substitute(Profile.Parameters[1], source).Visit(Profile.Body), db, Profile.Parameters[2]);
    }

    private sealed class Substitute(ParameterExpression parameter, Expression by) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? by : node;
    }
}
