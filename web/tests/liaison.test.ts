import { describe, expect, it } from 'vitest';
import { firstPath, menu, visibleMenu } from '@/layout/menu';
import { byUrgency, daysUntil, stateTagType } from '@/views/liaison/dueState';
import type { DueState } from '@/api/types';

const item = (name: string, state: DueState, nextDueOn: string | null) => ({ name, state, nextDueOn });

describe('liaison due states', () => {
  it('orders overdue first, then due soon, then by due date', () => {
    const sorted = byUrgency([item('丙', 'ok', '2027-03-01'), item('乙', 'dueSoon', '2026-12-10'), item('甲', 'overdue', '2026-11-01'),
      item('丁', 'overdue', '2026-10-01'), item('戊', 'ok', null)]);
    expect(sorted.map((i) => i.name)).toEqual(['丁', '甲', '乙', '丙', '戊']);
  });
  it('colours states and counts days', () => {
    expect(stateTagType('overdue')).toBe('danger');
    expect(stateTagType('dueSoon')).toBe('warning');
    expect(stateTagType('ok')).toBe('success');
    expect(daysUntil('2026-12-20', '2026-12-06')).toBe(14);
    expect(daysUntil('2026-12-01', '2026-12-06')).toBe(-5);
  });
});

describe('liaison menu', () => {
  const visibleFor = (...perms: string[]) => visibleMenu(menu, (p) => !p || (Array.isArray(p) ? p : [p]).some((x) => perms.includes(x)));
  it('gives a cadre their figures and logs only, and lands them on their figures', () => {
    const visible = visibleFor('liaison.own', 'liaison.contacts.read', 'liaison.contacts.write');
    expect(visible.map((i) => i.key)).toEqual(['liaison']);
    expect(visible[0].children!.map((c) => c.key)).toEqual(['my-figures', 'contact-logs', 'feedback']);
    expect(firstPath(visible)).toBe('/liaison/mine');
  });
  it('gives staff the assignments and the due list', () => {
    const visible = visibleFor('figures.read', 'liaison.read', 'liaison.manage', 'liaison.contacts.read');
    expect(visible.find((i) => i.key === 'liaison')!.children!.map((c) => c.key)).toEqual(['contact-logs', 'assignments', 'due', 'feedback-summary']);
  });
});
