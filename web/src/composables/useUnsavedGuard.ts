import { onBeforeUnmount, onMounted, ref } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';
import { t } from '@/i18n';

/**
 * Asks before a changed form is left (in-app navigation, closing or reloading the tab). The form is clean
 * after `markClean()` (call it once loaded and just before navigating away after a save).
 */
export function useUnsavedGuard(snapshot: () => unknown) {
  const clean = ref(JSON.stringify(snapshot()));
  const isDirty = () => JSON.stringify(snapshot()) !== clean.value;
  const markClean = () => { clean.value = JSON.stringify(snapshot()); };

  onBeforeRouteLeave(async () => {
    if (!isDirty()) return true;
    try {
      await ElMessageBox.confirm(t('common.unsavedLeave'), t('common.confirmTitle'), {
        type: 'warning', confirmButtonText: t('common.leave'), cancelButtonText: t('common.stay'),
      });
      return true;
    } catch {
      return false;
    }
  });

  const onUnload = (e: BeforeUnloadEvent) => {
    if (isDirty()) e.preventDefault();
  };
  onMounted(() => window.addEventListener('beforeunload', onUnload));
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onUnload));

  return { isDirty, markClean };
}
