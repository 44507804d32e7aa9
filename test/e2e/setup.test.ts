// The one-time setup on a server's first start (no accounts): the first account of a party is
// made from the sign-in page on the server machine; a name or password the server would refuse is
// said in words before it is sent (not as the schema's 'body/userName: must match pattern …').
import { describe, expect, test } from 'vitest';
import { e2eSuite, screenshot, TID } from './harness.js';

const suite = e2eSuite({ users: [] });

describe('first start (end to end, Chromium)', () => {
  test('the first account: a bad name and a short password are said in words, then the account is made and signs in', async () => {
    const { page } = await suite.open('setup');
    const create = page.locator('form.setup button[type="submit"]');
    await create.waitFor();
    const problem = page.getByTestId(TID.signinError);

    await page.getByTestId(TID.signinUser).fill('Kim Min-jun');
    await page.getByTestId(TID.signinPassword).fill('a long enough password here');
    await create.click();
    await expect(problem.textContent()).resolves.toBe('Type the new account’s user name in the field above: 2 to 64 characters, lower-case letters, digits, “.”, “_” or “-”, starting with a letter or digit.');

    await page.getByTestId(TID.signinUser).fill('kim');
    await page.getByTestId(TID.signinPassword).fill('short');
    await create.click();
    await expect(problem.textContent()).resolves.toMatch(/^Type the new account’s password in the field above: at least \d+ characters\.$/);
    await screenshot(page, 'setup-short-password');

    await page.getByTestId(TID.signinPassword).fill('a long enough password here');
    await create.click();
    await page.locator('.sign-in p.ok').filter({ hasText: 'Account kim of KR created. Sign in with it above.' }).waitFor();
    await page.getByTestId(TID.signinSubmit).click();
    await page.getByTestId(TID.caseList).waitFor();
  }, 300_000);
});
