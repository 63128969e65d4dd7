import { http, toQuery } from './http';
import type {
  AssignFigureRequest, AssignmentFileQuery, ContactLogFileQuery, AssignmentCreated, CadreItem, ContactLogCreated, ContactLogInput, ContactLogItem, DueSort, DueState,
  ContactCoverageView, EndAssignmentRequest, FeedbackFormView, FigureDetail, FeedbackSummaryView, MyFigureItem, SaveFeedbackFormRequest, PagedOfAssignmentItem, PagedOfContactLogItem, PagedOfDueItem, ReassignFiguresRequest, ReassignResult,
} from './types';

export interface AssignmentQuery { cadreUserId?: string; figureId?: number; active?: boolean | ''; page?: number; pageSize?: number }
export interface DueQuery { state?: DueState | ''; regionCode?: string; cadreUserId?: string; keyLevel?: string; sort?: DueSort; page?: number; pageSize?: number }
export interface ContactLogQuery { figureId?: number; cadreUserId?: string; from?: string; to?: string; page?: number; pageSize?: number }

export const liaisonApi = {
  assignments: (query: AssignmentQuery) => http.get<PagedOfAssignmentItem>('/api/liaison/assignments', { query }),
  /** The assignments as .xlsx (same filters, no paging). */
  assignmentsFileUrl: ({ cadreUserId, figureId, active }: AssignmentQuery) =>
    `/api/liaison/assignments/file${toQuery({ cadreUserId, figureId, active: active === '' ? undefined : active } satisfies AssignmentFileQuery)}`,
  assign: (body: AssignFigureRequest) => http.post<AssignmentCreated>('/api/liaison/assignments', body),
  end: (id: number, body: EndAssignmentRequest) => http.post<void>(`/api/liaison/assignments/${id}/end`, body),
  reassign: (body: ReassignFiguresRequest) => http.post<ReassignResult>('/api/liaison/assignments/reassign', body),
  cadres: () => http.get<CadreItem[]>('/api/liaison/cadres'),
  myFigures: () => http.get<MyFigureItem[]>('/api/liaison/my-figures'),
  /** The signed-in cadre's figures as .xlsx. */
  myFiguresFileUrl: () => '/api/liaison/my-figures/file',
  due: (query: DueQuery) => http.get<PagedOfDueItem>('/api/liaison/due', { query }),
  /** The due list as .xlsx (same filters, no paging). */
  dueFileUrl: (query: DueQuery) => `/api/liaison/due/file${toQuery({ ...query, page: undefined, pageSize: undefined })}`,
  feedback: (year: number) => http.get<FeedbackFormView>(`/api/liaison/feedback/${year}`),
  saveFeedback: (year: number, body: SaveFeedbackFormRequest) => http.put<FeedbackFormView>(`/api/liaison/feedback/${year}`, body),
  submitFeedback: (year: number, version: number) => http.post<FeedbackFormView>(`/api/liaison/feedback/${year}/submit`, { version }),
  feedbackFileUrl: (year: number, format: 'docx' | 'xlsx') => `/api/liaison/feedback/${year}/file?format=${format}`,
  feedbackSummary: (year: number, regionCode?: string) => http.get<FeedbackSummaryView>('/api/liaison/feedback-summary', { query: { year, regionCode } }),
  /** The summary as .xlsx (cadres, and figures nobody contacted). */
  feedbackSummaryFileUrl: (year: number, regionCode?: string) => `/api/liaison/feedback-summary/file${toQuery({ year, regionCode: regionCode || undefined })}`,
  /** One cadre's form, for staff. */
  cadreFeedbackFileUrl: (cadreUserId: string, year: number, format: 'docx' | 'xlsx') =>
    `/api/liaison/feedback-summary/cadres/${encodeURIComponent(cadreUserId)}/file?year=${year}&format=${format}`,
  /** The masked profile of a figure assigned to the signed-in cadre (404 for any other). */
  figure: (id: number) => http.get<FigureDetail>(`/api/liaison/figures/${id}`),
  coverage: (regionCode?: string) => http.get<ContactCoverageView>('/api/liaison/coverage', { query: { regionCode: regionCode || undefined } }),
};

export const contactLogsApi = {
  list: (query: ContactLogQuery) => http.get<PagedOfContactLogItem>('/api/contact-logs', { query }),
  /** The contact logs as .xlsx (same filters and narrowing, no paging). */
  fileUrl: ({ figureId, cadreUserId, from, to }: ContactLogQuery) =>
    `/api/contact-logs/file${toQuery({ figureId, cadreUserId, from, to } satisfies ContactLogFileQuery)}`,
  get: (id: number) => http.get<ContactLogItem>(`/api/contact-logs/${id}`),
  create: (body: ContactLogInput) => http.post<ContactLogCreated>('/api/contact-logs', body),
  /** `body.version` must be the version that was read (409 when stale). */
  update: (id: number, body: ContactLogInput) => http.put<ContactLogItem>(`/api/contact-logs/${id}`, body),
  remove: (id: number) => http.del<void>(`/api/contact-logs/${id}`),
};
