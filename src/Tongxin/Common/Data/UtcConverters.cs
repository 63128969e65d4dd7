using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Tongxin.Common.Data;

internal static class UtcConverters
{
    public static readonly ValueConverter<DateTime, DateTime> Required = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public static readonly ValueConverter<DateTime?, DateTime?> Optional = new(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
