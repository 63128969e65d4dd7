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
