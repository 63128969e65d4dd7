import { http } from './http';
import type {
  AccountInput, AccountItem, CreateFigureInput, DuplicateCheckRequest, DuplicateMatch, FigureCreated, FigureDetail, FigureInput,
  FigurePage, FigureQuery, HistoryItem, HonourInput, HonourItem, PositionInput, PositionItem, RevealField,
  RestoreFigureRequest, RevealResponse, SnapshotInput, SnapshotItem,
} from './types';

export const figuresApi = {
  list: (query: FigureQuery) => http.get<FigurePage>('/api/figures', { query }),
  get: (id: number) => http.get<FigureDetail>(`/api/figures/${id}`),
  create: (body: CreateFigureInput) => http.post<FigureCreated>('/api/figures', body),
  /** `body.version` must be the version that was read (409 when stale). */
  update: (id: number, body: FigureInput) => http.put<FigureDetail>(`/api/figures/${id}`, body),
  withdraw: (id: number, status: 'left' | 'transferred', reason: string) =>
    http.del<void>(`/api/figures/${id}`, { query: { status, reason } }),
  /** 恢复入库 with a reason; `version` as read (409 when stale). */
  restore: (id: number, body: RestoreFigureRequest) => http.post<void>(`/api/figures/${id}/restore`, body),
  duplicates: (body: DuplicateCheckRequest) => http.post<DuplicateMatch[]>('/api/figures/duplicates', body),
  reveal: (id: number, field: RevealField) => http.post<RevealResponse>(`/api/figures/${id}/reveal`, { field }),
  history: (id: number) => http.get<HistoryItem[]>(`/api/figures/${id}/history`),
};

export const accountsApi = {
  create: (figureId: number, body: AccountInput) => http.post<AccountItem>(`/api/figures/${figureId}/accounts`, body),
  update: (id: number, body: AccountInput) => http.put<AccountItem>(`/api/accounts/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/accounts/${id}`),
  snapshots: (id: number) => http.get<SnapshotItem[]>(`/api/accounts/${id}/snapshots`),
  addSnapshot: (id: number, body: SnapshotInput) => http.post<SnapshotItem>(`/api/accounts/${id}/snapshots`, body),
};

export const positionsApi = {
  create: (figureId: number, body: PositionInput) => http.post<PositionItem>(`/api/figures/${figureId}/positions`, body),
  update: (id: number, body: PositionInput) => http.put<PositionItem>(`/api/positions/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/positions/${id}`),
};

export const honoursApi = {
  create: (figureId: number, body: HonourInput) => http.post<HonourItem>(`/api/figures/${figureId}/honours`, body),
  update: (id: number, body: HonourInput) => http.put<HonourItem>(`/api/honours/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/honours/${id}`),
};
