import { onMounted } from 'vue';
import { liaisonApi, type AssignmentQuery } from '@/api/liaison';
import { usePagedList } from '@/composables/usePagedList';

export function useAssignmentList() {
  const list = usePagedList((query: AssignmentQuery) => liaisonApi.assignments(query), (): AssignmentQuery => ({ cadreUserId: '', active: true }));
  onMounted(list.load);
  return list;
}
