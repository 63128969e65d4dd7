import { ApiError, NetworkError } from '@/api/http';
import { t } from '@/i18n';

const CJK = /[\u4e00-\u9fff]/;

/**
 * The server's own Chinese sentence, if it sent one. Tongxin puts it in `title` (e.g. 接口不存在或无权查看),
 * sometimes in `detail`; ASP.NET's generic English titles ("Bad Request") are not shown to users.
 */
export function serverSentence(e: ApiError): string | null {
  if (e.detail && CJK.test(e.detail)) return e.detail;
  if (e.title && CJK.test(e.title)) return e.title;
  return null;
}

/** The sentence to show a user for any failure. */
export function errorMessage(e: unknown): string {
  if (e instanceof NetworkError) return t('common.networkError');
  if (e instanceof ApiError) {
    const sentence = serverSentence(e);
    if (e.status === 409) return sentence || t('common.conflict');
    if (e.status === 403 && !e.mustChangePassword) return sentence || t('common.forbidden');
    if (e.status === 404) return sentence || t('common.notFound');
    if (e.status === 401) return t('common.sessionExpired');
    const fieldMessages = Object.values(e.fieldErrors).flat();
    if (fieldMessages.length) return fieldMessages.join('；');
    return sentence || t('common.unknownError');
  }
  return t('common.unknownError');
}

/** Shows a failure as a toast. Returns the error for chaining. */
export function showError(e: unknown) {
  ElMessage.error({ message: errorMessage(e), grouping: true });
  return e;
}

export interface FieldMapping {
  /** Field errors that belong to a form item, by the form's prop name. */
  fields: Record<string, string>;
  /** Messages with no matching form item (shown as a toast). */
  rest: string[];
}

/**
 * Puts ProblemDetails field errors onto the form's props. Server keys are camelCase paths
 * (`name`, `accounts[0].handle`); `aliases` maps server names onto form props where they differ.
 */
export function mapFieldErrors(error: ApiError, props: readonly string[], aliases: Record<string, string> = {}): FieldMapping {
  const known = new Set(props);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    const prop = aliases[key] ?? key;
    if (known.has(prop)) fields[prop] = fields[prop] ? `${fields[prop]}；${messages.join('；')}` : messages.join('；');
    else rest.push(...messages);
  }
  if (!Object.keys(fields).length && !rest.length) rest.push(errorMessage(error));
  return { fields, rest };
}
