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
    /// Rows of the given state, tested in the database as a range of the stored sort date (<see cref="Assignment.NextDueSort"/>:
    /// the next-due date, or <see cref="Assignment.NeverDue"/> after every date, so never due is ok).
    /// </summary>
    public static Expression<Func<DueRow, bool>> InState(DueState state, DateOnly today)
    {
        var soon = today.AddDays(DueSoonDays);
        return state switch
        {
            DueState.Overdue => r => r.NextDueSort < today,
            DueState.DueSoon => r => r.NextDueSort >= today && r.NextDueSort <= soon,
            _ => r => r.NextDueSort > soon,
        };
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
    public DateOnly? NextDueOn { get; set; }
    public DateOnly NextDueSort { get; set; }

    /// <summary>
    /// The active assignments (already region-scoped by the filter on the assignment's copied region), with their stored
    /// last contact by that cadre and next-due date (<see cref="DueDateEffect"/> keeps them). The filter, the order and a
    /// count read only the assignment's own columns (the partial indexes of <see cref="AssignmentConfiguration"/>); the
    /// figure is joined for the name and key level of the rows read.
    /// </summary>
    public static IQueryable<DueRow> Active(TongxinDb db, IQueryable<Assignment>? assignments = null) =>
        // A figure who has left the registry is no one's contact to keep, though the assignment may not be ended yet.
        (assignments ?? db.LiaisonAssignments).Where(a => a.EndOn == null && a.FigureStatus == Figures.FigureStatus.Active).Select(a => new DueRow
        {
            AssignmentId = a.Id,
            FigureId = a.FigureId,
            Name = a.Figure!.Name,
            SortKey = a.Figure.SortKey,
            RegionCode = a.RegionCode,
            KeyLevel = a.Figure.KeyLevel,
            CadreUserId = a.CadreUserId,
            StartOn = a.StartOn,
            LastContactOn = a.LastContactOn,
            NextDueOn = a.NextDueOn,
            NextDueSort = a.NextDueSort,
        });
}
