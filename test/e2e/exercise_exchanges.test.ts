// The exchanges between the two centres, live in the exercise control panel (docs/exercises.md,
// "Exchanges between the centres"): messages each way, the share acknowledged and the delays, as
// the score gives them, updated while the players write and acknowledge, in English, Korean and
// Japanese (screenshots in test/e2e/artifacts).
import { describe, expect, test } from 'vitest';
import { apiCall, apiToken, appendEvent, e2eSuite, screenshot, signIn, TID, waitForApp, WAIT_MS, type TestUser } from './harness.js';

const STAFF: TestUser = { userName: 'kr-staff', party: 'KR', password: 'kr staff e2e password long', roles: ['programme-staff'] };
const CONTROL: TestUser = { userName: 'kr-control', party: 'KR', password: 'kr control e2e password long', roles: ['exercise-control'] };
const KR_SMC: TestUser = { userName: 'kr-smc', party: 'KR', password: 'kr smc e2e password long enough', roles: ['smc'] };
const JP_SMC: TestUser = { userName: 'jp-smc', party: 'JP', password: 'jp smc e2e password long enough', roles: ['smc'] };
const suite = e2eSuite({ users: [STAFF, CONTROL, KR_SMC, JP_SMC] });

const EXERCISE_ID = 'sarex-exchanges';

describe('the exchanges between the centres in the exercise control panel (end to end, Chromium)', () => {
  test('messages each way and the share acknowledged, live as the players write and acknowledge, in en, ko and ja', async () => {
    const server = suite.server();
    const staff = await apiToken(server, STAFF), control = await apiToken(server, CONTROL);
    const kr = await apiToken(server, KR_SMC), jp = await apiToken(server, JP_SMC);
    const { version } = await apiCall<{ version: number }>(server, staff, 'GET', '/api/programme');
    await apiCall(server, staff, 'POST', '/api/programme/events', {
      basedOnVersion: version, type: 'exerciseAdded',
      payload: { year: 2026, id: EXERCISE_ID, name: 'SAREX exchanges e2e', host: 'KR', area: 'east-sea', date: '2026-03-10', units: ['kr-ship-1', 'jp-navy-ship-1'] },
    });
    const { caseId } = await apiCall<{ caseId: string }>(server, control, 'POST', '/api/exercises', { programmeItemId: EXERCISE_ID });

    // before any message: the panel says so
    const page = (await suite.open('KR exercise control')).page;
    await signIn(page, CONTROL);
    await page.locator(`[data-testid="${TID.caseItem}"][data-case-id="${caseId}"]`).click();
    await waitForApp(page, (app) => app.caseReady);
    await page.getByTestId(TID.tabControl).click();
    const view = page.getByTestId(TID.exchangesView);
    await view.waitFor();
    expect(await view.textContent()).toContain('No message between the centres yet.');

    // KR writes to JP, JP to KR; JP acknowledges KR's message. The panel follows without a reload
    const krMessage = await appendEvent(server, kr, caseId, { type: 'message', payload: { text: 'KR takes SMC for the exercise area', to: 'JP' } });
    const jpMessage = await appendEvent(server, jp, caseId, { type: 'message', payload: { text: 'JP helicopter on scene 10:30', to: 'KR' } });
    await appendEvent(server, jp, caseId, { type: 'messageAcknowledged', payload: { messageVersion: krMessage } });
    const way = (from: string, to: string) => page.locator(`[data-testid="${TID.exchangesWay}"][data-from="${from}"][data-to="${to}"]`);
    await page.locator(`[data-testid="${TID.exchangesWay}"][data-from="KR"][data-acknowledged="1"]`).waitFor({ timeout: WAIT_MS.live });
    expect(await way('KR', 'JP').textContent()).toMatch(/^KR → JP: 1 message\(s\), 1 acknowledged \(100\.0 %\) · delay to the acknowledgement: mean \d+\.\d min, median \d+\.\d min, longest \d+\.\d min$/);
    expect(await way('JP', 'KR').textContent()).toBe('JP → KR: 1 message(s), 0 acknowledged (0.0 %)');

    // KR acknowledges JP's message and writes again, unacknowledged: 1 of 2 one way, 1 of 1 the other
    await appendEvent(server, kr, caseId, { type: 'messageAcknowledged', payload: { messageVersion: jpMessage } });
    await appendEvent(server, kr, caseId, { type: 'message', payload: { text: 'datum moved 2 NM east', to: 'JP' } });
    await page.locator(`[data-testid="${TID.exchangesWay}"][data-from="KR"][data-messages="2"]`).waitFor({ timeout: WAIT_MS.live });
    await page.locator(`[data-testid="${TID.exchangesWay}"][data-from="JP"][data-acknowledged="1"]`).waitFor({ timeout: WAIT_MS.live });
    expect(await way('KR', 'JP').textContent()).toMatch(/^KR → JP: 2 message\(s\), 1 acknowledged \(50\.0 %\)/);
    expect(await way('JP', 'KR').textContent()).toMatch(/^JP → KR: 1 message\(s\), 1 acknowledged \(100\.0 %\)/);
    expect(await view.getAttribute('data-messages')).toBe('3');
    // the same figures as the score
    const score = await apiCall<{ score: { score: { exchanges: { parties: { party: string; messages: number; acknowledged: number }[] } } } }>(server, control, 'GET', `/api/exercises/${caseId}/score`);
    expect(score.score.score.exchanges.parties.map((p) => [p.party, p.messages, p.acknowledged])).toEqual([['JP', 1, 1], ['KR', 2, 1]]);

    await page.setViewportSize({ width: 1280, height: 1400 });
    await view.scrollIntoViewIfNeeded();
    await screenshot(page, 'exercise-exchanges-en');
    const words = { ko: ['KR → JP: 메시지 2건, 1건 확인 (50.0 %)', '확인까지 걸린 시간'], ja: ['KR → JP：メッセージ 2 件、確認 1 件（50.0 %）', '確認までの時間'] } as const;
    for (const language of ['ko', 'ja'] as const) {
      await page.getByTestId(TID.langSelect).selectOption(language);
      await view.waitFor();
      const text = await way('KR', 'JP').textContent();
      for (const w of words[language]) expect(text).toContain(w);
      await view.scrollIntoViewIfNeeded();
      await screenshot(page, `exercise-exchanges-${language}`);
    }
  }, 300_000);
});
