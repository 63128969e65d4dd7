using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tongxin.Common.Auth;
using Tongxin.Common.Data;
using Tongxin.Common.Domain;
using Tongxin.Common.Scope;

namespace Tongxin.Tests.Features.Model;

public class ModelTests
{
    private static TongxinDb Sqlite() => new SqliteTongxinDb(
        new DbContextOptionsBuilder<SqliteTongxinDb>().UseSqlite("Data Source=:memory:").Options, UnrestrictedScope.Instance, new CurrentActor());

    private static TongxinDb Postgres() => new PostgresTongxinDb(
        new DbContextOptionsBuilder<PostgresTongxinDb>().UseNpgsql("Host=127.0.0.1;Database=none").Options, UnrestrictedScope.Instance, new CurrentActor());

    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    private static TongxinDb For(string provider) => provider == "sqlite" ? Sqlite() : Postgres();

    [Theory, MemberData(nameof(Providers))]
    public void Every_region_owned_entity_carries_the_region_filter(string provider)
    {
        using var db = For(provider);
        var scoped = db.Model.GetEntityTypes().Where(e => typeof(IRegionOwned).IsAssignableFrom(e.ClrType) || typeof(IFigureOwned).IsAssignableFrom(e.ClrType)).ToList();
        Assert.NotEmpty(scoped);
        foreach (var entity in scoped)
            Assert.Contains(entity.GetDeclaredQueryFilters(), f => f.Key == TongxinDb.RegionScopeFilter);
    }

    /// <summary>HasRegionScope and IsOrdinal leave marks for TongxinDb to apply; none may reach the model (or a migration).</summary>
    [Theory, MemberData(nameof(Providers))]
    public void The_region_scope_marks_are_applied_and_removed(string provider)
    {
        using var db = For(provider);
        var design = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;
        var left = design.GetEntityTypes()
            .SelectMany(e => e.GetAnnotations().Concat(e.GetProperties().SelectMany(p => p.GetAnnotations())))
            .Where(a => a.Name.StartsWith("Tongxin:")).Select(a => a.Name).ToList();
        Assert.Empty(left);
        var code = design.FindEntityType(typeof(Tongxin.Common.Scope.Region))!.FindProperty("Code")!;
        Assert.Equal(provider == "postgres" ? "C" : null, code.GetCollation());
    }

    [Theory, MemberData(nameof(Providers))]
    public void No_model_change_lacks_a_migration(string provider)
    {
        using var db = For(provider);
        Assert.False(db.Database.HasPendingModelChanges(), $"run scripts/add-migration.sh: the {provider} model has changes without a migration");
    }

    /// <summary>Scope bypasses are deliberate and few; a new one must be reviewed and added here.</summary>
    [Fact]
    public void IgnoreQueryFilters_is_used_only_where_allowed()
    {
        var allowed = new Dictionary<string, int>
        {
            ["Features/Figures/Duplicates.cs"] = 2,         // duplicates are global; out-of-scope hits reveal only the fact
            ["Features/Figures/FigureFilterShape.cs"] = 1,  // a walk of an order's index restates the scope's range as a test no index takes, or reads an order key's bound (SQLite)
            ["Features/Liaison/ListDue.cs"] = 1,            // the province's due list on SQLite restates the scope's range as a test no index takes (walks the due order)
            ["Features/Figures/AccountInput.cs"] = 1,   // an account handle has one owner across regions
            ["Features/Organizations/OrganizationInput.cs"] = 1, // credit codes are unique across regions
            ["Features/Imports/FigureMatcher.cs"] = 2,      // import matching is global; out-of-scope hits become row errors, never updates
            ["Features/Members/MemberContext.cs"] = 1,      // a member's own figure, by the id on their user, to set the scope to its region
            ["Features/Members/PreviewInvitation.cs"] = 2,  // an anonymous invitation code, found by its hash, and the figure's (masked) name
            ["Features/Members/ActivateInvitation.cs"] = 1, // the invited figure's region, to do the activation in its scope
            ["Features/Members/MobileSignIn.cs"] = 1,       // sign-in by mobile number: figures by the number's hash, before anyone is signed in
            ["Features/AuditLog/AuditEndpoints.cs"] = 1,    // whether the reader's region is a root (reads every line)
            ["Features/Auth/Login.cs"] = 1,                 // the root region, for a failed sign-in of an unknown name
            ["Features/Organizations/DeleteOrganization.cs"] = 1, // links outside the caller's scope refuse the delete (counted, not shown)
            ["Features/HelpRequests/HelpRequestUnitReferences.cs"] = 1, // parts outside the caller's scope refuse a unit's delete (counted)
            ["Features/TaskPlans/TaskUnitReferences.cs"] = 3,  // tasks and reports outside the caller's scope refuse a unit's delete (counted)
            // A notice's recipients are outside its publisher's region: reads go through their own inbox row first.
            ["Features/Notifications/ReadNotification.cs"] = 1, // read receipt counter on the notice
            ["Features/Notifications/ListNotices.cs"] = 2,      // a recipient's notices, joined through their own rows
            ["Features/Notifications/NoticeFanOut.cs"] = 4,     // the background fan-out claims and updates notices of any region
            ["Features/Notifications/NoticeAudience.cs"] = 1,   // the fan-out resolves members through their figures
            ["Features/Notifications/NotificationDemo.cs"] = 1, // demo removal
        };
        var root = FindSource();
        var found = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/Migrations/") && !f.Contains("/obj/") && !f.Contains("/bin/"))
            .Select(f => (File: Path.GetRelativePath(root, f), Count: Regex.Matches(File.ReadAllText(f), @"\.IgnoreQueryFilters\(").Count))
            .Where(x => x.Count > 0)
            .ToDictionary(x => x.File, x => x.Count);
        Assert.Equal(allowed.OrderBy(k => k.Key), found.OrderBy(k => k.Key));
    }

    public static string FindSource()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Tongxin"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Tongxin");
    }
}
