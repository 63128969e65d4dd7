import { describe, expect, it } from 'vitest';
import type { UnknownValue } from '@/api/importExport';
import { buildMappings, choiceKey, initialChoices } from '@/views/import/useImport';

const value = (column: string, v: string, suggestions: string[] = []): UnknownValue =>
  ({ column, type: column === '平台' ? 'platform' : 'category', value: v, rows: [2], rowCount: 1, suggestions });

describe('import mapping step', () => {
  it('pre-fills each word with its first suggestion and leaves words without one empty', () => {
    const values = [value('类别', '网红博主', ['bigv', 'anchor']), value('平台', '公号')];
    const choices = initialChoices(values);
    expect(choices[choiceKey(values[0])]).toBe('bigv');
    expect(choices[choiceKey(values[1])]).toBeUndefined();
  });

  it('sends {column: {word: code}} for the chosen words only', () => {
    const values = [value('类别', '网红博主'), value('类别', '大主播'), value('平台', '公号')];
    const choices = { [choiceKey(values[0])]: 'bigv', [choiceKey(values[2])]: 'wechat-mp' };
    expect(buildMappings(values, choices)).toEqual({ 类别: { 网红博主: 'bigv' }, 平台: { 公号: 'wechat-mp' } });
  });
});
