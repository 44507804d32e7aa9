import { describe, expect, test } from 'vitest';
import { SqliteStore } from '../../io/storage/index.js';
import { CaseLog } from './case_log.js';
import { AccessDeniedError } from './errors.js';
import type { Actor } from './roles.js';

const kim: Actor = { userName: 'kim', party: 'KR', roles: ['smc'] };
const choi: Actor = { userName: 'choi', party: 'KR', roles: ['liaison-officer'] };
const sato: Actor = { userName: 'sato', party: 'JP', roles: ['smc'] };
const ito: Actor = { userName: 'ito', party: 'JP', roles: ['osc'] };
const kato: Actor = { userName: 'kato', party: 'JP', roles: ['observer'] };
const wu: Actor = { userName: 'wu', party: 'CN', roles: ['smc'] };

async function threeParties() {
  let nowMs = Date.parse('2026-03-10T07:00:00Z');
  const log = new CaseLog(new SqliteStore(':memory:'), () => new Date(nowMs));
  await log.open(kim, { kind: 'case', title: 'Raft', parties: ['KR', 'JP', 'CN'] }, 'c');
  let version = 1;
  const append = async (actor: Actor, type: 'message' | 'messageAcknowledged' | 'eventCorrected' | 'eventRetracted', payload: object, releasability?: 'nothing') => {
    nowMs += 60_000;
    const e = await log.append(actor, 'c', { type, payload, basedOnVersion: version, ...(releasability ? { releasability } : {}) });
    version = e.version;
    return e;
  };
  return { log, append };
}

describe('messages between the centres and their acknowledgement', () => {
  test('only a party a message went to acknowledges it, once; the picture holds who did, when', async () => {
    const { log, append } = await threeParties();
    const toJp = await append(kim, 'message', { text: 'KR takes SMC', to: 'JP' });
    // the sender's own party, and a party it did not go to, may not
    await expect(append(choi, 'messageAcknowledged', { messageVersion: toJp.version })).rejects.toThrow(AccessDeniedError);
    await expect(append(wu, 'messageAcknowledged', { messageVersion: toJp.version })).rejects.toThrow(/from KR to JP: only that party acknowledges it/);
    const ack = await append(ito, 'messageAcknowledged', { messageVersion: toJp.version, note: 'received' });
    expect(ack.party).toBe('JP');
    await expect(append(sato, 'messageAcknowledged', { messageVersion: toJp.version })).rejects.toThrow(/JP acknowledged the message at version 2 already \(version 3/);
    // a message without `to` goes to every other party of the case
    const toAll = await append(sato, 'message', { text: 'JP relieves at 12:00' });
    await append(kim, 'messageAcknowledged', { messageVersion: toAll.version });
    await append(wu, 'messageAcknowledged', { messageVersion: toAll.version });
    const picture = await log.state(kim, 'c');
    expect(picture.messages.map((m) => [m.version, m.to ?? null, m.acknowledgedBy.map((a) => `${a.party}@${a.recordedAt}`)])).toEqual([
      [2, 'JP', ['JP@2026-03-10T07:04:00.000Z']],   // each attempt, refused or not, moves the clock a minute
      [4, null, ['KR@2026-03-10T07:07:00.000Z', 'CN@2026-03-10T07:08:00.000Z']],
    ]);
  });

  test('an unknown id is refused: no event there, an event that is no message, a message withheld from the party; roles as for messages', async () => {
    const { append } = await threeParties();
    await expect(append(sato, 'messageAcknowledged', { messageVersion: 99 })).rejects.toThrow("payload/messageVersion: no message at version 99 of case 'c' that JP can see");
    await expect(append(sato, 'messageAcknowledged', { messageVersion: 1 })).rejects.toThrow(/no message at version 1/);   // caseOpened
    const secret = await append(kim, 'message', { text: 'fuel low' }, 'nothing');
    // withheld from JP: answered as if there were none, so the refusal does not tell it is a message
    await expect(append(sato, 'messageAcknowledged', { messageVersion: secret.version })).rejects.toThrow(`no message at version ${secret.version} of case 'c' that JP can see`);
    const open = await append(kim, 'message', { text: 'datum moved' });
    await expect(append(kato, 'messageAcknowledged', { messageVersion: open.version })).rejects.toThrow(/needs role smc or osc or liaison-officer/);
    await expect(append(ito, 'messageAcknowledged', { messageVersion: 0 })).rejects.toThrow(/payload\/messageVersion/);
  });

  test("a message's address must be another party of the case", async () => {
    const { append } = await threeParties();
    await expect(append(kim, 'message', { text: 'x', to: 'KR' })).rejects.toThrow("payload/to: KR is the sender's own party");
    await expect(append(kim, 'message', { text: 'x', to: 'US' })).rejects.toThrow('payload/to: US is not a party of this case (KR, JP, CN)');
  });
  test('a retracted message is not acknowledged; a correction keeps the addressee', async () => {
    const { append } = await threeParties();
    const toJp = await append(kim, 'message', { text: 'KR takes SMC', to: 'JP' });
    await expect(append(kim, 'eventCorrected', { eventVersion: toJp.version, reason: 'wrong centre', replacement: { text: 'KR takes SMC', to: 'CN' } }))
      .rejects.toThrow(/keeps the message's addressee \(JP\), not CN/);
    await append(kim, 'eventCorrected', { eventVersion: toJp.version, reason: 'typo', replacement: { text: 'KR takes SMC at 08:00', to: 'JP' } });
    await append(kim, 'eventRetracted', { eventVersion: toJp.version, reason: 'sent in error' });
    await expect(append(sato, 'messageAcknowledged', { messageVersion: toJp.version })).rejects.toThrow(/was retracted at version \d+: there is nothing to acknowledge/);
  });
});
