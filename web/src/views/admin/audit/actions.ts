import { t } from '@/i18n';

const labels: Record<string, string> = {
  create: 'history.create',
  update: 'history.update',
  delete: 'history.delete',
  reveal: 'history.reveal',
  export: 'history.export',
  import: 'history.import',
  'import-undo': 'history.importUndo',
  login: 'history.login',
  'login-failed': 'history.loginFailed',
  logout: 'history.logout',
  'password-changed': 'history.passwordChanged',
};

export const auditActions = Object.keys(labels);

/** Chinese name of an audit action; unknown actions are shown as sent. */
export function actionLabel(action: string): string {
  return labels[action] ? t(labels[action]) : action;
}
