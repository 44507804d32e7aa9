// Two browsers, one per party, on the demo exercise: each reads the Liancourt Rocks in its own
// names, sees the other's new report live, and only what releasability allows
// (examples/cooperation/korea-japan.yaml).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { appendEvent, apiToken, DEMO_CASE_ID, e2eSuite, enterReport, JP_USER, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

/** The text of the Liancourt Rocks' labels on a page (the agreement tab lists the places in the reader's names). */
async function liancourtLabels(page: Page): Promise<string> {
  await page.getByTestId(TID.tabAgreement).click();
  const labels = page.locator(`[data-testid="${TID.placeLabel}"][data-place-id="liancourt"]`);
  await labels.first().waitFor();
  return (await labels.allTextContents()).join(' | ');
}

/** Wait until the page's timeline shows an entry containing `text`. */
async function timelineShows(page: Page, text: string): Promise<void> {
  await page.getByTestId(TID.tabLog).click();
  await page.getByTestId(TID.timelineEntry).filter({ hasText: text }).first().waitFor({ timeout: WAIT_MS.live });
}

describe('two parties live (end to end, Chromium)', () => {
  test('each reads its own names for the rocks, sees the other\'s new report live, and only what releasability allows', async () => {
    const kr = await suite.open('KR coordinator');
    const jp = await suite.open('JP coordinator');
    await signIn(kr.page, KR_USER);
    await signIn(jp.page, JP_USER);
    await openCase(kr.page);
    await openCase(jp.page);

    // each party's own name for the rocks, never the other's
    const krNames = await liancourtLabels(kr.page);
    const jpNames = await liancourtLabels(jp.page);
    expect(krNames).toMatch(/Dokdo|독도/);
    expect(krNames).not.toMatch(/Takeshima|竹島/);
    expect(jpNames).toMatch(/Takeshima|竹島/);
    expect(jpNames).not.toMatch(/Dokdo|독도/);

    // KR writes a report through the form; JP's page receives it over the live feed
    const jpBefore = (await probe(jp.page))!.liveEvents;
    const krText = `KR e2e report ${Date.now().toString(36)}: orange raft sighted`;
    await enterReport(kr.page, { text: krText, submit: false });
    const krSent = Date.now();
    await kr.page.getByTestId(TID.reportSubmit).click();
    await waitForApp(jp.page, (app, before) => app.liveEvents > (before as number), jpBefore, WAIT_MS.live);
    const krToJpMs = Date.now() - krSent;
    await timelineShows(jp.page, krText);

    // and the other way round
    const krBefore = (await probe(kr.page))!.liveEvents;
    const jpText = `JP e2e report ${Date.now().toString(36)}: debris field`;
    await enterReport(jp.page, { text: jpText, submit: false });
    const jpSent = Date.now();
    await jp.page.getByTestId(TID.reportSubmit).click();
    await waitForApp(kr.page, (app, before) => app.liveEvents > (before as number), krBefore, WAIT_MS.live);
    const jpToKrMs = Date.now() - jpSent;
    await timelineShows(kr.page, jpText);
    // a figure, not an assertion (speed belongs to benchmarks): the issue asks for under a second
    console.log(`live view: KR → JP ${krToJpMs} ms, JP → KR ${jpToKrMs} ms (from the submit click to the other page's live event, as the test sees it: includes Playwright's polling of 100 ms)`);

    // releasability: a KR report released to nobody reaches JP as a withheld entry without its text;
    // the KR helicopter (releasability: nothing) stays hidden; the KR ship (position-only) shows where, not who
    const krToken = await apiToken(suite.server(), KR_USER);
    const secret = `KR internal note ${Date.now().toString(36)}`;
    const jpBeforeSecret = (await probe(jp.page))!.liveEvents;
    await appendEvent(suite.server(), krToken, DEMO_CASE_ID, { type: 'report', payload: { text: secret }, releasability: 'nothing' });
    const released = `KR released note ${Date.now().toString(36)}`;
    await appendEvent(suite.server(), krToken, DEMO_CASE_ID, { type: 'message', payload: { text: released }, releasability: 'everything' });
    await waitForApp(jp.page, (app, before) => app.liveEvents >= (before as number) + 2, jpBeforeSecret, WAIT_MS.live);
    await timelineShows(jp.page, released);
    await timelineShows(kr.page, released);
    await timelineShows(kr.page, secret);
    expect(await jp.page.content()).not.toContain(secret);

    await screenshot(kr.page, 'live-kr');
    await screenshot(jp.page, 'live-jp');
  }, 600_000);

});
