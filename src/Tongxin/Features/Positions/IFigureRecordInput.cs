using Tongxin.Common.Dictionaries;
using Tongxin.Common.Domain;
using Tongxin.Common.Validation;

namespace Tongxin.Features.Positions;

/// <summary>
/// The request body of a record a figure holds (a position, an honour). The kind's differences live here;
/// <see cref="AddFigureRecord"/>, <see cref="UpdateFigureRecord"/> and <see cref="DeleteFigureRecord"/> are shared.
/// </summary>
public interface IFigureRecordInput<TInput, TEntity, TItem>
    where TInput : IFigureRecordInput<TInput, TEntity, TItem>
    where TEntity : class, IFigureOwned, IVersioned
{
    int? Version { get; }

    /// <summary>What the record is called in "…不存在或无权查看".</summary>
    static abstract string What { get; }

    /// <summary>The record's route under /api, e.g. "positions".</summary>
    static abstract string Route { get; }

    static abstract TEntity New(long figureId);
    static abstract long IdOf(TEntity record);
    static abstract TItem ToItem(TEntity record);

    /// <summary>Checks the fields; when no error was added, the returned action writes them into a record.</summary>
    Action<TEntity> Check(DictionaryCodes codes, Dictionary<string, string[]> errors);
}

public static class FigureRecordFields
{
    /// <summary>A 年/年月/年月日 date, normalized; an invalid one is a field error.</summary>
    public static string? Date(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (PartialDate.TryParse(value, out var d, out var error)) return d.ToString();
        errors[field] = [error ?? "日期格式不正确"];
        return null;
    }

    /// <summary>A dictionary code or label resolved to its code; null when empty or unknown.</summary>
    public static string? Code(DictionaryCodes codes, string type, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : codes.Resolve(type, value.Trim());
}
