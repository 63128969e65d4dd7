import { onMounted } from 'vue';
import { auditApi, type AuditQuery } from '@/api/audit';
import { usePagedList } from '@/composables/usePagedList';

/** Local midnight of a yyyy-MM-dd day (+ `addDays`) as a UTC instant for the API. */
export function dayStartUtc(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + addDays).toISOString();
}

export function useAuditList() {
  // The date pickers give whole local days; the API takes instants with `to` exclusive,
  // so 结束日期 2026-11-23 becomes "before 2026-11-24 00:00 local".
  const list = usePagedList((query: AuditQuery) => auditApi.list({
    ...query,
    from: query.from ? dayStartUtc(query.from) : undefined,
    to: query.to ? dayStartUtc(query.to, 1) : undefined,
  }), () => ({
    userName: '', action: '', entityType: '', entityId: '', from: '', to: '',
  }));
  onMounted(list.load);
  return list;
}
