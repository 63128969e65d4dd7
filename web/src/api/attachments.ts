import { http } from './http';
import type { AttachmentItem, AttachmentList } from './types';

/** The records that carry attachments; each has the same routes under its own prefix. */
export type AttachmentOwner = 'contactLog' | 'helpRequest' | 'helpRequestStep' | 'taskReport';

const PREFIX: Record<AttachmentOwner, string> = {
  contactLog: '/api/contact-logs',
  helpRequest: '/api/help-requests',
  helpRequestStep: '/api/help-request-steps',
  taskReport: '/api/task-reports',
};

const base = (owner: AttachmentOwner, ownerId: number) => `${PREFIX[owner]}/${ownerId}/attachments`;

export const attachmentsApi = {
  list: (owner: AttachmentOwner, ownerId: number) => http.get<AttachmentList>(base(owner, ownerId)),
  upload(owner: AttachmentOwner, ownerId: number, file: File) {
    const form = new FormData();
    form.append('file', file, file.name);
    return http.post<AttachmentItem>(base(owner, ownerId), form);
  },
  remove: (owner: AttachmentOwner, ownerId: number, id: number) => http.del<void>(`${base(owner, ownerId)}/${id}`),
};

/** The server's defaults, used to check files chosen before the record exists (the server checks again). */
export const ATTACHMENT_DEFAULTS = {
  maxBytes: 20 * 1024 * 1024,
  maxCount: 10,
  accept: '.jpg,.jpeg,.png,.pdf,.docx,.xlsx,.txt',
};
