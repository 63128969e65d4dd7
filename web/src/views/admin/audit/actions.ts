import { t } from '@/i18n';

const labels: Record<string, string> = {
  create: 'history.create',
  update: 'history.update',
  delete: 'history.delete',
  reveal: 'history.reveal',
  export: 'history.export',
  'export-download': 'history.exportDownload',
  import: 'history.import',
  'import-undo': 'history.importUndo',
  login: 'history.login',
  'login-failed': 'history.loginFailed',
  logout: 'history.logout',
  'password-changed': 'history.passwordChanged',
  'user-create': 'history.userCreate',
  'user-reset-password': 'history.userResetPassword',
  'user-unlock': 'history.userUnlock',
  'totp-enabled': 'history.totpEnabled',
  'totp-disabled': 'history.totpDisabled',
  'demo-remove': 'history.demoRemove',
  backup: 'history.backup',
  'audit-purge': 'history.auditPurge',
};

const entityLabels: Record<string, string> = {
  Figure: 'history.entity.Figure',
  PlatformAccount: 'history.entity.PlatformAccount',
  MetricSnapshot: 'history.entity.MetricSnapshot',
  Position: 'history.entity.Position',
  Honour: 'history.entity.Honour',
  Organization: 'history.entity.Organization',
  OrganizationMember: 'history.entity.OrganizationMember',
  DictionaryItem: 'history.entity.DictionaryItem',
  User: 'history.entity.User',
  Region: 'history.entity.Region',
  AuditEntry: 'history.entity.AuditEntry',
  ImportBatch: 'history.entity.ImportBatch',
};

export const auditEntityTypes = Object.keys(entityLabels);

/** Chinese name of an audited entity type (Figure → 网络人士); unknown types are shown as sent. */
export function entityLabel(type: string | null | undefined): string {
  if (!type) return '—';
  return entityLabels[type] ? t(entityLabels[type]) : type;
}

export const auditActions = Object.keys(labels);

/** Chinese name of an audit action; unknown actions are shown as sent. */
export function actionLabel(action: string): string {
  return labels[action] ? t(labels[action]) : action;
}
