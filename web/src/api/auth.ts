import { http } from './http';
import type { ChangePasswordRequest, LoginRequest, LoginResponse, Me } from './types';

export const authApi = {
  login: (body: LoginRequest) => http.post<LoginResponse>('/api/auth/login', body, { noAuthRedirect: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, { noAuthRedirect: true }),
  changePassword: (body: ChangePasswordRequest) => http.post<void>('/api/auth/change-password', body),
  me: () => http.get<Me>('/api/me', { noAuthRedirect: true }),
};
