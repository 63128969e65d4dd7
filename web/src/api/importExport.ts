import { http } from './http';
import type { DictionaryEntry, ImportBatchPage, ImportJob, ImportJobAccepted, ImportMapping, ImportReport } from './types';

export type { ImportBatch, ImportMapping, ImportReport, RowError, UnknownValue } from './types';

/** The commit's chosen codes: `{column as headed in the file: {word: code}}`. */
export type ValueMappings = Record<string, Record<string, string>>;

export type ImportMode = 'dryRun' | 'commit';

/** A small file answers with the report; a large one with a job to poll. */
export type ImportStart = { kind: 'report'; report: ImportReport } | { kind: 'job'; jobId: string };

export const importApi = {
  templateUrl: '/api/figures/import/template',
  async start(file: File, mode: ImportMode, mappings?: ValueMappings): Promise<ImportStart> {
    const form = new FormData();
    form.append('file', file, file.name);
    if (mappings && Object.keys(mappings).length) form.append('mappings', JSON.stringify(mappings));
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
  mappings: () => http.get<ImportMapping[]>('/api/import-mappings'),
  deleteMapping: (id: number) => http.del<void>(`/api/import-mappings/${id}`),
  /** “加入字典”: the word becomes an alias of the item (needs the dictionary permission). */
  addAlias: (type: string, code: string, alias: string) =>
    http.post<DictionaryEntry>(`/api/dictionaries/${encodeURIComponent(type)}/items/${encodeURIComponent(code)}/aliases`, { alias }),
};
