import { usePagedList } from '@/composables/usePagedList';
import { correctionsApi } from '@/api/members';

export function useCorrectionList() {
  return usePagedList(correctionsApi.list, () => ({ state: 'pending' as string, kind: '' as string, regionCode: '' as string }));
}
