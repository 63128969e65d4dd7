import { usePagedList } from '@/composables/usePagedList';
import { invitationsApi } from '@/api/members';

export function useInvitationList() {
  return usePagedList(invitationsApi.list, () => ({ state: 'pending' as string }));
}
