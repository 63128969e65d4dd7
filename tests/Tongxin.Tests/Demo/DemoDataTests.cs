using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Demo;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Demo;

/// <summary>Demo data holds up in a demonstration: what names a county sits in it.</summary>
public class DemoDataTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Dictionary<string, string> Counties = new()
    {
        ["江阳"] = "510502",
        ["纳溪"] = "510503",
        ["龙马潭"] = "510504",
        ["泸县"] = "510521",
        ["合江"] = "510522",
        ["叙永"] = "510524",
        ["古蔺"] = "510525",
    };

    private static string? CountyOf(string? text) =>
        text is null ? null : Counties.Where(c => text.Contains(c.Key)).Select(c => c.Value).FirstOrDefault();

    [Fact]
    public async Task Organizations_and_workplaces_sit_in_the_county_their_names_say()
    {
        await app.WithDb(async (_, sp) => { await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None); return 0; });
        try
        {
            var (organizations, figures, members) = await app.WithDb(async (db, _) => (
                await db.Organizations.Where(o => o.IsDemo).Select(o => new { o.Id, o.Name, o.RegionCode }).ToListAsync(),
                await db.Figures.Where(f => f.IsDemo).Select(f => new { f.Id, f.Workplace, f.RegionCode }).ToListAsync(),
                await db.OrganizationMembers.Select(m => new { m.OrganizationId, m.FigureId }).ToListAsync()));
            Assert.NotEmpty(organizations);
            Assert.All(organizations.Where(o => CountyOf(o.Name) is not null), o => Assert.Equal(CountyOf(o.Name), o.RegionCode));
            Assert.All(figures.Where(f => CountyOf(f.Workplace) is not null), f => Assert.StartsWith(CountyOf(f.Workplace)!, f.RegionCode));
            var organizationRegion = organizations.ToDictionary(o => o.Id, o => o.RegionCode);
            var figureRegion = figures.ToDictionary(f => f.Id, f => f.RegionCode);
            Assert.All(members.Where(m => figureRegion.ContainsKey(m.FigureId)),
                m => Assert.True(organizationRegion[m.OrganizationId] == "510500" || figureRegion[m.FigureId].StartsWith(organizationRegion[m.OrganizationId]),
                    $"a figure of {figureRegion[m.FigureId]} belongs to an organization of {organizationRegion[m.OrganizationId]}"));
        }
        finally
        {
            await app.WithDb(async (_, sp) => await DemoSeeder.RemoveAsync(sp, CancellationToken.None));
        }
    }
}
