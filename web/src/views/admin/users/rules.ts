import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';
import { passwordRule } from '@/views/auth/rules';

export const roleOptions = [
  { value: 'admin', label: 'users.roleAdmin' },
  { value: 'staff', label: 'users.roleStaff' },
  { value: 'leader', label: 'users.roleLeader' },
  { value: 'cadre', label: 'users.roleCadre' },
  { value: 'unit', label: 'users.roleUnit' },
  { value: 'association', label: 'users.roleAssociation' },
  { value: 'member', label: 'users.roleMember' },
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
