// The page starts, refuses a wrong password in words, and signs a user in to the case list.
import { describe, expect, test } from 'vitest';
import { DEMO_CASE_ID, e2eSuite, KR_USER, probe, screenshot, TID } from './harness.js';

const suite = e2eSuite();

describe('sign-in (end to end, Chromium)', () => {
  test('the page starts with the sign-in form and the ready flag', async () => {
    const { page } = await suite.open('sign-in form');
    const app = await probe(page);
    expect(app).toMatchObject({ ready: true, caseReady: false, driftsDone: 0, plansDone: 0 });
    await expect(page.getByTestId(TID.signinUser).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId(TID.signinPassword).getAttribute('type')).resolves.toBe('password');
    await screenshot(page, 'sign-in');
  }, 300_000);

  test('a wrong password is refused in words; the right one opens the case list with the demo exercise', async () => {
    const { page } = await suite.open('sign-in');
    await page.getByTestId(TID.signinUser).fill(KR_USER.userName);
    await page.getByTestId(TID.signinPassword).fill('not the password at all');
    await page.getByTestId(TID.signinSubmit).click();
    const error = page.getByTestId(TID.signinError);
    await error.waitFor();
    expect((await error.textContent())!.trim().length).toBeGreaterThan(5);
    expect(await page.getByTestId(TID.caseList).count()).toBe(0);

    await page.getByTestId(TID.signinPassword).fill(KR_USER.password);
    await page.getByTestId(TID.signinSubmit).click();
    await page.getByTestId(TID.caseList).waitFor();
    await page.locator(`[data-testid="${TID.caseItem}"][data-case-id="${DEMO_CASE_ID}"]`).waitFor();
    await screenshot(page, 'case-list');
  }, 300_000);
});
