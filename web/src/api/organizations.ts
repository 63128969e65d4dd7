import { http } from './http';
import type {
  LinkFigureRequest, OrganizationCreated, RevealResponse, OrganizationDetail, OrganizationInput, PagedOfOrganizationListItem,
} from './types';

export interface OrganizationQuery { q?: string; regionCode?: string; type?: string; page?: number; pageSize?: number }

export const organizationsApi = {
  list: (query: OrganizationQuery) => http.get<PagedOfOrganizationListItem>('/api/organizations', { query }),
  get: (id: number) => http.get<OrganizationDetail>(`/api/organizations/${id}`),
  create: (body: OrganizationInput) => http.post<OrganizationCreated>('/api/organizations', body),
  /** `body.version` must be the version that was read (409 when stale). */
  update: (id: number, body: OrganizationInput) => http.put<OrganizationDetail>(`/api/organizations/${id}`, body),
  /** Written to the access log. */
  revealLiaisonPhone: (id: number) => http.post<RevealResponse>(`/api/organizations/${id}/reveal-liaison-phone`, {}),
  remove: (id: number) => http.del<void>(`/api/organizations/${id}`),
  linkFigure: (id: number, body: LinkFigureRequest) => http.post<void>(`/api/organizations/${id}/figures`, body),
  unlinkFigure: (id: number, figureId: number) => http.del<void>(`/api/organizations/${id}/figures/${figureId}`),
};
