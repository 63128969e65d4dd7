import { api, assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const demoOnly = { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined };

test('a cadre on a phone logs a contact from their home and the figure turns ok', () => withPage({ user: 'cadre', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.waitForURL((url) => url.pathname === '/liaison/mine', { timeout: TIMEOUT });
  await page.locator('[data-test=my-figure]').first().waitFor({ timeout: TIMEOUT });
  const states = await page.locator('[data-test=my-figure-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  for (const s of ['overdue', 'dueSoon', 'ok']) assert(states.includes(s), `no ${s} figure on the cadre's home: ${states}`);
  assert(states[0] === 'overdue', `overdue figures are not first: ${states}`);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert((await overflow()) <= 0, `the cadre's home scrolls sideways by ${await overflow()}px`);
  await shot(page, '20-cadre-home-phone');

  const card = page.locator('[data-test=my-figure]').first();
  const name = (await card.locator('[data-test=my-figure-name]').innerText()).trim();
  const overdueBefore = states.filter((s) => s === 'overdue').length;
  const started = Date.now();
  await card.locator('[data-test=my-figure-log]').click();
  const dialog = page.locator('[data-test=contact-log-dialog]');
  await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
  await dialog.getByText('电话', { exact: true }).click();
  await page.fill('textarea[data-test=contact-log-summary], [data-test=contact-log-summary] textarea', '电话了解近况，约定下月走访');
  assert((await overflow()) <= 0, `the contact form scrolls sideways by ${await overflow()}px`);
  await shot(page, '21-contact-log-phone');
  await page.click('[data-test=contact-log-save]');
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  assert(Date.now() - started < 60_000, 'logging a contact took more than a minute');

  // The figure is no longer overdue: it moves down to the ok figures, and one overdue figure fewer is left.
  await page.waitForFunction(({ name, before }) => {
    const cards = [...document.querySelectorAll('[data-test=my-figure]')];
    const mine = cards.find((c) => c.querySelector('[data-test=my-figure-name]')?.textContent?.trim() === name);
    const overdue = cards.filter((c) => c.querySelector('[data-test=my-figure-state]')?.getAttribute('data-state') === 'overdue').length;
    return mine?.querySelector('[data-test=my-figure-state]')?.getAttribute('data-state') === 'ok' && overdue === before - 1;
  }, { name, before: overdueBefore }, { timeout: TIMEOUT });
  assert((await overflow()) <= 0, 'the home scrolls sideways after saving');
  await shot(page, '22-cadre-home-after');

  // The cadre sees no one else's figures: the registry is not theirs.
  const registry = await api(page, 'GET', '/api/figures');
  assert(registry.status === 403, `a cadre reads the registry: ${registry.status}`);
}), demoOnly);

test('staff see the cadre\'s overdue figures in the due list and export it', () => withPage({ user: 'staff', viewport: { width: 1440, height: 900 } }, async (page) => {
  await page.goto('/liaison/due');
  await page.locator('[data-test=due-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
  await shot(page, '23-staff-due-list');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-test=due-export]')]);
  assert(download.suggestedFilename().endsWith('.xlsx'), `export file is ${download.suggestedFilename()}`);
  await page.goto('/liaison/assignments');
  await page.locator('[data-test=assignment-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
  await shot(page, '24-staff-assignments');
}), demoOnly);
