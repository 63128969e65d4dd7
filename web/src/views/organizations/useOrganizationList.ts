import { onMounted } from 'vue';
import { organizationsApi, type OrganizationQuery } from '@/api/organizations';
import { usePagedList } from '@/composables/usePagedList';

export function useOrganizationList() {
  const list = usePagedList((query: OrganizationQuery) => organizationsApi.list(query), () => ({ q: '', regionCode: '', type: '' }));
  onMounted(list.load);
  return list;
}
