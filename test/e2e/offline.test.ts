// The offline path: a case opened once, then the network cut and the server killed; a reload still
// opens the case from this device's copy (service worker + IndexedDB), and a drift and a plan still
// run in the Worker. This file kills its server, so it has one test.
import { describe, expect, test } from 'vitest';
import { e2eSuite, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

describe('offline (end to end, Chromium)', () => {
  test('network cut and server killed: the case reopens from the local copy; drift and plan run in the Worker', async () => {
    const { page, context, watch } = await suite.open('offline');
    await signIn(page, KR_USER);
    await openCase(page);
    // the service worker controls the page (clientsClaim: the first visit too)
    await waitForApp(page, (app) => app.offlineReady, undefined, WAIT_MS.page);
    await expect(page.getByTestId(TID.connection).getAttribute('data-state')).resolves.toBe('online');

    await context.setOffline(true);
    await suite.server().kill();
    // from here the page's requests fail, as they must; a failed fetch or socket may be logged
    watch.allow(/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|WebSocket connection to .* failed/);

    await page.reload();
    await waitForApp(page, (app) => app.ready && app.caseReady, undefined, WAIT_MS.page);
    await page.getByTestId(TID.caseTitle).waitFor();
    await expect(page.getByTestId(TID.caseTitle).textContent()).resolves.toMatch(/Demo exercise/);
    await expect(page.getByTestId(TID.connection).getAttribute('data-state')).resolves.toMatch(/offline|reconnecting/);

    await page.getByTestId(TID.tabPlan).click();
    await page.getByTestId(TID.particleCount).fill('3000');
    const drifts = (await probe(page))!.driftsDone;
    await page.getByTestId(TID.driftRun).click();
    await waitForApp(page, (app, before) => app.driftsDone > (before as number), drifts, WAIT_MS.drift);
    expect(await page.getByTestId(TID.driftError).count()).toBe(0);

    const plans = (await probe(page))!.plansDone;
    await page.getByTestId(TID.planRun).click();
    await waitForApp(page, (app, before) => app.plansDone > (before as number), plans, WAIT_MS.drift);
    expect(Number(await page.getByTestId(TID.planPosTotal).getAttribute('data-pos'))).toBeGreaterThan(0);
    // issuing offline keeps the plan in the outbox, and the page says so of the plan (before: 'Report kept on this device')
    await page.getByTestId(TID.planIssue).click();
    await expect(page.locator('.plan-panel p.ok[role="status"]').textContent()).resolves.toMatch(/^Plan P\d+-\d{4}Z kept on this device; it is issued when the link returns/);
    await screenshot(page, 'offline-plan');
  }, 900_000);
});
