// A joint exercise in the browser (docs/exercises.md): KR programme staff add an exercise to the
// programme; KR exercise control creates it from the entry, sets the hidden truth (its wind uploaded withheld), schedules a
// distress call and steps the clock; a JP player sees the inject and the clock, takes the inject
// into the report form, simulates a search along an issued plan and sees the detection. The JP
// page never asks for the control stream, and no response, live frame or DOM text it receives
// holds any of the truth's canary values.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { simulateTruthTrack } from '../../src/core/exercise/index.js';
import { loadBundledCoastline } from '../../src/io/coastline/bundled_coastline.js';
import { loadLeewayTable } from '../../src/io/leeway/index.js';
import { openForcingBytes } from '../../src/io/netcdf/index.js';
import { projectPath } from '../../src/io/project_files.js';
import { DEMO_PLANNING_INPUTS } from '../../src/app/server/demo_data.js';
import { apiCall, apiToken, appendEvent, ARTIFACTS, e2eSuite, screenshot, signIn, TID, waitForApp, WAIT_MS, type TestUser } from './harness.js';

const STAFF: TestUser = { userName: 'kr-staff', party: 'KR', password: 'kr staff e2e password long', roles: ['programme-staff'] };
const CONTROL: TestUser = { userName: 'kr-control', party: 'KR', password: 'kr control e2e password long', roles: ['exercise-control'] };
const PLAYER: TestUser = { userName: 'jp-smc', party: 'JP', password: 'jp e2e password long enough', roles: ['smc'] };
const suite = e2eSuite({ users: [STAFF, CONTROL, PLAYER] });

const EXERCISE_ID = 'sarex-e2e';
/**
 * The hidden truth, its values canaries: a release position to five decimals, a class, a seed and
 * a perturbation no player input holds. East of the KR/JP SRR line and beyond 12 NM of the rocks,
 * so a JP unit's plan there needs no notification (examples/cooperation/korea-japan.yaml).
 */
const TRUTH = {
  objectClass: 'OVATEK-CRAFT-2', latDeg: 37.05283, lonDeg: 131.55417, time: '2026-03-10 06:00', seed: 7319457,
  perturbation: { windSpeedFactor: 1.13, windDirectionOffsetDeg: 7 },
};
/** The truth's wind: the demo wind's bytes uploaded withheld under a name of its own, a canary too (so the truth track below holds). */
const TRUTH_WIND_FILE = 'truth-wind-e2e-canary.nc';
const CANARIES = ['131.55417', '37.05283', 'OVATEK', '7319457', 'perturbation', 'windSpeedFactor', 'windDirectionOffsetDeg', TRUTH_WIND_FILE];

/** The truth's track as the server simulates it (the same core function, forcing and shoreline), for the test's plan. */
async function truthTrack() {
  const open = async (name: string) => openForcingBytes(`demo:${name}`, new Uint8Array(readFileSync(projectPath(`data/forcing/east-sea-synthetic/${name}`))));
  const wind = (await open('east-sea-wind.nc')).fields.wind!;
  const current = (await open('east-sea-currents.nc')).fields.current!;
  return simulateTruthTrack({
    objectClass: TRUTH.objectClass, position: { lonDeg: TRUTH.lonDeg, latDeg: TRUTH.latDeg }, timeS: Date.parse('2026-03-10T06:00Z') / 1000,
    forcing: { wind: 'demo:east-sea-wind.nc', current: 'demo:east-sea-currents.nc' },
    perturbation: { windSpeedFactor: TRUTH.perturbation.windSpeedFactor, windDirectionOffsetDeg: TRUTH.perturbation.windDirectionOffsetDeg, currentSpeedFactor: 1, currentDirectionOffsetDeg: 0 },
    seed: TRUTH.seed,
  }, { wind, current }, loadBundledCoastline(), { durationS: 24 * 3600, stepS: 600, objects: loadLeewayTable() });
}

/** Everything the page receives from the server: HTTP bodies and WebSocket frames. */
function recordTraffic(page: Page): { texts: string[]; urls: string[] } {
  const traffic = { texts: [] as string[], urls: [] as string[] };
  page.on('request', (r) => traffic.urls.push(r.url()));
  page.on('response', (r) => { if (new URL(r.url()).pathname.startsWith('/api/')) r.text().then((t) => traffic.texts.push(t), () => undefined); });
  page.on('websocket', (ws) => ws.on('framereceived', (f) => traffic.texts.push(String(f.payload))));
  return traffic;
}

async function inForm(page: Page, form: string, field: string, value: string): Promise<void> {
  await page.getByTestId(form).getByTestId(field).fill(value);
}

describe('a joint exercise (end to end, Chromium)', () => {
  test('control sets the truth, an inject and the clock; the other party\'s player sees inject, clock and detection, never the truth', async () => {
    const server = suite.server();

    // programme staff add the exercise through the programme panel
    const staff = await suite.open('KR programme staff');
    await signIn(staff.page, STAFF);
    await staff.page.getByTestId(TID.programmeAdd).click();
    await staff.page.getByTestId(TID.programmeYear).fill('2026');
    await staff.page.getByTestId(TID.programmeId).fill(EXERCISE_ID);
    await staff.page.getByTestId(TID.programmeName).fill('SAREX e2e 2026');
    await staff.page.getByTestId(TID.programmeArea).fill('east-sea');
    await staff.page.getByTestId(TID.programmeDate).fill('2026-03-10');
    for (const unit of ['kr-ship-1', 'jp-navy-ship-1']) await staff.page.locator(`[data-testid="${TID.programmeUnit}"][data-unit-id="${unit}"]`).check();
    await staff.page.getByTestId(TID.programmeSave).click();
    const entry = staff.page.locator(`[data-testid="${TID.programmeExercise}"][data-item-id="${EXERCISE_ID}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('SAREX e2e 2026');
    await entry.getByTestId(TID.programmeHistory).locator('summary').click();
    const history = await entry.getByTestId(TID.programmeHistory).textContent();
    expect(history).toContain('exercise added');
    expect(history).toMatch(/UTC \((\d{4}-\d\d-\d\d )?\d\d:\d\d KST\)/);   // the local date too once Seoul is on the next day (after 15:00 UTC)
    mkdirSync(ARTIFACTS, { recursive: true });
    await staff.page.screenshot({ path: `${ARTIFACTS}/exercise-programme-en.png`, fullPage: true });

    // exercise control creates the exercise from the entry and sets the truth
    const control = await suite.open('KR exercise control');
    await signIn(control.page, CONTROL);
    await control.page.locator(`[data-testid="${TID.programmeCreateExercise}"][data-item-id="${EXERCISE_ID}"]`).click();
    await waitForApp(control.page, (app) => app.caseReady);
    await control.page.getByTestId(TID.tabControl).click();
    await control.page.getByTestId(TID.controlPanel).waitFor();
    const truthForm = control.page.getByTestId(TID.truthForm);
    await truthForm.getByTestId(TID.reportObject).fill(TRUTH.objectClass);
    // an impossible position is refused in words naming the field (it once read 'lat-deg: [object Object]')
    await truthForm.getByTestId(TID.latDeg).fill('91');
    await truthForm.getByTestId(TID.lonDeg).fill('131');
    await truthForm.getByTestId(TID.truthSubmit).click();
    await expect(control.page.getByTestId(TID.errorBanner).locator('span').textContent()).resolves.toBe('Latitude (degrees): 91° is beyond 90°.');
    await truthForm.getByTestId(TID.latDeg).fill(String(TRUTH.latDeg));
    await truthForm.getByTestId(TID.lonDeg).fill(String(TRUTH.lonDeg));
    await inForm(control.page, TID.truthForm, TID.truthTime, TRUTH.time);
    await inForm(control.page, TID.truthForm, TID.truthSeed, String(TRUTH.seed));
    await truthForm.getByTestId(TID.truthForcing).selectOption('files');
    // the wind uploaded from the page goes withheld from the players, and is picked as the truth's wind
    await truthForm.getByTestId(TID.truthForcingUpload).setInputFiles({ name: TRUTH_WIND_FILE, mimeType: 'application/x-netcdf', buffer: readFileSync(projectPath('data/forcing/east-sea-synthetic/east-sea-wind.nc')) });
    await control.page.getByRole('status').filter({ hasText: `Uploaded ${TRUTH_WIND_FILE}, withheld from the players.` }).waitFor({ timeout: WAIT_MS.live });
    await expect(truthForm.getByTestId(TID.truthWindFile).locator('option:checked').textContent()).resolves.toBe(`${TRUTH_WIND_FILE} (withheld)`);
    // the demo current as the truth's current
    await truthForm.getByTestId(TID.truthCurrentFile).selectOption('demo:east-sea-currents.nc');
    expect(await truthForm.getByTestId(TID.truthForcingShared).count()).toBe(0);   // the SYNTHETIC demo is everyone's by design: no warning
    await inForm(control.page, TID.truthForm, TID.truthWindFactor, String(TRUTH.perturbation.windSpeedFactor));
    await inForm(control.page, TID.truthForm, TID.truthWindTurn, String(TRUTH.perturbation.windDirectionOffsetDeg));
    await truthForm.getByTestId(TID.truthSubmit).click();
    await control.page.getByTestId(TID.truthCurrent).filter({ hasText: TRUTH.objectClass }).waitFor({ timeout: WAIT_MS.live });
    expect(await control.page.getByTestId(TID.truthCurrent).textContent()).toContain(`forcing: ${TRUTH_WIND_FILE} (withheld), east-sea-currents.nc;`);

    // a stepped clock at 06:30, a distress call due at 07:00 (reported within 2 NM of the truth), one step of 30 min
    await control.page.getByTestId(TID.clockMode).selectOption('stepped');
    await control.page.getByTestId(TID.clockTime).fill('2026-03-10 06:30');
    await control.page.getByTestId(TID.clockSubmit).click();
    await control.page.getByTestId(TID.clockStep).waitFor();
    const injectText = 'MAYDAY relayed by a fishing boat: liferaft with four aboard';
    await control.page.getByTestId(TID.injectKind).selectOption('distressCall');
    await control.page.getByTestId(TID.injectAt).fill('2026-03-10 07:00');
    await control.page.getByTestId(TID.injectText).fill(injectText);
    await control.page.getByTestId(TID.injectPositionMode).selectOption('random');
    await control.page.getByTestId(TID.injectErrorNm).fill('2');
    await control.page.getByTestId(TID.injectSubmit).click();
    const scheduled = control.page.getByTestId(TID.injectScheduledRow).first();
    await scheduled.waitFor();
    expect(await scheduled.getAttribute('data-state')).toBe('pending');
    await control.page.getByTestId(TID.clockStepMinutes).fill('30');
    await control.page.getByTestId(TID.clockStep).click();
    await control.page.locator(`[data-testid="${TID.injectScheduledRow}"][data-state="released"]`).waitFor({ timeout: WAIT_MS.live });
    await control.page.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(control.page, 'exercise-control-en');

    // the JP player: the exercise clock and the inject, never the control stream
    const player = await suite.open('JP player');
    const traffic = recordTraffic(player.page);
    await signIn(player.page, PLAYER);
    await player.page.locator(`[data-testid="${TID.caseItem}"][data-case-id="${EXERCISE_ID}"]`).click();
    await waitForApp(player.page, (app) => app.caseReady);
    const clock = player.page.getByTestId(TID.exerciseClock).first();
    await player.page.locator(`[data-testid="${TID.exerciseClock}"][data-mode="stepped"]`).first().waitFor({ timeout: WAIT_MS.live });
    expect(await clock.getAttribute('data-exercise-time')).toBe('2026-03-10T07:00:00.000Z');
    expect(await player.page.getByTestId(TID.tabControl).count()).toBe(0);
    await player.page.getByTestId(TID.tabExercise).click();
    const inject = player.page.getByTestId(TID.injectEntry).first();
    await inject.waitFor({ timeout: WAIT_MS.live });
    expect(await inject.getAttribute('data-kind')).toBe('distressCall');
    expect(await inject.textContent()).toContain(injectText);
    // into the report form with one click, not into the log
    await player.page.getByTestId(TID.injectToReport).first().click();
    expect(await player.page.getByTestId(TID.reportText).inputValue()).toContain(injectText);
    expect(await player.page.getByTestId(TID.latDeg).inputValue()).toBe('37');
    expect(await player.page.getByTestId(TID.reportTime).inputValue()).toBe('2026-03-10 07:00');
    const token = await apiToken(server, PLAYER);
    const { events } = await apiCall<{ events: { type?: string }[] }>(server, token, 'GET', `/api/cases/${EXERCISE_ID}/events?afterVersion=0`);
    expect(events.filter((e) => e.type === 'report')).toEqual([]);

    // the players plan: inputs with the JP destroyer, and a plan whose route runs 0.2 NM north of
    // the truth from 07:00 to 09:00 (the test knows the truth; the players' page never does)
    const track = await truthTrack();
    const leg = track.points.filter((p) => p.timeS >= Date.parse('2026-03-10T07:00Z') / 1000 && p.timeS <= Date.parse('2026-03-10T09:00Z') / 1000);
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    const waypoints = leg.map((p) => ({ timeS: p.timeS, lonDeg: round3(p.lonDeg), latDeg: round3(p.latDeg + 0.2 / 60) }));
    const inputs = {
      ...DEMO_PLANNING_INPUTS, title: 'SAREX e2e planning inputs', particles: 1000,
      scenarios: [{ name: 'distress call', weight: 1, object: 'LIFE-RAFT-DB-10', position: '37 04.0N 131 33.0E', time: '2026-03-10T07:00Z', radiusNm: 2 }],
      units: DEMO_PLANNING_INPUTS.units.filter((u) => u.id === 'jp-navy-ship-1'),
    };
    await appendEvent(server, token, EXERCISE_ID, { type: 'planningInputs', payload: { inputs } });
    const planVersion = await appendEvent(server, token, EXERCISE_ID, {
      type: 'planIssued',
      payload: {
        planId: 'JP-1', text: 'JP plan 1: jp-navy-ship-1 track line along the reported drift',
        plan: { datumTrack: [waypoints[0]], units: [{ unitId: 'jp-navy-ship-1', party: 'JP', waypoints }], incidentTimeS: waypoints[0].timeS, planningTimeS: waypoints[0].timeS },
      },
    });
    expect(planVersion).toBeGreaterThan(0);

    // control steps the clock past the route; the player simulates the unit's search and sees the detection
    await control.page.getByTestId(TID.clockStepMinutes).fill('130');
    await control.page.getByTestId(TID.clockStep).click();
    await player.page.locator(`[data-testid="${TID.exerciseClock}"][data-exercise-time="2026-03-10T09:10:00.000Z"]`).first().waitFor({ timeout: WAIT_MS.live });
    await player.page.getByTestId(TID.tabExercise).click();
    await player.page.locator(`[data-testid="${TID.simulateSearch}"][data-unit-id="jp-navy-ship-1"]`).click();
    await player.page.getByTestId(TID.exerciseDetected).waitFor({ timeout: WAIT_MS.live });
    expect(await player.page.getByTestId(TID.exerciseDetected).getAttribute('data-unit-id')).toBe('jp-navy-ship-1');
    await screenshot(player.page, 'exercise-player-en');
    // control sees the draw, a hit
    await control.page.locator(`[data-testid="${TID.detectionDraw}"][data-hit="true"]`).waitFor({ timeout: WAIT_MS.live });

    // a unit's NMEA log uploaded: a bad line refused with its number, then a good log recorded as a search done
    const rmc = (time: string, lat: string, lon: string) => `$GPRMC,${time},A,${lat},N,${lon},E,10.0,090.0,100326,,,A`;
    await player.page.getByTestId(TID.trackUnit).selectOption('jp-navy-ship-1');
    await player.page.getByTestId(TID.trackFile).setInputFiles({ name: 'jp-navy-ship-1.nmea', mimeType: 'text/plain', buffer: Buffer.from([rmc('091000', '3702.000', '13134.000'), rmc('091100', '37xx.5', '13134.200')].join('\n')) });
    expect(await player.page.getByTestId(TID.trackError).textContent()).toContain("line 2: RMC latitude '37xx.5' is not ddmm.mmm");
    await player.page.getByTestId(TID.trackFile).setInputFiles({ name: 'jp-navy-ship-1.nmea', mimeType: 'text/plain', buffer: Buffer.from([rmc('091000', '3702.000', '13134.000'), rmc('091100', '3702.000', '13134.200'), rmc('091200', '3702.000', '13134.400')].join('\n')) });
    expect(await player.page.getByTestId(TID.trackRead).getAttribute('data-points')).toBe('3');
    // the button stays greyed until the sweep width is given, and the form says so (before: greyed, no word why)
    await expect(player.page.getByTestId(TID.trackSubmit).isDisabled()).resolves.toBe(true);
    await expect(player.page.getByTestId(TID.trackMissing).textContent()).resolves.toBe('Give the sweep width (NM) to record the search.');
    await player.page.getByTestId(TID.trackWidth).fill('-2');
    await expect(player.page.getByTestId(TID.trackMissing).textContent()).resolves.toBe('Sweep width “-2”: give a number of NM above 0.');
    await player.page.getByTestId(TID.trackWidth).fill('2');
    await player.page.getByTestId(TID.trackMissing).waitFor({ state: 'detached' });
    await player.page.getByTestId(TID.trackSubmit).click();
    await player.page.getByRole('status').filter({ hasText: 'jp-navy-ship-1' }).waitFor({ timeout: WAIT_MS.live });

    // the player's page never asked for the control stream, and holds none of the truth
    expect(traffic.urls.filter((u) => /\/control\b|\.control/.test(u))).toEqual([]);
    const dom = await player.page.content();
    const received = traffic.texts.join('\n');
    for (const canary of CANARIES) {
      expect(dom, `the player's DOM holds ${canary}`).not.toContain(canary);
      expect(received, `a response or live frame to the player holds ${canary}`).not.toContain(canary);
    }
    expect(traffic.texts.length).toBeGreaterThan(5);

    // control: the score, a lesson, the end; the players see the end and the report's links
    await control.page.getByTestId(TID.scoreLoad).click();
    expect(await control.page.getByTestId(TID.scoreView).textContent()).toContain('Detected by jp-navy-ship-1');
    await control.page.getByTestId(TID.lessonText).fill('Distress call position error of 2 NM was enough to mislead the first datum');
    await control.page.getByTestId(TID.lessonSubmit).click();
    await control.page.getByTestId(TID.lessonEntry).first().waitFor({ timeout: WAIT_MS.live });
    control.page.once('dialog', (dialog) => void dialog.accept());
    await control.page.getByTestId(TID.endText).fill('End of exercise: well done, both centres.');
    await control.page.getByTestId(TID.endSubmit).click();
    await player.page.getByTestId(TID.exerciseEnded).waitFor({ timeout: WAIT_MS.live });
    expect(await player.page.locator(`[data-testid="${TID.reportLink}"][data-copy="party"]`).count()).toBeGreaterThan(0);

    // the same panels in Korean and Japanese, for the eye (test/e2e/artifacts)
    for (const language of ['ko', 'ja'] as const) {
      await control.page.getByTestId(TID.langSelect).selectOption(language);
      await control.page.getByTestId(TID.controlPanel).waitFor();
      await screenshot(control.page, `exercise-control-${language}`);
      await player.page.getByTestId(TID.langSelect).selectOption(language);
      await player.page.getByTestId(TID.tabExercise).click();
      await screenshot(player.page, `exercise-player-${language}`);
      await staff.page.getByTestId(TID.langSelect).selectOption(language);
      await staff.page.reload();
      await staff.page.getByTestId(TID.programmePanel).waitFor();
      await staff.page.screenshot({ path: `${ARTIFACTS}/exercise-programme-${language}.png`, fullPage: true });
    }
  }, 600_000);
});
