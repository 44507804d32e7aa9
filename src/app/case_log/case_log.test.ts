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
