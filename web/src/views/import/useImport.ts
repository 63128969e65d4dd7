import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';
import { ApiError } from '@/api/http';
import { importApi, type ImportMode, type ValueMappings } from '@/api/importExport';
import type { ImportBatch, ImportMapping, ImportReport, UnknownValue } from '@/api/importExport';
import { t } from '@/i18n';
import { errorMessage, showError } from '@/utils/errors';
import { jobPercent } from '@/utils/jobs';

export const MAX_FILE_MB = 50;
const POLL_MS = 1000;

/** Null when the file may be uploaded, else the message (checked by name here; the server checks content). */
export function checkImportFile(name: string, size: number): string | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xls')) return t('import.xlsNotSupported');
  if (!lower.endsWith('.xlsx')) return t('import.notXlsx');
  if (size > MAX_FILE_MB * 1024 * 1024) return t('import.tooLarge', { mb: MAX_FILE_MB });
  return null;
}

export { jobPercent } from '@/utils/jobs';

/** The key of one unknown word in the wizard's choices. */
export const choiceKey = (u: { column: string; value: string }) => `${u.column}\u0001${u.value}`;

/** The first suggestion of each unknown word, as the wizard pre-fills its select. */
export function initialChoices(values: UnknownValue[]): Record<string, string> {
  const choices: Record<string, string> = {};
  for (const u of values) if (u.suggestions.length) choices[choiceKey(u)] = u.suggestions[0];
  return choices;
}

/** The commit's `mappings` field: `{column: {word: code}}` for every word with a chosen code. */
export function buildMappings(values: UnknownValue[], choices: Record<string, string>): ValueMappings {
  const result: ValueMappings = {};
  for (const u of values) {
    const code = choices[choiceKey(u)];
    if (!code) continue;
    (result[u.column] ??= {})[u.value] = code;
  }
  return result;
}

/**
 * The line under the progress bar. A commit's last step, after every row is read (the search keys merged
 * into the index, then the commit), can take a while on a large registry: say so rather than sit at 100%.
 */
export function importProgressText(job: { state: string; processedRows: number; totalRows: number }, mode: ImportMode | null): string {
  if (mode === 'commit' && job.state === 'running' && job.totalRows > 0 && job.processedRows >= job.totalRows)
    return t('import.finishing', { total: job.totalRows });
  return t('import.progress', { processed: job.processedRows, total: job.totalRows });
}

export function useImport() {
  const step = ref(0);
  const file = shallowRef<File | null>(null);
  const fileError = ref('');
  const running = ref(false);
  const runningMode = ref<ImportMode | null>(null);
  const percent = ref<number | null>(null);
  const progressText = ref('');
  const dryRun = shallowRef<ImportReport | null>(null);
  const result = shallowRef<ImportReport | null>(null);
  const failure = ref('');
  const batches = shallowRef<ImportBatch[]>([]);
  const batchesLoading = ref(false);
  /** The server answers 404 for the import endpoints (not installed on this server yet). */
  const unavailable = ref(false);
  let stopped = false;

  /** The code chosen for each unknown word (choiceKey → code), pre-filled with the first suggestion. */
  const choices = ref<Record<string, string>>({});
  /** Words added to the dictionary as aliases in this wizard (choiceKey). */
  const added = ref<Set<string>>(new Set());
  const mappings = shallowRef<ImportMapping[]>([]);
  const mappingsLoading = ref(false);

  const unknownValues = computed<UnknownValue[]>(() => dryRun.value?.unknownValues ?? []);
  const unmapped = computed(() => unknownValues.value.filter((u) => !choices.value[choiceKey(u)]).length);
  const canCommit = computed(() => !!dryRun.value && dryRun.value.errorCount === 0 && unmapped.value === 0 && !running.value);

  function choose(f: File | null) {
    file.value = null;
    fileError.value = '';
    dryRun.value = null;
    result.value = null;
    failure.value = '';
    if (!f) return;
    const problem = checkImportFile(f.name, f.size);
    if (problem) { fileError.value = problem; return; }
    file.value = f;
  }

  async function waitForJob(jobId: string): Promise<ImportReport> {
    for (;;) {
      if (stopped) throw new Error('stopped');
      const job = await importApi.job(jobId);
      percent.value = jobPercent(job);
      progressText.value = importProgressText(job, runningMode.value);
      if (job.state === 'done' && job.report) return job.report;
      if (job.state === 'failed') {
        if (job.report) return job.report;
        throw new Error(t('import.failed'));
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  async function run(mode: ImportMode, chosen?: ValueMappings): Promise<ImportReport | null> {
    if (!file.value) return null;
    running.value = true;
    runningMode.value = mode;
    percent.value = null;
    progressText.value = '';
    failure.value = '';
    try {
      const started = await importApi.start(file.value, mode, chosen);
      return started.kind === 'report' ? started.report : await waitForJob(started.jobId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        unavailable.value = true;
        failure.value = t('import.unavailable');
      } else {
        failure.value = e instanceof Error && e.message === t('import.failed') ? e.message : errorMessage(e);
      }
      return null;
    } finally {
      running.value = false;
      runningMode.value = null;
    }
  }

  async function check() {
    const report = await run('dryRun');
    if (report) {
      dryRun.value = report;
      choices.value = initialChoices(report.unknownValues);
      added.value = new Set();
      step.value = 1;
    }
  }

  async function commit() {
    if (!canCommit.value) return;
    const report = await run('commit', buildMappings(unknownValues.value, choices.value));
    if (report) {
      result.value = report;
      if (report.errorCount) dryRun.value = { ...report, unknownValues: [] };
      else step.value = 2;
      loadBatches();
      loadMappings();
    }
  }

  function restart() {
    step.value = 0;
    choices.value = {};
    choose(null);
  }

  async function loadBatches() {
    batchesLoading.value = true;
    try {
      batches.value = await importApi.batches();
      unavailable.value = false;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) unavailable.value = true;
      else showError(e);
    } finally {
      batchesLoading.value = false;
    }
  }

  async function undo(batch: ImportBatch) {
    try {
      await ElMessageBox.confirm(t('import.undoConfirm'), t('common.confirmTitle'), { type: 'warning' });
    } catch {
      return;
    }
    try {
      await importApi.undo(batch.id);
      ElMessage.success(t('import.undone'));
      loadBatches();
    } catch (e) {
      showError(e);
    }
  }

  async function loadMappings() {
    mappingsLoading.value = true;
    try {
      mappings.value = await importApi.mappings();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) showError(e);
    } finally {
      mappingsLoading.value = false;
    }
  }

  async function forget(m: ImportMapping) {
    try {
      await ElMessageBox.confirm(t('import.forgetConfirm', { value: m.value, label: m.codeLabel }), t('common.confirmTitle'), { type: 'warning' });
    } catch {
      return;
    }
    try {
      await importApi.deleteMapping(m.id);
      ElMessage.success(t('import.forgotten'));
      loadMappings();
    } catch (e) {
      showError(e);
    }
  }

  /** “加入字典”: the word becomes an alias of the chosen item, for every office's later imports. */
  async function addToDictionary(u: UnknownValue, label: string) {
    const code = choices.value[choiceKey(u)];
    if (!code) return;
    try {
      await importApi.addAlias(u.type, code, u.value);
      added.value = new Set([...added.value, choiceKey(u)]);
      ElMessage.success(t('import.addedToDictionary', { value: u.value, label }));
    } catch (e) {
      showError(e);
    }
  }

  onMounted(() => { loadBatches(); loadMappings(); });
  onBeforeUnmount(() => { stopped = true; });

  return {
    step, file, fileError, running, runningMode, percent, progressText, dryRun, result, failure, canCommit,
    batches, batchesLoading, unavailable, choose, check, commit, restart, loadBatches, undo,
    choices, added, unknownValues, unmapped, mappings, mappingsLoading, loadMappings, forget, addToDictionary,
  };
}
