import { onMounted } from 'vue';
import { liaisonApi, type DueQuery } from '@/api/liaison';
import { usePagedList } from '@/composables/usePagedList';

export function useDueList() {
  const list = usePagedList((query: DueQuery) => liaisonApi.due(query),
    (): DueQuery => ({ state: 'overdue', regionCode: '', cadreUserId: '', keyLevel: '', sort: 'nextDueOn' }));
  onMounted(list.load);
  return list;
}
