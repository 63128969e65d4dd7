import { http } from './http';
import type { DashboardResponse } from './types';

export const dashboardApi = {
  get: (regionCode?: string) => http.get<DashboardResponse>('/api/dashboard', { query: { regionCode } }),
};
