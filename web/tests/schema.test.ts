import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(__dirname, '..');

describe('generated API types', () => {
  it('src/api/schema.d.ts is what openapi-typescript generates from openapi.json (run `npm run gen:api`)', async () => {
    const doc = JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8'));
    const ast = await openapiTS(doc);
    const generated = astToString(ast);
    const committed = readFileSync(join(root, 'src/api/schema.d.ts'), 'utf8');
    const body = (s: string) => s.replace(/\r\n/g, '\n').replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
    expect(body(committed)).toBe(body(generated));
  }, 30_000);

  it('keeps JSON numbers as numbers (no integer | string unions)', () => {
    const committed = readFileSync(join(root, 'src/api/schema.d.ts'), 'utf8');
    expect(committed).not.toMatch(/: (number \| string|string \| number);/);
  });
});
