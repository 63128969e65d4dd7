import { api, assert, CHART_DRAWN, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

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
  // Earlier tests log contacts for overdue figures, so the list is read over every state.
  await page.locator('.el-tabs__item', { hasText: '全部状态' }).click();
  await page.locator('[data-test=due-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
  const tags = await page.locator('[data-test=due-table] .el-table__row .el-tag').allInnerTexts();
  assert(tags.length > 0 && tags.every((t) => t.trim().length > 0), `the due states read ${JSON.stringify(tags)}`);
  await shot(page, '23-staff-due-list');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-test=due-export]')]);
  assert(download.suggestedFilename().endsWith('.xlsx'), `export file is ${download.suggestedFilename()}`);
  await page.goto('/liaison/assignments');
  await page.locator('[data-test=assignment-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
  await shot(page, '24-staff-assignments');
}), demoOnly);

test('a cadre downloads the annual feedback form as a Word file', () => withPage({ user: 'cadre' }, async (page) => {
  await page.goto('/liaison/feedback');
  await page.locator('[data-test=feedback-status]').waitFor({ timeout: TIMEOUT });
  await shot(page, '25-cadre-feedback');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-test=feedback-word]')]);
  assert(download.suggestedFilename().endsWith('.docx'), `feedback file is ${download.suggestedFilename()}`);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  assert(bytes[0] === 0x50 && bytes[1] === 0x4b, 'the .docx is not a zip package');
  assert(bytes.includes(Buffer.from('word/document.xml')), 'the .docx has no document part');
}), demoOnly);

test('a cadre on a phone opens the masked, read-only profile of an assigned figure from their home', () => withPage({ user: 'cadre', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.goto('/liaison/mine');
  await page.locator('[data-test=my-figure]').first().waitFor({ timeout: TIMEOUT });
  const name = (await page.locator('[data-test=my-figure-name]').first().innerText()).trim();
  await page.locator('[data-test=my-figure-profile]').first().click();
  await page.waitForURL((url) => /^\/liaison\/figures\/\d+$/.test(url.pathname), { timeout: TIMEOUT });
  await page.locator('[data-test=liaison-figure-basic]').waitFor({ timeout: TIMEOUT });
  assert((await page.locator('[data-test=liaison-figure-name]').innerText()).trim() === name, 'the profile shows another figure');
  for (const field of ['idNumber', 'phone', 'address']) {
    const value = (await page.locator(`[data-test=liaison-figure-${field}]`).innerText()).trim();
    assert(value === '—' || value.includes('*'), `the ${field} is not masked: ${value}`);
  }
  assert(await page.locator('text=查看完整').count() === 0, 'the cadre is offered a reveal');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `the profile scrolls sideways by ${overflow}px`);
  await shot(page, '26-cadre-figure-profile-phone');
  // A figure that is not the cadre's: 404 from the API, and the page says so.
  const other = await api(page, 'GET', '/api/liaison/figures/987654321');
  assert(other.status === 404, `an unassigned figure answered ${other.status}`);
  await page.goto('/liaison/figures/987654321');
  await page.locator('[data-test=liaison-figure-missing]').waitFor({ timeout: TIMEOUT });
}), demoOnly);

test('staff see who submitted the year\'s feedback forms, download one and export the summary', async () => {
  await withPage({ user: 'staff', viewport: { width: 1440, height: 900 } }, async (page) => {
    await page.goto('/liaison/feedback-summary');
    await page.locator('[data-test=summary-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
    const states = await page.locator('[data-test=summary-state]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    assert(states.length > 0 && states.every((s) => ['submitted', 'draft', 'none'].includes(s)), `summary states: ${states}`);
    await shot(page, '27-staff-feedback-summary');
    const [form] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.locator('[data-test=summary-word]').first().click()]);
    assert(form.suggestedFilename().endsWith('.docx'), `the cadre's form is ${form.suggestedFilename()}`);
    const [summary] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-test=summary-export]')]);
    assert(summary.suggestedFilename().endsWith('.xlsx'), `the summary export is ${summary.suggestedFilename()}`);
    // A year before any cadre worked: every cadre is listed as not filled in.
    const old = await api(page, 'GET', `/api/liaison/feedback-summary?year=${new Date().getFullYear() - 4}`);
    assert(old.status === 200 && old.body.cadres.every((c) => c.status === null), 'an old year shows forms');
  });
  await withPage({ user: 'staff', viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto('/liaison/feedback-summary');
    await page.locator('[data-test=summary-table] .el-table__row').first().waitFor({ timeout: TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `the summary scrolls sideways by ${overflow}px`);
    await shot(page, '28-staff-feedback-summary-phone');
  });
}, demoOnly);

test('the leader dashboard draws the help-request and contact-coverage charts', () => withPage({ user: 'leader', viewport: { width: 1440, height: 900 } }, async (page) => {
  await page.goto('/dashboard');
  const ours = ['requests-status', 'requests-category', 'requests-trend', 'coverage-level', 'coverage-region'];
  for (const key of ours) await page.locator(`[data-test=dashboard-${key}] [data-test=echart] canvas`).waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(1500); // ECharts animates the first draw
  for (const key of ours) {
    const share = await page.$eval(`[data-test=dashboard-${key}] [data-test=echart] canvas`, (canvas) => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
      return painted / (canvas.width * canvas.height);
    });
    assert(share >= CHART_DRAWN, `the ${key} chart painted ${(share * 100).toFixed(2)}% of its canvas`);
  }
  await page.locator('[data-test=dashboard-coverage-level]').scrollIntoViewIfNeeded();
  await shot(page, '29-leader-dashboard-requests-coverage');
}), demoOnly);
