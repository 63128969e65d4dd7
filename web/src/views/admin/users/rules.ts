import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';
import { passwordRule } from '@/views/auth/rules';

/** Roles with their rank (the server's `Roles.Rank`): a user may grant only roles no higher than their own. */
export const roleOptions = [
  { value: 'admin', label: 'users.roleAdmin', rank: 100 },
  { value: 'staff', label: 'users.roleStaff', rank: 50 },
  { value: 'leader', label: 'users.roleLeader', rank: 40 },
  { value: 'cadre', label: 'users.roleCadre', rank: 30 },
  { value: 'unit', label: 'users.roleUnit', rank: 20 },
  { value: 'association', label: 'users.roleAssociation', rank: 20 },
  { value: 'member', label: 'users.roleMember', rank: 10 },
];

/** Roles that unit users hold: their org unit matters for them. */
export const UNIT_ROLES = ['unit', 'association'];

/** The roles someone holding `myRoles` may grant (the server refuses the others with 400). */
export function grantableRoles(myRoles: readonly string[]) {
  const mine = Math.max(0, ...roleOptions.filter((r) => myRoles.includes(r.value)).map((r) => r.rank));
  return roleOptions.filter((r) => r.rank <= mine);
}

export const stateOptions = [
  { value: 'active', label: 'users.stateActive' },
  { value: 'disabled', label: 'users.disabled' },
];

export function roleLabel(role: string): string {
  const found = roleOptions.find((r) => r.value === role);
  return found ? t(found.label) : role;
}

export const userRules: Record<string, FormItemRule[]> = {
  userName: [{ required: true, whitespace: true, message: () => t('users.userNameRequired'), trigger: 'blur' }],
  displayName: [{ required: true, whitespace: true, message: () => t('users.displayNameRequired'), trigger: 'blur' }],
  regionCode: [{ required: true, message: () => t('users.regionRequired'), trigger: 'change' }],
  roles: [{ type: 'array', required: true, min: 1, message: () => t('users.rolesRequired'), trigger: 'change' }],
  password: [passwordRule()],
};

/** The edit form: no user name (it does not change) and no password (reset has its own dialog). */
export const editRules: Record<string, FormItemRule[]> = {
  displayName: userRules.displayName,
  regionCode: userRules.regionCode,
  roles: userRules.roles,
};
