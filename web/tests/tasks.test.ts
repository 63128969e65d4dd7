import { describe, expect, it } from 'vitest';
import { firstPath, menu, visibleMenu } from '@/layout/menu';
import { cellOf, deadlineOf, quarterLabel, quarterOf, reportableQuarters, shortUnitName, unitsOf } from '@/views/tasks/quarters';
import type { PlanTaskItem } from '@/api/types';

const task: PlanTaskItem = {
  id: 1, seq: 1, title: '建立名册', leadUnit: { id: 10, name: '网信办' }, coUnits: [{ id: 11, name: '宣传部' }],
  deadline: '2026-06-30', deadlineText: null, target: null, overdue: false, version: 0,
  reports: [{ id: 5, unitId: 10, quarter: '2026Q3', percent: 80, text: '已建立', reportedAt: '2026-09-30T00:00:00Z', reportedBy: 'unit', version: 0 }],
};

describe('task plan quarters', () => {
  it('names quarters by the China calendar', () => {
    expect(quarterOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027Q1');
    expect(quarterOf(new Date('2026-10-01T00:00:00Z'))).toBe('2026Q4');
    expect(quarterLabel('2026Q4')).toBe('2026年第4季度');
    expect(reportableQuarters('2026Q2')).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2', '2025Q1']);
  });

  it('marks a unit cell reported, missing once the quarter has begun, or not yet due', () => {
    expect(unitsOf(task).map((u) => u.id)).toEqual([10, 11]);
    expect(cellOf(task, 10, '2026Q3', '2026Q4').report?.percent).toBe(80);
    expect(cellOf(task, 11, '2026Q3', '2026Q4').state).toBe('missing');
    expect(cellOf(task, 11, '2027Q1', '2026Q4').state).toBe('future');
    expect(deadlineOf({ deadline: '2026-06-30', deadlineText: '2026年6月底' })).toBe('2026年6月底');
    expect(deadlineOf({ deadline: null, deadlineText: null })).toBe('—');
    expect(shortUnitName('泸州市委网信办', '四川省泸州市')).toBe('市委网信办');
    expect(shortUnitName('江阳区教育局', '四川省泸州市江阳区')).toBe('江阳区教育局');
    expect(shortUnitName('市教育局', '四川省泸州市')).toBe('市教育局');
  });

  it('gives a member unit its tasks page and staff the plans', () => {
    const can = (perms: string[]) => (p: unknown) => !p || (Array.isArray(p) ? p : [p]).some((x) => perms.includes(x));
    const unit = visibleMenu(menu, can(['tasks.read', 'tasks.report', 'tasks.own']));
    expect(unit.map((i) => i.key)).toEqual(['my-tasks']);
    expect(firstPath(unit)).toBe('/my-tasks');
    const leader = visibleMenu(menu, can(['tasks.read', 'tasks.overview']));
    expect(leader.map((i) => i.key)).toEqual(['task-plans']);
  });
});
