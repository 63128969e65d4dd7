// Joint-meeting tasks: a member unit reports a quarter, staff see it in the plan table; staff import a plan's table.
import { join } from 'node:path';
import { api, assert, DEMO_PASSWORD, here, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const skip = !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined;

function currentQuarter() {
  const local = new Date(Date.now() + 8 * 3600 * 1000);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

test('a member unit reports a quarter on 我的任务 and staff see it in the plan table', async () => {
  const quarter = currentQuarter();
  const text = `E2E季度进展${Date.now() % 100000}`;
  let taskId;
  let planId;
  await withPage({ user: 'unit' }, async (page) => {
    // A unit lands on its request inbox; 我的任务 is in its menu.
    await page.goto('/my-tasks');
    const card = page.locator('[data-test^=my-task-]').filter({ has: page.locator('[data-test=my-task-submit]') }).first();
    await card.waitFor({ timeout: TIMEOUT });
    taskId = Number((await card.getAttribute('data-test')).replace('my-task-', ''));
    await card.locator('[data-test=my-task-percent] input').fill('70');
    await card.locator('textarea').fill(text);
    await card.locator('[data-test=my-task-submit]').click();
    await card.locator('[data-test=my-task-reported]').waitFor({ timeout: TIMEOUT });
    assert((await card.locator('[data-test=my-task-reported]').innerText()).includes('70%'), 'the report is not shown as sent');
    await shot(page, '40-unit-my-tasks');
    const mine = await api(page, 'GET', `/api/tasks/mine?quarter=${quarter}`);
    const item = mine.body.items.find((i) => i.taskId === taskId);
    assert(item?.report?.text === text, `the report was not stored: ${JSON.stringify(item)}`);
    planId = item.planId;
  });
  await withPage({ user: 'staff' }, async (page) => {
    await page.goto('/task-plans');
    await page.locator(`[data-test=task-plan-row][href="/task-plans/${planId}"]`).click({ timeout: TIMEOUT });
    await page.locator('[data-test=task-table]').waitFor({ timeout: TIMEOUT });
    const cell = page.locator(`[data-test^="task-cell-${taskId}-"][data-test$="-${quarter}"]`).filter({ hasText: text });
    await cell.waitFor({ timeout: TIMEOUT });
    assert((await cell.innerText()).includes('70%'), 'the plan table does not show the percent');
    assert(await page.locator('[data-test=task-dispatch]').isVisible(), 'no dispatch summary for staff');
    await shot(page, '41-staff-plan-table');
    const download = page.waitForEvent('download', { timeout: TIMEOUT });
    await page.click('[data-test=task-dispatch-export]');
    const file = await download;
    assert(file.suggestedFilename().endsWith('.xlsx'), `unexpected export name ${file.suggestedFilename()}`);
  });
}, { skip });

test('staff import a plan table: dry run, then commit', async () => {
  await withPage({ user: 'staff' }, async (page) => {
    await page.goto('/task-plans');
    // One plan per year and region: the demo already has the city's plan of this year, so this one is a district's.
    const created = await api(page, 'POST', '/api/task-plans', { year: 2026, title: `E2E导入方案${Date.now() % 100000}`, regionCode: '510502' });
    assert(created.status === 201, `plan not created: ${created.status}`);
    await page.goto(`/task-plans/${created.body.id}`);
    await page.click('[data-test=task-import]');
    await page.setInputFiles('[data-test=task-import-file]', join(here, 'fixtures', 'task-plan-sample.xlsx'));
    await page.click('[data-test=task-import-dry-run]');
    await page.locator('[data-test=task-import-ok]').waitFor({ timeout: TIMEOUT });
    await shot(page, '42-task-import-dry-run');
    await page.click('[data-test=task-import-commit]');
    await page.locator('[data-test=task-table] .el-table__body tr').nth(2).waitFor({ timeout: TIMEOUT });
    const rows = await page.locator('[data-test=task-table] .el-table__body-wrapper tr').count();
    assert(rows === 3, `expected 3 tasks after import, found ${rows}`);
  });
}, { skip });

test('我的任务 fits a phone and the plan table scrolls inside its card', async () => {
  await withPage({ user: 'unit', viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto('/my-tasks');
    await page.locator('[data-test=my-task-submit]').first().waitFor({ timeout: TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `我的任务 scrolls sideways by ${overflow}px`);
    await shot(page, '43-unit-my-tasks-phone');
  });
  await withPage({ user: 'staff', viewport: { width: 390, height: 844 } }, async (page) => {
    const plans = await (async () => { await page.goto('/task-plans'); return api(page, 'GET', '/api/task-plans'); })();
    await page.goto(`/task-plans/${plans.body.items[0].id}`);
    await page.locator('[data-test=task-table]').waitFor({ timeout: TIMEOUT });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 0, `the plan page scrolls sideways by ${overflow}px`);
    await shot(page, '44-staff-plan-phone');
  });
}, { skip });
