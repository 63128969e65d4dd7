// Browser tests against a running Tongxin server (which serves the built front end).
//   BASE_URL=http://127.0.0.1:5080 ADMIN_USER=admin ADMIN_PASSWORD=… \
//   FIRST_USER=… FIRST_PASSWORD=… [FIRST_NEW_PASSWORD=…] npm run e2e
// Prints "E2E: N passed, N failed" last and exits non-zero when a test failed.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, newContext } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, 'screenshots');
const downloads = join(here, 'downloads');
mkdirSync(shots, { recursive: true });
mkdirSync(downloads, { recursive: true });

const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:5080';
const ADMIN_USER = process.env.ADMIN_USER || 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
const FIRST_USER = process.env.FIRST_USER;
const FIRST_PASSWORD = process.env.FIRST_PASSWORD;
const FIRST_NEW_PASSWORD = process.env.FIRST_NEW_PASSWORD || `e2e-新密码-${Date.now()}`;
const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);
const FIGURE_NAME = '王逸测';

const tests = [];
const test = (name, fn, { skip } = {}) => tests.push({ name, fn, skip });

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }).catch(() => undefined);
}

async function signIn(page, user, password) {
  await page.goto('/login');
  await page.fill('[data-test=login-username]', user);
  await page.fill('[data-test=login-password]', password);
  await page.press('[data-test=login-password]', 'Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
}

/** Picks the first node of the open el-tree-select dropdown under `selector`. */
async function pickFirstRegion(page, selector) {
  await page.click(`${selector} .el-select__wrapper`);
  const node = page.locator('.el-tree-select__popper:visible .el-tree-node__content').first();
  await node.waitFor({ state: 'visible', timeout: TIMEOUT });
  await node.click();
  await page.keyboard.press('Escape').catch(() => undefined);
}

let browser;

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

test('a new user must change the password first', async () => {
  const context = await newContext(browser, BASE_URL);
  const page = await context.newPage();
  try {
    await signIn(page, FIRST_USER, FIRST_PASSWORD);
    await page.waitForURL('**/change-password', { timeout: TIMEOUT });
    await shot(page, '02-change-password');
    await page.fill('[data-test=cp-current]', FIRST_PASSWORD);
    await page.fill('[data-test=cp-new]', FIRST_NEW_PASSWORD);
    await page.fill('[data-test=cp-confirm]', FIRST_NEW_PASSWORD);
    await page.click('[data-test=cp-submit]');
    await page.waitForURL((url) => !url.pathname.startsWith('/change-password'), { timeout: TIMEOUT });
    await shot(page, '03-after-change-password');
  } finally {
    await context.close();
  }
}, { skip: !FIRST_USER || !FIRST_PASSWORD ? 'FIRST_USER/FIRST_PASSWORD not set' : undefined });

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

test('the export downloads an .xlsx', async () => {
  assert(admin, 'admin is not signed in');
  await admin.goto('/figures');
  await admin.waitForSelector('[data-test=figure-export]', { timeout: TIMEOUT });
  const [download] = await Promise.all([
    admin.waitForEvent('download', { timeout: TIMEOUT * 2 }),
    admin.click('[data-test=figure-export]'),
  ]);
  const file = join(downloads, download.suggestedFilename() || 'export.xlsx');
  await download.saveAs(file);
  const head = readFileSync(file).subarray(0, 2).toString('latin1');
  assert(head === 'PK', `download does not start with PK: ${JSON.stringify(head)}`);
  await shot(admin, '09-export');
}, { skip: !ADMIN_PASSWORD ? 'ADMIN_PASSWORD not set' : undefined });

let passed = 0;
let failed = 0;
let skipped = 0;
browser = await launchBrowser();
try {
  for (const t of tests) {
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
      failed++;
      console.log(`✗ ${t.name}\n    ${e?.stack ?? e}`);
      if (admin) await shot(admin, `fail-${passed + failed}`);
    }
  }
} finally {
  await adminContext?.close().catch(() => undefined);
  await browser.close();
}
if (skipped) console.log(`(${skipped} skipped)`);
console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
