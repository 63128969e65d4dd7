import { onMounted, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { figuresApi } from '@/api/figures';
import type { FigureQuery, FigureSort, FigureStatus, FollowerTier } from '@/api/types';
import { usePagedList } from '@/composables/usePagedList';

export interface FigureFilters {
  q: string;
  regionCode: string;
  category: string;
  keyLevel: string;
  platform: string;
  followerTier: FollowerTier | '';
  tag: string;
  status: FigureStatus | 'all';
  sort: FigureSort;
}

const blank = (): FigureFilters => ({
  q: '', regionCode: '', category: '', keyLevel: '', platform: '', followerTier: '', tag: '', status: 'active', sort: 'name',
});

export const followerTiers: { value: FollowerTier; label: string }[] = [
  { value: '10k', label: 'figure.tier10k' },
  { value: '100k', label: 'figure.tier100k' },
  { value: '1m', label: 'figure.tier1m' },
  { value: '10m', label: 'figure.tier10m' },
];

export const statusOptions: { value: FigureStatus | 'all'; label: string }[] = [
  { value: 'active', label: 'figure.statusActive' },
  { value: 'left', label: 'figure.statusLeft' },
  { value: 'transferred', label: 'figure.statusTransferred' },
  { value: 'all', label: 'common.all' },
];

/**
 * The list's last query (search, filters, page), kept for the session so that 返回 on a profile or a form returns
 * to the list as it was left rather than to its first page.
 */
export const lastListQuery = ref<Record<string, string>>({});

/** The list's route with its last query. */
export const listRoute = () => ({ path: '/figures', query: lastListQuery.value });

export const statusLabel: Record<string, string> = {
  active: 'figure.statusActive',
  left: 'figure.statusLeft',
  transferred: 'figure.statusTransferred',
};

/** Search form, paging and sorting of the figure list; the filters live in the URL query. */
export function useFigureList() {
  const route = useRoute();
  const router = useRouter();
  const list = usePagedList((query: FigureQuery) => figuresApi.list(query), blank);

  function fromUrl() {
    const q = route.query;
    lastListQuery.value = Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const f = list.filters as FigureFilters;
    for (const key of Object.keys(blank()) as (keyof FigureFilters)[]) {
      if (typeof q[key] === 'string') (f as unknown as Record<string, string>)[key] = q[key] as string;
    }
    if (typeof q.page === 'string') list.page.value = Math.max(1, Number(q.page) || 1);
    if (typeof q.pageSize === 'string' && [20, 50, 100].includes(Number(q.pageSize))) list.pageSize.value = Number(q.pageSize);
  }

  function toUrl() {
    const defaults = blank() as unknown as Record<string, string>;
    const query: Record<string, string> = {};
    for (const [key, value] of Object.entries(list.filters as FigureFilters)) {
      if (value && value !== defaults[key]) query[key] = String(value);
    }
    if (list.page.value > 1) query.page = String(list.page.value);
    if (list.pageSize.value !== 20) query.pageSize = String(list.pageSize.value);
    lastListQuery.value = query;
    router.replace({ query });
  }

  async function search() { await list.search(); toUrl(); }
  async function reset() { await list.reset(); toUrl(); }
  async function onPageChange(p: number) { await list.onPageChange(p); toUrl(); }
  async function onSizeChange(s: number) { await list.onSizeChange(s); toUrl(); }

  function onSortChange({ prop, order }: { prop: string | null; order: 'ascending' | 'descending' | null }) {
    const f = list.filters as FigureFilters;
    if (!order || !prop) f.sort = 'name';
    else if (prop === 'maxFollowers') f.sort = '-followers';
    else if (prop === 'enrolledOn') f.sort = '-enrolledOn';
    else if (prop === 'regionName') f.sort = 'region';
    else f.sort = 'name';
    return search();
  }

  onMounted(() => {
    fromUrl();
    list.load();
  });

  return { ...list, search, reset, onPageChange, onSizeChange, onSortChange };
}
