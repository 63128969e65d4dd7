// Browser tests against a running Tongxin server (which serves the built front end).
//   BASE_URL=http://127.0.0.1:5080 ADMIN_USER=admin ADMIN_PASSWORD=… [DEMO_PASSWORD=Tongxin-Demo-2026] npm run e2e
// The admin creates a fresh staff user through the API (it must change its password at first sign-in);
// FIRST_USER/FIRST_PASSWORD use an existing such user instead. Demo tests need the demo data (DEMO_PASSWORD).
// A test whose server endpoint is not there yet (import, export answer 404) is skipped, not passed.
// The registry's tests are below; each feature adds its own in features/<area>.mjs (run after these, by file name).
// Prints "E2E: N passed, N failed[, N skipped]" last and exits non-zero when a test failed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, newContext } from './browser.mjs';
import { totpCode } from './totp.mjs';
import {
  ADMIN_PASSWORD, ADMIN_USER, BASE_URL, CHART_DRAWN, DEMO_PASSWORD, FIGURE_NAME, ONLY, Skip, TIMEOUT,
  api, assert, browser, chartCoverage, downloads, here, pickFirstRegion, setBrowser, shot, signIn, test, tests, withPage,
} from './lib.mjs';

let FIRST_USER = process.env.FIRST_USER;
let FIRST_PASSWORD = process.env.FIRST_PASSWORD;
const FIRST_NEW_PASSWORD = process.env.FIRST_NEW_PASSWORD || `e2e-新密码-${Date.now()}`;


test('the login page shows Chinese and refuses a wrong password', async () => {
  const context = await newContext(browser, BASE_URL);
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await page.waitForSelector('[data-test=login-submit]');
    assert((await page.textContent('body')).includes('登录'), 'login page has no Chinese text');
    await page.fill('[data-test=login-username]', `nobody-${Date.now()}`);
    await page.fill('[data-test=login-password]', 'wrong-password-123');
    await page.click('[data-test=login-submit]');
    const error = page.locator('[data-test=login-error]');
    await error.waitFor({ timeout: TIMEOUT });
    const text = await error.textContent();
    assert(text.includes('用户名或密码错误'), `unexpected login error: ${text}`);
    await shot(page, '01-login-error');
  } finally {
    await context.close();
  }
});

// The admin session is shared by the remaining tests.
let adminContext;
let admin;

test('the admin signs in and sees the menu', async () => {
  adminContext = await newContext(browser, BASE_URL);
  admin = await adminContext.newPage();
  await signIn(admin, ADMIN_USER, ADMIN_PASSWORD);
  await admin.waitForSelector('[data-test=topbar-user]', { timeout: TIMEOUT });
  assert(await admin.locator('[data-test=menu-figure-list]').count(), 'figure list menu item missing');
  await shot(admin, '04-admin-home');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

test('the admin creates a staff user through the API', async () => {
  assert(admin, 'admin is not signed in');
  const userName = `e2e_${Date.now().toString(36)}`;
  const password = `E2e-First-${Date.now()}`;
  const res = await api(admin, 'POST', '/api/users', {
    userName, password, displayName: '测试工作人员', regionCode: '510500', roles: ['staff'],
  });
  assert(res.status === 201, `POST /api/users answered ${res.status}: ${JSON.stringify(res.body)}`);
  FIRST_USER = userName;
  FIRST_PASSWORD = password;
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : FIRST_USER ? 'FIRST_USER given' : undefined });

let firstContext;
let first;

test('a new user must change the password first', async () => {
  assert(FIRST_USER && FIRST_PASSWORD, 'no first user (creating one failed)');
  firstContext = await newContext(browser, BASE_URL);
  first = await firstContext.newPage();
  await signIn(first, FIRST_USER, FIRST_PASSWORD);
  await first.waitForURL('**/change-password', { timeout: TIMEOUT });
  await shot(first, '02-change-password');
  await first.fill('[data-test=cp-current]', FIRST_PASSWORD);
  await first.fill('[data-test=cp-new]', FIRST_NEW_PASSWORD);
  await first.fill('[data-test=cp-confirm]', FIRST_NEW_PASSWORD);
  await first.click('[data-test=cp-submit]');
  await first.waitForURL((url) => !url.pathname.startsWith('/change-password'), { timeout: TIMEOUT });
  await first.waitForSelector('[data-test=topbar-user]', { timeout: TIMEOUT });
  await shot(first, '03-after-change-password');
}, { skip: !ADMIN_PASSWORD && !FIRST_USER ? 'neither ADMIN_PASSWORD nor FIRST_USER set' : undefined });

test('the user turns on the 动态验证码 and then needs it to sign in', async () => {
  assert(first, 'the first user is not signed in');
  await first.goto('/security');
  await first.click('[data-test=totp-start]');
  const key = (await first.locator('[data-test=totp-key]').textContent({ timeout: TIMEOUT })).replace(/\s+/g, '');
  assert(/^[A-Z2-7]{16,}$/.test(key), `unexpected shared key: ${key}`);
  assert((await first.textContent('[data-test=totp-uri]')).startsWith('otpauth://totp/'), 'no otpauth URI shown');
  await first.fill('[data-test=totp-code]', totpCode(key));
  await first.click('[data-test=totp-submit]');
  await first.locator('[data-test=totp-status]', { hasText: '已启用' }).waitFor({ timeout: TIMEOUT });
  await shot(first, '03b-totp-enabled');
  await firstContext.close();
  firstContext = undefined;

  // Signing in again: the password alone is not enough any more.
  const context = await newContext(browser, BASE_URL);
  const page = await context.newPage();
  try {
    await page.goto('/login');
    await page.fill('[data-test=login-username]', FIRST_USER);
    await page.fill('[data-test=login-password]', FIRST_NEW_PASSWORD);
    await page.press('[data-test=login-password]', 'Enter');
    const field = page.locator('[data-test=login-totp]');
    await field.waitFor({ timeout: TIMEOUT });
    assert(page.url().includes('/login'), 'signed in without the second factor');
    // The code used to enable it cannot be replayed: use the next window's code (the server accepts ±1 step).
    await page.fill('[data-test=login-totp]', totpCode(key, Date.now(), 1));
    await shot(page, '03c-login-totp');
    await page.press('[data-test=login-totp]', 'Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
    await page.waitForSelector('[data-test=topbar-user]', { timeout: TIMEOUT });
  } finally {
    await context.close();
  }
}, { skip: !ADMIN_PASSWORD && !FIRST_USER ? 'neither ADMIN_PASSWORD nor FIRST_USER set' : undefined });

test('a demo staff user sees figures with dictionary labels and searches with Enter', async () => {
  const context = await newContext(browser, BASE_URL);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await signIn(page, 'staff', DEMO_PASSWORD);
    await page.goto('/figures');
    await page.locator('[data-test=figure-row-name]').first().waitFor({ timeout: TIMEOUT });
    const table = await page.textContent('[data-test=figure-table]');
    assert(!/\b(bigv|anchor|selfmedia|douyin|kuaishou|weibo)\b/.test(table), 'raw dictionary codes in the figure table');
    const searched = page.waitForResponse((r) => r.url().includes('/api/figures?') && r.url().includes('q='), { timeout: TIMEOUT });
    await page.fill('[data-test=figure-search]', '张');
    await page.press('[data-test=figure-search]', 'Enter');
    await searched;
    await page.locator('[data-test=figure-row-name]', { hasText: '张' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('[data-test=figure-row-name]').first().click();
    await page.waitForSelector('[data-test=profile-name]', { timeout: TIMEOUT });
    await page.click('#tab-history');
    await page.waitForSelector('[data-test=figure-history] .el-timeline-item', { timeout: TIMEOUT });
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
    await shot(page, '03d-staff-profile-history');
  } finally {
    await context.close();
  }
}, { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('every dashboard chart and the profile follower trend draw their data', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/dashboard');
  const dashboard = await chartCoverage(page, 5);
  await shot(page, '03e-dashboard-charts');
  assert(dashboard.length >= 5, `expected 5 dashboard charts, found ${dashboard.length}`);
  dashboard.forEach((share, i) => assert(share >= CHART_DRAWN, `dashboard chart ${i + 1} painted ${(share * 100).toFixed(2)}% of its canvas`));

  // A figure with an account and two metric snapshots: its account tab draws the follower trend.
  const list = await api(page, 'GET', '/api/figures?pageSize=50');
  const figure = list.body.items.find((f) => f.platforms.length > 0);
  assert(figure, 'no demo figure with an account');
  const detail = await api(page, 'GET', `/api/figures/${figure.id}`);
  const account = detail.body.accounts[0];
  for (const [date, followers] of [['2026-01-15', 12000], ['2026-06-15', 56000]]) {
    const added = await api(page, 'POST', `/api/accounts/${account.id}/snapshots`, { date, followers, likes: 100, works: 10, source: 'staff' });
    assert(added.status === 201, `snapshot: HTTP ${added.status}`);
  }
  await page.goto(`/figures/${figure.id}`);
  await page.click('#tab-accounts');
  const profile = await chartCoverage(page, 1);
  await shot(page, '03f-profile-trend');
  assert(profile[0] >= CHART_DRAWN, `the follower trend painted ${(profile[0] * 100).toFixed(2)}% of its canvas`);
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('each role lands on a page that offers something, and "返回首页" from a page it may not open leads back there', async () => {
  // Each feature's own tests look at what its home offers (features/*.mjs); this checks where "/" leads.
  const homes = { leader: '/dashboard', staff: '/figures', cadre: '/liaison/mine', unit: '/requests/inbox', association: '/my-tasks', member: '/m/' };
  for (const [user, home] of Object.entries(homes)) {
    await withPage({ user }, async (page) => {
      await page.waitForURL((url) => url.pathname.startsWith(home), { timeout: TIMEOUT });
      if (user === 'member') return; // the member app has no staff pages to be refused (features/members.mjs)
      await page.locator('.el-main').waitFor({ timeout: TIMEOUT });
      assert(!(await page.locator('.el-main').innerText()).includes('没有访问该页面的权限'), `${user}: the home page says no permission`);
      if (user === 'staff') return;
      // A page the role may not open says so, and "back home" leads to the home, not back to itself.
      await page.goto(user === 'leader' ? '/admin/users' : '/figures');
      await page.waitForURL((url) => url.pathname === '/forbidden', { timeout: TIMEOUT });
      await page.getByRole('button', { name: '返回首页' }).click();
      await page.waitForURL((url) => url.pathname.startsWith(home), { timeout: TIMEOUT });
      if (user !== 'association') return;
      await shot(page, '03g-association-home');
      // The account menu is visibly a control and leads to the password change; so does the security page.
      await page.click('[data-test=topbar-user]');
      await page.locator('[data-test=menu-change-password]').click({ timeout: TIMEOUT });
      await page.waitForURL((url) => url.pathname === '/change-password', { timeout: TIMEOUT });
      await page.goto('/security');
      await page.click('[data-test=security-change-password]');
      await page.waitForURL((url) => url.pathname === '/change-password', { timeout: TIMEOUT });
    });
  }
}, { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('leaving a changed form asks first; an unchanged one leaves at once', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/figures/new');
  await page.locator('[data-test=figure-name]').waitFor({ timeout: TIMEOUT });
  await page.click('[data-test=menu-figure-list]');
  await page.waitForURL((url) => url.pathname === '/figures', { timeout: TIMEOUT });

  await page.goto('/figures/new');
  await page.fill('[data-test=figure-name]', '未保存测');
  await page.click('[data-test=menu-figure-list]');
  const dialog = page.locator('.el-message-box', { hasText: '尚未保存' });
  await dialog.waitFor({ timeout: TIMEOUT });
  await dialog.getByRole('button', { name: '继续编辑' }).click();
  await page.waitForTimeout(300);
  assert(new URL(page.url()).pathname === '/figures/new', 'staying left the form');
  assert(await page.inputValue('[data-test=figure-name]') === '未保存测', 'the typed name was lost');
  await page.click('[data-test=menu-figure-list]');
  await page.locator('.el-message-box', { hasText: '尚未保存' }).getByRole('button', { name: '离开' }).click();
  await page.waitForURL((url) => url.pathname === '/figures', { timeout: TIMEOUT });
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('返回 on a profile goes back to the list with its search and page', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/figures?status=all&page=2');
  await page.locator('[data-test=figure-row-name]').first().waitFor({ timeout: TIMEOUT });
  const onPage2 = await page.locator('[data-test=figure-row-name]').first().textContent();
  await page.locator('[data-test=figure-row-name]').first().click();
  await page.locator('[data-test=profile-back]').waitFor({ timeout: TIMEOUT });
  await page.click('[data-test=profile-back]');
  await page.waitForURL((url) => url.pathname === '/figures', { timeout: TIMEOUT });
  const url = new URL(page.url());
  assert(url.searchParams.get('page') === '2' && url.searchParams.get('status') === 'all', `back to ${url.search}, not the list as it was left`);
  await page.locator('[data-test=figure-row-name]').first().waitFor({ timeout: TIMEOUT });
  const first = await page.locator('[data-test=figure-row-name]').first().textContent();
  assert(first === onPage2, `the list shows ${first} first, not ${onPage2} as on page 2 before`);
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('the 所属单位 tab of a profile links an organization and unlinks it', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/figures');
  const figures = await api(page, 'GET', '/api/figures?pageSize=50');
  const organizations = await api(page, 'GET', '/api/organizations?pageSize=1');
  const org = organizations.body.items[0];
  const figure = figures.body.items.find((f) => !f.name.includes(org.name));
  await page.goto(`/figures/${figure.id}`);
  await page.click('#tab-organizations');
  await page.click('[data-test=profile-link-organization]');
  await page.locator('[data-test=membership-pick] input').fill(org.name.slice(0, 4));
  const option = page.locator('.el-select-dropdown__item:visible', { hasText: org.name }).first();
  await option.waitFor({ timeout: TIMEOUT });
  await option.click();
  await page.fill('[data-test=membership-role]', '顾问');
  await page.click('[data-test=membership-save]');
  const row = page.locator('[data-test=profile-organizations] tr', { hasText: org.name });
  await row.waitFor({ timeout: TIMEOUT });
  assert((await row.textContent()).includes('顾问'), 'the linked organization shows without its role');
  await shot(page, '05b-profile-organization-linked');
  await row.locator('button', { hasText: '解除关联' }).click();
  await page.locator('.el-message-box__btns .el-button--primary').click();
  await row.waitFor({ state: 'detached', timeout: TIMEOUT });
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('a withdrawn figure is restored to the registry with a reason', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/figures');
  const list = await api(page, 'GET', '/api/figures?pageSize=1');
  const figure = list.body.items[0];
  const withdrawn = await api(page, 'DELETE', `/api/figures/${figure.id}?status=left&reason=${encodeURIComponent('本人申请退出')}`);
  assert(withdrawn.status === 204, `withdraw: HTTP ${withdrawn.status}`);
  await page.goto(`/figures/${figure.id}`);
  await page.click('[data-test=profile-restore]');
  const box = page.locator('.restore-box');
  await box.locator('textarea').fill('重新联系上，恢复入库');
  await box.getByRole('button', { name: '确定' }).click();
  await page.locator('[data-test=profile-withdraw]').waitFor({ timeout: TIMEOUT });
  const detail = await api(page, 'GET', `/api/figures/${figure.id}`);
  assert(detail.body.status === 'active' && detail.body.statusReason === '重新联系上，恢复入库', `not restored: ${JSON.stringify(detail.body.status)}`);
  // The history names both steps as a reader would, with their reasons.
  await page.click('#tab-history');
  const history = page.locator('[data-test=figure-history]');
  await history.getByText('恢复入库').first().waitFor({ timeout: TIMEOUT });
  const text = await history.textContent();
  assert(text.includes('移出') && text.includes('本人申请退出') && text.includes('重新联系上，恢复入库'), 'the history does not show the withdrawal and the restore with their reasons');
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('on a phone the menu is a drawer and the page has no sideways scroll', () => withPage({ user: 'cadre', viewport: { width: 390, height: 844 } }, async (page) => {
  await page.waitForURL((url) => url.pathname === '/liaison/mine', { timeout: TIMEOUT });
  await page.locator('.el-main').waitFor({ timeout: TIMEOUT });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `the cadre's home scrolls sideways by ${overflow}px`);
  assert(!(await page.locator('[data-test=menu-my-figures]').isVisible()), 'the menu takes room on the page');
  await page.click('[data-test=menu-open]');
  await page.locator('[data-test=menu-my-figures]').waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.waitForTimeout(400); // the drawer slides in
  await shot(page, '03h-phone-menu');
  await page.click('[data-test=menu-my-figures]');
  await page.locator('[data-test=menu-my-figures]').waitFor({ state: 'hidden', timeout: TIMEOUT });
  await shot(page, '03i-phone-cadre-home');
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('on a phone the list, profile, form, import and dashboard fit the width and offer their main action', () => withPage({ user: 'staff', viewport: { width: 390, height: 844 } }, async (page) => {
  /** Sideways overflow of the page and of the scrolling main area (a wide child scrolls there, not the page). */
  const overflow = () => page.evaluate(() => [document.documentElement, document.querySelector('.el-main')]
    .map((e) => (e ? e.scrollWidth - e.clientWidth : 0)).reduce((a, b) => Math.max(a, b)));
  const visit = async (path, action, name) => {
    await page.goto(path);
    const target = page.locator(action).first();
    await target.waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.waitForTimeout(300);
    const box = await target.boundingBox();
    assert(box && box.x >= 0 && box.x + box.width <= 390, `${path}: ${action} is not within the screen's width`);
    const extra = await overflow();
    assert(extra <= 0, `${path} scrolls sideways by ${extra}px`);
    await shot(page, name);
  };
  await visit('/figures', '[data-test=figure-new]', '03j-phone-list');
  const first = page.locator('[data-test=figure-row-name]').first();
  assert((await first.boundingBox()).x < 390 / 2, 'the name column is not kept at the left');
  const id = await page.evaluate(async () => (await (await fetch('/api/figures?pageSize=1')).json()).items[0].id);
  await visit(`/figures/${id}`, '[data-test=profile-edit]', '03k-phone-profile');
  // One label and value per row: every value cell starts at the same x.
  const starts = await page.$$eval('[data-test=figure-basic] td.el-descriptions__content', (cells) => cells.map((c) => Math.round(c.getBoundingClientRect().x)));
  assert(starts.length > 5 && new Set(starts).size === 1, `the profile shows several label/value pairs per row (value cells at x ${[...new Set(starts)]})`);
  await visit('/figures/new', '[data-test=figure-name]', '03l-phone-form');
  assert((await page.locator('[data-test=figure-name]').boundingBox()).width > 300, 'the form is not one column wide');
  await page.locator('[data-test=figure-save]').scrollIntoViewIfNeeded();
  assert(await page.locator('[data-test=figure-save]').isVisible(), 'the save button cannot be reached');
  await visit('/import', '[data-test=import-template]', '03m-phone-import');
  await visit('/dashboard', '[data-test=stat-total]', '03n-phone-dashboard');
  const drawn = await chartCoverage(page, 1);
  assert(drawn[0] > CHART_DRAWN, `the first dashboard chart drew ${drawn[0]} of its canvas on a phone`);
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test(`the admin creates ${FIGURE_NAME} in the first region`, async () => {
  assert(admin, 'admin is not signed in');
  await admin.goto('/figures/new');
  await admin.fill('[data-test=figure-name]', FIGURE_NAME);
  await pickFirstRegion(admin, '[data-test=figure-region]');
  await shot(admin, '05-figure-form');
  await admin.click('[data-test=figure-save]');
  // A duplicate warning cannot come up (no ID, phone or account), but accept it if the server finds one.
  const saveAnyway = admin.locator('[data-test=duplicate-save-anyway]');
  await Promise.race([
    admin.waitForURL(/\/figures\/\d+$/, { timeout: TIMEOUT }),
    saveAnyway.waitFor({ timeout: TIMEOUT }).then(() => saveAnyway.click()).then(() => admin.waitForURL(/\/figures\/\d+$/, { timeout: TIMEOUT })),
  ]);
  await admin.waitForSelector('[data-test=profile-name]', { timeout: TIMEOUT });
  assert((await admin.textContent('[data-test=profile-name]')).includes(FIGURE_NAME), 'profile shows another name');
  await shot(admin, '06-figure-profile');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

test('pinyin initials "wyc" find the new figure', async () => {
  assert(admin, 'admin is not signed in');
  await admin.goto('/figures');
  await admin.fill('[data-test=figure-search]', 'wyc');
  const response = admin.waitForResponse((r) => r.url().includes('/api/figures?') && r.url().includes('q=wyc'), { timeout: TIMEOUT });
  await admin.press('[data-test=figure-search]', 'Enter');
  await response;
  const row = admin.locator('[data-test=figure-row-name]', { hasText: FIGURE_NAME }).first();
  await row.waitFor({ timeout: TIMEOUT });
  await shot(admin, '07-search-wyc');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

test('an import with errors lists the error rows and blocks the commit', async () => {
  assert(admin, 'admin is not signed in');
  await admin.goto('/import');
  const probe = await api(admin, 'POST', '/api/figures/import?mode=dryRun', { multipart: true, name: 'empty.xlsx', bytes: [] });
  if (probe.status === 404) throw new Skip('POST /api/figures/import answers 404 (not on this server yet)');
  const input = admin.locator('[data-test=import-file] input[type=file]');
  await input.setInputFiles(join(here, 'fixtures', 'figures-with-errors.xlsx'));
  await admin.waitForSelector('[data-test=import-chosen]', { timeout: TIMEOUT });
  await admin.click('[data-test=import-check]');
  const rows = admin.locator('[data-test=import-errors] .el-table__body tr');
  await rows.first().waitFor({ timeout: TIMEOUT * 4 });
  const count = await rows.count();
  assert(count >= 2, `expected at least 2 error rows, saw ${count}`);
  const text = await admin.textContent('[data-test=import-errors]');
  assert(/\d/.test(text), 'error rows carry no row numbers');
  assert(await admin.locator('[data-test=import-commit]').isDisabled(), 'commit is enabled despite errors');
  await shot(admin, '08-import-errors');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

test('the export runs in the background, shows its progress and downloads an .xlsx', async () => {
  assert(admin, 'admin is not signed in');
  await admin.goto('/figures');
  const probe = await api(admin, 'GET', '/api/export-jobs');
  if (probe.status === 404) throw new Skip('GET /api/export-jobs answers 404 (not on this server yet)');
  await admin.waitForSelector('[data-test=figure-export]', { timeout: TIMEOUT });
  await admin.click('[data-test=figure-export]');
  await admin.waitForSelector('[data-test=export-progress]', { timeout: TIMEOUT });
  const button = admin.locator('[data-test=export-download]');
  await button.waitFor({ timeout: TIMEOUT * 4 });
  const state = await admin.textContent('[data-test=export-state]');
  assert(/导出完成，共 \d+ 条/.test(state ?? ''), `unexpected export state: ${JSON.stringify(state)}`);
  const recent = admin.locator('[data-test=export-recent] .el-table__body tr');
  await recent.first().waitFor({ timeout: TIMEOUT });
  const [download] = await Promise.all([
    admin.waitForEvent('download', { timeout: TIMEOUT * 2 }),
    button.click(),
  ]);
  const file = join(downloads, download.suggestedFilename() || 'export.xlsx');
  await download.saveAs(file);
  const head = readFileSync(file).subarray(0, 2).toString('latin1');
  assert(head === 'PK', `download does not start with PK: ${JSON.stringify(head)}`);
  await shot(admin, '09-export');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

test('the audit log names a withdrawal 移出 with its reason and expands a change as a before/after table', async () => {
  await admin.goto('/admin/audit');
  await admin.locator('[data-test=audit-table]').waitFor({ timeout: TIMEOUT });
  await admin.click('[data-test=audit-entity-type] .el-select__wrapper');
  await admin.locator('.el-select-dropdown__item:visible', { hasText: '网络人士' }).first().click();
  await admin.click('[data-test=audit-search]');
  const row = admin.locator('[data-test=audit-table] tr.el-table__row', { hasText: '移出' }).first();
  await row.waitFor({ timeout: TIMEOUT });
  assert((await row.textContent()).includes('本人申请退出'), 'the withdrawal line does not give its reason');
  await row.locator('.el-table__expand-icon').click();
  const table = admin.locator('[data-test=change-table]').first();
  await table.waitFor({ timeout: TIMEOUT });
  const text = await table.textContent();
  assert(text.includes('修改前') && text.includes('修改后') && text.includes('在库'), `the expanded change is not a before/after table in Chinese: ${text.slice(0, 200)}`);
  await shot(admin, '10-audit-withdrawal');
}, { skip: !ADMIN_PASSWORD || !DEMO_PASSWORD ? 'ADMIN_PASSWORD or DEMO_PASSWORD not set' : undefined });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(join(here, 'features')).filter((f) => f.endsWith('.mjs')).sort()) {
  await import(`./features/${file}`);
}
setBrowser(await launchBrowser());
try {
  for (const t of tests.filter((x) => x.name.includes(ONLY))) {
    if (t.skip) {
      skipped++;
      console.log(`- SKIP ${t.name} (${t.skip})`);
      continue;
    }
    const started = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      if (e instanceof Skip) {
        skipped++;
        console.log(`- SKIP ${t.name} (${e.message})`);
        continue;
      }
      failed++;
      console.log(`✗ ${t.name}\n    ${e?.stack ?? e}`);
      if (admin) await shot(admin, `fail-${passed + failed}`);
    }
  }
} finally {
  await firstContext?.close().catch(() => undefined);
  await adminContext?.close().catch(() => undefined);
  await browser.close();
}
console.log(`E2E: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed ? 1 : 0;
