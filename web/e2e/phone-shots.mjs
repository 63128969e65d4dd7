// Screenshots of the staff pages at phone size, with the page's sideways overflow:
//   BASE_URL=http://127.0.0.1:5080 DEMO_PASSWORD=… node e2e/phone-shots.mjs [outdir]
import { launchBrowser } from './browser.mjs';

const base = process.env.BASE_URL || 'http://127.0.0.1:5080';
const out = process.argv[2] || '/tmp/shots';
const browser = await launchBrowser();
const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', viewport: { width: 390, height: 844 } });
const page = await context.newPage();
await page.goto('/login');
await page.fill('[data-test=login-username]', 'staff');
await page.fill('[data-test=login-password]', process.env.DEMO_PASSWORD || 'Tongxin-Demo-2026');
await page.press('[data-test=login-password]', 'Enter');
await page.waitForURL((u) => !u.pathname.startsWith('/login'));
const firstId = await page.evaluate(async () => (await (await fetch('/api/figures?pageSize=1')).json()).items[0].id);
for (const [name, path] of [['list', '/figures'], ['profile', `/figures/${firstId}`], ['form', '/figures/new'], ['edit', `/figures/${firstId}/edit`],
  ['import', '/import'], ['dashboard', '/dashboard'], ['orgs', '/organizations'], ['audit', '/admin/audit'], ['users', '/admin/users']]) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800);
  const overflow = await page.evaluate(() => [document.documentElement, document.querySelector('.el-main')].map((e) => e ? e.scrollWidth - e.clientWidth : 0));
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
  console.log(name, path, 'overflow', overflow);
}
await browser.close();
