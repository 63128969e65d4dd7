import { t } from '@/i18n';
import { useReferenceStore } from '@/stores/reference';

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
  OrgUnit: 'history.entity.OrgUnit',
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

/** The parts of an audit line (the audit page's and a figure's history) that its description reads. */
interface AuditLine {
  action: string;
  entityType?: string | null;
  summary?: string | null;
  changes?: Record<string, unknown[]> | null;
}

/** A change's [old, new] by field, whatever the case of its first letter (the server writes Status). */
function change(e: AuditLine, field: string): unknown[] | undefined {
  const changes = e.changes ?? {};
  return changes[field] ?? changes[field.charAt(0).toUpperCase() + field.slice(1)];
}

const isActive = (v: unknown) => typeof v === 'string' && v.toLowerCase() === 'active';

/**
 * The action as a reader names it: a figure's status leaving 在库 is 移出, coming back 恢复入库 (the server records
 * both as an update of the figure); otherwise the action's own name.
 */
export function describeAction(e: AuditLine): string {
  const status = e.entityType === 'Figure' && e.action === 'update' ? change(e, 'status') : undefined;
  if (status && isActive(status[0]) && !isActive(status[1])) return t('history.withdraw');
  if (status && !isActive(status[0]) && isActive(status[1])) return t('history.restore');
  return actionLabel(e.action);
}

/**
 * The summary with platform codes as their Chinese labels ("wechat-channels wuyang_384" → "微信视频号 wuyang_384") and,
 * for a withdrawal or restore, its reason.
 */
export function describeSummary(e: AuditLine): string {
  let s = e.summary ?? '';
  if (e.entityType === 'PlatformAccount') {
    const [first, ...rest] = s.split(' ');
    const label = useReferenceStore().label('platform', first);
    if (label !== first) s = [label, ...rest].join(' ');
  }
  const reason = e.entityType === 'Figure' && change(e, 'status') ? change(e, 'statusReason')?.[1] : undefined;
  return typeof reason === 'string' && reason ? t('history.withReason', { summary: s, reason }) : s;
}
