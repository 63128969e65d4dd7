import { http } from './http';

// ================================================================================================
// HAND-WRITTEN TYPES — import/export endpoints are not in the server's OpenAPI document yet.
// Shapes follow docs/api-contract.md ("Import / export"). When the server publishes them:
// run `npm run gen:api`, replace this block with aliases in ./types.ts, and delete it here.
// ================================================================================================

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReport {
  mode: 'dryRun' | 'commit';
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportError[];
  unknownColumns: string[];
  batchId?: number | null;
  errorReportUrl?: string | null;
}

export interface ImportJobAccepted {
  jobId: string;
}

export interface ImportJob {
  state: 'queued' | 'running' | 'done' | 'failed';
  /** 0..1 */
  progress: number;
  processedRows: number;
  totalRows: number;
  report?: ImportReport | null;
}

export interface ImportBatch {
  id: number;
  fileName: string | null;
  at: string;
  userName: string | null;
  totalRows: number;
  created: number;
  updated: number;
  undoneAt: string | null;
}
// ============================== end of hand-written import/export types ==========================

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
  batches: async () => (await http.get<{ items: ImportBatch[]; total: number }>('/api/import-batches')).items,
  undo: (id: number) => http.post<void>(`/api/import-batches/${id}/undo`),
};
