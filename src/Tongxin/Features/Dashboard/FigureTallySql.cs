namespace Tongxin.Features.Dashboard;

/// <summary>
/// The SQL that keeps <see cref="FigureTally"/> rows: triggers on Figures for each provider, the statements
/// that rebuild every tally from the figures. The first migration holds the triggers as literal text.
/// Hand-written on purpose: the triggers catch every write path (EF, raw multi-row INSERTs, COPY, ExecuteDelete).
/// </summary>
/// <remarks>
/// An active figure (Status 0) contributes to: ("total", "", 1), ("category", category or "", 1),
/// ("keyLevel", key level or "", 1), ("tier", "0".."4" from MaxFollowers, 1), ("month:YYYY", "MM" of EnrolledOn, 1)
/// and ("accounts", "", AccountCount), each under every region whose subtree holds the figure (province, city,
/// district, township: see <see cref="Levels"/>). A change subtracts the old row's
/// contributions and adds the new one's in one upsert; pairs that cancel out write nothing.
/// Changing these contributions needs a new migration that drops and recreates the triggers and rebuilds
/// (tests/…/Features/Model/MigrationSqlTests compares the migration's text with this class).
/// </remarks>
public static class FigureTallySql
{
    private const string Columns = "\"Dimension\", \"RegionCode\", \"Value\", \"Count\"";

    private const string Upsert = "ON CONFLICT (\"Dimension\", \"RegionCode\", \"Value\") DO UPDATE SET \"Count\" = \"FigureTallies\".\"Count\" + excluded.\"Count\"";

    private static string Tier(string r) =>
        $"CASE WHEN {r}.\"MaxFollowers\" >= 10000000 THEN '4' WHEN {r}.\"MaxFollowers\" >= 1000000 THEN '3' " +
        $"WHEN {r}.\"MaxFollowers\" >= 100000 THEN '2' WHEN {r}.\"MaxFollowers\" >= 10000 THEN '1' ELSE '0' END";

    /// <summary>(dimension, value, count) expressions of one figure row called <paramref name="r"/>.</summary>
    private static (string Dimension, string Value, string Count)[] Contributions(string r, bool postgres) =>
    [
        ("'total'", "''", "1"),
        ("'category'", $"coalesce({r}.\"Category\", '')", "1"),
        ("'keyLevel'", $"coalesce({r}.\"KeyLevel\", '')", "1"),
        ("'tier'", Tier(r), "1"),
        postgres
            ? ($"'month:' || to_char({r}.\"EnrolledOn\", 'YYYY')", $"to_char({r}.\"EnrolledOn\", 'MM')", "1")
            // EF stores a DateOnly as 'yyyy-MM-dd' text on SQLite.
            : ($"'month:' || substr({r}.\"EnrolledOn\", 1, 4)", $"substr({r}.\"EnrolledOn\", 6, 2)", "1"),
        ("'accounts'", "''", $"{r}.\"AccountCount\""),
    ];

    /// <summary>
    /// The regions whose subtree holds a figure of row <paramref name="r"/>, each with the condition under which
    /// that level exists: province "xx0000", city "xxxx00", district "xxxxxx" and the township itself. Counting a
    /// figure under each of them lets a dashboard read the ~50 rows of one region instead of summing a subtree.
    /// </summary>
    private static (string Code, string Condition)[] Levels(string r) =>
    [
        ($"substr({r}.\"RegionCode\", 1, 2) || '0000'", "true"),
        ($"substr({r}.\"RegionCode\", 1, 4) || '00'", $"substr({r}.\"RegionCode\", 3, 2) <> '00'"),
        ($"substr({r}.\"RegionCode\", 1, 6)", $"substr({r}.\"RegionCode\", 5, 2) <> '00'"),
        ($"{r}.\"RegionCode\"", $"length({r}.\"RegionCode\") = 9"),
    ];

    /// <summary>SELECT branches giving the contributions of row <paramref name="r"/> times <paramref name="sign"/>, if it is active.</summary>
    private static IEnumerable<string> Branches(string r, string? from, int sign, bool postgres) =>
        from c in Contributions(r, postgres)
        from l in Levels(r)
        select $"SELECT {c.Dimension} AS d, {l.Code} AS r, {c.Value} AS v, {sign} * {c.Count} AS c{(from is null ? "" : " FROM " + from)} WHERE {r}.\"Status\" = 0 AND {l.Condition}";

    /// <summary>One upsert of the summed contributions (SQLite: one writer at a time, so nothing waits on the rows).</summary>
    private static string Apply(IEnumerable<string> branches) =>
        $"INSERT INTO \"FigureTallies\" ({Columns})\n{Summed(branches)}\n{Upsert};";

    /// <summary>PostgreSQL: the summed contributions are appended as changes, which lock nothing another writer needs.</summary>
    private static string Append(IEnumerable<string> branches) =>
        $"INSERT INTO \"FigureTallyChanges\" ({Columns})\n{Summed(branches)};";

    private static string Summed(IEnumerable<string> branches) =>
        $"SELECT d, r, v, sum(c) FROM (\n  {string.Join("\n  UNION ALL ", branches)}\n) AS x\n" +
        "WHERE true GROUP BY d, r, v HAVING sum(c) <> 0";

    private const string TallyColumns = "\"Status\", \"RegionCode\", \"Category\", \"KeyLevel\", \"MaxFollowers\", \"EnrolledOn\", \"AccountCount\"";

    /// <summary>SQLite has row triggers only; the update trigger fires only when a counted column is set.</summary>
    public static readonly string CreateSqliteTriggers =
        "CREATE TRIGGER figure_tally_insert AFTER INSERT ON \"Figures\" WHEN NEW.\"Status\" = 0 BEGIN\n" +
        Apply(Branches("NEW", null, 1, false)) + "\nEND;\n" +
        "CREATE TRIGGER figure_tally_delete AFTER DELETE ON \"Figures\" WHEN OLD.\"Status\" = 0 BEGIN\n" +
        Apply(Branches("OLD", null, -1, false)) + "\nEND;\n" +
        $"CREATE TRIGGER figure_tally_update AFTER UPDATE OF {TallyColumns} ON \"Figures\" WHEN OLD.\"Status\" = 0 OR NEW.\"Status\" = 0 BEGIN\n" +
        Apply(Branches("OLD", null, -1, false).Concat(Branches("NEW", null, 1, false))) + "\nEND;";

    /// <summary>
    /// SQLite: what figure_tally_insert adds (<paramref name="sign"/> 1) or figure_tally_delete subtracts (-1), for
    /// all the figure rows <paramref name="rows"/> gives (aliased n) in one upsert; for a bulk writer that lifts a
    /// row trigger around a large INSERT or UPDATE inside its transaction.
    /// </summary>
    public static string AddSqlite(string rows, int sign = 1) => Apply(Branches("n", rows + " AS n", sign, false));

    public const string DropSqliteTriggers =
        "DROP TRIGGER IF EXISTS figure_tally_insert; DROP TRIGGER IF EXISTS figure_tally_delete; DROP TRIGGER IF EXISTS figure_tally_update;";

    /// <summary>
    /// PostgreSQL: statement triggers with transition tables, so a multi-row INSERT or a COPY of a million
    /// figures costs one grouped insert, not a million trigger calls. They append <see cref="FigureTallyChange"/>
    /// rows rather than upsert the tallies: an upsert would keep the province's rows locked until the writing
    /// transaction commits, so a long import would stall every figure write in the province.
    /// </summary>
    public static readonly string CreatePostgresTriggers =
        "CREATE FUNCTION figure_tally() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n" +
        "  IF TG_OP = 'INSERT' THEN\n" + Append(Branches("n", "new_rows AS n", 1, true)) + "\n" +
        "  ELSIF TG_OP = 'DELETE' THEN\n" + Append(Branches("o", "old_rows AS o", -1, true)) + "\n" +
        "  ELSIF TG_OP = 'UPDATE' THEN\n" + Append(Branches("o", "old_rows AS o", -1, true).Concat(Branches("n", "new_rows AS n", 1, true))) + "\n" +
        "  ELSE\n  DELETE FROM \"FigureTallies\"; DELETE FROM \"FigureTallyChanges\";\n" + // TRUNCATE
        "  END IF;\n  RETURN NULL;\nEND $$;\n" +
        "CREATE TRIGGER figure_tally_insert AFTER INSERT ON \"Figures\" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();\n" +
        "CREATE TRIGGER figure_tally_update AFTER UPDATE ON \"Figures\" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();\n" +
        "CREATE TRIGGER figure_tally_delete AFTER DELETE ON \"Figures\" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();\n" +
        "CREATE TRIGGER figure_tally_truncate AFTER TRUNCATE ON \"Figures\" FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();";


    /// <summary>
    /// Folds the committed changes into the tallies in one statement (one snapshot). Servers may run it at the
    /// same time: a change row deleted by one waits the other out and is then skipped, so none counts twice.
    /// Tally keys are taken in one order so two folds cannot deadlock.
    /// </summary>
    public const string FoldChanges =
        "WITH moved AS (DELETE FROM \"FigureTallyChanges\" RETURNING \"Dimension\", \"RegionCode\", \"Value\", \"Count\")\n" +
        $"INSERT INTO \"FigureTallies\" ({Columns})\n" +
        "SELECT \"Dimension\", \"RegionCode\", \"Value\", sum(\"Count\") FROM moved GROUP BY 1, 2, 3 HAVING sum(\"Count\") <> 0 ORDER BY 1, 2, 3\n" +
        Upsert + ";";

    /// <summary>Every tally computed afresh from the figures: one grouped scan per dimension and level.</summary>
    public static string Rebuild(bool postgres) =>
        (postgres ? "DELETE FROM \"FigureTallyChanges\";\n" : "") + Fill(postgres);

    private static string Fill(bool postgres) =>
        "DELETE FROM \"FigureTallies\";\n" + string.Join("\n",
            from c in Contributions("f", postgres)
            from l in Levels("f")
            select $"INSERT INTO \"FigureTallies\" ({Columns}) SELECT {c.Dimension}, {l.Code}, {c.Value}, sum({c.Count}) " +
                   $"FROM \"Figures\" AS f WHERE f.\"Status\" = 0 AND {l.Condition} GROUP BY 1, 2, 3;");
}
