import { ApiError, NetworkError } from '@/api/http';
import { mt } from './i18n';

const CJK = /[\u4e00-\u9fff]/;

/** The sentence to show a member for a failure (the server's own Chinese sentence when it sent one). */
export function memberError(e: unknown): string {
  if (e instanceof NetworkError) return mt('common.networkError');
  if (e instanceof ApiError) {
    const fields = Object.values(e.fieldErrors).flat();
    if (fields.length) return fields.join('；');
    const sentence = [e.title, e.detail].find((s) => s && CJK.test(s));
    if (sentence) return sentence;
    if (e.status === 409) return mt('common.conflict');
    if (e.status === 403) return mt('common.forbidden');
    if (e.status === 404) return mt('common.notFound');
  }
  return mt('common.unknownError');
}

/** Field errors of a 400 by field name (`changes.phone` → `phone` when `prefix` is `changes.`). */
export function fieldErrorsOf(e: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  for (const [key, messages] of Object.entries(e.fieldErrors)) {
    const name = prefix && key.startsWith(prefix) ? key.slice(prefix.length) : key;
    out[name] = messages.join('；');
  }
  return out;
}
