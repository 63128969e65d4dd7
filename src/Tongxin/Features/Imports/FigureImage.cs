using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Features.Figures;

namespace Tongxin.Features.Imports;

/// <summary>
/// What an import replaced on an existing figure, as it was: each property the change tracker saw modified, with
/// its original value, stored per batch row so that undo can put it back. It names no field, so a field the import
/// learns to fill is undone without a change here. Sensitive fields are only ever the encrypted, hashed and masked
/// columns of the entity.
/// </summary>
public static class FigureImage
{
    /// <summary>
    /// The modified properties' original values as JSON (<c>{"Workplace": "原单位", …}</c>); call after DetectChanges.
    /// </summary>
    public static string Capture(EntityEntry<Figure> entry)
    {
        var image = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
            if (p.IsModified) image[p.Metadata.Name] = p.OriginalValue;
        return JsonSerializer.Serialize(image);
    }

    /// <summary>Sets the figure's properties back to the values of <see cref="Capture"/>.</summary>
    public static void Restore(EntityEntry<Figure> entry, string json)
    {
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!)
        {
            var property = entry.Property(name);
            property.CurrentValue = value.Deserialize(property.Metadata.ClrType);
        }
    }
}

/// <summary>What one batch row added besides the figure itself, so undo removes exactly those.</summary>
public sealed record AddedRecords(List<long> Accounts, List<long> Snapshots)
{
    public string ToJson() => JsonSerializer.Serialize(this);
    public static AddedRecords FromJson(string? json) => json is null ? new([], []) : JsonSerializer.Deserialize<AddedRecords>(json)!;
}
