// Walks through the main pages of a running server and takes full-page screenshots, collecting console
// errors and failed requests, for a person to look at (not a test: it never fails on what it sees).
//   BASE_URL=http://127.0.0.1:5080 ADMIN_PASSWORD=… [DEMO_PASSWORD=Tongxin-Demo-2026] [WIDTH=1440 HEIGHT=900] node e2e/tour.mjs
// Writes e2e/screenshots/tour-<width>/NN-name.png and prints the problems it saw.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:5080';
const ADMIN_USER = process.env.ADMIN_USER || 'admin';
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
const STAFF_USER = process.env.STAFF_USER || 'staff';
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'Tongxin-Demo-2026';
const width = Number(process.env.WIDTH || 1440);
const height = Number(process.env.HEIGHT || 900);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const dir = join(here, 'screenshots', `tour-${width}`);
mkdirSync(dir, { recursive: true });

const problems = [];
let current = '';

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`[${current}] console.${msg.type()}: ${msg.text()} ${msg.location()?.url ?? ''}`);
  });
  page.on('pageerror', (e) => problems.push(`[${current}] page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`[${current}] request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`[${current}] HTTP ${r.status()} ${r.request().method()} ${r.url()}`);
  });
}

async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(400);
}

async function shot(page, name) {
  if (only && !only.test(name)) return;
  await settle(page);
  // The layout scrolls inside <main>, so a "full page" is only the window: grow the window to show it all.
  const extra = await page.evaluate(() => {
    const main = document.querySelector('.main');
    if (main) main.scrollTop = 0;
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  if (extra > 0) await page.setViewportSize({ width, height: height + extra });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  if (extra > 0) await page.setViewportSize({ width, height });
  console.log(`saved ${name}.png`);
}

async function signIn(page, user, password) {
  current = `login ${user}`;
  await page.goto('/login');
  await page.fill('[data-test=login-username]', user);
  await page.fill('[data-test=login-password]', password);
  await page.press('[data-test=login-password]', 'Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15000 });
}

const browser = await launchBrowser();
try {
  // ---- staff ---------------------------------------------------------------------------------
  const staffContext = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', viewport: { width, height } });
  const page = await staffContext.newPage();
  watch(page);
  current = 'login';
  await page.goto('/login');
  await shot(page, '01-login');
  await signIn(page, STAFF_USER, DEMO_PASSWORD);

  current = 'figures';
  await page.goto('/figures');
  await page.waitForSelector('[data-test=figure-row-name]', { timeout: 15000 }).catch(() => undefined);
  await shot(page, '02-figures');

  // keyboard: type into the search box and press Enter
  current = 'figures search';
  let searches = 0;
  const countSearch = (r) => { if (r.url().includes('/api/figures?') && r.url().includes('q=')) searches++; };
  page.on('request', countSearch);
  await page.click('[data-test=figure-search] input, [data-test=figure-search]');
  await page.keyboard.type('张');
  await page.keyboard.press('Enter');
  await shot(page, '03-figures-search');
  page.off('request', countSearch);
  if (searches !== 1) problems.push(`[figures search] Enter in the search box sent ${searches} requests (expected 1)`);
  console.log(`Enter in the search box: ${searches} request(s); url ${page.url()}`);

  // The export of the searched list: a background job with its progress, download and recent exports.
  current = 'figures export';
  if (await page.locator('[data-test=figure-export]').count()) {
    await page.click('[data-test=figure-export]');
    await page.waitForSelector('[data-test=export-download]', { timeout: 30000 }).catch(() => undefined);
    await shot(page, '03b-figures-export');
    await page.keyboard.press('Escape');
  }

  // A figure with accounts (most followers first).
  current = 'figures by followers';
  await page.goto('/figures?sort=-followers');
  await page.waitForSelector('[data-test=figure-row-name]', { timeout: 15000 });
  await page.locator('[data-test=figure-row-name]').first().click();
  await page.waitForSelector('[data-test=profile-name]', { timeout: 15000 });
  const figureUrl = page.url();
  current = 'profile basic';
  await shot(page, '04-profile-basic');
  for (const [tab, name] of [['accounts', '05-profile-accounts'], ['positions', '06-profile-positions'], ['organizations', '07-profile-organizations'], ['history', '08-profile-history']]) {
    current = `profile ${tab}`;
    await page.click(`#tab-${tab}`);
    await shot(page, name);
  }

  current = 'figure new';
  await page.goto('/figures/new');
  await page.waitForSelector('[data-test=figure-form]');
  await page.fill('[data-test=figure-id-number] input, input[data-test=figure-id-number]', '510502199001011234').catch(() => undefined);
  await page.fill('[data-test=figure-phone] input, input[data-test=figure-phone]', '12345').catch(() => undefined);
  await page.click('[data-test=figure-save]');
  await shot(page, '09-figure-new-errors');

  current = 'organizations';
  await page.goto('/organizations');
  await shot(page, '10-organizations');
  const orgLink = page.locator('[data-test=organization-row-name]').first();
  if (await orgLink.count()) {
    current = 'organization detail';
    await orgLink.click();
    await page.waitForURL(/\/organizations\/\d+$/);
    await shot(page, '11-organization-detail');
  }

  current = 'dashboard';
  await page.goto('/dashboard');
  await page.waitForTimeout(800);
  await shot(page, '12-dashboard');

  current = 'security';
  await page.goto('/security');
  await shot(page, '13-security');
  await staffContext.close();

  // ---- admin ---------------------------------------------------------------------------------
  if (ADMIN_PASSWORD) {
    const adminContext = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', viewport: { width, height } });
    const admin = await adminContext.newPage();
    watch(admin);
    await signIn(admin, ADMIN_USER, ADMIN_PASSWORD);
    for (const [path, name] of [['/admin/users', '20-users'], ['/admin/regions', '21-regions'], ['/admin/org-units', '21b-org-units'], ['/admin/dictionaries', '22-dictionaries'], ['/admin/audit', '23-audit'], ['/import', '24-import'], [new URL(figureUrl).pathname, '25-admin-profile']]) {
      current = path;
      await admin.goto(path);
      await shot(admin, name);
    }
    await adminContext.close();
  }
} finally {
  await browser.close();
}
console.log(problems.length ? `\n${problems.length} problem(s):\n${problems.join('\n')}` : '\nno console errors or failed requests');
