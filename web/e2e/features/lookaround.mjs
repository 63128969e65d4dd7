// A user's look around: each demo role opens every page of its menu on a phone (390 px) and the page must read
// well there: no sideways scroll, no console error or failed request, no raw i18n key or ISO timestamp, links in
// the app's colour, short description labels on one line. The member app (/m/) gets the same look.
import { assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const demoOnly = { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined };
const phone = { width: 390, height: 844 };

/**
 * Console errors and failed requests of the page, from now on; `take()` returns and clears them. `quiet()` waits
 * until no request has been in flight for a moment (faster than networkidle's half second).
 */
function watch(page) {
  let problems = [];
  let inFlight = 0;
  let last = Date.now();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text().slice(0, 200)}`); });
  page.on('request', () => { inFlight++; last = Date.now(); });
  page.on('requestfinished', () => { inFlight--; last = Date.now(); });
  page.on('requestfailed', (r) => {
    inFlight--; last = Date.now();
    // A navigation cancels the previous page's pending loads; only real failures count.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${r.url()}`); });
  return {
    take: () => { const p = problems; problems = []; return p; },
    quiet: async () => {
      const until = Date.now() + TIMEOUT;
      await page.waitForTimeout(30);
      // Quiet for 100 ms: the data has arrived and Vue has drawn it (it renders on the next tick).
      while (Date.now() < until && (inFlight > 0 || Date.now() - last < 100)) await page.waitForTimeout(20);
    },
  };
}

/** What a user would trip over on the page as it is now shown; an empty list when nothing. */
async function lookAt(page) {
  return page.evaluate(() => {
    const found = [];
    const main = document.querySelector('.el-main') || document.body;
    for (const el of [document.documentElement, main]) {
      const extra = el.scrollWidth - el.clientWidth;
      if (extra > 1) found.push(`scrolls sideways by ${extra}px (${el.tagName.toLowerCase()})`);
    }
    const text = main.innerText;
    const iso = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\S*/);
    if (iso) found.push(`raw ISO time shown: ${iso[0]}`);
    const key = text.match(/\b(?:common|menu|layout|figure|request|liaison|task|notice|notification|member|organization|auth|security|dashboard|errors|invitation|correction|admin)\.[a-z][A-Za-z]*(?:\.[A-Za-z]+)*\b/);
    if (key) found.push(`raw i18n key shown: ${key[0]}`);
    if (!text.trim()) found.push('the page shows nothing');
    // The browser's default link colour (unstyled <a>) next to the app's own links.
    const raw = [...main.querySelectorAll('a')].filter((a) => a.offsetParent && getComputedStyle(a).color === 'rgb(0, 0, 238)');
    if (raw.length) found.push(`${raw.length} link(s) in the browser's default blue, e.g. "${raw[0].textContent.trim().slice(0, 20)}"`);
    // A label of a few characters broken over lines: the description table has too many columns for the width.
    for (const label of main.querySelectorAll('.el-descriptions__label')) {
      const t = label.textContent.trim();
      if (!t || t.length > 6) continue;
      const range = document.createRange();
      range.selectNodeContents(label);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) { found.push(`label "${t}" broken over ${lines.size} lines`); break; }
    }
    return found;
  });
}

/** The pages of the user's menu, read from the phone's menu drawer (rendered when first opened). */
async function menuPaths(page, user) {
  await page.click('[data-test=menu-open]');
  const drawer = page.locator('[data-test=menu-drawer]');
  await drawer.locator('[data-path]').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  const paths = await drawer.locator('[data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
  assert(paths.length > 0, `${user} has no menu entries`);
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden', timeout: TIMEOUT });
  return paths;
}

/** Moves within the app like its menu does (the router, no reload). */
async function go(page, path) {
  await page.evaluate((p) => {
    // The entry vue-router itself would push (it keeps its own fields in history.state), then the event it follows.
    const s = history.state || {};
    const base = location.pathname.startsWith('/m/') ? '/m' : '';
    const state = { back: s.current ?? null, current: p.slice(base.length) || '/', forward: null, position: (s.position ?? 0) + 1, replaced: false, scroll: null };
    history.pushState(state, '', p);
    dispatchEvent(new PopStateEvent('popstate', { state }));
  }, path);
  await page.waitForURL((url) => url.pathname === path, { timeout: TIMEOUT });
}

async function check(page, seen, user, problems) {
  await seen.quiet();
  const path = new URL(page.url()).pathname;
  const found = [...await lookAt(page), ...seen.take()];
  if (found.length) {
    problems.push(`${path}: ${found.join('; ')}`);
    await shot(page, `lookaround-${user}${path.replace(/\//g, '-')}`);
  }
}

for (const user of ['staff', 'staff_jy', 'leader', 'cadre', 'unit', 'association']) {
  test(`look around: ${user} reads every page of the menu on a phone`, () => withPage({ user, viewport: phone }, async (page) => {
    const seen = watch(page);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    seen.take(); // the sign-in page and the home redirect are other tests' business
    const paths = await menuPaths(page, user);
    const problems = [];
    for (const path of paths) {
      await go(page, path);
      await check(page, seen, user, problems);
    }
    // A detail page the menu leads to: the first help request of the board (or of the unit's inbox).
    const board = paths.find((p) => p === '/requests' || p === '/requests/inbox');
    if (board) {
      await go(page, board);
      await seen.quiet();
      const link = page.locator('[data-test=request-row-title], [data-test=inbox-row-title]').first();
      if (await link.count()) {
        await link.click();
        await page.waitForURL(/\/requests\/\d+$/, { timeout: TIMEOUT });
        await page.locator('.el-descriptions').first().waitFor({ timeout: TIMEOUT });
        await check(page, seen, user, problems);
      }
    }
    // A toggle says what it will do next: the figure list's extra filters open, then close.
    if (user === 'staff' && paths.includes('/figures')) {
      await go(page, '/figures');
      await seen.quiet();
      await page.getByRole('button', { name: '更多筛选' }).click();
      await page.getByRole('button', { name: '收起筛选' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    }
    // A dialog that opens on a bare search box says what to do in it.
    if (user === 'staff' && paths.includes('/invitations')) {
      await go(page, '/invitations');
      await seen.quiet();
      await page.locator('button', { hasText: '邀请激活' }).first().click();
      const hint = page.locator('[data-test=invite-hint]');
      await hint.waitFor({ state: 'visible', timeout: TIMEOUT });
      assert((await hint.innerText()).includes('搜索'), 'the invite dialog does not say how to pick figures');
      await page.keyboard.press('Escape');
    }
    assert(problems.length === 0, `${user} on a phone:\n  ${problems.join('\n  ')}`);
  }), demoOnly);
}

test('look around: the member app reads well on a phone, without console errors', () => withPage({ viewport: phone }, async (page) => {
  const seen = watch(page);
  await page.goto('/m/login');
  await page.fill('[data-test=m-login-username] input', 'member');
  await page.fill('[data-test=m-login-password] input', DEMO_PASSWORD);
  await page.click('[data-test=m-login-submit]');
  await page.waitForURL((url) => !url.pathname.includes('login'), { timeout: TIMEOUT });
  await seen.quiet();
  const problems = [];
  for (const path of ['/m/', '/m/inbox', '/m/me', '/m/settings']) {
    await go(page, path);
    await check(page, seen, 'member', problems);
  }
  assert(problems.length === 0, `member app on a phone:\n  ${problems.join('\n  ')}`);
}), demoOnly);
