import { http } from './http';
import type { CreateRegionRequest, RegionItem } from './types';

export const regionsApi = {
  list: () => http.get<RegionItem[]>('/api/regions'),
  create: (body: CreateRegionRequest) => http.post<RegionItem>('/api/regions', body),
};
