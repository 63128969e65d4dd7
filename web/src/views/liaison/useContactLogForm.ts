import { reactive, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '@/api/http';
import { contactLogsApi } from '@/api/liaison';
import type { ContactLogInput, ContactLogItem } from '@/api/types';
import { useServerErrors } from '@/composables/useServerErrors';
import { today } from '@/utils/format';

export interface ContactLogModel {
  figureId: number | null;
  date: string;
  way: string;
  participants: string;
  summary: string;
  followUp: string;
}

const empty = (figureId: number | null): ContactLogModel => ({ figureId, date: today(), way: '', participants: '', summary: '', followUp: '' });

/** Open for a figure (new log, today's date) or for an existing log; save creates or updates (409 when stale). */
export function useContactLogForm() {
  const { t } = useI18n();
  const form = reactive<ContactLogModel>(empty(null));
  const editing = ref<ContactLogItem | null>(null);
  const saving = ref(false);
  /** The id of the log last saved (a new log's id, for its attachments). */
  const savedId = ref<number | null>(null);
  const errors = useServerErrors(['figureId', 'date', 'way', 'participants', 'summary', 'followUp'] as const);

  function openNew(figureId: number | null) {
    editing.value = null;
    Object.assign(form, empty(figureId));
    errors.clear();
  }

  function openEdit(log: ContactLogItem) {
    editing.value = log;
    Object.assign(form, {
      figureId: log.figureId, date: log.date, way: log.way, participants: log.participants ?? '', summary: log.summary, followUp: log.followUp ?? '',
    });
    errors.clear();
  }

  const text = (v: string) => v.trim() || null;

  /** Returns true when saved. */
  async function save(): Promise<boolean> {
    errors.clear();
    const body: ContactLogInput = {
      figureId: form.figureId, date: form.date || null, way: form.way || null, participants: text(form.participants),
      summary: text(form.summary), followUp: text(form.followUp), cadreUserId: editing.value?.cadreUserId ?? null, version: null,
    };
    saving.value = true;
    try {
      if (editing.value) savedId.value = (await contactLogsApi.update(editing.value.id, { ...body, version: editing.value.version })).id;
      else savedId.value = (await contactLogsApi.create(body)).id;
      ElMessage.success(t('liaison.log.saved'));
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) ElMessageBox.alert(t('common.conflict'), t('common.confirmTitle'), { type: 'warning' }).catch(() => undefined);
      else errors.handle(e);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { form, editing, saving, savedId, serverErrors: errors.serverErrors, openNew, openEdit, save };
}
