import { createI18n } from 'vue-i18n';
import zhCN from '@/i18n/zh-CN';

/** The member app's own instance: only Chinese (members read Chinese), the same message file as the staff app. */
export const memberI18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN },
  missingWarn: false,
  fallbackWarn: false,
});

export const mt = (key: string, named?: Record<string, unknown>): string =>
  named ? memberI18n.global.t(key, named) : memberI18n.global.t(key);
