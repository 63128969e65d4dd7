import { describe, expect, it } from 'vitest';
import type { ExportJob } from '@/api/types';
import { exportStateText, followExport, isFinished, POLL_MS } from '@/views/figures/useFigureExport';

function job(over: Partial<ExportJob>): ExportJob {
  return {
    id: 'a1', state: 'queued', processedRows: 0, totalRows: 0, progress: 0, description: '全部', createdAt: '2026-11-23T08:00:00Z',
    finishedAt: null, expiresAt: null, downloadUrl: null, error: null, ...over,
  };
}

describe('followExport', () => {
  it('polls until the job is done, passing on every status', async () => {
    const answers = [
      job({ state: 'running', totalRows: 1000, processedRows: 0 }),
      job({ state: 'running', totalRows: 1000, processedRows: 400 }),
      job({ state: 'done', totalRows: 1000, processedRows: 1000, progress: 1, downloadUrl: '/api/export-jobs/a1/file' }),
    ];
    const loaded: string[] = [];
    const waits: number[] = [];
    const seen: number[] = [];
    const last = await followExport(job({}), async (id) => { loaded.push(id); return answers.shift()!; },
      (j) => seen.push(j.processedRows), () => false, async (ms) => { waits.push(ms); });
    expect(last?.state).toBe('done');
    expect(loaded).toEqual(['a1', 'a1', 'a1']);
    expect(waits).toEqual([POLL_MS, POLL_MS, POLL_MS]);
    expect(seen).toEqual([0, 0, 400, 1000]);
  });

  it('stops at a failure, and returns at once for a finished job', async () => {
    const failed = await followExport(job({}), async () => job({ state: 'failed', error: '导出失败，请稍后重试' }), () => {}, () => false, async () => {});
    expect(failed?.error).toBe('导出失败，请稍后重试');
    let loads = 0;
    const done = await followExport(job({ state: 'done' }), async () => { loads++; return job({}); }, () => {}, () => false, async () => {});
    expect(done?.state).toBe('done');
    expect(loads).toBe(0);
  });

  it('gives up quietly when the page is gone', async () => {
    let loads = 0;
    const result = await followExport(job({ state: 'running' }), async () => { loads++; return job({ state: 'running' }); },
      () => {}, () => true, async () => {});
    expect(result).toBeNull();
    expect(loads).toBe(0);
  });
});

describe('exportStateText', () => {
  it('says what the job is doing in Chinese', () => {
    expect(exportStateText(job({}))).toBe('排队等待中…');
    expect(exportStateText(job({ state: 'running' }))).toBe('正在准备…');
    expect(exportStateText(job({ state: 'running', processedRows: 2500, totalRows: 10000 }))).toBe('已写入 2500 / 10000 行');
    expect(exportStateText(job({ state: 'done', totalRows: 12, downloadUrl: '/x' }))).toBe('导出完成，共 12 条');
    expect(exportStateText(job({ state: 'done', totalRows: 12 }))).toBe('文件已过期清理');
    expect(exportStateText(job({ state: 'failed' }))).toBe('导出失败');
    expect(isFinished(job({ state: 'running' }))).toBe(false);
  });
});
