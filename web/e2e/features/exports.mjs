import { assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const demoOnly = { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined };
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('exports: a cadre on a phone downloads "my figures" as Excel', () => withPage({ user: 'cadre', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.goto('/liaison/mine');
  await page.locator('[data-test=my-figure]').first().waitFor({ timeout: TIMEOUT });
  assert((await overflow(page)) <= 0, `the cadre's home scrolls sideways by ${await overflow(page)}px`);
  await shot(page, '90-cadre-mine-export-phone');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click('[data-test=my-figures-export]')]);
  assert(download.suggestedFilename().endsWith('.xlsx') && download.suggestedFilename().includes('我联系的网络人士'),
    `export file is ${download.suggestedFilename()}`);
  // The account shows a person's name; the role is in the account menu.
  const name = (await page.locator('[data-test=topbar-user]').innerText()).trim();
  assert(name !== '联系干部', 'the cadre is still called by the role');
  await page.click('[data-test=topbar-user]');
  await page.locator('[data-test=menu-roles]').filter({ hasText: '联系干部' }).waitFor({ timeout: TIMEOUT });
}), demoOnly);

test('exports: the welcome page offers a unit its real pages; phone layouts of my tasks and a plan', () => withPage({ user: 'unit', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.goto('/welcome');
  const pages = page.locator('[data-test=welcome-pages]');
  await pages.waitFor({ timeout: TIMEOUT });
  const text = await pages.innerText();
  assert(text.includes('我的任务') && text.includes('本单位待办'), `welcome pages: ${text}`);
  assert(!(await page.getByText('正在陆续开通').count()), 'the welcome page still says the pages are coming');
  await shot(page, '91-unit-welcome-phone');

  await page.goto('/my-tasks');
  const input = page.locator('[data-test=my-task-percent]').first();
  await input.waitFor({ timeout: TIMEOUT });
  const [box, pct] = await Promise.all([input.boundingBox(), page.locator('.percent .suffix').first().boundingBox()]);
  assert(Math.abs((box.y + box.height / 2) - (pct.y + pct.height / 2)) < 8, `the % is not beside the number: ${JSON.stringify({ box, pct })}`);
  await shot(page, '92-unit-my-tasks-phone');
}), demoOnly);

test('exports: a plan on a phone keeps its action column narrow and unfixed', () => withPage({ user: 'staff', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.goto('/task-plans');
  const link = page.locator('[data-test=task-plan-row]').first();
  await link.waitFor({ timeout: TIMEOUT });
  await page.goto(await link.getAttribute('href'));
  await page.locator('[data-test=task-table]').waitFor({ timeout: TIMEOUT });
  assert(!(await page.locator('[data-test=task-table] .el-table-fixed-column--right').count()), 'the action column is still fixed on a phone');
  await page.locator('[data-test=task-table] .el-loading-mask').waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() => undefined);
  await page.locator('.el-loading-mask').first().waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => undefined);
  await shot(page, '93-plan-phone');
  await page.locator('[data-test=task-table] .el-table__body-wrapper .el-scrollbar__wrap').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await shot(page, '94-plan-phone-actions');
}), demoOnly);
