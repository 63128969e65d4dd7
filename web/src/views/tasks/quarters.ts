import type { PlanTaskItem, TaskReportItem, UnitRef } from '@/api/types';
import { t } from '@/i18n';
import zhCN from '@/i18n/zh-CN';

/** "2026Q4" for a date, by the China calendar (the server's quarters are China-time too). */
export function quarterOf(date: Date = new Date()): string {
  const local = new Date(date.getTime() + 8 * 3600 * 1000);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

export function quartersOf(year: number): string[] {
  return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
}

/** The quarter as people read it: 2026年第4季度. */
export function quarterLabel(quarter: string): string {
  return t('tasks.quarterLabel', { year: quarter.slice(0, 4), q: quarter.slice(5) });
}

/** Quarters a unit may report for in the "my tasks" page: this year's up to now and last year's, newest first. */
export function reportableQuarters(current: string = quarterOf()): string[] {
  const year = Number(current.slice(0, 4));
  return [...quartersOf(year - 1), ...quartersOf(year)].filter((q) => q <= current).reverse();
}

/** Units of a task, lead first. */
export function unitsOf(task: PlanTaskItem): UnitRef[] {
  return [task.leadUnit, ...task.coUnits.filter((u) => u.id !== task.leadUnit.id)];
}

export type CellState = 'reported' | 'missing' | 'future';

/** A unit's cell in a quarter column: its report, or missing when the quarter has begun, or not due yet. */
export function cellOf(task: PlanTaskItem, unitId: number, quarter: string, current: string = quarterOf()):
  { state: CellState; report?: TaskReportItem } {
  const report = task.reports.find((r) => r.unitId === unitId && r.quarter === quarter);
  if (report) return { state: 'reported', report };
  return { state: quarter <= current ? 'missing' : 'future' };
}

/** The deadline as the plan wrote it, else the date. */
export function deadlineOf(task: { deadline?: string | null; deadlineText?: string | null }): string {
  return task.deadlineText || task.deadline || '—';
}

/**
 * A unit's name without its region's own name, for the narrow quarter cells: "泸州市委网信办" in 四川省泸州市 is
 * "市委网信办". Names that do not start with the region's name stay whole.
 */
export function shortUnitName(name: string, regionFullName: string | null | undefined): string {
  // The region's own name without its province and its level's suffix (市, 区, 县…, listed with the zh-CN messages).
  // Region names are Chinese whatever the interface language: the zh-CN words, not the current locale's.
  const province = zhCN.tasks.provinceSuffix;
  const withinProvince = regionFullName ? regionFullName.slice(regionFullName.indexOf(province) + 1) : '';
  const suffix = zhCN.tasks.regionSuffixes.split('|').find((x) => withinProvince.endsWith(x));
  const local = suffix ? withinProvince.slice(0, -suffix.length) : undefined;
  return local && name.startsWith(local) && name.length > local.length + 2 ? name.slice(local.length) : name;
}
