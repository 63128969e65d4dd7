import { http } from './http';
import type {
  CreateTaskPlanRequest, DispatchView, MyTasks, PagedOfTaskPlanListItem, PlanTaskCreated, PlanTaskInput, ReportTaskRequest,
  TaskImportReport, TaskPlanCreated, TaskPlanDetail, TaskReportSaved,
} from './types';

export interface TaskPlanQuery { year?: number | null; regionCode?: string; page?: number; pageSize?: number }

export type TaskImportMode = 'dryRun' | 'commit';

export const tasksApi = {
  list: (query: TaskPlanQuery) => http.get<PagedOfTaskPlanListItem>('/api/task-plans', { query: { ...query, year: query.year ?? undefined } }),
  create: (body: CreateTaskPlanRequest) => http.post<TaskPlanCreated>('/api/task-plans', body),
  get: (id: number) => http.get<TaskPlanDetail>(`/api/task-plans/${id}`),
  remove: (id: number) => http.del<void>(`/api/task-plans/${id}`),
  addTask: (planId: number, body: PlanTaskInput) => http.post<PlanTaskCreated>(`/api/task-plans/${planId}/tasks`, body),
  /** `body.version` must be the version that was read (409 when stale). */
  updateTask: (planId: number, taskId: number, body: PlanTaskInput) => http.put<void>(`/api/task-plans/${planId}/tasks/${taskId}`, body),
  removeTask: (planId: number, taskId: number) => http.del<void>(`/api/task-plans/${planId}/tasks/${taskId}`),
  import(planId: number, file: File, mode: TaskImportMode) {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<TaskImportReport>(`/api/task-plans/${planId}/import`, form, { query: { mode } });
  },
  dispatch: (planId: number, quarter: string) => http.get<DispatchView>(`/api/task-plans/${planId}/dispatch`, { query: { quarter } }),
  dispatchFileUrl: (planId: number, quarter: string) => `/api/task-plans/${planId}/dispatch/file?quarter=${encodeURIComponent(quarter)}`,
  mine: (quarter: string) => http.get<MyTasks>('/api/tasks/mine', { query: { quarter } }),
  report: (taskId: number, body: ReportTaskRequest) => http.post<TaskReportSaved>(`/api/tasks/${taskId}/reports`, body),
};
