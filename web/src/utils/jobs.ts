/** Percentage from a background job: uses rows when known, else `progress` as a fraction (≤1) or a percentage. */
export function jobPercent(job: { progress: number; processedRows: number; totalRows: number }): number {
  if (job.totalRows > 0) return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
  const p = job.progress <= 1 ? job.progress * 100 : job.progress;
  return Math.max(0, Math.min(100, Math.round(p)));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
