import { http } from './http';
import type { ImportBatchPage, ImportJob, ImportJobAccepted, ImportReport } from './types';

export type { ImportBatch, ImportReport, RowError } from './types';

export type ImportMode = 'dryRun' | 'commit';

/** A small file answers with the report; a large one with a job to poll. */
export type ImportStart = { kind: 'report'; report: ImportReport } | { kind: 'job'; jobId: string };

export const importApi = {
  templateUrl: '/api/figures/import/template',
  async start(file: File, mode: ImportMode): Promise<ImportStart> {
    const form = new FormData();
    form.append('file', file, file.name);
    const { status, data } = await http.postWithStatus<ImportReport | ImportJobAccepted>(
      '/api/figures/import', form, { query: { mode } });
    return status === 202
      ? { kind: 'job', jobId: (data as ImportJobAccepted).jobId }
      : { kind: 'report', report: data as ImportReport };
  },
  job: (id: string) => http.get<ImportJob>(`/api/import-jobs/${encodeURIComponent(id)}`),
  // The API pages the batches ({ items, total }); the wizard shows the newest page.
  batches: async () => (await http.get<ImportBatchPage>('/api/import-batches')).items,
  undo: (id: number) => http.post<void>(`/api/import-batches/${id}/undo`),
};
