import { readFile } from 'node:fs/promises';
import { api, assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const demoOnly = { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined };
const UNIT_NAME = '泸州市委网信办'; // the demo `unit` user's member unit

async function status(page) {
  return (await page.locator('[data-test=request-status]').innerText()).trim();
}

async function act(page, action, fill) {
  await page.click(`[data-test=request-action-${action}]`);
  const dialog = page.locator('[data-test=request-action-dialog]').locator('visible=true');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  if (fill) await fill(dialog);
  await dialog.locator('[data-test=action-submit]').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
}

async function waitStatus(page, label) {
  await page.waitForFunction((text) => document.querySelector('[data-test=request-status]')?.textContent?.trim() === text, label, { timeout: TIMEOUT });
}

test('a help request goes through the whole workflow across staff, the member unit and staff again', async () => {
  const title = `直播场地协调 浏览器测试${Date.now() % 100000}`; // titles are normalized: no full-width brackets
  let id = 0;
  await withPage({ user: 'staff' }, async (page) => {
    const figures = await api(page, 'GET', '/api/figures?pageSize=1');
    const created = await api(page, 'POST', '/api/help-requests',
      { figureId: figures.body.items[0].id, category: 'office', title, description: '希望协调直播办公场所', urgency: 'urgent', receivedVia: 'cadre' });
    assert(created.status === 201, `create answered ${created.status}`);
    id = created.body.id;
    await page.goto(`/requests/${id}`);
    await page.locator('[data-test=request-status]').waitFor({ timeout: TIMEOUT });
    assert((await status(page)) === '已提交', `new request shows ${await status(page)}`);
    await act(page, 'accept');
    await waitStatus(page, '已受理');
    await act(page, 'route', async (dialog) => {
      await dialog.locator('.el-select').first().click();
      await page.locator('.el-select-dropdown__item:visible', { hasText: UNIT_NAME }).first().click();
      const date = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
      const input = dialog.locator('.el-date-editor input');
      await input.fill(date);
      await input.press('Enter');
    });
    await waitStatus(page, '已转办');
    await shot(page, '30-request-routed');
  });

  await withPage({ user: 'unit' }, async (page) => {
    await page.waitForURL((url) => url.pathname === '/requests/inbox', { timeout: TIMEOUT });
    const row = page.locator('[data-test=inbox-table] .el-table__row', { hasText: title });
    await row.waitFor({ timeout: TIMEOUT });
    await shot(page, '31-unit-inbox');
    await page.click(`[data-test=inbox-reply-${id}]`);
    const dialog = page.locator('[data-test=request-action-dialog]').locator('visible=true');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await dialog.locator('textarea').fill('已协调园区内办公用房两间');
    await dialog.locator('[data-test=action-submit]').click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await page.goto(`/requests/${id}`);
    await waitStatus(page, '办理中');
    const actions = await page.locator('[data-test=request-actions] button').count();
    assert(actions === 0, `the unit still has ${actions} actions after replying`);
  });

  await withPage({ user: 'staff' }, async (page) => {
    await page.goto(`/requests/${id}`);
    await waitStatus(page, '办理中');
    await act(page, 'complete', (dialog) => dialog.locator('textarea').fill('已协调解决办公场所'));
    await waitStatus(page, '已办结');
    await act(page, 'visit', async (dialog) => {
      await dialog.getByText('满意', { exact: true }).click();
      await dialog.locator('textarea').fill('人士表示满意');
    });
    await waitStatus(page, '已回访');
    const timeline = await page.locator('[data-test=request-timeline] .el-timeline-item').count();
    assert(timeline === 6, `the timeline has ${timeline} entries, not submit/accept/route/reply/complete/visit`);
    const text = await page.locator('[data-test=request-timeline]').innerText();
    assert(text.includes('已协调园区内办公用房两间'), 'the unit reply is not in the timeline');
    await shot(page, '32-request-visited');
  });
}, demoOnly);

test('a demo request shows its seeded attachments on the detail page and they download as a PDF and a JPEG', () => withPage({ user: 'staff' }, async (page) => {
  const list = await api(page, 'GET', `/api/help-requests?q=${encodeURIComponent('直播团队需要过渡办公场所')}&pageSize=1`);
  assert(list.status === 200 && list.body.items.length === 1, `the demo request is missing: ${list.status}`);
  await page.goto(`/requests/${list.body.items[0].id}`);
  const panel = page.locator('[data-test=request-attachments] [data-test=attachment-panel]');
  for (const [name, magic] of [['诉求材料.pdf', '%PDF-'], ['现场照片.jpg', '\xff\xd8\xff']]) {
    const item = panel.locator('[data-test=attachment-item]').filter({ hasText: name });
    await item.waitFor({ timeout: TIMEOUT });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), item.locator('[data-test=attachment-download]').click()]);
    assert(download.suggestedFilename() === name, `downloaded as ${download.suggestedFilename()}`);
    const bytes = await readFile(await download.path());
    assert(bytes.subarray(0, magic.length).equals(Buffer.from(magic, 'latin1')), `${name} does not start with its magic bytes`);
  }
  await shot(page, '63-request-demo-attachments-desktop');
}), demoOnly);

test('a unit replies with a scanned letter on a phone and staff see it on the timeline and download it', async () => {
  const title = `回函附件 浏览器测试${Date.now() % 100000}`;
  const name = `办理结果${Date.now() % 100000}.pdf`;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');
  let id = 0;
  await withPage({ user: 'staff' }, async (page) => {
    const figures = await api(page, 'GET', '/api/figures?pageSize=1');
    const created = await api(page, 'POST', '/api/help-requests',
      { figureId: figures.body.items[0].id, category: 'office', title, description: '需要回函', urgency: 'normal', receivedVia: 'cadre' });
    assert(created.status === 201, `create answered ${created.status}`);
    id = created.body.id;
    const units = await api(page, 'GET', '/api/org-units');
    const unit = units.body.find((u) => u.name === UNIT_NAME);
    assert(unit, `${UNIT_NAME} is not among the org units`);
    const fresh = await api(page, 'GET', `/api/help-requests/${id}`);
    const accepted = await api(page, 'POST', `/api/help-requests/${id}/accept`, { version: fresh.body.version });
    assert(accepted.status === 200, `accept answered ${accepted.status}`);
    const detail = accepted.body;
    const deadline = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
    const routed = await api(page, 'POST', `/api/help-requests/${id}/route`, { version: detail.version, parts: [{ unitId: unit.id, deadline }] });
    assert(routed.status === 200, `route answered ${routed.status}`);
  });

  await withPage({ user: 'unit', viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto(`/requests/${id}`);
    await waitStatus(page, '已转办');
    await page.click('[data-test=request-action-reply]');
    const dialog = page.locator('[data-test=request-action-dialog]').locator('visible=true');
    await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
    await dialog.locator('textarea').fill('已协调解决，回函见附件');
    await dialog.locator('[data-test=action-attachments] input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
    await dialog.locator('[data-test=attachment-pending]').filter({ hasText: name }).waitFor({ timeout: TIMEOUT });
    const wide = await page.evaluate(() => {
      const box = document.querySelector('[data-test=request-action-dialog]')?.getBoundingClientRect();
      return box ? box.right - window.innerWidth : 0;
    });
    assert(wide <= 0, `the reply dialog is wider than the phone by ${wide}px`);
    await shot(page, '33-unit-reply-with-file-phone');
    await dialog.locator('[data-test=action-submit]').click();
    await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await waitStatus(page, '办理中');
    const file = page.locator('[data-test=timeline-step-reply] [data-test=step-attachment-download]', { hasText: name });
    await file.waitFor({ timeout: TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `the request page scrolls sideways by ${overflow}px on a phone`);
    await file.scrollIntoViewIfNeeded();
    await shot(page, '34-unit-reply-file-on-timeline-phone');
  });

  await withPage({ user: 'staff' }, async (page) => {
    await page.goto(`/requests/${id}`);
    await waitStatus(page, '办理中');
    const file = page.locator('[data-test=timeline-step-reply] [data-test=step-attachment-download]', { hasText: name });
    await file.waitFor({ timeout: TIMEOUT });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), file.click()]);
    assert(download.suggestedFilename() === name, `downloaded as ${download.suggestedFilename()}`);
    const bytes = await readFile(await download.path());
    assert(bytes.equals(pdf), `the downloaded letter differs (${bytes.length} bytes)`);
    // Staff did not write the reply: no way to add to its files.
    assert((await page.locator('[data-test=timeline-step-reply] [data-test=step-add-files]').count()) === 0, 'staff may add files to the unit reply');
    await shot(page, '35-staff-sees-reply-file');
  });
}, demoOnly);
