// Import: words the dictionary does not know are mapped once in the wizard and remembered for the office.
import ExcelJS from 'exceljs';
import { assert, shot, test, TIMEOUT, withPage } from '../lib.mjs';

async function sheet(rows) {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('人士');
  ws.addRow(['姓名', '人士类别', '平台', '账号']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page, name, buffer) {
  await page.goto('/import');
  await page.locator('[data-test=import-file] input[type=file]').setInputFiles({
    name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer,
  });
  await page.click('[data-test=import-check]');
  await page.waitForSelector('[data-test=import-summary]', { timeout: TIMEOUT });
}

test('import mapping: aliases place 网红 and 公众号; other words are mapped once in the wizard and remembered', async () => {
  await withPage({ user: 'staff' }, async (page) => {
    const run = Date.now().toString(36).slice(-5);
    // 网红 and 公众号 are aliases of 网络大V and 微信公众号: no mapping step.
    await upload(page, 'aliases.xlsx', await sheet([[`别名测${run}`, '网红', '公众号', `alias_${run}`]]));
    assert(await page.locator('[data-test=import-mapping]').count() === 0, 'aliases 网红/公众号 should need no mapping');
    assert(!(await page.locator('[data-test=import-commit]').isDisabled()), 'commit disabled for a sheet of aliases');

    // An office's own words: the wizard asks once, pre-filled with the suggestion (by containment).
    const category = `网红博主${run}`;
    const platform = `公众号矩阵${run}`;
    const file = await sheet([[`对应测${run}`, category, platform, `map_${run}`], [`对应测${run}b`, category, '抖音', `map_${run}b`]]);
    await upload(page, 'office.xlsx', file);
    await page.waitForSelector('[data-test=import-mapping]', { timeout: TIMEOUT });
    const values = await page.locator('[data-test=import-mapping-value]').allTextContents();
    assert(values.includes(category) && values.includes(platform), `mapping step lists ${values.join(',')}`);
    const selected = await page.locator('[data-test=import-mapping-select] .el-select__selected-item:not(.is-hidden)').allTextContents();
    assert(selected.some((s) => s.includes('网络大V')) && selected.some((s) => s.includes('微信公众号')), `pre-filled: ${selected.join(',')}`);
    await shot(page, 'import-mapping-step');
    await page.click('[data-test=import-commit]');
    await page.waitForSelector('[data-test=import-done]', { timeout: TIMEOUT });

    // The remembered list shows them, and the same sheet again has no mapping step.
    await upload(page, 'office-again.xlsx', await sheet([[`对应测${run}c`, category, platform, `map_${run}c`]]));
    assert(await page.locator('[data-test=import-mapping]').count() === 0, 'the second sheet asked for mappings again');
    const remembered = await page.locator('[data-test=import-remembered]').innerText();
    assert(remembered.includes(category) && remembered.includes(platform), 'remembered list lacks the mappings');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'import-mapping-remembered-phone');
  });
});

test('import mapping: the template opens in exceljs with text-formatted ID number and phone columns', async () => {
  await withPage({ user: 'staff' }, async (page) => {
    const response = await page.request.get('/api/figures/import/template');
    assert(response.ok(), `template: ${response.status()}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.body());
    const ws = book.worksheets[0];
    const header = ws.getRow(1).values.map((v) => String(v ?? ''));
    const id = header.indexOf('身份证号');
    const phone = header.indexOf('手机');
    assert(id > 0 && phone > 0, `header: ${header.join(',')}`);
    assert(ws.getColumn(id).numFmt === '@' && ws.getColumn(phone).numFmt === '@', 'ID/phone columns are not text-formatted');
    assert(ws.getRow(2).getCell(phone).numFmt === '@' && ws.getRow(2).getCell(phone).value === '13800000000', 'example phone is not text');
    assert(book.worksheets.map((w) => w.name).join() === '网络人士,说明', 'sheet names');
  });
});
