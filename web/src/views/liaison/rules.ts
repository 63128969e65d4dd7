import type { FormRules } from 'element-plus';
import { t } from '@/i18n';

const required = (key: string, trigger: 'change' | 'blur' = 'change') => [{ required: true, message: t(key), trigger }];

export const contactLogRules: FormRules = {
  figureId: required('liaison.rules.figure'),
  date: required('liaison.rules.date'),
  way: required('liaison.rules.way'),
  summary: required('liaison.rules.summary', 'blur'),
};

export const assignRules: FormRules = {
  figureId: required('liaison.rules.figure'),
  cadreUserId: required('liaison.rules.cadre'),
  startOn: required('liaison.rules.date'),
};

export const endRules: FormRules = {
  endOn: required('liaison.rules.date'),
  reason: required('liaison.rules.reason', 'blur'),
};

export const reassignRules: FormRules = {
  fromCadreUserId: required('liaison.rules.cadre'),
  toCadreUserId: required('liaison.rules.cadre'),
  startOn: required('liaison.rules.date'),
  reason: required('liaison.rules.reason', 'blur'),
};
