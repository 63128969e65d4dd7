import { http } from './http';
import type { CreatedUserId, UserInput, UserPage } from './types';

export interface UserQuery { q?: string; page?: number; pageSize?: number }

export const usersApi = {
  list: (query: UserQuery) => http.get<UserPage>('/api/users', { query }),
  create: (body: UserInput) => http.post<CreatedUserId>('/api/users', body),
  resetPassword: (id: string, newPassword: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, { newPassword }),
  unlock: (id: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/unlock`),
};
