using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

/// <summary>A figure an imported row may match, with just what matching needs.</summary>
public sealed record MatchCandidate(long Id, string Name, string RegionCode, string? IdNumberHash, string? PhoneHash);

/// <summary>
/// Loads, for a chunk of rows, every figure that shares an ID number, mobile number or account with
/// any row — across the whole database, since one person must not be registered twice. Three queries
/// per chunk, never one per row. Each list goes as one parameter (json_each / an array): EF's default of one
/// parameter per value makes every chunk a new SQL text with thousands of parameters to build and prepare.
/// </summary>
public sealed class FigureMatcher
{
    public Dictionary<string, MatchCandidate> ByIdHash { get; } = new();
    public Dictionary<string, List<MatchCandidate>> ByPhoneHash { get; } = new();
    public Dictionary<(string Platform, string HandleKey), MatchCandidate> ByAccount { get; } = new();
    public Dictionary<long, MatchCandidate> BySystemId { get; } = new();

    public static async Task<FigureMatcher> LoadAsync(TongxinDb db, IReadOnlyCollection<string> idHashes,
        IReadOnlyCollection<string> phoneHashes, IReadOnlyCollection<(string Platform, string HandleKey)> accounts,
        IReadOnlyCollection<long> systemIds, CancellationToken ct)
    {
        var m = new FigureMatcher();
        // One query per indexed column (an OR across two IN lists would scan the table).
        if (idHashes.Count > 0)
        {
            var ids = idHashes.ToList();
            // Deliberate scope bypass (allow-listed): matching is global; out-of-scope hits become row errors, never updates.
            foreach (var h in await Global(db).Where(f => f.IdNumberHash != null && EF.Parameter(ids).Contains(f.IdNumberHash))
                         .Select(f => new MatchCandidate(f.Id, f.Name, f.RegionCode, f.IdNumberHash, f.PhoneHash)).ToListAsync(ct))
                m.ByIdHash.TryAdd(h.IdNumberHash!, h);
        }
        if (phoneHashes.Count > 0)
        {
            var phones = phoneHashes.ToList();
            foreach (var h in await Global(db).Where(f => f.PhoneHash != null && EF.Parameter(phones).Contains(f.PhoneHash))
                         .Select(f => new MatchCandidate(f.Id, f.Name, f.RegionCode, f.IdNumberHash, f.PhoneHash)).ToListAsync(ct))
            {
                if (!m.ByPhoneHash.TryGetValue(h.PhoneHash!, out var list)) m.ByPhoneHash[h.PhoneHash!] = list = [];
                list.Add(h);
            }
        }
        // By platform, so that the (Platform, HandleKey) index serves each look-up.
        foreach (var group in accounts.GroupBy(a => a.Platform))
        {
            var platform = group.Key;
            var keys = group.Select(a => a.HandleKey).Distinct().ToList();
            // Deliberate scope bypass (allow-listed): an account handle is unique across regions.
            var hits = await db.PlatformAccounts.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking()
                .Where(a => a.Platform == platform && EF.Parameter(keys).Contains(a.HandleKey))
                .Select(a => new { a.HandleKey, Figure = new MatchCandidate(a.Figure!.Id, a.Figure.Name, a.Figure.RegionCode, a.Figure.IdNumberHash, a.Figure.PhoneHash) })
                .ToListAsync(ct);
            foreach (var h in hits) m.ByAccount.TryAdd((platform, h.HandleKey), h.Figure);
        }
        if (systemIds.Count > 0)
        {
            var list = systemIds.ToList();
            // Scoped on purpose: a system id outside the scope is simply unknown.
            var hits = await db.Figures.AsNoTracking().Where(f => EF.Parameter(list).Contains(f.Id))
                .Select(f => new MatchCandidate(f.Id, f.Name, f.RegionCode, f.IdNumberHash, f.PhoneHash)).ToListAsync(ct);
            foreach (var h in hits) m.BySystemId[h.Id] = h;
        }
        return m;
    }

    private static IQueryable<Figures.Figure> Global(TongxinDb db) =>
        db.Figures.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking();
}
