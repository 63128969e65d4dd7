using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Tongxin.Common.Data;

/// <summary>
/// A query shape written once with placeholders (static properties of a marker class, never evaluated) that
/// become either a compiled query's parameters (<see cref="ToParameters"/>) or fields of one query's values
/// object (<see cref="Bind"/>: EF makes those parameters, as it does captured variables). Both forms send the
/// same SQL, with the parameters named after the placeholders.
/// </summary>
public static class QueryPlaceholders
{
    /// <summary>Placeholders to fields of <paramref name="values"/> named as they are; arrays as one parameter (EF.Parameter).</summary>
    public static Expression Bind(Expression shape, Type placeholders, object values) =>
        new Replace(placeholders, name =>
        {
            var field = Expression.Field(Expression.Constant(values), values.GetType().GetField(name)
                ?? throw new InvalidOperationException($"{values.GetType().Name} has no field {name}."));
            return field.Type.IsArray ? Expression.Call(typeof(EF), nameof(EF.Parameter), [field.Type], field) : field;
        }).Visit(shape);

    /// <summary>Placeholders to the given parameters, by name, for a compiled query (its query roots without their context).</summary>
    public static Expression ToParameters(Expression shape, Type placeholders, IReadOnlyDictionary<string, ParameterExpression> parameters) =>
        new Replace(placeholders, name => parameters.TryGetValue(name, out var p) ? p
            : throw new InvalidOperationException($"No parameter for the placeholder {name}."), detachRoots: true).Visit(shape);

    /// <summary>The placeholders a shape uses.</summary>
    public static IReadOnlySet<string> Used(Expression shape, Type placeholders)
    {
        var used = new HashSet<string>();
        new Replace(placeholders, name =>
        {
            used.Add(name);
            return Expression.Default(placeholders.GetProperty(name)!.PropertyType);
        }).Visit(shape);
        return used;
    }

    /// <summary>For a placeholder's getter: throws, since a placeholder that reaches EF was not replaced.</summary>
    public static T Unbound<T>() => throw new InvalidOperationException("A query placeholder was not replaced.");

    private sealed class Replace(Type placeholders, Func<string, Expression> with, bool detachRoots = false) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is null && node.Member.DeclaringType == placeholders && node.Member is PropertyInfo)
                return with(node.Member.Name);
            // A query captured by a lambda of the shape (ids.Contains(f.Id)) is a closure's field: its own tree is
            // inlined, as EF would, so that its placeholders are replaced too.
            if (node is { Expression: ConstantExpression closure, Member: FieldInfo field } && typeof(IQueryable).IsAssignableFrom(field.FieldType)
                && field.GetValue(closure.Value) is IQueryable captured)
                return Visit(captured.Expression);
            return base.VisitMember(node);
        }

        // A query root remembers the provider, and so the context, it came from; a compiled query keeps its tree for
        // good, so there the roots go without it (EF runs the query on the context it is given). A LINQ query keeps
        // them: a query composed on it further must not mix roots with and without a context.
        protected override Expression VisitExtension(Expression node) =>
            detachRoots && node is QueryRootExpression { QueryProvider: not null } root ? root.DetachQueryProvider() : base.VisitExtension(node);
    }
}
