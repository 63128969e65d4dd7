import { onMounted } from 'vue';
import { auditApi, type AuditQuery } from '@/api/audit';
import { usePagedList } from '@/composables/usePagedList';

export function useAuditList() {
  const list = usePagedList((query: AuditQuery) => auditApi.list(query), () => ({
    userName: '', action: '', entityType: '', entityId: '', from: '', to: '',
  }));
  onMounted(list.load);
  return list;
}
