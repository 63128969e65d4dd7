using Tongxin.Common.Data;

namespace Tongxin.Features.Liaison;

/// <summary>One help request on the feedback form: of an assigned figure, or raised by the cadre, in the year.</summary>
public sealed record FeedbackRequestRow(long Id, string FigureName, string Title, string Status, string Outcome);

/// <summary>
/// The help requests a cadre raised or that concern their figures in a year. Help requests depend on liaison (a cadre
/// sees the requests of their figures), so liaison asks through this interface, which the help-request feature
/// implements, instead of naming that feature (decision 0011: dependencies go one way).
/// </summary>
public interface IFeedbackRequestSource
{
    Task<List<FeedbackRequestRow>> Rows(TongxinDb db, string cadreUserId, IReadOnlyCollection<long> figureIds, int year);
}

public static class FeedbackRequests
{
    private static readonly IFeedbackRequestSource[] Sources = typeof(IFeedbackRequestSource).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeedbackRequestSource).IsAssignableFrom(t))
        .Select(t => (IFeedbackRequestSource)Activator.CreateInstance(t)!).ToArray();

    public static async Task<List<FeedbackRequestRow>> Generate(TongxinDb db, string cadreUserId, IReadOnlyCollection<long> figureIds, int year)
    {
        var rows = new List<FeedbackRequestRow>();
        foreach (var source in Sources) rows.AddRange(await source.Rows(db, cadreUserId, figureIds, year));
        return rows;
    }
}
