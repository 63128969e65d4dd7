using Microsoft.EntityFrameworkCore;

namespace Tongxin.Features.TaskPlans;

/// <summary>Whether a failed write broke a unique index of the given name part, on either database.</summary>
internal static class UniqueViolation
{
    public static bool Of(DbUpdateException error, string indexPart)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } pg && pg.ConstraintName?.Contains(indexPart, StringComparison.Ordinal) == true) return true;
            // SQLite names the columns: "UNIQUE constraint failed: TaskReports.TaskId, TaskReports.OrgUnitId, …".
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } lite && lite.Message.Contains("UNIQUE", StringComparison.Ordinal)
                && lite.Message.Contains(indexPart.Split('_')[0], StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
