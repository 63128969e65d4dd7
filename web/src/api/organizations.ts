import { http } from './http';
import type { CreatedId, Organization, OrganizationInput, OrganizationMemberInput, OrganizationPage, OrganizationUpdate } from './types';

export interface OrganizationQuery { q?: string; regionCode?: string; type?: string; page?: number; pageSize?: number }

export const organizationsApi = {
  list: (query: OrganizationQuery) => http.get<OrganizationPage>('/api/organizations', { query }),
  get: (id: number) => http.get<Organization>(`/api/organizations/${id}`),
  create: (body: OrganizationInput) => http.post<CreatedId>('/api/organizations', body),
  update: (id: number, body: OrganizationUpdate) => http.put<Organization>(`/api/organizations/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/organizations/${id}`),
  linkFigure: (id: number, body: OrganizationMemberInput) => http.post<void>(`/api/organizations/${id}/figures`, body),
  unlinkFigure: (id: number, figureId: number) => http.del<void>(`/api/organizations/${id}/figures/${figureId}`),
};
