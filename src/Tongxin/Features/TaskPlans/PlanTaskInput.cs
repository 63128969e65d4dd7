using Tongxin.Common.Text;

namespace Tongxin.Features.TaskPlans;

/// <summary>The editable fields of a task, shared by add and update.</summary>
public sealed record PlanTaskInput(int? Seq, string? Title, long? LeadUnitId, List<long>? CoUnitIds, DateOnly? Deadline,
    string? DeadlineText, string? Target, int? Version)
{
    public const string UnknownUnitMessage = "单位不存在或不是本地区的成员单位";

    public Dictionary<string, string[]> Validate(TaskPlan plan, MemberUnits units)
    {
        var errors = new Dictionary<string, string[]>();
        var title = ChineseText.Normalize(Title);
        if (title.Length == 0) errors["title"] = ["请填写工作任务"];
        else if (title.Length > 500) errors["title"] = ["工作任务不能超过500个字"];
        if (Seq is < 1 or > 9999) errors["seq"] = ["序号应在1至9999之间"];
        if (LeadUnitId is null) errors["leadUnitId"] = ["请选择牵头单位"];
        else if (!units.Has(LeadUnitId.Value)) errors["leadUnitId"] = [UnknownUnitMessage];
        if (CoUnitIds?.Any(id => !units.Has(id)) == true) errors["coUnitIds"] = [UnknownUnitMessage];
        if (Deadline is { } d && d < plan.EarliestDeadline) errors["deadline"] = [$"完成时限不能早于{plan.Year}年"];
        if (ChineseText.Normalize(DeadlineText).Length > 50) errors["deadlineText"] = ["完成时限说明不能超过50个字"];
        if (ChineseText.Normalize(Target).Length > 1000) errors["target"] = ["目标不能超过1000个字"];
        return errors;
    }

    public void ApplyTo(PlanTask task)
    {
        task.Title = ChineseText.Normalize(Title);
        if (Seq is { } seq) task.Seq = seq;
        task.LeadUnitId = LeadUnitId!.Value;
        task.Deadline = Deadline;
        task.DeadlineText = ChineseText.Normalize(DeadlineText) is { Length: > 0 } text ? text : null;
        task.Target = ChineseText.Normalize(Target) is { Length: > 0 } target ? target : null;
        task.SetCoUnits(CoUnitIds ?? []);
    }
}
