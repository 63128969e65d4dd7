using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Common.Data;

/// <summary>
/// The region data scope and the byte-order collation, as a feature's entity configuration declares them.
/// A configuration has no context to name in a filter, so these record the region code's path as an annotation;
/// <see cref="TongxinDb"/> turns it into the named filter <see cref="TongxinDb.RegionScopeFilter"/> over its own
/// scope (EF parameterizes context members) and applies the collation on PostgreSQL only.
/// </summary>
public static class RegionScopeModel
{
    private const string RangeAnnotation = "Tongxin:RegionScope:Range";
    private const string OrdinalAnnotation = "Tongxin:Ordinal";

    /// <summary>
    /// Rows are visible when their region code (a column of the entity, or reached through navigations for data
    /// owned by a figure: <c>a => a.Figure!.RegionCode</c>) lies in the scope's range. A column of the entity
    /// itself is also compared in byte order (<see cref="IsOrdinal"/>).
    /// </summary>
    public static EntityTypeBuilder<T> HasRegionScope<T>(this EntityTypeBuilder<T> e, Expression<Func<T, string>> regionCode) where T : class =>
        Scope(e, RangeAnnotation, regionCode);

    /// <summary>Range scans over codes and keys must follow byte order on PostgreSQL too ("C" collation there).</summary>
    public static PropertyBuilder<string> IsOrdinal(this PropertyBuilder<string> p) => p.HasAnnotation(OrdinalAnnotation, true);

    private static EntityTypeBuilder<T> Scope<T>(EntityTypeBuilder<T> e, string kind, Expression<Func<T, string>> regionCode) where T : class
    {
        e.HasAnnotation(kind, regionCode);
        if (regionCode.Body is MemberExpression { Expression: ParameterExpression }) e.Property(regionCode).IsOrdinal();
        return e;
    }

    /// <summary>Turns the recorded paths into filters over <paramref name="db"/>'s scope and the marks into collations; the annotations are removed.</summary>
    internal static void Apply(ModelBuilder b, TongxinDb db, bool postgres)
    {
        Expression<Func<string, bool>> inRange = code => (string.Compare(code, db.ScopeLow) >= 0 && string.Compare(code, db.ScopeHigh) < 0);
        foreach (var entity in b.Model.GetEntityTypes().ToList())
        {
            if (entity.FindAnnotation(RangeAnnotation)?.Value is LambdaExpression path)
            {
                var body = new Substitute(inRange.Parameters[0], path.Body).Visit(inRange.Body);
                b.Entity(entity.ClrType).HasQueryFilter(TongxinDb.RegionScopeFilter, Expression.Lambda(body, path.Parameters));
                entity.RemoveAnnotation(RangeAnnotation);
            }
            foreach (var property in entity.GetDeclaredProperties())
            {
                if (property.FindAnnotation(OrdinalAnnotation) is null) continue;
                if (postgres) property.SetCollation("C");
                property.RemoveAnnotation(OrdinalAnnotation);
            }
        }
    }

    private sealed class Substitute(ParameterExpression parameter, Expression with) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? with : node;
    }
}
