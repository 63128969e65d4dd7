import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { exportApi } from '@/api/exports';
import type { ExportJob, FigureQuery } from '@/api/types';
import { t } from '@/i18n';
import { downloadUrl } from '@/utils/download';
import { errorMessage } from '@/utils/errors';
import { jobPercent, sleep } from '@/utils/jobs';

export const POLL_MS = 1000;

export function isFinished(job: ExportJob): boolean {
  return job.state === 'done' || job.state === 'failed';
}

/** One line for a job: waiting, rows written of the total, the count when done, or why it failed. */
export function exportStateText(job: ExportJob): string {
  switch (job.state) {
    case 'queued': return t('export.queued');
    case 'running': return job.totalRows > 0
      ? t('export.progress', { processed: job.processedRows, total: job.totalRows })
      : t('export.preparing');
    case 'done': return job.downloadUrl ? t('export.doneSummary', { n: job.totalRows }) : t('export.expired');
    default: return job.error || t('export.failed');
  }
}

/**
 * Polls a job until it is done or failed, handing each status to `onUpdate`; null when `stopped()` says the
 * page is gone. `load` and `wait` are parameters so that the loop can be tested without a server or a clock.
 */
export async function followExport(
  first: ExportJob,
  load: (id: string) => Promise<ExportJob>,
  onUpdate: (job: ExportJob) => void,
  stopped: () => boolean,
  wait: (ms: number) => Promise<void> = sleep,
): Promise<ExportJob | null> {
  let job = first;
  onUpdate(job);
  while (!isFinished(job)) {
    await wait(POLL_MS);
    if (stopped()) return null;
    job = await load(job.id);
    onUpdate(job);
  }
  return job;
}

/** The export dialog: starts a background export of the list's filters, shows its progress and the user's recent exports. */
export function useFigureExport() {
  const visible = ref(false);
  const starting = ref(false);
  const job = shallowRef<ExportJob | null>(null);
  const percent = ref(0);
  const failure = ref('');
  const recent = shallowRef<ExportJob[]>([]);
  let stopped = false;

  async function loadRecent() {
    try {
      recent.value = await exportApi.recent();
    } catch (e) {
      failure.value = errorMessage(e);
    }
  }

  function show(j: ExportJob) {
    job.value = j;
    percent.value = isFinished(j) && j.state === 'done' ? 100 : jobPercent(j);
  }

  async function start(query: FigureQuery) {
    visible.value = true;
    starting.value = true;
    failure.value = '';
    job.value = null;
    percent.value = 0;
    try {
      const started = await exportApi.start(query);
      starting.value = false;
      loadRecent();
      const finished = await followExport(started, exportApi.job, show, () => stopped);
      if (finished) loadRecent();
    } catch (e) {
      failure.value = errorMessage(e);
    } finally {
      starting.value = false;
    }
  }

  /** Opens the dialog on the list of recent exports without starting one. */
  function open() {
    visible.value = true;
    failure.value = '';
    loadRecent();
  }

  function download(j: ExportJob) {
    if (j.downloadUrl) downloadUrl(j.downloadUrl);
  }

  onBeforeUnmount(() => { stopped = true; });

  return { visible, starting, job, percent, failure, recent, start, open, download, loadRecent };
}
