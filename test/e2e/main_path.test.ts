// The coordinator's main path: sign in, open the demo exercise, run the drift in the Worker, plan,
// see the plan's POS beside the IAMSAR baseline's, export the plan as GPX, KML, RTZ, GeoJSON
// and the plain-text message, each of which parses, and record a search from a unit's NMEA log.
import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiToken, appendEvent, DEMO_CASE_ID, e2eSuite, JP_USER, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

/** Click an export button and read the file the page offers. */
async function download(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS.page }), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** The demo region (a box around the East Sea demo's datum, 37.23 N 131.25 E). */
const inRegion = (latDeg: number, lonDeg: number) => latDeg > 34 && latDeg < 41 && lonDeg > 127 && lonDeg < 136;

describe('the main path (end to end, Chromium)', () => {
  test('sign in → demo exercise → drift → plan (POS beside the baseline) → GPX, KML, RTZ, GeoJSON and the message', async () => {
    const { page } = await suite.open('KR coordinator');
    await signIn(page, KR_USER);
    await openCase(page);
    await expect(page.getByTestId(TID.caseTitle).textContent()).resolves.toMatch(/Demo exercise/);

    // the drift, in the Worker, with a count small enough for a shared CI machine
    await page.getByTestId(TID.tabPlan).click();
    await page.getByTestId(TID.particleCount).fill('5000');
    const drifts = (await probe(page))!.driftsDone;
    await page.getByTestId(TID.driftRun).click();
    await waitForApp(page, (app, before) => app.driftsDone > (before as number), drifts, WAIT_MS.drift);
    expect(await page.getByTestId(TID.driftError).count()).toBe(0);
    expect((await probe(page))!.renderer).not.toBe('none');
    await screenshot(page, 'main-drift');

    // the plan, in the Worker
    const plans = (await probe(page))!.plansDone;
    await page.getByTestId(TID.planRun).click();
    await waitForApp(page, (app, before) => app.plansDone > (before as number), plans, WAIT_MS.drift);
    const pos = Number(await page.getByTestId(TID.planPosTotal).getAttribute('data-pos'));
    const baseline = Number(await page.getByTestId(TID.planBaselinePos).getAttribute('data-pos'));
    expect(pos).toBeGreaterThan(0);
    expect(pos).toBeLessThanOrEqual(1);
    expect(baseline).toBeGreaterThanOrEqual(0);
    expect(baseline).toBeLessThanOrEqual(1);
    // both shown in words, as percentages
    await expect(page.getByTestId(TID.planPosTotal).textContent()).resolves.toMatch(/\d+(\.\d+)?\s*%/);
    await expect(page.getByTestId(TID.planBaselinePos).textContent()).resolves.toMatch(/\d+(\.\d+)?\s*%/);
    const unitRows = page.getByTestId(TID.planUnitRow);
    expect(await unitRows.count()).toBeGreaterThan(0);
    // the bundled GSHHG outline of the islets lies 0.39 NM from the agreement's position of them
    // (app/plan/place_outlines.ts): the page says so, in the reader's names, as `plan --agreement` does
    const off = page.locator(`[data-testid="${TID.placeOffTheCoastline}"][data-place-id="liancourt"]`);
    expect(Number(await off.getAttribute('data-distance-nm'))).toBeCloseTo(0.39, 1);
    expect(await off.textContent()).toMatch(/no land at the agreement’s position of Dokdo .*nearest shore is 0\.3\d NM away/);
    await screenshot(page, 'main-plan');

    // GPX: valid XML, one route or track per unit, every point in the demo region
    const gpx = await download(page, page.getByTestId(TID.exportGpx));
    expect(gpx.name).toMatch(/\.gpx$/);
    expect(XMLValidator.validate(gpx.text)).toBe(true);
    const gpxDoc = xml.parse(gpx.text).gpx;
    expect(gpxDoc['@version']).toBe('1.1');
    const gpxPoints = [...asArray(gpxDoc.rte).flatMap((r: { rtept?: unknown }) => asArray(r.rtept)), ...asArray(gpxDoc.trk).flatMap((t: { trkseg?: unknown }) => asArray(t.trkseg).flatMap((s) => asArray((s as { trkpt?: unknown }).trkpt)))] as { '@lat': string; '@lon': string }[];
    expect(gpxPoints.length).toBeGreaterThan(3);
    for (const p of gpxPoints) expect(inRegion(Number(p['@lat']), Number(p['@lon']))).toBe(true);

    // KML: valid XML with a kml root
    const kml = await download(page, page.getByTestId(TID.exportKml));
    expect(kml.name).toMatch(/\.kml$/);
    expect(XMLValidator.validate(kml.text)).toBe(true);
    expect(xml.parse(kml.text).kml).toBeDefined();

    // RTZ (a ship's route; none for aircraft, so none when the plan sends only the helicopter, as it
    // may since the tied-layout rule puts the best-equipped unit on the datum): valid XML, waypoints
    const rtzButtons = page.getByTestId(TID.exportRtz);
    const sentShips = await page.locator(`[data-testid="${TID.planUnitRow}"]`).evaluateAll((rows) => rows.filter((r) => !['helicopter', 'aircraft'].includes(r.getAttribute('data-craft') ?? '')).length);
    expect(await rtzButtons.count()).toBe(sentShips);
    if (sentShips > 0) {
      const rtz = await download(page, rtzButtons.first());
      expect(rtz.name).toMatch(/\.rtz$/);
      expect(XMLValidator.validate(rtz.text)).toBe(true);
      const route = xml.parse(rtz.text).route;
      expect(asArray(route.waypoints.waypoint).length).toBeGreaterThan(1);
    }

    // GeoJSON: a FeatureCollection with features
    const geojson = await download(page, page.getByTestId(TID.exportGeojson));
    const collection = JSON.parse(geojson.text) as { type: string; features: unknown[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThan(0);

    // the plain-text message: short, plain, with the datum and a position as sailors write it
    await page.getByTestId(TID.exportMessage).click();
    const message = (await page.getByTestId(TID.planMessage).textContent())!;
    expect(message.length).toBeGreaterThan(50);
    expect(message).toMatch(/DATUM/i);
    expect(message).toMatch(/\d{2}[°\s-]\s?\d{2}(\.\d+)?['′]?\s?N/);
    await screenshot(page, 'main-message');

    // a unit's recorded track (NMEA 0183): a bad line is refused naming the file and the line;
    // a good log is read, said in one line, and recorded as a search done
    const sentence = (body: string) => `$${body}*${[...body].reduce((x, c) => x ^ c.charCodeAt(0), 0).toString(16).toUpperCase().padStart(2, '0')}`;
    const rmc = (t: string, lat: string) => sentence(`GPRMC,${t},A,${lat},N,13115.000,E,10.0,000.0,100326,,,A`);
    const log = (lines: string[]) => ({ name: 'kr-ship-1.nmea', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\r\n')) });
    await page.getByTestId(TID.searchDoneGpx).setInputFiles(log([rmc('070000', '3714.000'), rmc('070500', '37xx.5'), rmc('071000', '3716.000')]));
    const banner = page.getByTestId(TID.errorBanner);
    await banner.waitFor();
    expect(await banner.textContent()).toContain("kr-ship-1.nmea: line 2: RMC latitude '37xx.5' is not ddmm.mmm");
    expect(await banner.getAttribute('data-code')).toBe('SARB_TRACK_FILE');
    await page.getByTestId(TID.searchDoneGpx).setInputFiles(log([rmc('070000', '3714.000'), rmc('070500', '3715.000'), rmc('071000', '3716.000')]));
    const read = page.getByTestId(TID.searchDoneTrackRead);
    await read.waitFor();
    expect(await read.textContent()).toContain('kr-ship-1.nmea: 3 positions (NMEA), 2026-03-10 07:00–2026-03-10 07:10 UTC');
    // the refusal of the bad log is gone once a good one is read (it stayed, beside the good reading, until dismissed)
    await banner.waitFor({ state: 'detached' });
    await page.getByTestId(TID.searchDoneUnit).selectOption({ index: 1 });
    await page.getByTestId(TID.searchDoneSubmit).click();
    await page.locator('p.ok[role="status"]').filter({ hasText: /recorded/ }).waitFor();
    await screenshot(page, 'main-track-upload');

    // issuing is held until the agreement's notifications are acknowledged (the server enforces it);
    // each is acknowledged by the party it goes to: KR by its button here, JP over the API (KR has no
    // button on JP's); which parties they go to depends on the plan's areas, so neither side is assumed
    const rows = page.getByTestId(TID.notificationRow);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByTestId(TID.planIssue).click();
    const held = page.getByTestId(TID.planHeld);
    await held.waitFor();
    expect((await held.textContent())!.trim().split(/\s+/).length).toBeGreaterThan(4);
    const pending = await rows.evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-notification-id')!, toJp: / \(JP\)/.test(e.textContent ?? '') })));
    const rowOf = (id: string) => page.locator(`[data-testid="${TID.notificationRow}"][data-notification-id="${id}"]`);
    for (const n of pending) {
      if (n.toJp) {
        expect(await rowOf(n.id).getByTestId(TID.acknowledge).count()).toBe(0);
        await appendEvent(suite.server(), await apiToken(suite.server(), JP_USER), DEMO_CASE_ID, { type: 'notificationAcknowledged', payload: { notificationId: n.id } });
      } else {
        await rowOf(n.id).getByTestId(TID.acknowledge).click();
      }
      // the acknowledgement reaches KR's page live, whoever made it
      await page.locator(`[data-testid="${TID.notificationRow}"][data-notification-id="${n.id}"][data-state="acknowledged"]`).waitFor();
    }
    await screenshot(page, 'main-held');

    // issued once acknowledged; a re-plan then starts from the areas issued (the planIssued event
    // carries them) and, on the same drift, keeps them: nothing is better beyond the particles' noise
    await page.getByTestId(TID.planIssue).click();
    await page.locator('p.ok[role="status"]').filter({ hasText: /Plan \S+ issued/ }).waitFor();
    const issuedAreas = await page.getByTestId(TID.planUnitRow).evaluateAll((els) => els.map((e) => e.textContent));
    const replans = (await probe(page))!.plansDone;
    await page.getByTestId(TID.planRun).click();
    await waitForApp(page, (app, before) => app.plansDone > (before as number), replans, WAIT_MS.drift);
    const previous = page.getByTestId(TID.planPrevious);
    expect(await previous.getAttribute('data-kept')).toBe('true');
    expect(await previous.textContent()).toMatch(/^Re-plan: the areas issued last are kept \(\d+(\.\d+)?\s*% now\)/);
    // what they hold now is the plan's POS (the units of no use held, as in any plan)
    const total = /\d+(\.\d+)?\s*%/.exec((await page.getByTestId(TID.planPosTotal).textContent())!)![0];
    expect(await previous.textContent()).toContain(`(${total} now)`);
    expect(await page.getByTestId(TID.planUnitRow).evaluateAll((els) => els.map((e) => e.textContent))).toEqual(issuedAreas);
    await previous.scrollIntoViewIfNeeded();
    await screenshot(page, 'main-replan');
    // the same line in Korean and Japanese, its POS in the reader's number format
    for (const [language, script] of [['ko', /[\uac00-\ud7a3]/], ['ja', /[\u3040-\u30ff]/]] as const) {
      await page.getByTestId(TID.langSelect).selectOption(language);
      await page.waitForFunction(([id, re]) => new RegExp(re).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''), [TID.planPrevious, script.source] as const);
      expect(await previous.textContent()).not.toMatch(/\{[a-z]+\}|Re-plan/);
      await previous.scrollIntoViewIfNeeded();
      await screenshot(page, `main-replan-${language}`);
    }
    await page.getByTestId(TID.langSelect).selectOption('en');
  }, 900_000);
});
