import { http } from './http';
import type { Dashboard } from './types';

export const dashboardApi = {
  get: (regionCode?: string) => http.get<Dashboard>('/api/dashboard', { query: { regionCode } }),
};
