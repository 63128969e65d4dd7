import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';

export const requestRules: Record<string, FormItemRule[]> = {
  title: [{ required: true, whitespace: true, message: () => t('request.titleRequired'), trigger: 'blur' }],
  category: [{ required: true, message: () => t('request.categoryRequired'), trigger: 'change' }],
  receivedVia: [{ required: true, message: () => t('request.receivedViaRequired'), trigger: 'change' }],
};
