import { http } from './http';
import type { CreatedId, CreateUserRequest, PagedOfUserItem, UpdateUserRequest, UserQuery } from './types';

export type { UserQuery };

export const usersApi = {
  list: (query: UserQuery) => http.get<PagedOfUserItem>('/api/users', { query }),
  create: (body: CreateUserRequest) => http.post<CreatedId>('/api/users', body),
  resetPassword: (id: string, newPassword: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/reset-password`, { newPassword }),
  unlock: (id: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/unlock`),
  disable: (id: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/disable`),
  enable: (id: string) => http.post<void>(`/api/users/${encodeURIComponent(id)}/enable`),
  update: (id: string, body: UpdateUserRequest) => http.put<void>(`/api/users/${encodeURIComponent(id)}`, body),
};
