// Shared pieces of the browser tests (run.mjs and features/*.mjs): settings from the environment, the test
// list, and helpers to sign in, call the API like the app, take screenshots and read charts' pixels.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newContext } from './browser.mjs';

export const here = dirname(fileURLToPath(import.meta.url));
export const shots = join(here, 'screenshots');
export const downloads = join(here, 'downloads');
mkdirSync(shots, { recursive: true });
mkdirSync(downloads, { recursive: true });

export const BASE_URL = process.env.BASE_URL || 'http://127.0.0.1:5080';
export const ADMIN_USER = process.env.ADMIN_USER || 'admin';
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD;
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);
export const FIGURE_NAME = '王逸测';
/** Runs only the tests whose name contains this text (for working on one test; the full run sets nothing). */
export const ONLY = process.env.E2E_ONLY || '';

export const tests = [];
/** `skip` is a reason known before the run; a test may also throw Skip when the server lacks a feature. */
export const test = (name, fn, { skip } = {}) => tests.push({ name, fn, skip });

export class Skip extends Error {}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Calls the API from a signed-in page with the anti-forgery header, like the app does. */
export async function api(page, method, url, body) {
  return page.evaluate(async ({ method, url, body }) => {
    const token = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.slice('XSRF-TOKEN='.length);
    const headers = { Accept: 'application/json' };
    if (token) headers['X-XSRF-TOKEN'] = decodeURIComponent(token);
    let payload;
    if (body instanceof Object && body.multipart) {
      payload = new FormData();
      payload.append('file', new Blob([new Uint8Array(body.bytes)]), body.name);
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
    const text = res.headers.get('content-type')?.includes('json') ? await res.text() : '';
    if (!text) await res.body?.cancel().catch(() => undefined);
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }, { method, url, body });
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true }).catch(() => undefined);
}

export async function signIn(page, user, password) {
  await page.goto('/login');
  await page.fill('[data-test=login-username]', user);
  await page.fill('[data-test=login-password]', password);
  await page.press('[data-test=login-password]', 'Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: TIMEOUT });
}

/**
 * For each chart on the page, the share of its canvas that ECharts painted (alpha > 0). A chart whose code
 * failed to load or threw paints nothing; an empty chart paints only axes. Waits for the charts to appear.
 */
export async function chartCoverage(page, expected) {
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=echart] canvas').length >= n, expected, { timeout: TIMEOUT });
  await page.waitForTimeout(1500); // ECharts animates the first draw
  return page.$$eval('[data-test=echart]', (charts) => charts.map((chart) => {
    const canvas = chart.querySelector('canvas');
    if (!canvas || !canvas.width || !canvas.height) return 0;
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
    return painted / (canvas.width * canvas.height);
  }));
}

/** At least this share of a chart's canvas is painted when it shows data (axes and labels alone stay below). */
export const CHART_DRAWN = 0.02;

/**
 * Runs `fn` with a page in a fresh browser context (its own cookies), signed in as the demo `user` when one is
 * given; a script error on the page fails the test. `viewport` replaces the desktop size.
 */
export async function withPage({ user, viewport } = {}, fn) {
  const context = viewport
    ? await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', viewport })
    : await newContext(browser, BASE_URL);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    if (user) await signIn(page, user, DEMO_PASSWORD);
    await fn(page);
    assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
  } finally {
    await context.close();
  }
}

/** Picks the first node of the open el-tree-select dropdown under `selector`. */
export async function pickFirstRegion(page, selector) {
  await page.click(`${selector} .el-select__wrapper`);
  const node = page.locator('.el-tree-select__popper:visible .el-tree-node__content').first();
  await node.waitFor({ state: 'visible', timeout: TIMEOUT });
  await node.click();
  await page.keyboard.press('Escape').catch(() => undefined);
}

/** The one browser of the run, launched by run.mjs before any test. */
export let browser;
export function setBrowser(b) { browser = b; }
