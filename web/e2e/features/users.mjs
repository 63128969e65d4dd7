// User administration: the admin edits a user's roles and region and the list shows it; the state filter finds a
// disabled user. Likes and works left blank read 未知. The new-figure form takes platform accounts: two are created
// with the figure, and a taken handle is refused on its row with nothing written.
import { ADMIN_PASSWORD, ADMIN_USER, api, assert, DEMO_PASSWORD, shot, signIn, test, TIMEOUT, withPage } from '../lib.mjs';

const suffix = () => String(Date.now() % 1000000);

/** Picks the option labelled `label` in the el-select (or tree select) under `selector`. */
async function pick(page, selector, label, option = '.el-select-dropdown__item') {
  await page.click(`${selector} .el-select__wrapper`);
  const item = page.locator(`.el-popper:visible ${option}`).filter({ hasText: label }).first();
  await item.waitFor({ state: 'visible', timeout: TIMEOUT });
  await item.click();
  await page.keyboard.press('Escape').catch(() => undefined);
  await item.waitFor({ state: 'hidden', timeout: TIMEOUT }); // the next pick must not find this popper fading out
}

test('users: the admin edits a user\'s roles and region, the list shows it, and 已停用 finds the disabled user', () => withPage({}, async (page) => {
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  const name = `e2e_edit_${suffix()}`;
  const off = `e2e_off_${suffix()}`;
  for (const userName of [name, off]) {
    const created = await api(page, 'POST', '/api/users',
      { userName, displayName: userName, password: 'Initial-Password-77', regionCode: '510500', roles: ['staff'] });
    assert(created.status === 201, `user not created: ${created.status} ${JSON.stringify(created.body)}`);
  }
  await page.goto('/admin/users');
  await page.fill('.toolbar input[type=text] >> nth=0', 'e2e_');
  await page.keyboard.press('Enter');
  const row = page.locator('[data-test=user-table] .el-table__body tr', { hasText: name });
  await row.waitFor({ timeout: TIMEOUT });

  // Disable one through the list (confirmed), then edit the other.
  await page.locator('[data-test=user-table] .el-table__body tr', { hasText: off }).locator('[data-test=user-disable]').click();
  await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
  await page.locator('[data-test=user-table] .el-table__body tr', { hasText: off }).locator('[data-test=user-enable]').waitFor({ timeout: TIMEOUT });

  await row.locator('[data-test=user-edit]').click();
  const dialog = page.locator('[data-test=user-edit-dialog]');
  await dialog.waitFor({ timeout: TIMEOUT });
  assert(await dialog.locator('[data-test=user-username]').isDisabled(), 'the user name can be edited');
  await dialog.locator('[data-test=user-displayname]').fill('编辑测');
  await dialog.locator('[data-test=user-roles] .el-checkbox', { hasText: '工作人员' }).click();
  await dialog.locator('[data-test=user-roles] .el-checkbox', { hasText: '联系干部' }).click();
  // A tree select can miss a click while its popper still moves in: pick until the choice shows.
  for (let tries = 0; tries < 3 && !(await dialog.locator('[data-test=user-region]').innerText()).includes('江阳区'); tries++)
    await pick(page, '[data-test=user-region]', '江阳区', '.el-tree-node__content');
  assert((await dialog.locator('[data-test=user-region]').innerText()).includes('江阳区'), 'the region was not chosen');
  await shot(page, '60-user-edit-dialog');
  await dialog.locator('[data-test=user-save]').click();
  await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
  await page.locator('[data-test=user-table] .el-table__body tr', { hasText: '编辑测' }).waitFor({ timeout: TIMEOUT });
  const text = await row.innerText();
  assert(text.includes('联系干部') && !text.includes('工作人员'), `roles not shown as edited: ${text}`);
  assert(text.includes('江阳区'), `region not shown as edited: ${text}`);

  // The state filter: 已停用 lists the disabled user and not the active one; the role filter finds the cadre.
  await pick(page, '[data-test=user-filter-state]', '已停用');
  await page.locator('[data-test=user-table] .el-table__body tr', { hasText: off }).waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300);
  assert(await row.count() === 0, 'the active user is listed under 已停用');
  await shot(page, '61-users-filter-disabled');
  await pick(page, '[data-test=user-filter-state]', '正常');
  await pick(page, '[data-test=user-filter-role]', '联系干部');
  await row.waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300);
  assert(await page.locator('[data-test=user-table] .el-table__body tr', { hasText: off }).count() === 0, 'the staff user is listed under 联系干部');
}));

test('users: the users page fits a phone with its filters', () => withPage({ viewport: { width: 390, height: 844 } }, async (page) => {
  await signIn(page, ADMIN_USER, ADMIN_PASSWORD);
  await page.goto('/admin/users');
  await page.locator('[data-test=user-table]').waitFor({ timeout: TIMEOUT });
  assert(await page.locator('[data-test=user-filter-state]').isVisible(), 'no state filter on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `the users page scrolls sideways by ${overflow}px`);
  await shot(page, '62-users-phone');
  await page.locator('[data-test=user-edit]').first().click();
  await page.locator('[data-test=user-edit-dialog]').waitFor({ timeout: TIMEOUT });
  await shot(page, '63-user-edit-phone');
}));

/** Fills account row `i` of the new-figure form. */
async function fillAccount(page, i, platform, handle, followers) {
  const row = page.locator(`[data-test=figure-account-${i}]`);
  await row.waitFor({ timeout: TIMEOUT });
  await pick(page, `[data-test=figure-account-${i}] [data-test=figure-account-platform]`, platform);
  await row.locator('[data-test=figure-account-handle]').fill(handle);
  if (followers != null) await row.locator('[data-test=figure-account-followers] input').fill(String(followers));
}

test('users: a new figure is created with two platform accounts and the profile shows both, blank likes as 未知', () => withPage({ user: 'staff' }, async (page) => {
  const name = `账号新建${suffix()}`;
  const [douyin, weibo] = [`e2e_dy_${suffix()}`, `e2e_wb_${suffix()}`];
  await page.goto('/figures/new');
  await page.fill('[data-test=figure-name]', name);
  await page.click('[data-test=figure-account-add]');
  await fillAccount(page, 0, '抖音', douyin, 125000);
  await page.click('[data-test=figure-account-add]');
  await fillAccount(page, 1, '微博', weibo, 800);
  await shot(page, '64-figure-new-with-accounts');
  await page.click('[data-test=figure-save]');
  await page.waitForURL((url) => /^\/figures\/\d+$/.test(url.pathname), { timeout: TIMEOUT });
  await page.getByRole('tab', { name: /平台账号/ }).click().catch(() => undefined);
  const table = page.locator('[data-test=account-table]');
  await table.locator('.el-table__body tr', { hasText: douyin }).waitFor({ timeout: TIMEOUT });
  const weiboRow = await table.locator('.el-table__body tr', { hasText: weibo }).innerText();
  assert(weiboRow.includes('未知'), `blank likes are not shown as 未知: ${weiboRow}`);
  await shot(page, '65-profile-accounts');
  globalThis.__takenHandle = douyin;
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });

test('users: a taken handle in the new-figure form is refused on its row and nothing is created', () => withPage({ user: 'staff' }, async (page) => {
  const name = `账号重复${suffix()}`;
  await page.goto('/figures/new');
  await page.locator('[data-test=figure-name]').waitFor({ timeout: TIMEOUT });
  // The unsaved-changes guard also covers the account rows.
  await page.click('[data-test=figure-account-add]');
  await fillAccount(page, 0, '抖音', 'e2e_guard', null);
  await page.click('[data-test=menu-figure-list]');
  const ask = page.locator('.el-message-box', { hasText: '尚未保存' });
  await ask.waitFor({ timeout: TIMEOUT });
  await ask.getByRole('button', { name: '继续编辑' }).click();

  const figures = await api(page, 'GET', '/api/figures?pageSize=1&sort=-followers');
  const taken = globalThis.__takenHandle ?? (await api(page, 'GET', `/api/figures/${figures.body.items[0].id}`)).body.accounts[0].handle;
  await page.fill('[data-test=figure-name]', name);
  await page.click('[data-test=figure-account-add]');
  await fillAccount(page, 0, '抖音', `e2e_ok_${suffix()}`, 10);
  await fillAccount(page, 1, '抖音', taken, 10);
  await page.click('[data-test=figure-save]');
  const error = page.locator('[data-test=figure-account-1] .el-form-item__error', { hasText: '该平台账号已登记' });
  await error.waitFor({ timeout: TIMEOUT });
  assert(new URL(page.url()).pathname === '/figures/new', 'the form was left after a refused save');
  assert(await page.locator('[data-test=figure-account-0] .el-form-item__error').count() === 0, 'the fine row shows an error');
  await shot(page, '66-figure-new-taken-handle');
  const found = await api(page, 'GET', `/api/figures?q=${encodeURIComponent(name)}&status=all`);
  assert(found.body.total === 0, `a figure was created: ${JSON.stringify(found.body.items)}`);
}), { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });
