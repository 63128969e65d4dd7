import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';

export const NAME_MAX = 100;

const MOBILE = /^(?:\+?86|0086)?1[3-9]\d{9}$/;
/** Area code (0 + 2–3 digits), 7–8 digit number, optional extension (separators already removed). */
const LANDLINE = /^0\d{9,11}(?:(?:ext|x|#)?\d{1,6})?$/i;

/**
 * A light check before the server's own: a mainland mobile (optional +86) or a landline with its area code.
 * Spaces, dashes, dots and brackets (also full-width) are ignored. Empty is fine (the field is optional).
 */
export function isPlausiblePhone(value: string | null | undefined): boolean {
  const text = (value ?? '').replace(/[\s\-.()\uFF08\uFF09]/g, '');
  return !text || MOBILE.test(text) || LANDLINE.test(text);
}

export const orgUnitRules: Record<string, FormItemRule[]> = {
  name: [
    { required: true, whitespace: true, message: () => t('orgUnit.nameRequired'), trigger: 'blur' },
    { max: NAME_MAX, message: () => t('orgUnit.nameTooLong', { n: NAME_MAX }), trigger: 'blur' },
  ],
  kind: [{ required: true, message: () => t('orgUnit.kindRequired'), trigger: 'change' }],
  regionCode: [{ required: true, message: () => t('orgUnit.regionRequired'), trigger: 'change' }],
  phone: [{
    trigger: 'blur',
    validator: (_r, value: string | null, cb) => cb(isPlausiblePhone(value) ? undefined : new Error(t('orgUnit.phoneInvalid'))),
  }],
};
