// A joint log both parties can trust (issue 11), through the pages of both parties: KR corrects a
// position it reported and JP's page shows the correction with who and why; KR retracts a report
// and both pages show it retracted; the SMC who may not close the case alone sees why, the other
// party agrees, then the case closes and reopens. Screenshots of the corrected log in en, ko, ja.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { en } from '../../src/web/i18n/en.js';
import { apiCall, apiToken, appendEvent, DEMO_CASE_ID, e2eSuite, enterReport, JP_USER, KR_USER, openCase, screenshot, signIn, TID, typePosition, WAIT_MS } from './harness.js';

const suite = e2eSuite();

/** The timeline entry of `type` whose text contains `text` (the log tab opened first). */
async function entry(page: Page, type: string, text: string): Promise<Locator> {
  await page.getByTestId(TID.tabLog).click();
  const found = page.locator(`[data-testid="${TID.timelineEntry}"][data-type="${type}"]`).filter({ hasText: text }).first();
  await found.waitFor({ timeout: WAIT_MS.live });
  return found;
}

/** Wait until a locator's attribute holds `value` (the page updates from the live feed). */
async function attributeIs(locator: Locator, name: string, value: string): Promise<void> {
  await expect.poll(() => locator.getAttribute(name), { timeout: WAIT_MS.live, interval: 100 }).toBe(value);
}

/** Write a reason into the open status form and submit it. */
async function statusWrite(page: Page, button: string, reason: string): Promise<void> {
  await page.getByTestId(button).click();
  await page.getByTestId(TID.statusReason).fill(reason);
  await page.getByTestId(TID.statusSubmit).click();
}

/** A plan with no unit (no notification to wait for) whose datum lies in JP's SRR (examples/cooperation/korea-japan.yaml: 135°E 37°N). */
const hour = (h: number) => Date.parse('2026-03-10T00:00Z') / 1000 + h * 3600;
const PLAN_IN_JP_SRR = { planId: 'P1', text: 'PLAN P1', plan: { datumTrack: [{ timeS: hour(0), lonDeg: 135, latDeg: 37 }, { timeS: hour(24), lonDeg: 135.5, latDeg: 37.2 }], units: [] } };

describe('a joint log both parties can trust (end to end, Chromium)', () => {
  test('a correction and a retraction reach the other party with who and why; closing waits for the coordinating party or its agreement', async () => {
    const krToken = await apiToken(suite.server(), KR_USER);
    const { caseId } = await apiCall<{ caseId: string }>(suite.server(), krToken, 'POST', '/api/cases', { kind: 'case', title: 'Trust e2e: liferaft', parties: ['KR', 'JP'] });
    const kr = await suite.open('KR coordinator');
    const jp = await suite.open('JP coordinator');
    await signIn(kr.page, KR_USER);
    await signIn(jp.page, JP_USER);
    await openCase(kr.page, caseId);
    await openCase(jp.page, caseId);

    // KR reports a position through the form (not as a drift scenario), then corrects its latitude
    const text = `KR raft ${Date.now().toString(36)}`;
    await enterReport(kr.page, { text, lat: [37, 14, 'N'], lon: [131, 15, 'E'], submit: false });
    await kr.page.locator('.report-panel label.check input[type=checkbox]').uncheck();
    await kr.page.getByTestId(TID.reportSubmit).click();
    const krReport = await entry(kr.page, 'report', text);
    await expect.poll(() => krReport.textContent()).toContain('37 14.00N 131 15.00E');
    await krReport.getByTestId(TID.fixCorrect).click();
    // the form is prefilled with what was reported, as sailors write it
    expect(await kr.page.getByTestId(TID.latDeg).inputValue()).toBe('37');
    expect(Number(await kr.page.getByTestId(TID.latMin).inputValue())).toBe(14);
    expect(await kr.page.getByTestId(TID.fixText).inputValue()).toBe(text);
    await typePosition(kr.page, [37, 24, 'N'], [131, 15, 'E']);
    const why = 'latitude misread from the radio log';
    await kr.page.getByTestId(TID.fixReason).fill(why);
    await kr.page.getByTestId(TID.fixSubmit).click();
    await attributeIs(krReport, 'data-fixed', 'corrected');

    // JP's page shows the correction: the new position, the original struck, who and why; no Correct for JP
    const jpReport = await entry(jp.page, 'report', text);
    await attributeIs(jpReport, 'data-fixed', 'corrected');
    expect(await jpReport.locator('.what').textContent()).toContain('37 24.00N 131 15.00E');
    expect(await jpReport.getByTestId(TID.fixOriginal).textContent()).toContain('37 14.00N 131 15.00E');
    const mark = await jpReport.getByTestId(TID.fixCorrected).textContent();
    expect(mark).toContain('kr-smc (KR)');
    expect(mark).toContain(why);
    // polled: KR's entry is drawn again when its own correction comes back on the live feed
    // (a count read at once failed once in a clean-clone run, 2026-12-04)
    await expect.poll(() => jpReport.getByTestId(TID.fixCorrect).count()).toBe(0);
    await expect.poll(() => krReport.getByTestId(TID.fixCorrect).count()).toBe(1);
    for (const language of ['en', 'ko', 'ja']) {
      await jp.page.getByTestId(TID.langSelect).selectOption(language);
      await jp.page.waitForFunction((l) => document.documentElement.lang === l, language);
      await jpReport.scrollIntoViewIfNeeded();
      await screenshot(jp.page, `trust-corrected-${language}`);
    }
    await jp.page.getByTestId(TID.langSelect).selectOption('en');

    // KR retracts a report (written over the API): both pages show it retracted, with who and why
    const wrong = `KR wrong case note ${Date.now().toString(36)}`;
    await appendEvent(suite.server(), krToken, caseId, { type: 'report', payload: { text: wrong, position: { lonDeg: 131.5, latDeg: 37.5 } } });
    const krWrong = await entry(kr.page, 'report', wrong);
    await krWrong.getByTestId(TID.fixRetract).click();
    const retractWhy = 'meant for another case';
    await kr.page.getByTestId(TID.fixReason).fill(retractWhy);
    await kr.page.getByTestId(TID.fixSubmit).click();
    for (const page of [kr.page, jp.page]) {
      const e = await entry(page, 'report', wrong);
      await attributeIs(e, 'data-fixed', 'retracted');
      const retracted = await e.getByTestId(TID.fixRetracted).textContent();
      expect(retracted).toContain('kr-smc (KR)');
      expect(retracted).toContain(retractWhy);
      expect(await e.getByTestId(TID.fixRetract).count()).toBe(0);   // retracted once, for good
    }
    await screenshot(kr.page, 'trust-retracted-kr');

    // offline, KR retracts its corrected report: the retraction waits in the outbox. Meanwhile KR's
    // other device retracts it first; back online the page's write meets the version check (a
    // conflict for the author), and sent on the current version the server refuses it: the page
    // keeps the refusal in the server's words
    await kr.context.setOffline(true);
    kr.watch.allow(/ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed/);
    await krReport.getByTestId(TID.fixRetract).click();
    await kr.page.getByTestId(TID.fixReason).fill('wrong raft (written offline)');
    await kr.page.getByTestId(TID.fixSubmit).click();
    await expect.poll(() => kr.page.getByTestId(TID.connection).textContent(), { timeout: WAIT_MS.live }).toContain('1 change(s) waiting to be sent');
    const reportVersion = Number(await krReport.getAttribute('data-version'));
    await appendEvent(suite.server(), krToken, caseId, { type: 'eventRetracted', payload: { eventVersion: reportVersion, reason: 'retracted from the bridge terminal' } });
    await kr.context.setOffline(false);
    const conflict = kr.page.getByTestId(TID.conflict);
    await conflict.waitFor({ timeout: WAIT_MS.live });
    await conflict.getByRole('button', { name: 'Send on the current version' }).click();
    const refused = kr.page.getByTestId(TID.refusedWrite);
    await refused.waitFor({ timeout: WAIT_MS.live });
    expect(await refused.textContent()).toContain(`event ${reportVersion} was retracted at version`);
    expect(await refused.getAttribute('data-code')).toMatch(/^SARB_/);
    await screenshot(kr.page, 'trust-refused-kr');
    await refused.getByRole('button', { name: 'I have read it' }).click();
    await expect.poll(() => refused.count()).toBe(0);
    await attributeIs(jpReport, 'data-fixed', 'retracted');

    // a plan with its datum in JP's SRR: JP's RCC coordinates. KR's SMC may not close alone and reads why
    await appendEvent(suite.server(), krToken, caseId, { type: 'planIssued', payload: PLAN_IN_JP_SRR });
    const krStatus = kr.page.getByTestId(TID.caseStatus);
    const jpStatus = jp.page.getByTestId(TID.caseStatus);
    await expect.poll(() => kr.page.getByTestId(TID.statusWhyNot).textContent(), { timeout: WAIT_MS.live }).toContain('jp-rcc');
    expect(await kr.page.getByTestId(TID.statusWhyNot).textContent()).toContain('JP has not agreed');
    expect(await kr.page.getByTestId(TID.statusChange).isDisabled()).toBe(true);
    await expect.poll(() => jp.page.getByTestId(TID.statusChange).isEnabled(), { timeout: WAIT_MS.live }).toBe(true);
    await screenshot(kr.page, 'trust-close-needs-jp');

    // JP agrees; KR's Close is then enabled and closes the case on both pages
    await statusWrite(jp.page, TID.statusAgree, 'survivors aboard the JP ship');
    await attributeIs(krStatus, 'data-agreed', 'JP');
    await expect.poll(() => kr.page.getByTestId(TID.statusChange).isEnabled(), { timeout: WAIT_MS.live }).toBe(true);
    await statusWrite(kr.page, TID.statusChange, 'all four survivors recovered');
    await attributeIs(krStatus, 'data-status', 'closed');
    await attributeIs(jpStatus, 'data-status', 'closed');
    expect(await jpStatus.textContent()).toContain('all four survivors recovered');
    expect(await kr.page.getByTestId(TID.fixCorrect).count()).toBe(0);   // a closed case takes no correction

    // JP's SMC, of the coordinating RCC, reopens it alone
    await statusWrite(jp.page, TID.statusChange, 'a fifth person reported missing');
    await attributeIs(jpStatus, 'data-status', 'open');
    await attributeIs(krStatus, 'data-status', 'open');
    expect(await krStatus.textContent()).toContain('a fifth person reported missing');
    const types = await kr.page.locator(`[data-testid="${TID.timelineEntry}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    expect(types.filter((t) => t === 'caseClosed' || t === 'caseReopened' || t === 'statusChangeAgreed').reverse()).toEqual(['statusChangeAgreed', 'caseClosed', 'caseReopened']);
    await screenshot(kr.page, 'trust-reopened-kr');
  }, 600_000);

  test("KR's SMC adds JP to a KR case: JP then reads it, and both pages name both parties", async () => {
    const krToken = await apiToken(suite.server(), KR_USER);
    const jpToken = await apiToken(suite.server(), JP_USER);
    const { caseId } = await apiCall<{ caseId: string }>(suite.server(), krToken, 'POST', '/api/cases', { kind: 'case', title: 'Trust e2e: KR alone', parties: ['KR'] });
    const kr = await suite.open('KR coordinator');
    await signIn(kr.page, KR_USER);
    await openCase(kr.page, caseId);
    // a case of one party: its SMC closes it alone, and nobody is asked to agree
    expect(await kr.page.getByTestId(TID.statusChange).isEnabled()).toBe(true);
    expect(await kr.page.getByTestId(TID.statusAgree).count()).toBe(0);
    await kr.page.getByTestId(TID.partyAdd).click();
    expect(await kr.page.getByTestId(TID.partyPick).locator('option').allTextContents()).toEqual(['JP']);
    await kr.page.getByTestId(TID.statusReason).fill('the raft drifts into the JP SRR');
    await kr.page.getByTestId(TID.statusSubmit).click();
    await expect.poll(() => kr.page.getByTestId(TID.caseTitle).locator('xpath=..').textContent(), { timeout: WAIT_MS.live }).toContain('KR / JP');
    expect(await kr.page.getByTestId(TID.partyAdd).count()).toBe(0);   // no party of the agreement is left to add
    await entry(kr.page, 'partyAdded', 'the raft drifts into the JP SRR');
    const { events } = await apiCall<{ events: { type?: string }[] }>(suite.server(), jpToken, 'GET', `/api/cases/${caseId}/events`);
    expect(events.map((e) => e.type)).toEqual(['caseOpened', 'partyAdded']);
    const jp = await suite.open('JP coordinator');
    await signIn(jp.page, JP_USER);
    await openCase(jp.page, caseId);
    expect(await jp.page.getByTestId(TID.caseTitle).locator('xpath=..').textContent()).toContain('KR / JP');
    // now joint: neither SMC closes alone without a coordinating RCC
    expect(await jp.page.getByTestId(TID.statusChange).isDisabled()).toBe(true);
    expect(await jp.page.getByTestId(TID.statusWhyNot).textContent()).toContain('KR has not agreed');
  }, 600_000);

  test('units one party may not see stay in the case when it saves its planning inputs, and its page says they are left out', async () => {
    const krToken = await apiToken(suite.server(), KR_USER);
    // the demo inputs as KR sees them (its own ship) and a JP ship released to everyone
    const { events } = await apiCall<{ events: { type?: string; payload?: { inputs?: { units: { id: string }[] } } }[] }>(suite.server(), krToken, 'GET', `/api/cases/${DEMO_CASE_ID}/events?afterVersion=0`);
    const demo = events.find((e) => e.type === 'planningInputs')!.payload!.inputs!;
    const jpShip = { id: 'jp-ship-1', party: 'JP', speedKn: 15, enduranceH: 6, arrival: '2026-03-10T09:30Z', patterns: ['PS', 'CS'], platform: { kind: 'vessel', eyeHeightFt: 33 } };
    const inputs = { ...demo, units: [...demo.units.filter((u) => u.id === 'kr-ship-1'), jpShip] };
    const { caseId } = await apiCall<{ caseId: string }>(suite.server(), krToken, 'POST', '/api/cases', { kind: 'case', title: 'Trust e2e: hidden units', parties: ['KR', 'JP'] });
    await appendEvent(suite.server(), krToken, caseId, { type: 'planningInputs', payload: { inputs } });

    const jp = await suite.open('JP coordinator, hidden units');
    await signIn(jp.page, JP_USER);
    await openCase(jp.page, caseId);
    await jp.page.getByTestId(TID.tabPlan).click();
    const notShown = jp.page.getByTestId(TID.unitsNotShown);
    await notShown.waitFor();
    expect(await notShown.textContent()).toMatch(/^1 unit\(s\) of another party .* not release their figures to JP\./);
    expect(await jp.page.locator('.plan-panel').textContent()).not.toContain('kr-ship-1');
    // JP changes the scenario's weight and saves: KR's ship stays in the case, KR still sees it whole
    await jp.page.locator('.plan-panel .scenarios input[type=number]').first().fill('0.8');
    await jp.page.locator('.plan-panel .scenarios input[type=number]').first().dispatchEvent('change');
    await jp.page.getByRole('button', { name: en['plan.saveRaw'] }).click();
    await expect.poll(async () => (await apiCall<{ events: { type?: string; party?: string }[] }>(suite.server(), krToken, 'GET', `/api/cases/${caseId}/events?afterVersion=0`)).events.filter((e) => e.type === 'planningInputs').length, { timeout: WAIT_MS.live }).toBe(2);
    const after = (await apiCall<{ events: { type?: string; party?: string; payload?: { inputs: { units: { id: string }[]; scenarios: { weight: number }[] } } }[] }>(suite.server(), krToken, 'GET', `/api/cases/${caseId}/events?afterVersion=0`)).events.filter((e) => e.type === 'planningInputs').at(-1)!;
    expect(after.party).toBe('JP');
    expect(after.payload!.inputs.units.map((u) => u.id).sort()).toEqual(['jp-ship-1', 'kr-ship-1']);
    expect(after.payload!.inputs.scenarios[0].weight).toBe(0.8);
    // JP's page, holding its saved event, still shows nothing of KR's ship
    expect(await jp.page.locator('.plan-panel').textContent()).not.toContain('kr-ship-1');
    expect(await jp.page.getByTestId(TID.unitsNotShown).textContent()).toMatch(/^1 unit\(s\)/);
    await screenshot(jp.page, 'trust-hidden-units-jp');
  }, 300_000);
});
