// Bad input is told in words: a text file given as local NetCDF forcing, and report positions on
// land (central Ulleungdo; Seoul), while a position at sea raises no warning.
import { describe, expect, test } from 'vitest';
import { apiCall, apiToken, DEMO_CASE_ID, e2eSuite, enterReport, KR_USER, openCase, probe, screenshot, signIn, TID, typePosition, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

describe('bad input (end to end, Chromium)', () => {
  test('a text file given as local NetCDF forcing is refused in words, and nothing crashes', async () => {
    const { page } = await suite.open('bad forcing file');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabPlan).click();
    await page.getByTestId(TID.forcingLocalFile).setInputFiles({ name: 'east-sea-wind.nc', mimeType: 'application/x-netcdf', buffer: Buffer.from('this is a text file, not NetCDF\n'.repeat(20)) });
    const error = page.getByTestId(TID.forcingError);
    await error.waitFor();
    const words = (await error.textContent())!.trim();
    // the file's name and a sentence, not a stack trace or a bare code
    expect(words).toContain('east-sea-wind.nc');
    expect(words.split(/\s+/).length).toBeGreaterThan(4);
    expect(words).not.toMatch(/at \w+ \(|undefined|\[object/);
    await screenshot(page, 'bad-netcdf');
  }, 300_000);

  test('a report position on land is warned about (central Ulleungdo; Seoul, outside the GSHHG subset); one at sea is not', async () => {
    const { page } = await suite.open('position on land');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabReport).click();
    const onLand = page.getByTestId(TID.positionOnLand);

    await typePosition(page, [37, 30, 'N'], [130, 52, 'E']);   // central Ulleungdo
    await onLand.waitFor();
    expect((await onLand.textContent())!.trim().split(/\s+/).length).toBeGreaterThan(3);
    await screenshot(page, 'position-on-land-ulleungdo');

    await typePosition(page, [37, 14, 'N'], [131, 15, 'E']);   // the demo's sea area, west of the rocks
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.toMatch(/37\D+14\D.*N.*131\D+15\D.*E/);
    await onLand.waitFor({ state: 'hidden' });

    await typePosition(page, [37, 34, 'N'], [126, 59, 'E']);   // Seoul, west of the bundled GSHHG subset (127-135E)
    await onLand.waitFor();
    await screenshot(page, 'position-on-land-seoul');

    // swapped by mistake (longitude typed as latitude) is refused or flagged, never read silently
    await typePosition(page, [131, 15, 'N'], [37, 14, 'E']);
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.not.toMatch(/^Reads as 131/);
  }, 300_000);

  test('an impossible position error on a report made the last known position writes nothing and says why; position problems are in the reader\'s language', async () => {
    const { page } = await suite.open('bad position error');
    await signIn(page, KR_USER);
    await openCase(page);
    const token = await apiToken(suite.server(), KR_USER);
    const eventCount = async () => (await apiCall<{ events: unknown[] }>(suite.server(), token, 'GET', `/api/cases/${DEMO_CASE_ID}/events?afterVersion=0`)).events.length;
    const before = await eventCount();

    await enterReport(page, { text: 'raft sighted by a fishing boat', submit: false });
    await page.getByTestId(TID.reportAsScenario).check();
    const problem = page.locator('.report-panel p.problem[role="alert"]');
    for (const typed of ['-5', 'abc', '100000']) {
      await page.getByTestId(TID.reportErrorNm).fill(typed);
      await page.getByTestId(TID.reportSubmit).click();
      await problem.waitFor();
      await expect(problem.textContent()).resolves.toBe('The position error must be a number of nautical miles from 0 to 500.');
      // nothing reached the case log (before, the report was written and only its inputs refused, or 'abc' became 1 NM)
      expect(await eventCount()).toBe(before);
      await expect(page.getByTestId(TID.reportText).inputValue()).resolves.toBe('raft sighted by a fishing boat');
    }
    await screenshot(page, 'bad-position-error');

    // a position problem is said in the interface's language, naming the field as the form does
    await page.getByTestId(TID.langSelect).selectOption('ja');
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await typePosition(page, [91, 0, 'N'], [131, 15, 'E']);
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.toBe('緯度（度）：91° は 90° を超えています。');
    await page.getByTestId(TID.latDeg).fill('-37');
    await expect(page.getByTestId(TID.positionPreview).textContent()).resolves.toMatch(/^緯度（度）：「-37」：マイナス記号/);
    await screenshot(page, 'position-problem-ja');
  }, 300_000);
  test('a particle count out of range is refused in words; the refusal goes once a drift runs', async () => {
    const { page } = await suite.open('bad particle count');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabPlan).click();
    const banner = page.getByTestId(TID.errorBanner);
    await page.getByTestId(TID.particleCount).fill('-5');
    await page.getByTestId(TID.driftRun).click();
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(/^The drift could not run: A value in the planning inputs is impossible\. Correct the field the details name\. Details: particleCount: -5 is not between 1 and [\d,]+ particles/);
    const drifts = (await probe(page))!.driftsDone;
    // within the drift's limits but beyond the page's memory: refused before any work, with the count that fits
    await page.getByTestId(TID.particleCount).fill('2000000');
    await page.getByTestId(TID.driftRun).click();
    await expect.poll(() => banner.getAttribute('data-code'), { timeout: WAIT_MS.drift }).toBe('SARB_PAGE_MEMORY');
    const words = (await banner.textContent())!;
    expect(words).toMatch(/^The drift could not run: 2,000,000 particles at \d+ output times need [\d,]+ MB in this browser, more than its limit of 400 MB\. Use at most [\d,]+ particles/);
    const fits = Number(/at most ([\d,]+) particles/.exec(words)![1].replace(/,/g, ''));
    expect(fits).toBeGreaterThanOrEqual(200_000);
    expect(fits).toBeLessThan(2_000_000);
    expect((await probe(page))!.driftsDone).toBe(drifts);
    await page.getByTestId(TID.particleCount).fill('2000');
    await page.getByTestId(TID.driftRun).click();
    await waitForApp(page, (app, before) => app.driftsDone > (before as number), drifts, WAIT_MS.drift);
    // a drift that ran takes away the refusal of the one before (it stayed above the result, until dismissed)
    await banner.waitFor({ state: 'detached' });
  }, 300_000);
  test('a word longer than the panel (a title, a message) is broken inside it, never run under the edge', async () => {
    const token = await apiToken(suite.server(), KR_USER);
    // a file name as recorders write them: no hyphen or space to break at
    const word = `KR_SHIP_1_TRACK_${'20260310T0700Z_EAST_SEA_SYNTHETIC_'.repeat(5)}.gpx`;
    const { caseId } = await apiCall<{ caseId: string }>(suite.server(), token, 'POST', '/api/cases', { kind: 'case', title: word, parties: ['KR', 'JP'] });
    const { page } = await suite.open('long words');
    await signIn(page, KR_USER);
    await openCase(page, caseId);
    await page.getByTestId(TID.tabLog).click();
    await page.locator('form.message textarea').fill(`to JP: ${word}`);
    await page.locator('form.message button[type="submit"]').click();
    await page.getByTestId(TID.timelineEntry).filter({ hasText: 'to JP:' }).waitFor();
    // nothing wider than its box: the page, the case title, each log entry's text
    const overflowing = await page.evaluate(() => [document.documentElement, ...Array.from(document.querySelectorAll('.case-bar h1, .timeline .what, .side .panel'))]
      .filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => `${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`));
    expect(overflowing).toEqual([]);
    await screenshot(page, 'long-words');
  }, 300_000);
  test('a new case naming a party the agreement does not know is refused in words, and no case is opened', async () => {
    const token = await apiToken(suite.server(), KR_USER);
    const caseCount = async () => (await apiCall<{ cases: unknown[] }>(suite.server(), token, 'GET', '/api/cases')).cases.length;
    const before = await caseCount();
    const { page } = await suite.open('new case, unknown party');
    await signIn(page, KR_USER);
    await page.getByTestId(TID.newCase).click();
    await page.getByTestId(TID.newCaseTitle).fill('Fishing boat overdue');
    await page.getByTestId(TID.newCaseParties).fill('KR, JO');   // JP mistyped
    await page.getByTestId(TID.newCaseSubmit).click();
    const problem = page.locator('.new-case p.problem[role="alert"]');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toBe('JO: not a party to the agreement (its parties: KR, JP).');
    // before, the server opened it: a case the other centre never saw
    expect(await caseCount()).toBe(before);
    await screenshot(page, 'new-case-unknown-party');
  }, 300_000);
  test('a message longer than the server takes is said in words before it is sent, and stays in the form', async () => {
    const token = await apiToken(suite.server(), KR_USER);
    const eventCount = async () => (await apiCall<{ events: unknown[] }>(suite.server(), token, 'GET', `/api/cases/${DEMO_CASE_ID}/events?afterVersion=0`)).events.length;
    const { page } = await suite.open('long message');
    await signIn(page, KR_USER);
    await openCase(page);
    await page.getByTestId(TID.tabLog).click();
    const before = await eventCount();
    const sitrep = `SITREP 1 ${'kr-ship-1 searched its area, nothing sighted. '.repeat(100)}`;   // 4,609 characters
    await page.locator('form.message textarea').fill(sitrep);
    await page.locator('form.message button[type="submit"]').click();
    const problem = page.locator('form.message p.problem[role="alert"]');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toBe(`A message holds at most 4,000 characters; this one has ${sitrep.trim().length.toLocaleString('en-GB')}. Shorten it or send it in parts.`);
    expect(await eventCount()).toBe(before);
    await expect(page.locator('form.message textarea').inputValue()).resolves.toBe(sitrep);
  }, 300_000);
});
