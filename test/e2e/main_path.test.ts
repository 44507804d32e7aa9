// The coordinator's main path: sign in, open the demo exercise, run the drift in the Worker, plan,
// see the plan's POS beside the IAMSAR baseline's, and export the plan as GPX, KML, RTZ, GeoJSON
// and the plain-text message, each of which parses.
import { readFile } from 'node:fs/promises';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eSuite, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

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

    // RTZ (one unit's route): valid XML, a route with waypoints
    const rtz = await download(page, page.getByTestId(TID.exportRtz).first());
    expect(rtz.name).toMatch(/\.rtz$/);
    expect(XMLValidator.validate(rtz.text)).toBe(true);
    const route = xml.parse(rtz.text).route;
    expect(asArray(route.waypoints.waypoint).length).toBeGreaterThan(1);

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

    // issuing is held until the agreement's notifications are acknowledged (the server enforces it);
    // KR acknowledges those addressed to KR, and they read as acknowledged
    const rows = page.getByTestId(TID.notificationRow);
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByTestId(TID.planIssue).click();
    const held = page.getByTestId(TID.planHeld);
    await held.waitFor();
    expect((await held.textContent())!.trim().split(/\s+/).length).toBeGreaterThan(4);
    const ownIds = await rows.filter({ has: page.getByTestId(TID.acknowledge) }).evaluateAll((els) => els.map((e) => e.getAttribute('data-notification-id')!));
    expect(ownIds.length).toBeGreaterThan(0);
    for (const id of ownIds) {
      const row = page.locator(`[data-testid="${TID.notificationRow}"][data-notification-id="${id}"]`);
      await row.getByTestId(TID.acknowledge).click();
      await page.locator(`[data-testid="${TID.notificationRow}"][data-notification-id="${id}"][data-state="acknowledged"]`).waitFor();
    }
    await screenshot(page, 'main-held');
  }, 900_000);
});
