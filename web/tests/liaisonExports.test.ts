import { describe, expect, it } from 'vitest';
import { contactLogsApi, liaisonApi } from '@/api/liaison';

describe('liaison export urls', () => {
  it('carry the list filters without paging or empty values', () => {
    expect(contactLogsApi.fileUrl({ figureId: 7, cadreUserId: '', from: '2026-01-01', to: '', page: 2, pageSize: 50 }))
      .toBe('/api/contact-logs/file?figureId=7&from=2026-01-01');
    expect(liaisonApi.assignmentsFileUrl({ cadreUserId: 'u1', active: '', page: 3 })).toBe('/api/liaison/assignments/file?cadreUserId=u1');
    expect(liaisonApi.assignmentsFileUrl({ active: false })).toBe('/api/liaison/assignments/file?active=false');
    expect(liaisonApi.myFiguresFileUrl()).toBe('/api/liaison/my-figures/file');
  });
});
