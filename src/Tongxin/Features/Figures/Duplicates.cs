using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;
using Tongxin.Common.Security;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Figures;

/// <summary>
/// Finds figures matching an ID number, phone or account across the whole database, because a person
/// must not be registered twice. A match outside the caller's scope says only "已在其他地区登记".
/// </summary>
public static class Duplicates
{
    public const string OtherRegion = "已在其他地区登记";

    public static async Task<Ok<List<DuplicateMatch>>> Handle(DuplicateCheckRequest request, TongxinDb db, FieldProtector protector)
    {
        var matches = new List<DuplicateMatch>();
        if (!string.IsNullOrWhiteSpace(request.IdNumber))
        {
            var id = IdCardNumber.Parse(request.IdNumber);
            if (id.IsValid) matches.AddRange(await Find(db, f => f.IdNumberHash == protector.Hash(id.Number), "身份证号"));
        }
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            var p = PhoneNumber.Parse(request.Phone);
            if (p.IsValid) matches.AddRange(await Find(db, f => f.PhoneHash == protector.Hash(p.Number), "联系电话"));
        }
        foreach (var a in request.Accounts ?? [])
        {
            if (string.IsNullOrWhiteSpace(a.Handle)) continue;
            var key = PlatformAccount.KeyOf(a.Handle);
            matches.AddRange(await Find(db, f => f.Accounts.Any(x => x.Platform == a.Platform && x.HandleKey == key), "平台账号"));
        }
        return TypedResults.Ok(matches.DistinctBy(m => (m.FigureId, m.MatchedOn, m.OutOfScope)).ToList());
    }

    private static async Task<List<DuplicateMatch>> Find(TongxinDb db, System.Linq.Expressions.Expression<Func<Figure, bool>> match, string on)
    {
        // Deliberate scope bypass (allow-listed): duplicates are global, but only the fact leaks, never the record.
        var hits = await db.Figures.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking().Where(match)
            .Select(f => new { f.Id, f.Name, f.RegionCode }).Take(10).ToListAsync();
        var result = new List<DuplicateMatch>();
        foreach (var h in hits)
        {
            var visible = db.ScopeUnrestricted || db.Scope.Range.Contains(h.RegionCode);
            if (!visible) { result.Add(new DuplicateMatch(null, null, null, on, true)); continue; }
            var regionName = await db.Regions.Where(r => r.Code == h.RegionCode).Select(r => r.FullName).FirstOrDefaultAsync();
            result.Add(new DuplicateMatch(h.Id, h.Name, regionName, on, false));
        }
        return result;
    }

    /// <summary>Null when the ID number is free; else the message for the idNumber field.</summary>
    public static async Task<string?> IdNumberTaken(TongxinDb db, string? hash, long? exceptId)
    {
        if (hash is null) return null;
        var hit = await db.Figures.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking()
            .Where(f => f.IdNumberHash == hash && f.Id != exceptId).Select(f => new { f.Name, f.RegionCode }).FirstOrDefaultAsync();
        if (hit is null) return null;
        var visible = db.ScopeUnrestricted || db.Scope.Range.Contains(hit.RegionCode);
        return visible ? $"该身份证号已登记（{hit.Name}）" : $"该身份证号{OtherRegion}";
    }

    /// <summary>
    /// Saves a figure whose ID number was checked free, answering a writer that registered the same number between the
    /// check and the write (the unique index refused it) as the check would have: the idNumber field's message, not a 500.
    /// </summary>
    public static async Task<string?> SaveIdNumberAsync(TongxinDb db, Figure figure)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e, nameof(Figure.IdNumberHash)))
        {
            db.ChangeTracker.Clear();
            return await IdNumberTaken(db, figure.IdNumberHash, figure.Id == 0 ? null : figure.Id) ?? $"该身份证号{OtherRegion}";
        }
    }

    /// <summary>Whether a write failed on a unique index over <paramref name="column"/> (SQLite 19 or PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(Exception? e, string column)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } pg && pg.ConstraintName?.Contains(column) == true) return true;
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } lite && lite.Message.Contains("UNIQUE") && lite.Message.Contains(column)) return true;
        }
        return false;
    }
}
