import { http } from './http';
import type { ExportJob, FigureQuery } from './types';

export const exportApi = {
  /** Starts an export of the list's filters (paging and order are the list's own); answers with the job. */
  start: (query: FigureQuery) => {
    const { page: _page, pageSize: _size, sort: _sort, ...filters } = query;
    return http.post<ExportJob>('/api/figures/export-jobs', undefined, { query: filters });
  },
  job: (id: string) => http.get<ExportJob>(`/api/export-jobs/${encodeURIComponent(id)}`),
  /** The signed-in user's exports of the last week, newest first. */
  recent: () => http.get<ExportJob[]>('/api/export-jobs'),
};
