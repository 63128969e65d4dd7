import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { nextTick } from 'vue';

const list = vi.fn();
vi.mock('@/api/dictionaries', () => ({ dictionariesApi: { list: () => list() } }));
vi.mock('@/api/regions', () => ({ regionsApi: { list: () => Promise.resolve([{ code: '510502', name: '江阳区', fullName: '四川省泸州市江阳区', parentCode: '510500', level: 3 }]) } }));

const { useReferenceStore } = await import('@/stores/reference');

describe('reference store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    list.mockReset();
    list.mockResolvedValue([{ type: 'organizationType', name: '单位类型', items: [{ code: 'company', label: '网络企业', isEnabled: true, sortOrder: 1 }] }]);
  });

  it('loads the dictionaries when a label is first asked for, so a page opened directly shows labels, not codes', async () => {
    const reference = useReferenceStore();
    expect(reference.label('organizationType', 'company')).toBe('company');
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(1));
    await nextTick();
    expect(reference.label('organizationType', 'company')).toBe('网络企业');
    reference.label('organizationType', 'mcn');
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('loads the regions when a region name is first asked for', async () => {
    const reference = useReferenceStore();
    expect(reference.regionName('510502')).toBe('510502');
    await vi.waitFor(() => expect(reference.regionName('510502')).toBe('四川省泸州市江阳区'));
  });
});
