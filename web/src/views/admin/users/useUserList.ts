import { onMounted } from 'vue';
import { usersApi, type UserQuery } from '@/api/users';
import type { UserItem } from '@/api/types';
import { usePagedList } from '@/composables/usePagedList';
import { t } from '@/i18n';
import { showError } from '@/utils/errors';

export function useUserList() {
  const list = usePagedList((query: UserQuery) => usersApi.list(query), () => ({ q: '', role: '', regionCode: '', state: '' }));

  /** Asks to confirm, runs the action, reports and reloads. */
  async function confirmed(question: string, action: () => Promise<unknown>, done: string) {
    try {
      await ElMessageBox.confirm(question, t('common.confirmTitle'), { type: 'warning' });
    } catch {
      return;
    }
    try {
      await action();
      ElMessage.success(done);
      list.load();
    } catch (e) {
      showError(e);
    }
  }

  const unlock = (user: UserItem) => confirmed(t('users.unlockConfirm'), () => usersApi.unlock(user.id), t('users.unlocked'));
  const disable = (user: UserItem) =>
    confirmed(t('users.disableConfirm', { name: user.userName }), () => usersApi.disable(user.id), t('users.disabledDone'));
  const enable = (user: UserItem) =>
    confirmed(t('users.enableConfirm', { name: user.userName }), () => usersApi.enable(user.id), t('users.enabledDone'));

  onMounted(list.load);
  return { ...list, unlock, disable, enable };
}
