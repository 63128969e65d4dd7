import { computed, onMounted, reactive, ref } from 'vue';
import { orgUnitsApi } from '@/api/orgUnits';
import type { OrgUnitItem, OrgUnitKind } from '@/api/types';
import { t } from '@/i18n';
import { useReferenceStore } from '@/stores/reference';
import { showError } from '@/utils/errors';
import { regionSubtree } from '@/utils/regionTree';

/** i18n keys of OrgUnitItem.kind, in the order the form offers them. */
export const kindOptions: { value: OrgUnitKind; label: string }[] = [
  { value: 'department', label: 'orgUnit.kindDepartment' },
  { value: 'memberUnit', label: 'orgUnit.kindMemberUnit' },
  { value: 'association', label: 'orgUnit.kindAssociation' },
  { value: 'other', label: 'orgUnit.kindOther' },
];

export function kindLabel(kind: string): string {
  const found = kindOptions.find((k) => k.value === kind);
  return found ? t(found.label) : kind;
}

export interface OrgUnitFilter {
  name: string;
  /** Region codes a unit may sit in; null for no limit. */
  regions: Set<string> | null;
}

/** Units whose name contains the filter and whose region is in the chosen subtree. */
export function filterUnits<T extends Pick<OrgUnitItem, 'name' | 'regionCode'>>(units: T[], filter: OrgUnitFilter): T[] {
  const name = filter.name.trim();
  return units.filter((u) => (!name || u.name.includes(name)) && (!filter.regions || filter.regions.has(u.regionCode)));
}

/** Units that may be the parent of `selfId`: all but the unit itself and the units below it (no cycles). */
export function parentCandidates<T extends Pick<OrgUnitItem, 'id' | 'parentId'>>(units: T[], selfId: number | null | undefined): T[] {
  if (selfId == null) return units;
  const excluded = new Set<number>([selfId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId != null && excluded.has(u.parentId) && !excluded.has(u.id)) {
        excluded.add(u.id);
        grew = true;
      }
    }
  }
  return units.filter((u) => !excluded.has(u.id));
}

export function useOrgUnitList() {
  const reference = useReferenceStore();
  const units = ref<OrgUnitItem[]>([]);
  const loading = ref(false);
  const loaded = ref(false);
  const filters = reactive({ name: '', regionCode: '' as string | null });

  const unitById = computed(() => new Map(units.value.map((u) => [u.id, u])));
  const items = computed(() => filterUnits(units.value, {
    name: filters.name,
    regions: regionSubtree(reference.regions, filters.regionCode),
  }));
  const filtered = computed(() => !!filters.name.trim() || !!filters.regionCode);

  async function load() {
    loading.value = true;
    try {
      const [list] = await Promise.all([orgUnitsApi.list(), reference.loadRegions()]);
      units.value = list;
      loaded.value = true;
    } catch (e) {
      showError(e);
    } finally {
      loading.value = false;
    }
  }

  function reset() {
    filters.name = '';
    filters.regionCode = '';
  }

  function parentName(unit: OrgUnitItem): string | null {
    return unit.parentId == null ? null : unitById.value.get(unit.parentId)?.name ?? null;
  }

  async function remove(unit: OrgUnitItem) {
    try {
      await ElMessageBox.confirm(t('orgUnit.deleteConfirm', { name: unit.name }), t('common.confirmTitle'), {
        type: 'warning', confirmButtonText: t('common.delete'), confirmButtonClass: 'el-button--danger',
        cancelButtonText: t('common.cancel'),
      });
    } catch {
      return;
    }
    try {
      await orgUnitsApi.remove(unit.id);
      ElMessage.success(t('common.deleted'));
      await load();
    } catch (e) {
      // 409: the server says why (该单位下还有用户/下级单位，不能删除).
      showError(e);
    }
  }

  onMounted(load);
  return { units, items, loading, loaded, filters, filtered, load, reset, parentName, remove };
}
