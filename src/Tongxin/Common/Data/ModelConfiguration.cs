using Microsoft.EntityFrameworkCore;

namespace Tongxin.Common.Data;

/// <summary>
/// Mapping of the shared model: each entity's configuration lives with its feature (or here in Common for
/// Common's own entities) as an <see cref="IEntityTypeConfiguration{TEntity}"/>; provider differences are
/// limited to collations (<see cref="RegionScopeModel"/>).
/// </summary>
internal static class ModelConfiguration
{
    public static void Apply(ModelBuilder b, TongxinDb db, bool postgres)
    {
        b.ApplyConfigurationsFromAssembly(typeof(TongxinDb).Assembly);
        RegionScopeModel.Apply(b, db, postgres);

        // Times are stored as UTC; reading them back must say so, or JSON would drop the "Z".
        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var prop in entity.GetProperties())
            {
                if (prop.ClrType == typeof(DateTime)) prop.SetValueConverter(UtcConverters.Required);
                else if (prop.ClrType == typeof(DateTime?)) prop.SetValueConverter(UtcConverters.Optional);
            }
    }
}
