using Tongxin.Common.Auth;
using Tongxin.Common.Files;

namespace Tongxin.Features.TaskPlans;

/// <summary>Joint-meeting plans (重点任务分工方案), their tasks and the member units' quarterly reports.</summary>
public static class TaskPlanEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/task-plans").WithTags("TaskPlans");
        g.MapGet("/", ListTaskPlans.Handle).RequireAuthorization(Permissions.TasksRead);
        g.MapPost("/", CreateTaskPlan.Handle).RequireAuthorization(Permissions.TasksManage);
        g.MapGet("/{id:long}", GetTaskPlan.Handle).RequireAuthorization(Permissions.TasksRead);
        g.MapDelete("/{id:long}", DeleteTaskPlan.Handle).RequireAuthorization(Permissions.TasksManage);
        g.MapPost("/{id:long}/tasks", AddPlanTask.Handle).RequireAuthorization(Permissions.TasksManage);
        g.MapPut("/{id:long}/tasks/{taskId:long}", UpdatePlanTask.Handle).RequireAuthorization(Permissions.TasksManage);
        g.MapDelete("/{id:long}/tasks/{taskId:long}", DeletePlanTask.Handle).RequireAuthorization(Permissions.TasksManage);
        // The /api group's AntiforgeryFilter checks X-XSRF-TOKEN; the built-in form check would demand middleware we do not use.
        g.MapPost("/{id:long}/import", ImportPlanTasks.Handle).RequireAuthorization(Permissions.TasksManage).DisableAntiforgery();
        g.MapGet("/{id:long}/dispatch", GetDispatch.Handle).RequireAuthorization(Permissions.TasksOverview);
        g.MapGet("/{id:long}/dispatch/file", ExportDispatch.Handle).Produces(200, contentType: FileNames.XlsxType)
            .RequireAuthorization(Permissions.TasksOverview);

        var t = api.MapGroup("/tasks").WithTags("TaskPlans");
        t.MapGet("/mine", ListMyTasks.Handle).RequireAuthorization(Permissions.TasksOwn);
        t.MapPost("/{id:long}/reports", ReportTaskProgress.Handle).RequireAuthorization(Permissions.TasksReport);
    }
}
