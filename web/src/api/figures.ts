import { http, toQuery } from './http';
import type {
  AccountInput, AccountUpdate, CreatedId, DuplicateCheckRequest, DuplicateMatch, FigureDetail, FigureInput,
  FigurePage, FigureQuery, FigureUpdate, HistoryEntry, Honour, HonourInput, HonourUpdate, MetricSnapshot,
  PlatformAccount, Position, PositionInput, PositionUpdate, RevealField, SnapshotInput,
} from './types';

export const figuresApi = {
  list: (query: FigureQuery) => http.get<FigurePage>('/api/figures', { query }),
  get: (id: number) => http.get<FigureDetail>(`/api/figures/${id}`),
  create: (body: FigureInput) => http.post<CreatedId>('/api/figures', body),
  update: (id: number, body: FigureUpdate) => http.put<FigureDetail>(`/api/figures/${id}`, body),
  withdraw: (id: number, status: 'left' | 'transferred', reason: string) =>
    http.del<void>(`/api/figures/${id}`, { query: { status, reason } }),
  duplicates: (body: DuplicateCheckRequest) => http.post<DuplicateMatch[]>('/api/figures/duplicates', body),
  reveal: (id: number, field: RevealField) => http.post<{ value: string | null }>(`/api/figures/${id}/reveal`, { field }),
  history: (id: number) => http.get<HistoryEntry[]>(`/api/figures/${id}/history`),
  /** URL of the Excel export for the current filters (downloaded by the browser, not fetched). */
  exportUrl: (query: FigureQuery) => {
    const { page: _page, pageSize: _size, ...filters } = query;
    return `/api/figures/export${toQuery(filters)}`;
  },
};

export const accountsApi = {
  create: (figureId: number, body: AccountInput) => http.post<PlatformAccount>(`/api/figures/${figureId}/accounts`, body),
  update: (id: number, body: AccountUpdate) => http.put<PlatformAccount>(`/api/accounts/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/accounts/${id}`),
  snapshots: (id: number) => http.get<MetricSnapshot[]>(`/api/accounts/${id}/snapshots`),
  addSnapshot: (id: number, body: SnapshotInput) => http.post<MetricSnapshot>(`/api/accounts/${id}/snapshots`, body),
};

export const positionsApi = {
  create: (figureId: number, body: PositionInput) => http.post<Position>(`/api/figures/${figureId}/positions`, body),
  update: (id: number, body: PositionUpdate) => http.put<Position>(`/api/positions/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/positions/${id}`),
};

export const honoursApi = {
  create: (figureId: number, body: HonourInput) => http.post<Honour>(`/api/figures/${figureId}/honours`, body),
  update: (id: number, body: HonourUpdate) => http.put<Honour>(`/api/honours/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/honours/${id}`),
};
