import { http } from './http';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse, TotpSetupResponse } from './types';

export const authApi = {
  login: (body: LoginRequest) => http.post<LoginResponse>('/api/auth/login', body, { noAuthRedirect: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true }),
  changePassword: (body: ChangePasswordRequest) => http.post<void>('/api/auth/change-password', body),
  me: () => http.get<MeResponse>('/api/me', { noAuthRedirect: true }),
  /** Starts (or restarts) a second factor: a new shared key, not active until enabled with a code. */
  totpSetup: () => http.post<TotpSetupResponse>('/api/auth/totp/setup'),
  totpEnable: (code: string) => http.post<void>('/api/auth/totp/enable', { code }),
  totpDisable: (code: string) => http.post<void>('/api/auth/totp/disable', { code }),
};
