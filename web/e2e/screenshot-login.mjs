// Screenshot of the login page: `npx vite preview --port 4173` in one shell, then
// `node e2e/screenshot-login.mjs [url]`. Writes e2e/screenshots/login.png.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './browser.mjs';

const url = process.argv[2] || process.env.BASE_URL || 'http://127.0.0.1:4173';
const dir = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(dir, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
  await page.goto(new URL('/login', url).href, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-test=login-submit]');
  const file = join(dir, 'login.png');
  await page.screenshot({ path: file, fullPage: true });
  console.log(`saved ${file}; title: ${await page.title()}`);
} finally {
  await browser.close();
}
