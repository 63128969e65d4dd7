import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { dictionariesApi } from '@/api/dictionaries';
import { regionsApi } from '@/api/regions';
import type { DictionaryGroup, DictionaryEntry, DictionaryType, RegionItem } from '@/api/types';
import { buildRegionTree } from '@/utils/regionTree';

/** Regions and dictionaries, loaded once and shared by filters, forms and tables. */
export const useReferenceStore = defineStore('reference', () => {
  const regions = ref<RegionItem[]>([]);
  const dictionaries = ref<DictionaryGroup[]>([]);
  let regionsPromise: Promise<void> | null = null;
  let dictionariesPromise: Promise<void> | null = null;

  const regionTree = computed(() => buildRegionTree(regions.value));
  const regionByCode = computed(() => new Map(regions.value.map((r) => [r.code, r])));

  function loadRegions(force = false) {
    if (!regionsPromise || force) {
      regionsPromise = regionsApi.list().then((list) => { regions.value = list; })
        .catch((e) => { regionsPromise = null; throw e; });
    }
    return regionsPromise;
  }

  function loadDictionaries(force = false) {
    if (!dictionariesPromise || force) {
      dictionariesPromise = dictionariesApi.list().then((list) => { dictionaries.value = list; })
        .catch((e) => { dictionariesPromise = null; throw e; });
    }
    return dictionariesPromise;
  }

  /** Enabled items of a dictionary, in sort order. */
  function items(type: DictionaryType): DictionaryEntry[] {
    const dict = dictionaries.value.find((d) => d.type === type);
    return (dict?.items ?? []).filter((i) => i.isEnabled).slice().sort((a, b) => a.sortOrder - b.sortOrder);
  }

  /**
   * Label of a code; the code itself when the dictionary does not know it (e.g. free text). Asking for a label loads
   * the dictionaries if no page has yet (a profile or detail opened directly showed raw codes); the label follows.
   */
  function label(type: DictionaryType, code: string | null | undefined): string {
    if (!code) return '—';
    if (!dictionariesPromise) loadDictionaries().catch(() => undefined);
    const dict = dictionaries.value.find((d) => d.type === type);
    return dict?.items.find((i) => i.code === code)?.label ?? code;
  }

  function regionName(code: string | null | undefined): string {
    if (!code) return '—';
    if (!regionsPromise) loadRegions().catch(() => undefined);
    return regionByCode.value.get(code)?.fullName ?? code;
  }

  return { regions, dictionaries, regionTree, loadRegions, loadDictionaries, items, label, regionName };
});
