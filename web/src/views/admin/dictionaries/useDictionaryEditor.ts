import { computed, onMounted, ref } from 'vue';
import { dictionariesApi } from '@/api/dictionaries';
import type { DictionaryEntry, DictionaryType } from '@/api/types';

/** An item as edited: aliases always a list (the tags input edits it in place). */
export type EditedEntry = Omit<DictionaryEntry, 'aliases'> & { aliases: string[] };
import { t } from '@/i18n';
import { useReferenceStore } from '@/stores/reference';
import { showError } from '@/utils/errors';

/** Null when the items may be saved, else the message. */
export function validateItems(items: Omit<DictionaryEntry, 'aliases'>[]): string | null {
  const seen = new Set<string>();
  for (const item of items) {
    if (!item.code.trim() || !item.label.trim()) return t('dictionaries.codeRequired');
    if (seen.has(item.code.trim())) return t('dictionaries.codeDuplicate', { code: item.code.trim() });
    seen.add(item.code.trim());
  }
  return null;
}

export function useDictionaryEditor() {
  const reference = useReferenceStore();
  const loading = ref(false);
  const saving = ref(false);
  const selected = ref<DictionaryType | null>(null);
  const items = ref<EditedEntry[]>([]);
  const original = ref('');
  const dirty = computed(() => JSON.stringify(items.value) !== original.value);

  async function load() {
    loading.value = true;
    try {
      await reference.loadDictionaries(true);
      if (!selected.value && reference.dictionaries.length) select(reference.dictionaries[0].type as DictionaryType, true);
      else if (selected.value) select(selected.value, true);
    } catch (e) {
      showError(e);
    } finally {
      loading.value = false;
    }
  }

  async function select(type: DictionaryType, force = false) {
    if (!force && dirty.value) {
      try {
        await ElMessageBox.confirm(t('dictionaries.discardConfirm'), t('common.confirmTitle'), { type: 'warning' });
      } catch {
        return;
      }
    }
    selected.value = type;
    const dict = reference.dictionaries.find((d) => d.type === type);
    items.value = (dict?.items ?? []).map((i) => ({ ...i, aliases: [...(i.aliases ?? [])] })).sort((a, b) => a.sortOrder - b.sortOrder);
    original.value = JSON.stringify(items.value);
  }

  function add() {
    const max = items.value.reduce((m, i) => Math.max(m, i.sortOrder), 0);
    items.value.push({ code: '', label: '', sortOrder: max + 10, isEnabled: true, aliases: [] });
  }

  async function remove(index: number) {
    try {
      await ElMessageBox.confirm(t('common.confirmDelete'), t('common.confirmTitle'), { type: 'warning' });
    } catch {
      return;
    }
    items.value.splice(index, 1);
  }

  async function save() {
    if (!selected.value) return;
    const problem = validateItems(items.value);
    if (problem) { ElMessage.error(problem); return; }
    saving.value = true;
    try {
      const body = items.value.map((i) => ({
        ...i, code: i.code.trim(), label: i.label.trim(), aliases: i.aliases.map((a) => a.trim()).filter((a) => a.length > 0),
      }));
      await dictionariesApi.update(selected.value, body);
      ElMessage.success(t('common.saved'));
      original.value = JSON.stringify(items.value);
      await load();
    } catch (e) {
      showError(e);
    } finally {
      saving.value = false;
    }
  }

  onMounted(load);
  return { reference, loading, saving, selected, items, dirty, select, add, remove, save };
}
