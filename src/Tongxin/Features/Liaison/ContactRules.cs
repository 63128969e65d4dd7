using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

public enum DueState
{
    Ok,
    DueSoon,
    Overdue,
}

/// <summary>
/// How often a figure is to be contacted, by key level: the dictionary type <c>contactRule</c> maps a key-level code
/// (<c>city</c>, <c>district</c>, or <c>none</c> for figures without a level) to a number of days, so an office changes
/// the rule in the dictionaries page without code. A level without a rule falls back to <c>none</c>.
/// </summary>
public sealed class ContactRules
{
    public const string DictionaryType = "contactRule";
    public const string NoLevel = "none";
    /// <summary>"Due soon" is the last two weeks before the due date.</summary>
    public const int DueSoonDays = 14;
    /// <summary>A level with no rule at all (not even <c>none</c>) is never due: its interval is a century.</summary>
    private const int Never = 36500;

    public IReadOnlyDictionary<string, int> Days { get; }

    private ContactRules(IReadOnlyDictionary<string, int> days) => Days = days;

    public static async Task<ContactRules> Load(TongxinDb db)
    {
        var items = await db.DictionaryItems.AsNoTracking().Where(d => d.Type == DictionaryType && d.IsEnabled)
            .Select(d => new { d.Code, d.Label }).ToListAsync();
        var days = new Dictionary<string, int>();
        foreach (var i in items)
            if (int.TryParse(i.Label.Trim().TrimEnd('天'), out var n) && n > 0) days[i.Code] = n;
        return new ContactRules(days);
    }

    /// <summary>The interval for a figure's key level, or null when no rule applies.</summary>
    public int? IntervalFor(string? keyLevel) =>
        keyLevel is not null && Days.TryGetValue(keyLevel, out var d) ? d : Days.TryGetValue(NoLevel, out var n) ? n : null;

    public DateOnly? NextDue(string? keyLevel, DateOnly startOn, DateOnly? lastContactOn) =>
        IntervalFor(keyLevel) is { } d ? (lastContactOn ?? startOn).AddDays(d) : null;

    public static DueState StateOf(DateOnly? nextDue, DateOnly today) =>
        nextDue is not { } due ? DueState.Ok
        : due < today ? DueState.Overdue
        : due <= today.AddDays(DueSoonDays) ? DueState.DueSoon
        : DueState.Ok;

    /// <summary>
    /// The next-due date as SQL: <c>CASE level WHEN 'city' THEN anchor + 90 … ELSE anchor + none END</c>, where the anchor is
    /// the last contact or else the start. Used to filter and order the due list in the database.
    /// </summary>
    public Expression<Func<DueRow, DateOnly>> NextDueExpression()
    {
        var r = Expression.Parameter(typeof(DueRow), "r");
        var anchor = Expression.Coalesce(Expression.Property(r, nameof(DueRow.LastContactOn)), Expression.Property(r, nameof(DueRow.StartOn)));
        var addDays = typeof(DateOnly).GetMethod(nameof(DateOnly.AddDays), [typeof(int)])!;
        Expression After(int days) => Expression.Call(anchor, addDays, Expression.Constant(days));
        var level = Expression.Property(r, nameof(DueRow.KeyLevel));
        Expression body = After(Days.TryGetValue(NoLevel, out var none) ? none : Never);
        foreach (var (code, days) in Days.Where(d => d.Key != NoLevel).OrderBy(d => d.Key))
            body = Expression.Condition(Expression.Equal(level, Expression.Constant(code, typeof(string))), After(days), body);
        return Expression.Lambda<Func<DueRow, DateOnly>>(body, r);
    }

    /// <summary>Rows of the given state, tested in the database.</summary>
    public Expression<Func<DueRow, bool>> InState(DueState state, DateOnly today)
    {
        var next = NextDueExpression();
        Expression Const(DateOnly d) => Expression.Constant(d);
        Expression body = state switch
        {
            DueState.Overdue => Expression.LessThan(next.Body, Const(today)),
            DueState.DueSoon => Expression.AndAlso(Expression.GreaterThanOrEqual(next.Body, Const(today)),
                Expression.LessThanOrEqual(next.Body, Const(today.AddDays(DueSoonDays)))),
            _ => Expression.GreaterThan(next.Body, Const(today.AddDays(DueSoonDays))),
        };
        return Expression.Lambda<Func<DueRow, bool>>(body, next.Parameters);
    }
}

/// <summary>An active assignment with what its due date is computed from (a projection the database filters and orders).</summary>
public sealed class DueRow
{
    public long AssignmentId { get; set; }
    public long FigureId { get; set; }
    public string Name { get; set; } = "";
    public string SortKey { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public string? KeyLevel { get; set; }
    public string CadreUserId { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly? LastContactOn { get; set; }

    /// <summary>The active assignments (already region-scoped by the filter on the figure), with their last contact by that cadre.</summary>
    public static IQueryable<DueRow> Active(TongxinDb db, IQueryable<Assignment>? assignments = null) =>
        // A figure who has left the registry is no one's contact to keep, though the assignment may not be ended yet.
        (assignments ?? db.LiaisonAssignments).Where(a => a.EndOn == null && a.Figure!.Status == Figures.FigureStatus.Active).Select(a => new DueRow
        {
            AssignmentId = a.Id,
            FigureId = a.FigureId,
            Name = a.Figure!.Name,
            SortKey = a.Figure.SortKey,
            RegionCode = a.Figure.RegionCode,
            KeyLevel = a.Figure.KeyLevel,
            CadreUserId = a.CadreUserId,
            StartOn = a.StartOn,
            LastContactOn = db.ContactLogs.Where(l => l.FigureId == a.FigureId && l.CadreUserId == a.CadreUserId).Max(l => (DateOnly?)l.Date),
        });
}
