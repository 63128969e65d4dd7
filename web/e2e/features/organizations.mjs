// Organizations: labels, not codes, on a page opened directly; the liaison's phone is shown masked and revealed on request (an access-log line is written).
import { api, assert, DEMO_PASSWORD, shot, test, TIMEOUT, withPage } from '../lib.mjs';

test('an organization shows its liaison phone masked and reveals it on request', async () => {
  await withPage({ user: 'staff' }, async (page) => {
    await page.goto('/organizations');
    const list = await api(page, 'GET', '/api/organizations?pageSize=50');
    const org = list.body.items[0];
    assert(org, 'the demo has no organization');
    await page.goto(`/organizations/${org.id}`);
    const phone = page.locator('[data-test=organization-liaison-phone]');
    await phone.waitFor({ timeout: TIMEOUT });
    // Opened directly, the page still shows dictionary labels, not codes (the type read "company").
    await page.waitForFunction(() => !/\b(company|platform|mcn|incubator|demo-base)\b/.test(document.querySelector('.el-descriptions')?.textContent ?? ''), null, { timeout: TIMEOUT })
      .catch(() => { throw new Error('the organization type shows a dictionary code, not its label'); });
    const masked = await phone.innerText();
    assert(/\*{3,}/.test(masked), `the liaison phone is not masked: ${masked}`);
    await page.click('[data-test=reveal-liaison-phone]');
    await page.waitForFunction(() => !document.querySelector('[data-test=organization-liaison-phone]')?.textContent?.includes('*'), null, { timeout: TIMEOUT });
    const full = await phone.innerText();
    assert(/^0830-\d{7}$/.test(full.trim()), `the revealed phone reads ${full}`);
    await shot(page, '50-organization-liaison-phone');
  });
}, { skip: !DEMO_PASSWORD ? 'DEMO_PASSWORD not set' : undefined });
