import { http } from './http';
import type { Region, RegionInput } from './types';

export const regionsApi = {
  list: () => http.get<Region[]>('/api/regions'),
  create: (body: RegionInput) => http.post<Region>('/api/regions', body),
};
