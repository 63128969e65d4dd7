using System.Text.RegularExpressions;

namespace Tongxin.Tests.Features.Model;

public class ArchitectureTests
{
    /// <summary>
    /// Common serves every feature and knows none of them: a feature is added as a folder without editing Common
    /// (entity configurations, DbSets, audit labels, stamps, start-up tasks and write effects are declared by the feature).
    /// </summary>
    [Fact]
    public void Nothing_in_Common_names_a_feature()
    {
        var common = Path.Combine(ModelTests.FindSource(), "Common");
        // The lead moves the migrations (which name feature types in strings) out of Common in a separate change.
        var offending = Directory.GetFiles(common, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(common, f).Split(Path.DirectorySeparatorChar).Contains("Migrations"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(common, f), Line: i + 1, Text: line)))
            .Where(l => FeatureReference.IsMatch(l.Text))
            .Select(l => $"Common/{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "Common must not name a feature:\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("using Tongxin.Features.Figures;")]
    [InlineData("using static Tongxin.Features.Figures.FigureSearchIndexer;")]
    [InlineData("using F = Tongxin.Features.Figures;")]
    [InlineData("    public DbSet<Features.Exports.ExportJob> ExportJobs => Set<Features.Exports.ExportJob>();")]
    [InlineData("        await global::Tongxin.Features.Dashboard.FigureTallies.RebuildAsync(db, ct);")]
    [InlineData("/// <see cref=\"Features.Figures.Figure\"/>")]
    public void A_feature_reference_is_recognized(string line) => Assert.Matches(FeatureReference, line);

    [Theory]
    [InlineData("// Kept by database triggers (Features/Dashboard/FigureTallySql.cs)")]
    [InlineData("using Tongxin.Common.Data;")]
    [InlineData("public static class FeatureFlags")]
    public void Other_lines_are_not_taken_for_one(string line) => Assert.DoesNotMatch(FeatureReference, line);

    // "Features." followed by a name: a namespace, a qualified type, a using (plain, static or alias).
    private static readonly Regex FeatureReference = new(@"\bFeatures\s*\.\s*[A-Za-z_]", RegexOptions.Compiled);
}
