// The members' side: staff invite a figure, the person activates from the link on a phone, signs in, sees their
// data and proposes a correction; staff approve it on the desktop; the member sees the change. No page of the
// member app scrolls sideways at 390×844.
import { api, assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

const PHONE = { width: 390, height: 844 };
const MEMBER_PASSWORD = 'Member-Demo-Password-2026';

async function noSidewaysScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert(overflow <= 0, `${what} scrolls sideways by ${overflow}px`);
}

/** Invites the first active figure of the list that has no member account yet; returns its invitation and figure. */
async function inviteSomeone(staff) {
  await staff.goto('/invitations');
  const list = await api(staff, 'GET', '/api/figures?pageSize=50&status=active');
  assert(list.status === 200, `figures: HTTP ${list.status}`);
  for (const figure of list.body.items) {
    const res = await api(staff, 'POST', '/api/invitations', { figureIds: [figure.id] });
    if (res.status === 200) return { invitation: res.body[0], figure };
  }
  throw new Error('no figure could be invited');
}

test('a member activates from the invitation link on a phone, proposes a correction that staff approve, and sees it', () => withPage({ user: 'staff' }, async (staff) => {
  const { invitation, figure } = await inviteSomeone(staff);
  const link = new URL(invitation.url);
  const userName = `m${Date.now().toString(36)}`;
  const workplace = `同心测试单位${Date.now() % 10000}`;

  await withPage({ viewport: PHONE }, async (phone) => {
    // Activation from the link.
    await phone.goto(link.pathname + link.search);
    await phone.locator('[data-test=m-activate-intro]').waitFor({ timeout: TIMEOUT });
    await noSidewaysScroll(phone, 'the activation page');
    await shot(phone, 'members-01-activate');
    await phone.fill('[data-test=m-activate-username] input', userName);
    await phone.fill('[data-test=m-activate-password] input', MEMBER_PASSWORD);
    await phone.fill('[data-test=m-activate-confirm] input', MEMBER_PASSWORD);
    await phone.click('[data-test=m-activate-agree]');
    await phone.click('[data-test=m-activate-submit]');
    await phone.waitForURL((url) => url.pathname === '/m/login', { timeout: TIMEOUT });

    // Sign in (the user name is filled in from the activation).
    assert(await phone.inputValue('[data-test=m-login-username] input') === userName, 'the user name is not filled in');
    await phone.fill('[data-test=m-login-password] input', MEMBER_PASSWORD);
    await phone.click('[data-test=m-login-submit]');
    await phone.waitForURL((url) => url.pathname === '/m/', { timeout: TIMEOUT });
    await phone.locator('[data-test=m-home-hello]').waitFor({ timeout: TIMEOUT });
    await noSidewaysScroll(phone, 'the member home');
    await shot(phone, 'members-02-home');

    // My data.
    await phone.click('[data-test=m-home-check-data]');
    await phone.waitForURL((url) => url.pathname === '/m/me', { timeout: TIMEOUT });
    const name = await phone.locator('[data-test=m-data-name]').innerText({ timeout: TIMEOUT });
    assert(name.includes(figure.name), `my data shows ${name}, not ${figure.name}`);
    await noSidewaysScroll(phone, 'my data');
    await shot(phone, 'members-03-my-data');

    // A correction.
    await phone.click('[data-test=m-data-propose]');
    await phone.waitForURL((url) => url.pathname === '/m/me/correct', { timeout: TIMEOUT });
    await phone.fill('[data-test=m-correct-workplace] input', workplace);
    await noSidewaysScroll(phone, 'the correction form');
    await shot(phone, 'members-04-correct');
    await phone.click('[data-test=m-correct-submit]');
    await phone.waitForURL((url) => url.pathname === '/m/me', { timeout: TIMEOUT });
    await phone.locator('[data-test=m-data-corrections] .van-tag', { hasText: '待审核' }).waitFor({ timeout: TIMEOUT });

    // Staff approve it on the desktop.
    const pending = await api(staff, 'GET', '/api/corrections?state=pending&pageSize=100');
    const correction = pending.body.items.find((c) => c.figureId === figure.id);
    assert(correction, 'the correction is not in the staff list');
    await staff.goto('/corrections');
    await staff.click(`[data-test=correction-approve-${correction.id}]`);
    await staff.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await staff.locator('.el-message', { hasText: '已通过' }).waitFor({ timeout: TIMEOUT });
    await shot(staff, 'members-05-staff-approved');

    // The member sees the change.
    await phone.reload();
    await phone.locator('[data-test=m-data-workplace]').waitFor({ timeout: TIMEOUT });
    const shown = await phone.locator('[data-test=m-data-workplace]').innerText();
    assert(shown.includes(workplace), `the workplace shows ${shown}`);
    await phone.locator('[data-test=m-data-corrections] .van-tag', { hasText: '已通过' }).waitFor({ timeout: TIMEOUT });
    await noSidewaysScroll(phone, 'my data after approval');
    await shot(phone, 'members-06-approved');

    await phone.click('[data-test=m-tabbar] >> text=设置');
    await phone.waitForURL((url) => url.pathname === '/m/settings', { timeout: TIMEOUT });
    await noSidewaysScroll(phone, 'settings');
  });
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('the demo member signing in on the staff page lands in the member app', () => withPage({ user: 'member', viewport: PHONE }, async (page) => {
  await page.waitForURL((url) => url.pathname === '/m/', { timeout: TIMEOUT });
  await page.locator('[data-test=m-home-hello]').waitFor({ timeout: TIMEOUT });
  await noSidewaysScroll(page, 'the member home');
  // A registry route answers 403 to a member.
  const figures = await api(page, 'GET', '/api/figures');
  assert(figures.status === 403, `GET /api/figures as a member: HTTP ${figures.status}`);
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('the member app inbox: a notice to members shows as the unread count, opening it reads it and the count drops', async () => {
  const title = `会员收件箱 ${Date.now()}`;
  const count = async (page) => (await api(page, 'GET', '/api/notifications/unread-count')).body.count;
  await withPage({ user: 'member', viewport: PHONE }, async (phone) => {
    await phone.waitForURL((url) => url.pathname === '/m/', { timeout: TIMEOUT });
    await api(phone, 'POST', '/api/notifications/read-all'); // a known start: nothing unread

    await withPage({ user: 'staff' }, async (staff) => {
      const res = await api(staff, 'POST', '/api/notices', { title, body: '请于本周内更新您的账号粉丝数。', audience: { kind: 'members' } });
      assert(res.status === 202, `publish notice: HTTP ${res.status}`);
    });
    // Fanned out in the background.
    const start = Date.now();
    while (await count(phone) < 1) {
      assert(Date.now() - start < TIMEOUT, 'the notice did not reach the member');
      await phone.waitForTimeout(250);
    }

    await phone.goto('/m/');
    const badge = phone.locator('[data-test=m-bell] .van-badge');
    await phone.waitForFunction(() => document.querySelector('[data-test=m-bell] .van-badge')?.textContent?.trim() === '1', null, { timeout: TIMEOUT });
    await shot(phone, 'members-inbox-01-badge');
    await phone.click('[data-test=m-bell]');
    await phone.waitForURL((url) => url.pathname === '/m/inbox', { timeout: TIMEOUT });
    const item = phone.locator('[data-test=m-inbox-item]', { hasText: title });
    await item.waitFor({ timeout: TIMEOUT });
    assert(await item.locator('.unread').count() === 1, 'the new notice is shown unread');
    await noSidewaysScroll(phone, 'the inbox');
    await shot(phone, 'members-inbox-02-list');
    await item.click();
    await phone.waitForURL((url) => /^\/m\/notices\/\d+$/.test(url.pathname), { timeout: TIMEOUT });
    await phone.getByText('更新您的账号粉丝数').waitFor({ timeout: TIMEOUT });
    await shot(phone, 'members-inbox-03-notice');
    assert(await count(phone) === 0, 'reading it brings the count down');
    await phone.waitForFunction(() => !document.querySelector('[data-test=m-bell] .van-badge')?.textContent?.trim(), null, { timeout: TIMEOUT });
    assert(!(await badge.isVisible()) || (await badge.innerText()).trim() === '', 'the badge is gone');
  });
}, { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('staff invite a selection from the figure list: links, QR codes, skipped figures with why, and the .xlsx', () => withPage({ user: 'staff' }, async (page) => {
  await page.goto('/figures');
  const rows = page.locator('[data-test=figure-table] .el-table__body-wrapper .el-table__row');
  await rows.first().waitFor({ timeout: TIMEOUT });
  for (let i = 0; i < 3; i++) await rows.nth(i).locator('.el-checkbox').first().click();
  const button = page.locator('[data-test=figure-invite]');
  assert((await button.innerText()).includes('3'), 'the button counts the selection');
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/invitations/batch'));
  await button.click();
  await page.click('.el-message-box__btns .el-button--primary');
  const result = await (await answer).json();
  assert(result.items.length === 3, `3 results, got ${result.items.length}`);
  const dialog = page.locator('[data-test=invite-selection]');
  await dialog.locator('[data-test=invite-selection-summary]').waitFor({ timeout: TIMEOUT });
  assert(await dialog.locator('[data-test=invite-link]').count() === result.invited, 'a link per invited figure');
  if (result.skipped > 0) assert(await dialog.locator('[data-test=invite-skipped] .el-table__row').count() === result.skipped, 'a row per skipped figure');
  await shot(page, 'members-invite-selection');
  if (result.invited > 0) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), dialog.locator('[data-test=invite-download]').click()]);
    assert(download.suggestedFilename().endsWith('.xlsx'), `downloaded ${download.suggestedFilename()}`);
  }
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });
