using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Imports;

/// <summary>A figure an imported row may match, with just what matching needs.</summary>
public sealed record MatchCandidate(long Id, string Name, string RegionCode, string? IdNumberHash, string? PhoneHash);

/// <summary>
/// Loads, for a chunk of rows, every figure that shares an ID number, mobile number or account with
/// any row — across the whole database, since one person must not be registered twice. Three queries
/// per chunk, never one per row.
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
        if (idHashes.Count + phoneHashes.Count > 0)
        {
            var ids = idHashes.ToList();
            var phones = phoneHashes.ToList();
            // Deliberate scope bypass (allow-listed): matching is global; out-of-scope hits become row errors, never updates.
            var hits = await db.Figures.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking()
                .Where(f => (f.IdNumberHash != null && ids.Contains(f.IdNumberHash)) || (f.PhoneHash != null && phones.Contains(f.PhoneHash)))
                .Select(f => new MatchCandidate(f.Id, f.Name, f.RegionCode, f.IdNumberHash, f.PhoneHash)).ToListAsync(ct);
            foreach (var h in hits)
            {
                if (h.IdNumberHash is { } ih && idHashes.Contains(ih)) m.ByIdHash.TryAdd(ih, h);
                if (h.PhoneHash is { } ph && phoneHashes.Contains(ph))
                {
                    if (!m.ByPhoneHash.TryGetValue(ph, out var list)) m.ByPhoneHash[ph] = list = [];
                    list.Add(h);
                }
            }
        }
        if (accounts.Count > 0)
        {
            var keys = accounts.Select(a => a.HandleKey).Distinct().ToList();
            // Deliberate scope bypass (allow-listed): an account handle is unique across regions.
            var hits = await db.PlatformAccounts.IgnoreQueryFilters([TongxinDb.RegionScopeFilter]).AsNoTracking()
                .Where(a => keys.Contains(a.HandleKey))
                .Select(a => new { a.Platform, a.HandleKey, Figure = new MatchCandidate(a.Figure!.Id, a.Figure.Name, a.Figure.RegionCode, a.Figure.IdNumberHash, a.Figure.PhoneHash) })
                .ToListAsync(ct);
            var wanted = accounts.ToHashSet();
            foreach (var h in hits)
                if (wanted.Contains((h.Platform, h.HandleKey))) m.ByAccount.TryAdd((h.Platform, h.HandleKey), h.Figure);
        }
        if (systemIds.Count > 0)
        {
            var list = systemIds.ToList();
            // Scoped on purpose: a system id outside the scope is simply unknown.
            var hits = await db.Figures.AsNoTracking().Where(f => list.Contains(f.Id))
                .Select(f => new MatchCandidate(f.Id, f.Name, f.RegionCode, f.IdNumberHash, f.PhoneHash)).ToListAsync(ct);
            foreach (var h in hits) m.BySystemId[h.Id] = h;
        }
        return m;
    }
}
