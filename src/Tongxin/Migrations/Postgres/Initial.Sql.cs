namespace Tongxin.Migrations.Postgres;

// The hand-written SQL of the first migration, kept as literal text: a migration must run the same statements
// forever, whatever the code that generates them (FigureTallySql) becomes later. tests/…/Features/Model/MigrationSqlTests checks
// that this text still equals what FigureTallySql generates, so changing the tallies' contributions needs a new
// migration that drops and recreates the triggers.
public partial class Initial
{
    /// <summary>The audit log is append-only: updates are refused, deletes too except past the retention period.</summary>
    public const string AuditTriggers = """"
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR OLD."At" > now() - interval '186 days' THEN
    RAISE EXCEPTION 'audit log is append-only';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
FOR EACH ROW EXECUTE FUNCTION audit_append_only();
"""";

    /// <summary>The triggers that keep the dashboard's FigureTallies in step with every write to Figures.</summary>
    public const string FigureTallyTriggers = """"
CREATE FUNCTION figure_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
INSERT INTO "FigureTallyChanges" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(n."RegionCode", 1, 6) AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, n."RegionCode" AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 6) AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, n."RegionCode" AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 6) AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, n."RegionCode" AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 6) AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, n."RegionCode" AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 4) || '00' AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 6) AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, n."RegionCode" AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 6) AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, n."RegionCode" AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0;
  ELSIF TG_OP = 'DELETE' THEN
INSERT INTO "FigureTallyChanges" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(o."RegionCode", 1, 6) AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, o."RegionCode" AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 6) AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, o."RegionCode" AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 6) AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, o."RegionCode" AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 6) AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, o."RegionCode" AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 4) || '00' AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 6) AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, o."RegionCode" AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 6) AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, o."RegionCode" AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0;
  ELSIF TG_OP = 'UPDATE' THEN
INSERT INTO "FigureTallyChanges" ("Dimension", "RegionCode", "Value", "Count")
SELECT d, r, v, sum(c) FROM (
  SELECT 'total' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(o."RegionCode", 1, 6) AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, o."RegionCode" AS r, '' AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(o."RegionCode", 1, 6) AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, o."RegionCode" AS r, coalesce(o."Category", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(o."RegionCode", 1, 6) AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, o."RegionCode" AS r, coalesce(o."KeyLevel", '') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(o."RegionCode", 1, 6) AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, o."RegionCode" AS r, CASE WHEN o."MaxFollowers" >= 10000000 THEN '4' WHEN o."MaxFollowers" >= 1000000 THEN '3' WHEN o."MaxFollowers" >= 100000 THEN '2' WHEN o."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 4) || '00' AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, substr(o."RegionCode", 1, 6) AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(o."EnrolledOn", 'YYYY') AS d, o."RegionCode" AS r, to_char(o."EnrolledOn", 'MM') AS v, -1 * 1 AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 2) || '0000' AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 4) || '00' AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(o."RegionCode", 1, 6) AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND substr(o."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, o."RegionCode" AS r, '' AS v, -1 * o."AccountCount" AS c FROM old_rows AS o WHERE o."Status" = 0 AND length(o."RegionCode") = 9
  UNION ALL SELECT 'total' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'total' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'total' AS d, substr(n."RegionCode", 1, 6) AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'total' AS d, n."RegionCode" AS r, '' AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'category' AS d, substr(n."RegionCode", 1, 6) AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'category' AS d, n."RegionCode" AS r, coalesce(n."Category", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, substr(n."RegionCode", 1, 6) AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'keyLevel' AS d, n."RegionCode" AS r, coalesce(n."KeyLevel", '') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, substr(n."RegionCode", 1, 6) AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'tier' AS d, n."RegionCode" AS r, CASE WHEN n."MaxFollowers" >= 10000000 THEN '4' WHEN n."MaxFollowers" >= 1000000 THEN '3' WHEN n."MaxFollowers" >= 100000 THEN '2' WHEN n."MaxFollowers" >= 10000 THEN '1' ELSE '0' END AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 4) || '00' AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, substr(n."RegionCode", 1, 6) AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'month:' || to_char(n."EnrolledOn", 'YYYY') AS d, n."RegionCode" AS r, to_char(n."EnrolledOn", 'MM') AS v, 1 * 1 AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 2) || '0000' AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND true
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 4) || '00' AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 3, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, substr(n."RegionCode", 1, 6) AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND substr(n."RegionCode", 5, 2) <> '00'
  UNION ALL SELECT 'accounts' AS d, n."RegionCode" AS r, '' AS v, 1 * n."AccountCount" AS c FROM new_rows AS n WHERE n."Status" = 0 AND length(n."RegionCode") = 9
) AS x
WHERE true GROUP BY d, r, v HAVING sum(c) <> 0;
  ELSE
  DELETE FROM "FigureTallies"; DELETE FROM "FigureTallyChanges";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER figure_tally_insert AFTER INSERT ON "Figures" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();
CREATE TRIGGER figure_tally_update AFTER UPDATE ON "Figures" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();
CREATE TRIGGER figure_tally_delete AFTER DELETE ON "Figures" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();
CREATE TRIGGER figure_tally_truncate AFTER TRUNCATE ON "Figures" FOR EACH STATEMENT EXECUTE FUNCTION figure_tally();
"""";
}
