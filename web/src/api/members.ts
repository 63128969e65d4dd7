import { http, send } from './http';
import type {
  ActivateRequest, ActivatedAccount, CorrectionCreated, CorrectionItem, CreateInvitationsRequest, DecideCorrectionRequest,
  BindWeChatRequest, ExportInvitationLinksRequest, InvitationCreated, InvitationPreview, InviteSelectionResult, WeChatBindingState, MyFigure, PagedOfCorrectionItem, PagedOfInvitationItem, ProposeCorrectionRequest,
  WithdrawalRequest,
} from './types';

export interface InvitationQuery { state?: string; figureId?: number; page?: number; pageSize?: number }
export interface CorrectionQuery { state?: string; kind?: string; regionCode?: string; page?: number; pageSize?: number }

/** Staff: invitations for figures to activate a member account, and the review of members' requests. */
export const invitationsApi = {
  create: (body: CreateInvitationsRequest) => http.post<InvitationCreated[]>('/api/invitations', body),
  /** Each figure of a selection invited or skipped (with why). */
  batch: (body: CreateInvitationsRequest) => http.post<InviteSelectionResult>('/api/invitations/batch', body),
  /** The links just made (name, link, expiry, QR code) as an .xlsx. */
  linksXlsx: async (body: ExportInvitationLinksRequest) => (await send('POST', '/api/invitations/links', { body })).blob(),
  list: (query: InvitationQuery) => http.get<PagedOfInvitationItem>('/api/invitations', { query }),
  revoke: (id: number) => http.post<void>(`/api/invitations/${id}/revoke`),
  /** The PNG of a link just made (the code itself is not kept by the server). */
  qrUrl: (link: string) => `/api/invitations/qr?url=${encodeURIComponent(link)}`,
  /** Anonymous: what the activation page shows. */
  preview: (code: string) => http.get<InvitationPreview>('/api/invitations/preview', { query: { code }, noAuthRedirect: true }),
  activate: (body: ActivateRequest) => http.post<ActivatedAccount>('/api/invitations/activate', body, { noAuthRedirect: true }),
};

export const correctionsApi = {
  list: (query: CorrectionQuery) => http.get<PagedOfCorrectionItem>('/api/corrections', { query }),
  approve: (id: number, body: DecideCorrectionRequest) => http.post<CorrectionItem>(`/api/corrections/${id}/approve`, body),
  reject: (id: number, body: DecideCorrectionRequest) => http.post<CorrectionItem>(`/api/corrections/${id}/reject`, body),
};

/** A member's own record (/api/me/…). */
export const meApi = {
  figure: () => http.get<MyFigure>('/api/me/figure'),
  corrections: () => http.get<CorrectionItem[]>('/api/me/corrections'),
  propose: (body: ProposeCorrectionRequest) => http.post<CorrectionCreated>('/api/me/corrections', body),
  withdraw: (body: WithdrawalRequest) => http.post<CorrectionCreated>('/api/me/withdrawal', body),
  exportUrl: '/api/me/export',
  wechat: () => http.get<WeChatBindingState>('/api/me/wechat'),
  bindWechat: (body: BindWeChatRequest) => http.post<WeChatBindingState>('/api/me/wechat', body),
  unbindWechat: () => http.del<void>('/api/me/wechat'),
};
