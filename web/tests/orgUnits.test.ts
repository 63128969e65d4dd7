import { describe, expect, it } from 'vitest';
import { regionSubtree } from '@/utils/regionTree';
import { isPlausiblePhone } from '@/views/admin/orgUnits/rules';
import { filterUnits, kindLabel, parentCandidates } from '@/views/admin/orgUnits/useOrgUnitList';
import { firstPath, menu, visibleMenu } from '@/layout/menu';

const regions = [
  { code: '510500', parentCode: null },
  { code: '510502', parentCode: '510500' },
  { code: '510521', parentCode: '510500' },
  { code: '510521100', parentCode: '510521' },
  { code: '510600', parentCode: null },
];

describe('region subtree', () => {
  it('holds the root and everything below it', () => {
    expect([...regionSubtree(regions, '510521')!].sort()).toEqual(['510521', '510521100']);
    expect(regionSubtree(regions, '510500')!.size).toBe(4);
    expect(regionSubtree(regions, '')).toBeNull();
  });
});

describe('org units', () => {
  const units = [
    { id: 1, name: '泸州市委统战部', regionCode: '510500', parentId: null },
    { id: 2, name: '泸县工商联', regionCode: '510521', parentId: 1 },
    { id: 3, name: '泸县网络协会', regionCode: '510521100', parentId: 2 },
    { id: 4, name: '德阳市委统战部', regionCode: '510600', parentId: null },
  ];

  it('filters by name and region subtree', () => {
    expect(filterUnits(units, { name: '统战', regions: null }).map((u) => u.id)).toEqual([1, 4]);
    expect(filterUnits(units, { name: ' ', regions: regionSubtree(regions, '510521') }).map((u) => u.id)).toEqual([2, 3]);
    expect(filterUnits(units, { name: '协会', regions: regionSubtree(regions, '510600') })).toEqual([]);
  });

  it('offers neither the unit itself nor its descendants as parent', () => {
    expect(parentCandidates(units, 1).map((u) => u.id)).toEqual([4]);
    expect(parentCandidates(units, 2).map((u) => u.id)).toEqual([1, 4]);
    expect(parentCandidates(units, null)).toHaveLength(4);
  });

  it('labels kinds and keeps unknown ones', () => {
    expect(kindLabel('memberUnit')).toBe('成员单位');
    expect(kindLabel('x')).toBe('x');
  });

  it('accepts mobiles and landlines with area code', () => {
    for (const ok of ['', '13812345678', '+86 138 1234 5678', '0830-3123456', '(0830)3123456', '010-12345678-123']) {
      expect(isPlausiblePhone(ok), ok).toBe(true);
    }
    for (const bad of ['12345', '3123456', '1381234567', 'abc', '23812345678']) expect(isPlausiblePhone(bad), bad).toBe(false);
  });

  it('shows 组织机构 under 系统管理 to region admins only', () => {
    const can = (perms: string[]) => (p: unknown) => !p || (Array.isArray(p) ? p : [p]).some((x) => perms.includes(x));
    const admin = visibleMenu(menu, can(['regions.manage'])).find((i) => i.key === 'admin');
    expect(admin?.children?.map((c) => c.path)).toEqual(['/admin/regions', '/admin/org-units']);
    expect(firstPath(visibleMenu(menu, can(['users.manage'])))).toBe('/admin/users');
  });
});
