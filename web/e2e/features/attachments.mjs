import { readFile } from 'node:fs/promises';
import { api, assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const demoOnly = { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined };

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('a cadre on a phone attaches a photo to a contact log, sees it listed and downloads it', () => withPage({ user: 'cadre', viewport: { width: 390, height: 844 } }, async (page) => {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.waitForURL((url) => url.pathname === '/liaison/mine', { timeout: TIMEOUT });
  await page.locator('[data-test=my-figure]').first().waitFor({ timeout: TIMEOUT });
  await page.locator('[data-test=my-figure]').first().locator('[data-test=my-figure-log]').click();
  const dialog = page.locator('[data-test=contact-log-dialog]');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await dialog.getByText('走访', { exact: true }).click();
  const summary = `走访并拍照留存 ${Date.now()}`;
  await page.fill('textarea[data-test=contact-log-summary], [data-test=contact-log-summary] textarea', summary);

  // Chosen before the log exists: listed as waiting, sent once the log is saved.
  await dialog.locator('[data-test=attachment-upload] input[type=file]').setInputFiles({ name: '走访现场.png', mimeType: 'image/png', buffer: PNG });
  await dialog.locator('[data-test=attachment-pending]').filter({ hasText: '走访现场.png' }).waitFor({ timeout: TIMEOUT });
  assert((await overflow()) <= 0, `the contact form with an attachment scrolls sideways by ${await overflow()}px`);
  await shot(page, '60-attachment-pending-phone');
  await page.click('[data-test=contact-log-save]');
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });

  // The log's edit dialog lists the uploaded photo; another file goes up at once.
  await page.goto('/liaison/logs');
  const row = page.locator('[data-test=contact-log-table] .el-table__row').filter({ hasText: summary });
  await row.waitFor({ timeout: TIMEOUT });
  await row.getByRole('button', { name: '编辑' }).click();
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  const item = dialog.locator('[data-test=attachment-item]').filter({ hasText: '走访现场.png' });
  await item.waitFor({ timeout: TIMEOUT });
  await dialog.locator('[data-test=attachment-upload] input[type=file]').setInputFiles({ name: '纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('走访纪要：近况良好。\n') });
  await dialog.locator('[data-test=attachment-item]').filter({ hasText: '纪要.txt' }).waitFor({ timeout: TIMEOUT });
  assert((await overflow()) <= 0, `the edit dialog scrolls sideways by ${await overflow()}px`);
  await shot(page, '61-attachment-listed-phone');

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), item.locator('[data-test=attachment-download]').click()]);
  assert(download.suggestedFilename() === '走访现场.png', `downloaded as ${download.suggestedFilename()}`);
  const bytes = await readFile(await download.path());
  assert(bytes.equals(PNG), `the downloaded photo differs (${bytes.length} bytes)`);
}), demoOnly);

test('staff attach a PDF to a help request on its detail page, and a unit sees the attachment field of its quarterly report', () => withPage({ user: 'staff' }, async (page) => {
  const list = await api(page, 'GET', '/api/help-requests?pageSize=1');
  assert(list.status === 200 && list.body.items.length > 0, `no demo request for staff: ${list.status}`);
  const id = list.body.items[0].id;
  await page.goto(`/requests/${id}`);
  const panel = page.locator('[data-test=request-attachments] [data-test=attachment-panel]');
  await panel.locator('[data-test=attachment-upload]').waitFor({ timeout: TIMEOUT });
  const name = `办理材料${Date.now() % 100000}.pdf`;
  await panel.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await panel.locator('[data-test=attachment-item]').filter({ hasText: name }).waitFor({ timeout: TIMEOUT });
  // A file whose content is not what its name says is refused with the server's Chinese message.
  await panel.locator('input[type=file]').setInputFiles({ name: '伪装.png', mimeType: 'image/png', buffer: Buffer.from('<html></html>') });
  await page.locator('.el-message--error').filter({ hasText: '文件内容与扩展名不符' }).waitFor({ timeout: TIMEOUT });
  await shot(page, '62-request-attachments-desktop');
  const listed = await api(page, 'GET', `/api/help-requests/${id}/attachments`);
  const mine = listed.body.items.find((i) => i.fileName === name);
  assert(mine, 'the uploaded PDF is not listed by the API');
  assert((await api(page, 'DELETE', `/api/help-requests/${id}/attachments/${mine.id}`)).status === 204, 'the PDF could not be deleted');
}), demoOnly);

test('a unit sees the attachment field under each task of 我的任务 on a phone', () => withPage({ user: 'unit', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.goto('/my-tasks');
  await page.locator('[data-test=my-tasks] [data-test=attachment-upload]').first().waitFor({ timeout: TIMEOUT });
  await page.locator('[data-test=my-tasks] > .el-loading-mask').waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `我的任务 scrolls sideways by ${overflow}px`);
  await shot(page, '63-task-report-attachments-phone');
}), demoOnly);
