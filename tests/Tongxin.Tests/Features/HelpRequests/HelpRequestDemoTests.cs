using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Tongxin.Demo;
using Tongxin.Features.HelpRequests;
using Tongxin.Tests.Infrastructure;

namespace Tongxin.Tests.Features.HelpRequests;

/// <summary>The demo has requests in every state, some routed to the demo unit user's unit, and removing the demo removes them.</summary>
public class HelpRequestDemoTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Demo_requests_cover_every_state_and_reach_the_demo_unit_and_are_removed_with_the_demo()
    {
        await app.WithDb(async (_, sp) => { await DemoSeeder.SeedAsync(sp, "510000", NullLogger.Instance, CancellationToken.None); return 0; });
        try
        {
            var (states, routedToUnit, overdue) = await app.WithDb(async (db, _) =>
            {
                var unitId = await db.OrgUnits.Where(u => u.Name == "泸州市委网信办" && u.IsDemo).Select(u => u.Id).FirstAsync(); // the unit user's
                var today = HelpRequest.Today(DateTime.UtcNow);
                return (await db.HelpRequests.Where(r => r.IsDemo).Select(r => r.Status).Distinct().ToListAsync(),
                    await db.HelpRequests.CountAsync(r => r.Parts.Any(p => p.OrgUnitId == unitId)),
                    await db.HelpRequestParts.CountAsync(p => p.OrgUnitId == unitId && p.Status == PartStatus.Pending && p.Deadline < today));
            });
            Assert.Equal(Enum.GetValues<HelpRequestStatus>().Order(), states.Order());
            Assert.True(routedToUnit >= 3);
            Assert.True(overdue >= 1);
        }
        finally
        {
            await app.WithDb(async (_, sp) => await DemoSeeder.RemoveAsync(sp, CancellationToken.None));
        }
        Assert.Equal(0, await app.WithDb(async (db, _) => await db.HelpRequests.CountAsync()));
    }
}
