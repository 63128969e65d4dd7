using Tongxin.Common.Domain;

namespace Tongxin.Features.HelpRequests;

/// <summary>
/// A help request (诉求/难题) of a figure or an organization, handled through a workflow across member units:
/// 已提交 → 已受理 → 已转办 → 办理中 → 已办结 → 已回访. Each transition is a method that refuses a step the current
/// state does not allow (<see cref="WorkflowRefused"/>, answered 409) and writes its timeline row.
/// </summary>
public class HelpRequest : IRegionOwned, IAudited, IVersioned, IStamped
{
    public long Id { get; set; }
    public long? FigureId { get; set; }
    public long? OrganizationId { get; set; }
    /// <summary>The region of the figure or organization when the request was made: the request's data scope.</summary>
    public required string RegionCode { get; set; }
    public required string Category { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public HelpRequestUrgency Urgency { get; set; }
    public HelpRequestChannel ReceivedVia { get; set; }
    public HelpRequestStatus Status { get; set; } = HelpRequestStatus.Submitted;
    public string? Summary { get; set; }
    public Satisfaction? Satisfaction { get; set; }
    public string? VisitText { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>Days from submission to completion, kept for the statistics (averaged by the database).</summary>
    [NotAudited] public double? DaysToSolve { get; set; }
    [NotAudited] public string? CreatedByUserId { get; set; }
    [NotAudited] public DateTime CreatedAt { get; set; }
    /// <summary>The last transition (submit, accept, route…): set by each, so each changes the row and has its audit line.</summary>
    public string LastAction { get; set; } = "submit";
    public DateTime LastActionAt { get; set; }
    [NotAudited] public bool IsDemo { get; set; }
    [NotAudited] public int Version { get; set; }

    public List<HelpRequestPart> Parts { get; set; } = [];
    public List<HelpRequestEvent> Timeline { get; set; } = [];

    string IAudited.AuditLabel => Title;
    long? IAudited.AuditFigureId => FigureId;

    public void Stamp(DateTime now, bool added)
    {
        if (!added) return;
        if (CreatedAt == default) CreatedAt = now;
        if (LastActionAt == default) LastActionAt = now;
    }

    /// <summary>The first timeline row of a new request.</summary>
    public void Submit(Actor who, DateTime now)
    {
        CreatedAt = now;
        Record(who, now, "submit", null, HelpRequestStatus.Submitted, Description);
    }

    /// <summary>受理: staff take the request on.</summary>
    public void Accept(Actor who, DateTime now)
    {
        Require("accept", HelpRequestStatus.Submitted);
        Move(who, now, "accept", HelpRequestStatus.Accepted, null);
    }

    /// <summary>转办 to one or more member units, each with a deadline; more units may be added while the request is open.</summary>
    public void Route(Actor who, DateTime now, IReadOnlyList<(long UnitId, string UnitName, DateOnly Deadline)> parts)
    {
        Require("route", HelpRequestStatus.Accepted, HelpRequestStatus.Routed, HelpRequestStatus.InProgress);
        var errors = new Dictionary<string, string[]>();
        if (parts.Count == 0) errors["parts"] = ["请至少选择一个成员单位"];
        var today = Today(now);
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i].Deadline < today) errors[$"parts[{i}].deadline"] = ["办理期限不能早于今天"];
            if (Parts.Any(p => p.OrgUnitId == parts[i].UnitId && p.Status == PartStatus.Pending)
                || parts.Take(i).Any(p => p.UnitId == parts[i].UnitId))
                errors[$"parts[{i}].unitId"] = [$"{parts[i].UnitName}已在办理此诉求"];
        }
        if (errors.Count > 0) throw new FieldValidationException(errors);
        foreach (var (unitId, unitName, deadline) in parts)
            Parts.Add(new HelpRequestPart { OrgUnitId = unitId, UnitName = unitName, Deadline = deadline, RoutedAt = now });
        var text = string.Join("、", parts.Select(p => $"{p.UnitName}（{p.Deadline:yyyy-MM-dd}前）"));
        Move(who, now, "route", Status == HelpRequestStatus.Accepted ? HelpRequestStatus.Routed : Status, text);
    }

    /// <summary>A member unit answers its part (办理答复); the first answer puts the request in progress.</summary>
    public void Reply(Actor who, DateTime now, long unitId, string text)
    {
        var part = OpenPart("reply", unitId);
        part.Status = PartStatus.Replied;
        part.Reply = text;
        part.RepliedAt = now;
        Move(who, now, "reply", HelpRequestStatus.InProgress, text);
    }

    /// <summary>A member unit returns its part (退回) with a reason; when no part is left open the request goes back to 已受理.</summary>
    public void Return(Actor who, DateTime now, long unitId, string reason)
    {
        var part = OpenPart("return", unitId);
        part.Status = PartStatus.Returned;
        part.ReturnedReason = reason;
        part.RepliedAt = now;
        var stillRouted = Parts.Any(p => p.Status is PartStatus.Pending or PartStatus.Replied);
        Move(who, now, "return", stillRouted ? Status : HelpRequestStatus.Accepted, reason);
    }

    /// <summary>办结, once at least one unit has answered.</summary>
    public void Complete(Actor who, DateTime now, string summary)
    {
        Require("complete", HelpRequestStatus.InProgress);
        Summary = summary;
        CompletedAt = now;
        DaysToSolve = Math.Round((now - CreatedAt).TotalDays, 2);
        Move(who, now, "complete", HelpRequestStatus.Completed, summary);
    }

    /// <summary>回访: the figure's satisfaction after completion; 不满意 needs a reason.</summary>
    public void Visit(Actor who, DateTime now, Satisfaction satisfaction, string? text)
    {
        Require("visit", HelpRequestStatus.Completed);
        if (satisfaction == HelpRequests.Satisfaction.Dissatisfied && string.IsNullOrWhiteSpace(text))
            throw FieldValidationException.Single("text", "不满意时请填写原因");
        Satisfaction = satisfaction;
        VisitText = string.IsNullOrWhiteSpace(text) ? null : text;
        Move(who, now, "visit", HelpRequestStatus.Visited, $"{HelpRequestNames.Satisfaction(satisfaction)}{(VisitText is null ? "" : "：" + VisitText)}");
    }

    /// <summary>重新打开 a completed or visited request with a reason; it goes back to 已受理 to be routed again.</summary>
    public void Reopen(Actor who, DateTime now, string reason)
    {
        Require("reopen", HelpRequestStatus.Completed, HelpRequestStatus.Visited);
        Summary = null;
        CompletedAt = null;
        DaysToSolve = null;
        Satisfaction = null;
        VisitText = null;
        foreach (var part in Parts.Where(p => p.Status == PartStatus.Pending)) part.Status = PartStatus.Closed;
        Move(who, now, "reopen", HelpRequestStatus.Accepted, reason);
    }

    /// <summary>Whether a unit part is overdue: the deadline has passed, it has no answer, and the request is still being handled.</summary>
    public static bool IsOverdue(HelpRequestPart part, HelpRequestStatus status, DateOnly today) =>
        part.Status == PartStatus.Pending && part.Deadline < today && status is HelpRequestStatus.Routed or HelpRequestStatus.InProgress;

    /// <summary>The calendar day in China (deadlines are local days).</summary>
    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(utcNow.AddHours(8));

    private HelpRequestPart OpenPart(string action, long unitId)
    {
        Require(action, HelpRequestStatus.Routed, HelpRequestStatus.InProgress);
        return Parts.FirstOrDefault(p => p.OrgUnitId == unitId && p.Status == PartStatus.Pending)
               ?? throw new WorkflowRefused($"本单位的办理部分已答复或退回，不能再{HelpRequestNames.Action(action)}（诉求当前状态：{HelpRequestNames.Status(Status)}）");
    }

    private void Require(string action, params HelpRequestStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new WorkflowRefused($"诉求当前状态为“{HelpRequestNames.Status(Status)}”，不能{HelpRequestNames.Action(action)}");
    }

    private void Move(Actor who, DateTime now, string action, HelpRequestStatus to, string? text)
    {
        var from = Status;
        Status = to;
        Record(who, now, action, from, to, text);
    }

    private void Record(Actor who, DateTime now, string action, HelpRequestStatus? from, HelpRequestStatus to, string? text)
    {
        LastAction = action;
        LastActionAt = now;
        Timeline.Add(new HelpRequestEvent
        {
            At = now,
            UserId = who.UserId,
            UserName = who.Name,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Text = text is { Length: > 2000 } ? text[..2000] : text,
        });
    }
}

/// <summary>Who performs a transition, as the timeline names them.</summary>
public sealed record Actor(string? UserId, string Name);

/// <summary>A transition the current state does not allow; answered 409 with the message (it names the current state).</summary>
public sealed class WorkflowRefused(string message) : DomainException(message);

/// <summary>The share of a request routed to one member unit.</summary>
public class HelpRequestPart : IAudited
{
    public long Id { get; set; }
    public long HelpRequestId { get; set; }
    public HelpRequest? HelpRequest { get; set; }
    public long OrgUnitId { get; set; }
    /// <summary>The unit's name when the part was routed (a district's staff may not see a city unit's record).</summary>
    [NotAudited] public string UnitName { get; set; } = "";
    public DateOnly Deadline { get; set; }
    public PartStatus Status { get; set; } = PartStatus.Pending;
    public string? Reply { get; set; }
    public string? ReturnedReason { get; set; }
    [NotAudited] public DateTime RoutedAt { get; set; }
    [NotAudited] public DateTime? RepliedAt { get; set; }

    string IAudited.AuditLabel => "转办单位";
}

/// <summary>One step of a request's history: who did what, when, from which state to which.</summary>
public class HelpRequestEvent
{
    public long Id { get; set; }
    public long HelpRequestId { get; set; }
    public HelpRequest? HelpRequest { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string Action { get; set; }
    public HelpRequestStatus? FromStatus { get; set; }
    public HelpRequestStatus ToStatus { get; set; }
    public string? Text { get; set; }
}

public enum HelpRequestStatus { Submitted = 0, Accepted = 1, Routed = 2, InProgress = 3, Completed = 4, Visited = 5 }

public enum PartStatus { Pending = 0, Replied = 1, Returned = 2, Closed = 3 }

public enum HelpRequestUrgency { Normal = 0, Urgent = 1 }

public enum HelpRequestChannel { Cadre = 0, Self = 1, Event = 2, Phone = 3 }

public enum Satisfaction { Satisfied = 0, BasicallySatisfied = 1, Dissatisfied = 2 }

/// <summary>The Chinese names of the workflow's states and actions (messages, timeline text, Excel).</summary>
public static class HelpRequestNames
{
    public static string Status(HelpRequestStatus s) => s switch
    {
        HelpRequestStatus.Submitted => "已提交",
        HelpRequestStatus.Accepted => "已受理",
        HelpRequestStatus.Routed => "已转办",
        HelpRequestStatus.InProgress => "办理中",
        HelpRequestStatus.Completed => "已办结",
        _ => "已回访",
    };

    public static string Action(string action) => action switch
    {
        "submit" => "提交",
        "accept" => "受理",
        "route" => "转办",
        "reply" => "答复",
        "return" => "退回",
        "complete" => "办结",
        "visit" => "回访",
        "reopen" => "重新打开",
        _ => action,
    };

    public static string Satisfaction(Satisfaction s) => s switch
    {
        HelpRequests.Satisfaction.Satisfied => "满意",
        HelpRequests.Satisfaction.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string Urgency(HelpRequestUrgency u) => u == HelpRequestUrgency.Urgent ? "紧急" : "一般";

    public static string Channel(HelpRequestChannel c) => c switch
    {
        HelpRequestChannel.Cadre => "联系干部",
        HelpRequestChannel.Self => "本人",
        HelpRequestChannel.Event => "活动",
        _ => "电话",
    };

    public static string PartStatus(PartStatus s) => s switch
    {
        HelpRequests.PartStatus.Pending => "办理中",
        HelpRequests.PartStatus.Replied => "已答复",
        HelpRequests.PartStatus.Returned => "已退回",
        _ => "已关闭",
    };
}
