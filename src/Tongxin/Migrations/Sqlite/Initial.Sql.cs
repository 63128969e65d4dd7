namespace Tongxin.Migrations.Sqlite;

// The hand-written SQL of the first migration, kept as literal text: a migration must run the same statements
// forever, whatever the code that generates them (FigureTallySql) becomes later. tests/…/Features/Model/MigrationSqlTests checks
// that this text still equals what FigureTallySql generates, so changing the tallies' contributions needs a new
// migration that drops and recreates the triggers.
public partial class Initial
{
    /// <summary>The audit log is append-only: updates are refused, deletes too except past the retention period.</summary>
    public const string AuditTriggers = """"
CREATE TRIGGER audit_no_update BEFORE UPDATE ON AuditEntries
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_recent_delete BEFORE DELETE ON AuditEntries
WHEN OLD.At > strftime('%Y-%m-%d %H:%M:%f', 'now', '-186 days')
BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
"""";

    /// <summary>The triggers that keep the dashboard's FigureTallies in step with every write to Figures.</summary>
    public const string FigureTallyTriggers = """"
CREATE TRIGGER figure_tally_insert AFTER INSERT ON "Figures" WHEN NEW."Status" = 0 BEGIN
INSERT INTO "FigureTallies" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(NEW."RegionCode", 1, 6) AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, NEW."RegionCode" AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 6) AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, NEW."RegionCode" AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 6) AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, NEW."RegionCode" AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 6) AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, NEW."RegionCode" AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 6) AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, NEW."RegionCode" AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 6) AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, NEW."RegionCode" AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0
ON CONFLICT ("Dimension", "RegionCode", "Value") DO UPDATE SET "Count" = "FigureTallies"."Count" + excluded."Count";
END;
CREATE TRIGGER figure_tally_delete AFTER DELETE ON "Figures" WHEN OLD."Status" = 0 BEGIN
INSERT INTO "FigureTallies" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(OLD."RegionCode", 1, 6) AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, OLD."RegionCode" AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 6) AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, OLD."RegionCode" AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 6) AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, OLD."RegionCode" AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 6) AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, OLD."RegionCode" AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 6) AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, OLD."RegionCode" AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 6) AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, OLD."RegionCode" AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0
ON CONFLICT ("Dimension", "RegionCode", "Value") DO UPDATE SET "Count" = "FigureTallies"."Count" + excluded."Count";
END;
CREATE TRIGGER figure_tally_update AFTER UPDATE OF "Status", "RegionCode", "Category", "KeyLevel", "MaxFollowers", "EnrolledOn", "AccountCount" ON "Figures" WHEN OLD."Status" = 0 OR NEW."Status" = 0 BEGIN
INSERT INTO "FigureTallies" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(OLD."RegionCode", 1, 6) AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, OLD."RegionCode" AS r, '' AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(OLD."RegionCode", 1, 6) AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, OLD."RegionCode" AS r, coalesce(OLD."Category", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(OLD."RegionCode", 1, 6) AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, OLD."RegionCode" AS r, coalesce(OLD."KeyLevel", '') AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(OLD."RegionCode", 1, 6) AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, OLD."RegionCode" AS r, CASE WHEN OLD."MaxFollowers" >= 10000000 THEN '4' WHEN OLD."MaxFollowers" >= 1000000 THEN '3' WHEN OLD."MaxFollowers" >= 100000 THEN '2' WHEN OLD."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, substr(OLD."RegionCode", 1, 6) AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(OLD."EnrolledOn", 1, 4) AS d, OLD."RegionCode" AS r, substr(OLD."EnrolledOn", 6, 2) AS v, -1 * 1 AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(OLD."RegionCode", 1, 6) AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND substr(OLD."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, OLD."RegionCode" AS r, '' AS v, -1 * OLD."AccountCount" AS c WHERE OLD."Status" = 0 AND length(OLD."RegionCode") = 9
  UNION ALL SELECT 'total' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(NEW."RegionCode", 1, 6) AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, NEW."RegionCode" AS r, '' AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(NEW."RegionCode", 1, 6) AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, NEW."RegionCode" AS r, coalesce(NEW."Category", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(NEW."RegionCode", 1, 6) AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, NEW."RegionCode" AS r, coalesce(NEW."KeyLevel", '') AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(NEW."RegionCode", 1, 6) AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, NEW."RegionCode" AS r, CASE WHEN NEW."MaxFollowers" >= 10000000 THEN '4' WHEN NEW."MaxFollowers" >= 1000000 THEN '3' WHEN NEW."MaxFollowers" >= 100000 THEN '2' WHEN NEW."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, substr(NEW."RegionCode", 1, 6) AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || substr(NEW."EnrolledOn", 1, 4) AS d, NEW."RegionCode" AS r, substr(NEW."EnrolledOn", 6, 2) AS v, 1 * 1 AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(NEW."RegionCode", 1, 6) AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND substr(NEW."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, NEW."RegionCode" AS r, '' AS v, 1 * NEW."AccountCount" AS c WHERE NEW."Status" = 0 AND length(NEW."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0
ON CONFLICT ("Dimension", "RegionCode", "Value") DO UPDATE SET "Count" = "FigureTallies"."Count" + excluded."Count";
END;
"""";
}
