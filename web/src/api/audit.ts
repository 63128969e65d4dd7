import { http } from './http';
import type { PagedOfAuditItem } from './types';

export interface AuditQuery {
  userName?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (query: AuditQuery) => http.get<PagedOfAuditItem>('/api/audit', { query }),
};
