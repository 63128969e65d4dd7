using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Common.Auth;
using Tongxin.Common.Domain;
using Tongxin.Features.Figures;

namespace Tongxin.Common.Audit;

/// <summary>
/// Turns tracked changes of <see cref="IAudited"/> entities into audit lines with
/// {field: [old, new]}; sensitive values never leave this class.
/// </summary>
internal static class AuditCollector
{
    public const string SensitiveMarker = "（已加密，内容不记录）";

    public sealed record Pending(
        object Entity, string Action, string EntityType, Func<string> Key, Func<long?> FigureId,
        string? RegionCode, Dictionary<string, object?[]>? Changes, string Summary)
    {
        public AuditEntry ToEntry(CurrentActor actor) => new()
        {
            At = DateTime.UtcNow,
            Action = Action,
            EntityType = EntityType,
            EntityId = Key(),
            FigureId = FigureId(),
            RegionCode = RegionCode,
            Summary = Summary,
            Changes = Changes is { Count: > 0 } ? JsonSerializer.Serialize(Changes) : null,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Ip = actor.Ip,
        };
    }

    public static List<Pending> Collect(ChangeTracker tracker)
    {
        var list = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not IAudited || entry.State is EntityState.Unchanged or EntityState.Detached) continue;
            var action = entry.State switch
            {
                EntityState.Added => AuditActions.Create,
                EntityState.Deleted => AuditActions.Delete,
                _ => AuditActions.Update,
            };
            var changes = Changes(entry);
            if (action == AuditActions.Update && changes.Count == 0) continue;
            var entity = entry.Entity;
            var keyProps = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToArray();
            list.Add(new Pending(
                entity, action, entry.Metadata.ClrType.Name,
                () => string.Join(",", keyProps.Select(p => p.GetValue(entity))),
                () => entity switch
                {
                    Figure f => f.Id,
                    IFigureOwned o => o.FigureId,
                    _ => null,
                },
                (entity as IRegionOwned)?.RegionCode,
                changes,
                Describe(entity)));
        }
        return list;
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var prop in entry.Properties)
        {
            var info = prop.Metadata.PropertyInfo;
            if (info is null || info.GetCustomAttribute<NotAuditedAttribute>() is not null) continue;
            if (prop.Metadata.IsPrimaryKey() && entry.State != EntityState.Deleted) continue;
            // Foreign keys of rows added with their parent still hold temporary values here; the line names the figure anyway.
            if (prop.Metadata.IsForeignKey()) continue;
            object? oldValue = entry.State == EntityState.Added ? null : prop.OriginalValue;
            object? newValue = entry.State == EntityState.Deleted ? null : prop.CurrentValue;
            if (entry.State == EntityState.Modified && !prop.IsModified) continue;
            if (Equal(oldValue, newValue)) continue;
            var name = FieldName(info.Name);
            if (info.GetCustomAttribute<SensitiveAttribute>() is not null)
            {
                if (!info.Name.EndsWith("Cipher")) continue; // the hash changes with the value; one line is enough
                changes[name] = [null, SensitiveMarker];
                continue;
            }
            changes[name] = [Plain(oldValue), Plain(newValue)];
        }
        return changes;
    }

    private static bool Equal(object? a, object? b) => a switch
    {
        null => b is null || (b is string s && s.Length == 0) || (b is System.Collections.ICollection { Count: 0 }),
        System.Collections.IEnumerable ea when a is not string && b is System.Collections.IEnumerable eb =>
            ea.Cast<object?>().SequenceEqual(eb.Cast<object?>()),
        _ => a.Equals(b),
    };

    private static object? Plain(object? v) => v switch
    {
        null => null,
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()), // as the API spells it: "active", "staff"
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTime t => t.ToString("O"),
        System.Collections.IEnumerable e when v is not string => string.Join("、", e.Cast<object?>()),
        _ => v,
    };

    private static string FieldName(string property)
    {
        var n = property.EndsWith("Cipher") ? property[..^"Cipher".Length] : property;
        return char.ToLowerInvariant(n[0]) + n[1..];
    }

    private static string Describe(object entity) => entity switch
    {
        Figure f => f.Name,
        Features.Accounts.PlatformAccount a => $"{a.Platform} {a.Handle}",
        Features.Organizations.Organization o => o.Name,
        Position p => p.Title ?? p.Kind,
        Honour h => h.Title,
        Features.Dictionaries.DictionaryItem d => $"{d.Type}:{d.Label}",
        _ => entity.GetType().Name,
    };
}
