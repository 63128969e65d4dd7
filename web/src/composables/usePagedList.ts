import { reactive, ref, shallowRef } from 'vue';
import { showError } from '@/utils/errors';

export const PAGE_SIZES = [20, 50, 100];

export interface Page<T> { items: T[]; total: number; totalIsCapped?: boolean }

/**
 * Search form + paging for a list page. `fetcher` receives the filters with page and pageSize;
 * a newer request wins over a slower older one.
 */
export function usePagedList<T, F extends object>(fetcher: (query: F & { page: number; pageSize: number }) => Promise<Page<T>>, initial: () => F) {
  const filters = reactive(initial()) as F;
  const page = ref(1);
  const pageSize = ref(PAGE_SIZES[0]);
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const totalIsCapped = ref(false);
  const loading = ref(false);
  const loaded = ref(false);
  let seq = 0;

  function query(): F & { page: number; pageSize: number } {
    return { ...(filters as F), page: page.value, pageSize: pageSize.value };
  }

  async function load() {
    const mine = ++seq;
    loading.value = true;
    try {
      const result = await fetcher(query());
      if (mine !== seq) return;
      items.value = result.items;
      total.value = result.total;
      totalIsCapped.value = !!result.totalIsCapped;
    } catch (e) {
      if (mine === seq) showError(e);
    } finally {
      if (mine === seq) {
        loading.value = false;
        loaded.value = true;
      }
    }
  }

  /** New search: back to page 1. */
  function search() {
    page.value = 1;
    return load();
  }

  function reset() {
    Object.assign(filters as object, initial());
    return search();
  }

  function onPageChange(p: number) {
    page.value = p;
    return load();
  }

  function onSizeChange(size: number) {
    pageSize.value = size;
    page.value = 1;
    return load();
  }

  return { filters, page, pageSize, items, total, totalIsCapped, loading, loaded, query, load, search, reset, onPageChange, onSizeChange };
}
