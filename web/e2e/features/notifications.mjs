// Notifications: staff publish a notice to an org unit's users; one of them sees the bell's count on a phone, opens it
// from the inbox and reads it; the staff's list counts the read.
import { TIMEOUT, api, assert, shot, test, withPage } from '../lib.mjs';

const unread = async (page) => (await api(page, 'GET', '/api/notifications/unread-count')).body.count;
const bellCount = async (page) => {
  const badge = page.locator('[data-test=notification-count] sup');
  if (!(await badge.isVisible())) return 0;
  return Number((await badge.innerText()).replace('+', ''));
};

test('staff publish a notice; a unit user sees the bell count, reads it, and the read is counted', async () => {
  const title = `端到端通知 ${Date.now()}`;
  let before = 0;
  await withPage({ user: 'unit' }, async (page) => { before = await unread(page); });

  await withPage({ user: 'staff' }, async (page) => {
    await page.goto('/notices');
    await page.click('[data-test=notice-new]');
    await page.fill('[data-test=notice-title]', title);
    await page.fill('[data-test=notice-body]', '请各成员单位按时参加线上培训。');
    await page.locator('[data-test=notice-audience] .el-radio', { hasText: '单位用户' }).click();
    await page.click('[data-test=notice-org-unit]');
    await page.locator('.el-select-dropdown__item:visible', { hasText: '泸州市委网信办' }).click();
    await page.click('[data-test=notice-submit]');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.locator('[data-test=notice-row-title]', { hasText: title }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'notices-staff');
  });

  await withPage({ user: 'unit', viewport: { width: 390, height: 844 } }, async (page) => {
    // Delivered in the background: wait for it, then the bell shows it on the next page load.
    const start = Date.now();
    while (await unread(page) < before + 1) {
      assert(Date.now() - start < TIMEOUT, 'the notice did not reach the unit user');
      await page.waitForTimeout(250);
    }
    await page.goto('/welcome');
    await page.waitForFunction((n) => Number(document.querySelector('[data-test=notification-count] sup')?.textContent || 0) === n, before + 1, { timeout: TIMEOUT });
    assert(await bellCount(page) === before + 1, 'bell shows the new unread count');
    await shot(page, 'notifications-bell-phone');
    await page.click('[data-test=notification-bell]');
    await page.waitForURL((url) => url.pathname === '/notifications', { timeout: TIMEOUT });
    await page.locator('[data-test=notification-title]', { hasText: title }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'notifications-inbox-phone');
    await page.locator('[data-test=notification-title]', { hasText: title }).click();
    await page.waitForURL((url) => /^\/notices\/\d+$/.test(url.pathname), { timeout: TIMEOUT });
    await page.locator('[data-test=notice-detail-body]', { hasText: '线上培训' }).waitFor({ timeout: TIMEOUT });
    await shot(page, 'notice-read-phone');
    assert(await unread(page) === before, 'reading it brings the count down');
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert(noScroll, 'the notice page has no sideways scroll at 390 px');
  });

  await withPage({ user: 'staff' }, async (page) => {
    await page.goto('/notices');
    const row = page.locator('.el-table__row', { hasText: title });
    await row.waitFor({ timeout: TIMEOUT });
    const reads = await row.locator('[data-test=notice-reads]').innerText();
    assert(/^1 \/ \d+$/.test(reads.trim()), `read count shown as 1 / n, got ${reads}`);
    await shot(page, 'notices-staff-read');
  });
});

test('the security page switches a notification kind off and on', () => withPage({ user: 'staff_jy' }, async (page) => {
  await page.goto('/security');
  const row = page.locator('[data-test=notification-setting-birthday]');
  await row.waitFor({ timeout: TIMEOUT });
  const was = (await api(page, 'GET', '/api/me/notification-settings')).body.find((s) => s.kind === 'birthday').enabled;
  await row.locator('.el-switch').click();
  await page.waitForFunction(async (w) => {
    const res = await fetch('/api/me/notification-settings', { headers: { Accept: 'application/json' } });
    return (await res.json()).find((s) => s.kind === 'birthday').enabled !== w;
  }, was, { timeout: TIMEOUT });
  assert(await page.locator('[data-test=notification-setting-notice] .el-switch.is-disabled').count() === 1, 'notices cannot be switched off');
  await row.locator('.el-switch').click(); // back as it was
  await shot(page, 'notification-settings');
}));
