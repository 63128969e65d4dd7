import type { FormItemRule } from 'element-plus';
import { t } from '@/i18n';
import { checkStrength } from '@/utils/passwordStrength';

export const MIN_PASSWORD_LENGTH = 12;

export const loginRules: Record<string, FormItemRule[]> = {
  userName: [{ required: true, message: () => t('auth.userNameRequired'), trigger: 'blur' }],
  password: [{ required: true, message: () => t('auth.passwordRequired'), trigger: 'blur' }],
};

/** The 6 digits of an authenticator app (spaces allowed, as apps show "123 456"). */
export const totpRules: FormItemRule[] = [{
  trigger: 'blur',
  validator: (_rule, value: string, callback) => {
    const digits = (value ?? '').replace(/\s+/g, '');
    if (!digits) callback(new Error(t('auth.totpRequired')));
    else if (!/^\d{6}$/.test(digits)) callback(new Error(t('auth.totpFormat')));
    else callback();
  },
}];

export function passwordRule(): FormItemRule {
  return {
    trigger: 'blur',
    validator: (_rule, value: string, callback) => {
      if (!value) callback(new Error(t('auth.newRequired')));
      else if (value.length < MIN_PASSWORD_LENGTH) callback(new Error(t('auth.passwordMin')));
      // The meter's estimate, once loaded (the server checks the same in any case).
      else if (checkStrength(value)?.ok === false) callback(new Error(t('auth.passwordWeak')));
      else callback();
    },
  };
}

export function changePasswordRules(form: { newPassword: string }): Record<string, FormItemRule[]> {
  return {
    currentPassword: [{ required: true, message: () => t('auth.currentRequired'), trigger: 'blur' }],
    newPassword: [passwordRule()],
    confirmPassword: [{
      trigger: 'blur',
      validator: (_rule, value: string, callback) => {
        if (!value) callback(new Error(t('auth.confirmRequired')));
        else if (value !== form.newPassword) callback(new Error(t('auth.passwordMismatch')));
        else callback();
      },
    }],
  };
}
