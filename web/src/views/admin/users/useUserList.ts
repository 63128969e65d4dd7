import { onMounted } from 'vue';
import { usersApi, type UserQuery } from '@/api/users';
import type { UserItem } from '@/api/types';
import { usePagedList } from '@/composables/usePagedList';
import { t } from '@/i18n';
import { showError } from '@/utils/errors';

export function useUserList() {
  const list = usePagedList((query: UserQuery) => usersApi.list(query), () => ({ q: '' }));

  async function unlock(user: UserItem) {
    try {
      await ElMessageBox.confirm(t('users.unlockConfirm'), t('common.confirmTitle'), { type: 'warning' });
    } catch {
      return;
    }
    try {
      await usersApi.unlock(user.id);
      ElMessage.success(t('users.unlocked'));
      list.load();
    } catch (e) {
      showError(e);
    }
  }

  onMounted(list.load);
  return { ...list, unlock };
}
