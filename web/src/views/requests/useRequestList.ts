import { onMounted } from 'vue';
import { helpRequestsApi, type HelpRequestQuery } from '@/api/helpRequests';
import { usePagedList } from '@/composables/usePagedList';

export interface RequestFilters {
  status: string;
  category: string;
  unitId: number | null;
  regionCode: string;
  overdue: boolean;
  open: boolean;
  q: string;
  sort: string;
}

export const blankFilters = (): RequestFilters => ({
  status: '', category: '', unitId: null, regionCode: '', overdue: false, open: false, q: '', sort: '-createdAt',
});

export const sortOptions = [
  { value: '-createdAt', label: 'request.sortNewest' },
  { value: 'createdAt', label: 'request.sortOldest' },
  { value: 'status', label: 'request.sortStatus' },
  { value: 'category', label: 'request.sortCategory' },
  { value: '-urgency', label: 'request.sortUrgent' },
];

/** The board's and the unit inbox's list: filters, paging, and the export URL of the same filters. */
export function useRequestList(initial: () => RequestFilters = blankFilters) {
  const list = usePagedList((query: HelpRequestQuery) => helpRequestsApi.list(query), initial);
  onMounted(list.load);
  const fileUrl = () => helpRequestsApi.fileUrl(list.query());
  return { ...list, fileUrl };
}
