// The map keeps what the coordinator was looking at when the palette switches (day ↔ night makes
// a new map): the output time of the cloud the slider shows, its POC image, and the view.
import { describe, expect, test } from 'vitest';
import { e2eSuite, KR_USER, openCase, probe, screenshot, signIn, TID, waitForApp, WAIT_MS } from './harness.js';

const suite = e2eSuite();

type Drawn = { map: number; timeIndex: number; pocShown: boolean; particlesShown: boolean };
type WithBench = { bench?: { drawn(): Drawn | null; view(): { lonDeg: number; latDeg: number; zoom: number } | null } };

describe('the map across a palette switch (end to end, Chromium)', () => {
  test('night palette: the cloud stays at the time the slider shows, with its POC, in the same view', async () => {
    const { page } = await suite.open('night palette');
    await signIn(page, KR_USER);
    await openCase(page);
    await waitForApp(page, (app) => app.driftsDone >= 1, undefined, WAIT_MS.drift);   // the demo case drifts when it opens

    // the last output time, as a coordinator drags the slider to the planning time
    const slider = page.getByTestId(TID.timeSlider);
    const last = Number(await slider.getAttribute('max'));
    expect(last).toBeGreaterThan(1);
    await slider.fill(String(last));
    await waitForApp(page, (app, t) => { const d = (app as unknown as WithBench).bench?.drawn(); return !!d && d.timeIndex === t && d.pocShown; }, last);
    const before = await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.drawn()!);
    const view = await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.view()!);
    const label = (await page.getByTestId(TID.timeLabel).textContent())!;

    await page.getByTestId(TID.nightToggle).click();
    await page.waitForFunction(() => document.documentElement.dataset.palette === 'night');
    // a new map, showing the time the slider still shows (before: output 0, without POC, until the slider moved)
    await waitForApp(page, (app, arg) => {
      const d = (app as unknown as WithBench).bench?.drawn();
      return !!d && d.map > arg.map && d.timeIndex === arg.last && d.pocShown;
    }, { map: before.map, last });
    await expect(page.getByTestId(TID.timeLabel).textContent()).resolves.toBe(label);
    // and looking where the old one looked (before: the default view, the fitted drift lost)
    const after = await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.view()!);
    expect(after.zoom).toBeCloseTo(view.zoom, 6);
    expect(after.lonDeg).toBeCloseTo(view.lonDeg, 6);
    expect(after.latDeg).toBeCloseTo(view.latDeg, 6);
    expect((await probe(page))!.renderer).not.toBe('none');
    await screenshot(page, 'night-palette-last-time');

    // the cloud hidden, to see the probability map under it; it stays hidden on the next new map
    expect((await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.drawn()!)).particlesShown).toBe(true);
    await page.getByTestId(TID.particlesShown).uncheck();
    await waitForApp(page, (app) => (app as unknown as WithBench).bench?.drawn()?.particlesShown === false);
    const hidden = await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.drawn()!);
    await page.getByTestId(TID.nightToggle).click();
    await page.waitForFunction(() => document.documentElement.dataset.palette === 'day');
    await waitForApp(page, (app, m) => { const d = (app as unknown as WithBench).bench?.drawn(); return !!d && d.map > m && d.pocShown; }, hidden.map);
    const day = await page.evaluate(() => ((window as unknown as { sarbridgeApp: WithBench }).sarbridgeApp).bench!.drawn()!);
    expect(day.particlesShown).toBe(false);
    expect(await page.getByTestId(TID.particlesShown).isChecked()).toBe(false);
    await screenshot(page, 'poc-without-particles');
  }, 300_000);
});
