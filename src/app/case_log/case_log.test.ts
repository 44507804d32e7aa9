import { describe, expect, test } from 'vitest';
import { SqliteStore, VersionConflictError } from '../../io/storage/index.js';
import { CaseLog } from './case_log.js';
import type { Actor } from './roles.js';

const kim: Actor = { userName: 'kim', party: 'KR', roles: ['smc'] };
const sato: Actor = { userName: 'sato', party: 'JP', roles: ['smc'] };
const wang: Actor = { userName: 'wang', party: 'CN', roles: ['smc'] };

describe('CaseLog', () => {
  test('two centres write in turn; a write on an old version is refused and nothing is overwritten', async () => {
    const log = new CaseLog(new SqliteStore(':memory:'), () => new Date('2026-03-10T07:00:00Z'));
    const opened = await log.open(kim, { kind: 'case', title: 'Raft', parties: ['KR', 'JP'] }, 'case-1');
    expect(opened.version).toBe(1);
    await log.append(kim, 'case-1', { type: 'message', payload: { text: 'KR takes SMC' }, basedOnVersion: 1 });
    await expect(log.append(sato, 'case-1', { type: 'message', payload: { text: 'JP takes SMC' }, basedOnVersion: 1 }))
      .rejects.toBeInstanceOf(VersionConflictError);
    await log.append(sato, 'case-1', { type: 'message', payload: { text: 'agreed' }, basedOnVersion: 2 });
    const state = await log.state(sato, 'case-1');
    expect(state.messages.map((m) => `${m.party}: ${m.text}`)).toEqual(['KR: KR takes SMC', 'JP: agreed']);
    await expect(log.events(wang, 'case-1')).rejects.toThrow("case 'case-1' does not exist");   // another party's case: as if none
    expect((await log.list(wang))).toEqual([]);
    expect((await log.list(sato)).map((c) => c.caseId)).toEqual(['case-1']);
  });
});

describe('exercises: what exercise control writes, and the streams beside the cases', () => {
  const control: Actor = { userName: 'lee', party: 'KR', roles: ['exercise-control'] };
  test("the server's control events reach the players' case; no user writes them, not even exercise control", async () => {
    const log = new CaseLog(new SqliteStore(':memory:'), () => new Date('2026-03-10T07:00:00Z'));
    await log.open(control, { kind: 'exercise', title: 'SAREX', parties: ['KR', 'JP'] }, 'ex-1');
    for (const actor of [kim, control]) {
      await expect(log.append(actor, 'ex-1', { type: 'injectReleased', payload: { injectId: 'i1', kind: 'debris', at: '2026-03-10T08:00Z', text: 'a lifejacket' }, basedOnVersion: 1 }))
        .rejects.toThrow(/written by the server from exercise control/);
    }
    await log.appendFromControl('ex-1', { type: 'exerciseClock', payload: { mode: 'stepped', rate: 0, exerciseTime: '2026-03-10T08:00Z', wallTime: '2026-03-10T07:00Z' }, basedOnVersion: 1 }, 'KR');
    await log.appendFromControl('ex-1', { type: 'injectReleased', payload: { injectId: 'i1', kind: 'debris', at: '2026-03-10T08:00Z', text: 'a lifejacket', position: { lonDeg: 131.3, latDeg: 37.2 } }, basedOnVersion: 2 }, 'KR');
    await log.appendFromControl('ex-1', { type: 'targetDetected', payload: { unitId: 'jp-1', time: '2026-03-10T09:10Z', position: { lonDeg: 131.31, latDeg: 37.21 }, searchVersion: 3 }, basedOnVersion: 3 }, 'KR');
    await expect(log.appendFromControl('ex-1', { type: 'exerciseEnded', payload: {}, basedOnVersion: 3 }, 'KR')).rejects.toBeInstanceOf(VersionConflictError);
    await expect(log.appendFromControl('ex-1', { type: 'exerciseEnded', payload: { text: 'x', extra: 1 }, basedOnVersion: 4 }, 'KR')).rejects.toThrow(/payload\/extra/);
    await log.appendFromControl('ex-1', { type: 'exerciseEnded', payload: { text: 'ENDEX' }, basedOnVersion: 4 }, 'KR');
    const state = await log.state(sato, 'ex-1');
    expect(state.clock).toEqual({ mode: 'stepped', rate: 0, exerciseTime: '2026-03-10T08:00Z', wallTime: '2026-03-10T07:00Z' });
    expect(state.injects.map((i) => [i.injectId, i.kind, i.text, i.author])).toEqual([['i1', 'debris', 'a lifejacket', 'exercise-control']]);
    expect(state.detections.map((d) => [d.unitId, d.searchVersion, d.time])).toEqual([['jp-1', 3, '2026-03-10T09:10Z']]);
    expect(state.exerciseEnded?.text).toBe('ENDEX');
    expect(state.exerciseEnded?.version).toBe(5);
    // a real case takes none of them
    await log.open(kim, { kind: 'case', title: 'Raft', parties: ['KR'] }, 'case-2');
    await expect(log.appendFromControl('case-2', { type: 'exerciseEnded', payload: {}, basedOnVersion: 1 }, 'KR')).rejects.toThrow("case 'case-2' does not exist");
  });

  test("a 'programme' or 'exercise-control' stream is no case: left out of lists, answered as missing unless its rule lets the reader in", async () => {
    const store = new SqliteStore(':memory:');
    const log = new CaseLog(store, () => new Date('2026-03-10T07:00:00Z'));
    const draft = (caseId: string) => ({ caseId, basedOnVersion: 0, type: 'controlOpened', author: 'lee', party: 'KR', recordedAt: '2026-03-10T07:00:00.000Z', releasability: 'nothing', payload: {} });
    await store.append(draft('ex-1.control'), { kind: 'exercise-control', title: 'control', parties: ['KR', 'JP'] });
    await store.append(draft('programme'), { kind: 'programme', title: 'programme', parties: ['KR', 'JP'] });
    expect(await log.list(kim)).toEqual([]);
    expect(await log.list(control)).toEqual([]);
    for (const id of ['ex-1.control', 'programme']) {
      await expect(log.events(control, id)).rejects.toThrow(`case '${id}' does not exist`);
      await expect(log.append(kim, id, { type: 'message', payload: { text: 'x' }, basedOnVersion: 1 })).rejects.toThrow(`case '${id}' does not exist`);
    }
    log.streamReader = async (actor, row) => actor.userName === 'lee' && row.kind === 'exercise-control';
    expect((await log.events(control, 'ex-1.control')).map((e) => e.version)).toEqual([1]);
    await expect(log.events(kim, 'ex-1.control')).rejects.toThrow("case 'ex-1.control' does not exist");
    await expect(log.append(control, 'ex-1.control', { type: 'message', payload: { text: 'x' }, basedOnVersion: 1 })).rejects.toThrow(/POST \/api\/exercises\/:caseId\/control/);
    expect(await log.list(control)).toEqual([]);
  });
});
