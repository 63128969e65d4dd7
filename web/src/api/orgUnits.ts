import { http } from './http';
import type { OrgUnitCreated, OrgUnitInput, OrgUnitItem } from './types';

export const orgUnitsApi = {
  /** Every unit in the signed-in user's region subtree (any signed-in user). */
  list: () => http.get<OrgUnitItem[]>('/api/org-units'),
  create: (body: OrgUnitInput) => http.post<OrgUnitCreated>('/api/org-units', body),
  /** `body.version` must be the version that was read (409 when stale). */
  update: (id: number, body: OrgUnitInput) => http.put<OrgUnitItem>(`/api/org-units/${id}`, body),
  /** 409 with the reason as `title` while the unit still has users or child units. */
  remove: (id: number) => http.del<void>(`/api/org-units/${id}`),
};
