using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Tongxin.Common.Http;

namespace Tongxin.Common.Validation;

/// <summary>
/// Refuses a request whose text is longer than <see cref="TextLimits"/> allows or holds a NUL character (400, a
/// Chinese message naming the field) before any handler sees it: string parameters (query, route) and every string in a bound body or
/// <c>[AsParameters]</c> object, nested records and lists included. Endpoints with no text to check get no filter.
/// </summary>
public static class TextLimitFilter
{
    private const int MaxDepth = 5;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesOf = new();

    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
        var checks = new List<(int Index, string Name, bool InQuery)>();
        var parameters = factory.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type == typeof(string)) checks.Add((i, p.Name ?? "", p.GetCustomAttribute<FromFormAttribute>() is null));
            else if (IsOwnType(type) && services?.IsService(type) != true && p.GetCustomAttribute<FromServicesAttribute>() is null)
                checks.Add((i, p.Name ?? "", p.GetCustomAttribute<AsParametersAttribute>() is not null));
        }
        if (checks.Count == 0) return next;
        return async ctx =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var (index, name, inQuery) in checks)
                if (index < ctx.Arguments.Count) Check(ctx.Arguments[index], name, inQuery, errors, 0);
            if (errors.Count > 0) return Problems.Validation(errors);
            return await next(ctx);
        };
    }

    private static bool IsOwnType(Type t) => t.Namespace?.StartsWith("Tongxin", StringComparison.Ordinal) == true && !t.IsEnum;

    private static void Check(object? value, string field, bool inQuery, Dictionary<string, string[]> errors, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                var (max, label) = TextLimits.For(field, inQuery);
                if (errors.ContainsKey(field)) return;
                if (s.Length > max) errors[field] = [TextLimits.Message(label, max)];
                // PostgreSQL cannot store U+0000 in text: refused here for every field, as on SQLite.
                else if (s.Contains('\0')) errors[field] = [$"{label}含有无效字符"];
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? "";
                    if (key.Length > TextLimits.Code) { errors[field] = [TextLimits.Message("字段名", TextLimits.Code)]; return; }
                    if (depth < MaxDepth) Check(entry.Value, key, inQuery, errors, depth + 1);
                }
                return;
            case IEnumerable list when value is not JsonElement:
                if (depth >= MaxDepth) return;
                foreach (var item in list) Check(item, field, inQuery, errors, depth + 1);
                return;
        }
        var type = value.GetType();
        if (!IsOwnType(type) || depth >= MaxDepth) return;
        foreach (var property in PropertiesOf.GetOrAdd(type, Readable))
            Check(property.GetValue(value), JsonNamingPolicy.CamelCase.ConvertName(property.Name), inQuery, errors, depth + 1);
    }

    private static PropertyInfo[] Readable(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Where(p => p.PropertyType == typeof(string) || !p.PropertyType.IsValueType)
            .ToArray();
}
