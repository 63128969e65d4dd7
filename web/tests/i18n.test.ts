import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '@/i18n/zh-CN';
import en from '@/i18n/en';
import { PERMISSIONS } from '@/api/types';

function flatten(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') flatten(value, path).forEach((v, k) => out.set(k, v));
    else out.set(path, value);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sourceFiles(path);
    return /\.(vue|ts)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const zhKeys = flatten(zhCN);
const namespaces = Object.keys(zhCN);
// Any single-quoted 'namespace.key' literal in the source is an i18n key (t('x.y'), $t('x.y'), label: 'x.y'
// tables). Template attributes use double quotes, so `:data="figure.accounts"` is not mistaken for a key.
const literal = new RegExp(`'((?:${namespaces.join('|')})\\.[A-Za-z0-9_.]+)'`, 'g');
// Permission strings such as 'dashboard.read' share a namespace name and are not keys.
const permissions = new Set<string>(PERMISSIONS);

describe('i18n', () => {
  const files = sourceFiles(join(__dirname, '..', 'src'));
  const used = new Map<string, string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) if (!permissions.has(m[1])) used.set(m[1], file);
  }

  it('finds the keys the source uses', () => {
    expect(used.size).toBeGreaterThan(200);
  });

  it('has every key used in the source in zh-CN', () => {
    const missing = [...used.entries()].filter(([key]) => !zhKeys.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has no empty zh-CN message', () => {
    const empty = [...zhKeys.entries()].filter(([, v]) => typeof v !== 'string' || !v.trim()).map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('has only zh-CN keys in the partial English messages', () => {
    const extra = [...flatten(en).keys()].filter((k) => !zhKeys.has(k));
    expect(extra).toEqual([]);
  });

  it('uses no hard-coded Chinese outside the i18n layer, except documented data values', () => {
    // Data values that the server stores as such (gender), separators and the empty-value marker are allowed.
    const allowed = /^(男|女|、|；|，|：|（|）)$/;
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '');
      for (const m of text.matchAll(/[\u4e00-\u9fff（）：；、，]+/g)) {
        if (!allowed.test(m[0])) offenders.push(`${m[0]} (${file})`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
