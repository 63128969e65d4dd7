import { http } from './http';
import type {
  HelpRequestCreated, HelpRequestDetail, HelpRequestInput, HelpRequestStats, PagedOfHelpRequestListItem, RouteHelpRequestInput,
} from './types';

export interface HelpRequestQuery {
  status?: string; category?: string; unitId?: number | null; regionCode?: string; overdue?: boolean | null; open?: boolean | null;
  q?: string; sort?: string; page?: number; pageSize?: number;
}

/** The workflow actions, as the server names them in `allowedActions` and in the route. */
export const HELP_REQUEST_ACTIONS = ['accept', 'route', 'reply', 'return', 'complete', 'visit', 'reopen'] as const;
export type HelpRequestAction = (typeof HELP_REQUEST_ACTIONS)[number];

export const HELP_REQUEST_STATUSES = ['submitted', 'accepted', 'routed', 'inProgress', 'completed', 'visited'] as const;

/** Bodies of the actions; each also carries the request's `version` (409 when stale). */
export type HelpRequestActionBody =
  | Record<string, never>
  | Omit<RouteHelpRequestInput, 'version'>
  | { text: string }
  | { reason: string }
  | { summary: string }
  | { satisfaction: string; text: string };

function clean(query: HelpRequestQuery): object {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false));
}

export const helpRequestsApi = {
  list: (query: HelpRequestQuery) => http.get<PagedOfHelpRequestListItem>('/api/help-requests', { query: clean(query) }),
  /** The board with the same filters as an .xlsx download URL. */
  fileUrl: (query: HelpRequestQuery) => {
    const params = new URLSearchParams(Object.entries(clean({ ...query, page: undefined, pageSize: undefined })).map(([k, v]) => [k, String(v)]));
    const text = params.toString();
    return `/api/help-requests/file${text ? `?${text}` : ''}`;
  },
  get: (id: number) => http.get<HelpRequestDetail>(`/api/help-requests/${id}`),
  create: (body: HelpRequestInput) => http.post<HelpRequestCreated>('/api/help-requests', body),
  act: (id: number, action: HelpRequestAction, body: HelpRequestActionBody, version: number) =>
    http.post<HelpRequestDetail>(`/api/help-requests/${id}/${action}`, { ...body, version }),
  stats: (query: { regionCode?: string; year?: number | null }) => http.get<HelpRequestStats>('/api/help-requests/stats', { query: clean(query) }),
};
