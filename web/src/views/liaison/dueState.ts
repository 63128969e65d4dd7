import type { DueState } from '@/api/types';

/** Element Plus tag type of a due state. */
export function stateTagType(state: DueState): 'success' | 'warning' | 'danger' {
  return state === 'overdue' ? 'danger' : state === 'dueSoon' ? 'warning' : 'success';
}

const RANK: Record<DueState, number> = { overdue: 0, dueSoon: 1, ok: 2 };

/** Overdue first, then due soon, then the rest; within a state the earliest due date first. */
export function byUrgency<T extends { state: DueState; nextDueOn: string | null; name: string }>(items: readonly T[]): T[] {
  return items.slice().sort((a, b) => RANK[a.state] - RANK[b.state]
    || (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999')
    || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Days from today (yyyy-MM-dd, local) to a date; negative when past. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
