import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';
import { isValidCreditCode } from '@/utils/idcard';

export const organizationRules: Record<string, FormItemRule[]> = {
  name: [{ required: true, whitespace: true, message: () => t('organization.nameRequired'), trigger: 'blur' }],
  regionCode: [{ required: true, message: () => t('organization.regionRequired'), trigger: 'change' }],
  creditCode: [{
    trigger: 'blur',
    validator: (_r, value: string, cb) =>
      cb(value && !isValidCreditCode(value) ? new Error(t('organization.creditInvalid')) : undefined),
  }],
};
