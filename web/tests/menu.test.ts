import { describe, expect, it } from 'vitest';
import { firstPath, menu, visibleMenu } from '@/layout/menu';
import { checkImportFile, importProgressText, jobPercent } from '@/views/import/useImport';
import { validateItems } from '@/views/admin/dictionaries/useDictionaryEditor';
import { buildRegionTree } from '@/utils/regionTree';

describe('menu by permission', () => {
  it('shows only permitted items and drops empty groups', () => {
    const perms = new Set(['figures.read', 'dashboard.read']);
    const visible = visibleMenu(menu, (p) => !p || (Array.isArray(p) ? p : [p]).some((x) => perms.has(x)));
    expect(visible.map((i) => i.key)).toEqual(['dashboard', 'figures']);
    expect(visible[1].children!.map((c) => c.key)).toEqual(['figure-list']);
    expect(firstPath(visible)).toBe('/dashboard');
  });

  it('shows the notices page to those who publish notices', () => {
    const visible = visibleMenu(menu, (p) => p === 'notices.publish');
    expect(visible.map((i) => i.key)).toEqual(['notices']);
    expect(firstPath(visible)).toBe('/notices');
  });
});

describe('help-request menu', () => {
  const visibleFor = (...granted: string[]) =>
    visibleMenu(menu, (p) => !p || (Array.isArray(p) ? p : [p]).some((x) => granted.includes(x)));

  it('gives a member unit its inbox only, and staff the board and statistics', () => {
    const unit = visibleFor('help-requests.view', 'help-requests.reply');
    expect(unit.map((i) => i.key)).toEqual(['requests']);
    expect(unit[0].children!.map((c) => c.key)).toEqual(['request-inbox']);
    expect(firstPath(unit)).toBe('/requests/inbox');
    const staff = visibleFor('help-requests.view', 'help-requests.read', 'help-requests.create', 'help-requests.handle');
    expect(staff.find((i) => i.key === 'requests')!.children!.map((c) => c.key)).toEqual(['request-board', 'request-stats']);
  });
});

describe('import helpers', () => {
  it('refuses .xls with the save-as message and other files', () => {
    expect(checkImportFile('名单.xls', 100)).toBe('请另存为 .xlsx');
    expect(checkImportFile('名单.csv', 100)).toBe('请选择 .xlsx 格式的 Excel 文件');
    expect(checkImportFile('名单.XLSX', 100)).toBeNull();
  });

  it('computes job progress from rows or from the progress field', () => {
    expect(jobPercent({ progress: 0, processedRows: 2500, totalRows: 10000 })).toBe(25);
    expect(jobPercent({ progress: 0.4, processedRows: 0, totalRows: 0 })).toBe(40);
    expect(jobPercent({ progress: 75, processedRows: 0, totalRows: 0 })).toBe(75);
  });

  it('says when a commit has read every row and is finishing', () => {
    const job = (state: string, processedRows: number) => ({ state, processedRows, totalRows: 6000 });
    expect(importProgressText(job('running', 3000), 'commit')).toBe('已处理 3000 / 6000 行');
    expect(importProgressText(job('running', 6000), 'commit')).toBe('已处理全部 6000 行，正在写入检索索引并提交…');
    expect(importProgressText(job('running', 6000), 'dryRun')).toBe('已处理 6000 / 6000 行');
    expect(importProgressText(job('queued', 0), 'commit')).toBe('已处理 0 / 6000 行');
  });
});

describe('dictionary items', () => {
  it('refuses blank and duplicate codes', () => {
    expect(validateItems([{ code: 'a', label: 'A', sortOrder: 1, isEnabled: true }])).toBeNull();
    expect(validateItems([{ code: '', label: 'A', sortOrder: 1, isEnabled: true }])).toMatch(/不能为空/);
    expect(validateItems([
      { code: 'a', label: 'A', sortOrder: 1, isEnabled: true },
      { code: 'a', label: 'B', sortOrder: 2, isEnabled: true },
    ])).toMatch(/a/);
  });
});

describe('region tree', () => {
  it('nests regions under their parents', () => {
    const tree = buildRegionTree([
      { code: '510500', name: '泸州市', fullName: '四川省泸州市', parentCode: null, level: 2 },
      { code: '510503', name: '纳溪区', fullName: '四川省泸州市纳溪区', parentCode: '510500', level: 3 },
      { code: '510502', name: '江阳区', fullName: '四川省泸州市江阳区', parentCode: '510500', level: 3 },
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0].children!.map((c) => c.label)).toEqual(['江阳区', '纳溪区']);
  });
});
