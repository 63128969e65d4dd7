import { onMounted } from 'vue';
import { useRoute } from 'vue-router';
import { contactLogsApi, type ContactLogQuery } from '@/api/liaison';
import { usePagedList } from '@/composables/usePagedList';

interface Filters { figureId?: number; cadreUserId: string; from: string; to: string }

export function useContactLogList() {
  const route = useRoute();
  const initial = (): Filters => ({ figureId: route.query.figureId ? Number(route.query.figureId) : undefined, cadreUserId: '', from: '', to: '' });
  const list = usePagedList((query: ContactLogQuery) => contactLogsApi.list(query), initial);
  onMounted(list.load);
  return list;
}
