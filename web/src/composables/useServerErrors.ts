import { reactive } from 'vue';
import { ApiError } from '@/api/http';
import { mapFieldErrors, showError } from '@/utils/errors';
import { t } from '@/i18n';

/**
 * Field errors from the server for one el-form: bind `:error="serverErrors.x"` on each el-form-item
 * and call `handle(e)` in the catch of a save.
 */
export function useServerErrors<K extends string>(props: readonly K[], aliases: Record<string, K> = {}) {
  const serverErrors = reactive({}) as Partial<Record<K, string>>;

  function clear() {
    for (const key of Object.keys(serverErrors)) delete serverErrors[key as K];
  }

  /** Returns true when the error was attached to fields. Other errors become a toast. */
  function handle(e: unknown): boolean {
    clear();
    if (e instanceof ApiError && e.isValidation && Object.keys(e.fieldErrors).length) {
      const { fields, rest } = mapFieldErrors(e, props, aliases);
      Object.assign(serverErrors, fields);
      if (rest.length) ElMessage.error(rest.join('；'));
      else ElMessage.error(t('common.fixErrors'));
      return Object.keys(fields).length > 0;
    }
    showError(e);
    return false;
  }

  return { serverErrors, clear, handle };
}
