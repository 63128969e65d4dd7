import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';
import { birthDateFromId, checkIdNumber, MOBILE_PATTERN } from '@/utils/idcard';

export interface FigureFormModel {
  name: string;
  gender: string | null;
  birthDate: string | null;
  ethnicity: string | null;
  politicalAffiliation: string | null;
  education: string | null;
  idNumber: string;
  phone: string;
  homeAddress: string;
  email: string;
  weChat: string;
  regionCode: string;
  workplace: string;
  jobTitle: string;
  category: string | null;
  fields: string[];
  tags: string[];
  keyLevel: string | null;
  source: string | null;
  recommendedBy: string;
  enrolledOn: string | null;
  consentVersion: string;
  consentAt: string | null;
  notes: string;
  /** Platform accounts given with a new figure (create only). */
  accounts: AccountRow[];
}

/** One account row of the new-figure form; likes and works left blank are unknown. */
export interface AccountRow {
  platform: string;
  handle: string;
  url: string;
  followers: number | null;
  likes: number | null;
  works: number | null;
}

export const blankAccountRow = (): AccountRow => ({ platform: '', handle: '', url: '', followers: null, likes: null, works: null });

/** Rules of an account row (the server checks the same and more: the handle's owner). */
export const accountRowRules = {
  platform: [{ required: true, message: () => t('account.platformRequired'), trigger: 'change' }] as FormItemRule[],
  handle: [{ required: true, whitespace: true, message: () => t('account.handleRequired'), trigger: 'blur' }] as FormItemRule[],
  url: [{ pattern: /^https?:\/\/\S+$/i, message: () => t('account.urlInvalid'), trigger: 'blur' }] as FormItemRule[],
};

const idMessages = {
  length: 'figure.form.idLength',
  format: 'figure.form.idFormat',
  birthDate: 'figure.form.idBirth',
  checkDigit: 'figure.form.idCheck',
} as const;

/** Null when valid, else the message. Empty is valid (the field is optional). */
export function idNumberError(value: string): string | null {
  if (!value) return null;
  const problem = checkIdNumber(value);
  return problem ? t(idMessages[problem]) : null;
}

/** A birth date must agree with the ID number at the date's own precision. */
export function birthDateMismatch(birthDate: string | null, idNumber: string): boolean {
  if (!birthDate || !idNumber || checkIdNumber(idNumber)) return false;
  const fromId = birthDateFromId(idNumber.trim().toUpperCase());
  return !!fromId && !fromId.startsWith(birthDate);
}

export function figureRules(form: FigureFormModel): Record<string, FormItemRule[]> {
  return {
    name: [
      { required: true, whitespace: true, message: () => t('figure.form.nameRequired'), trigger: 'blur' },
    ],
    regionCode: [{ required: true, message: () => t('figure.form.regionRequired'), trigger: 'change' }],
    idNumber: [{
      trigger: 'blur',
      validator: (_r, value: string, cb) => {
        const error = idNumberError(value?.trim() ?? '');
        cb(error ? new Error(error) : undefined);
      },
    }],
    birthDate: [{
      trigger: 'change',
      validator: (_r, value: string | null, cb) =>
        cb(birthDateMismatch(value, form.idNumber) ? new Error(t('figure.form.birthMismatch')) : undefined),
    }],
    phone: [{
      trigger: 'blur',
      validator: (_r, value: string, cb) =>
        cb(value && !MOBILE_PATTERN.test(value.trim()) ? new Error(t('figure.form.mobileInvalid')) : undefined),
    }],
    email: [{ type: 'email', message: () => t('figure.form.emailInvalid'), trigger: 'blur' }],
  };
}
