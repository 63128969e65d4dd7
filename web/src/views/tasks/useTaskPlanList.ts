import { tasksApi } from '@/api/tasks';
import { usePagedList } from '@/composables/usePagedList';

export interface TaskPlanFilters { year: number | null; regionCode: string }

export function useTaskPlanList() {
  const list = usePagedList((query) => tasksApi.list(query), (): TaskPlanFilters => ({ year: null, regionCode: '' }));
  return list;
}
