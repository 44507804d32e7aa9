/**
 * Deciding a change to the programme: who may make it (programme staff of a party to the
 * agreement), whether it fits the agreement (parties, services, units, RCCs by their ids) and the
 * programme (items by id, dates as the config writes them). Errors name the field
 * (`payload/units/1`), as the case log's do.
 */
import { allRccs, approximateDateYear, type CooperationConfig } from '../../core/cooperation/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { VersionConflictError, type EventDraft } from '../../io/storage/index.js';
import { AccessDeniedError, checkAgainstSchema, type Actor } from '../case_log/index.js';
import { PROGRAMME_EVENT_PAYLOADS, PROGRAMME_STREAM_ID, STAFF_EVENT_TYPES, type ProgrammeEventPayload, type ProgrammeEventType } from './events.js';
import { findItem, programmeDate, type ProgrammeState } from './fold.js';

/** A request to change the programme, based on the version the author saw. */
export interface ProgrammeCommand {
  readonly type: ProgrammeEventType;
  readonly payload: unknown;
  readonly basedOnVersion: number;
}

/** Check a payload against its type's schema; the error names the first wrong field. */
export function checkProgrammePayload<T extends ProgrammeEventType>(type: T, payload: unknown): ProgrammeEventPayload<T> {
  return checkAgainstSchema(PROGRAMME_EVENT_PAYLOADS[type], payload) as ProgrammeEventPayload<T>;
}

/** May this actor read the programme? Every role of a party to the agreement. */
export function mayReadProgramme(actor: Actor, config: CooperationConfig): boolean {
  return config.agreement.parties.includes(actor.party);
}

/** Decide a programme staff's change; returns the event to store. */
export function decideProgramme(state: ProgrammeState, config: CooperationConfig, command: ProgrammeCommand, actor: Actor, now: Date): EventDraft {
  if (!config.agreement.parties.includes(actor.party)) throw new AccessDeniedError('party', `${actor.party} is not a party to the agreement (${config.agreement.parties.join(', ')})`);
  if (!actor.roles.includes('programme-staff')) {
    throw new AccessDeniedError('role', `changing the programme needs role programme-staff; ${actor.userName} holds ${actor.roles.join(', ') || '(none)'}`);
  }
  if (!STAFF_EVENT_TYPES.includes(command.type)) {
    throw new InvalidInputError('body/type', `'${command.type}' is written by the server, not posted; programme staff post ${STAFF_EVENT_TYPES.join(', ')}`);
  }
  const payload = checkProgrammePayload(command.type, command.payload);
  checkAgainst(state, config, command.type, payload as Record<string, unknown>, now.toISOString().slice(0, 10));
  if (command.basedOnVersion !== state.version) throw new VersionConflictError(PROGRAMME_STREAM_ID, command.basedOnVersion, state.version);
  return {
    caseId: PROGRAMME_STREAM_ID, basedOnVersion: command.basedOnVersion, type: command.type, author: actor.userName, party: actor.party,
    recordedAt: now.toISOString(), releasability: 'everything', payload,
  };
}

function checkAgainst(state: ProgrammeState, config: CooperationConfig, type: ProgrammeEventType, p: Record<string, unknown>, today: string): void {
  const parties = config.parties.map((q) => q.id);
  const party = (id: unknown, field: string) => {
    if (!parties.includes(id as string)) throw new InvalidInputError(field, `'${String(id)}' is not a party of the agreement (${parties.join(', ')})`);
  };
  const units = (ids: unknown, field: string) => (ids as string[]).forEach((id, k) => {
    if (config.units.some((u) => u.id === id)) return;
    const near = config.units.find((u) => u.id.toLowerCase() === id.toLowerCase());
    throw new InvalidInputError(`${field}/${k}`, `'${id}' is not a unit of the agreement${near ? ` (did you mean '${near.id}'?)` : ''}`);
  });
  const host = (id: unknown, field: string) => {
    if (!config.units.some((u) => u.id === id) && !allRccs(config).some((r) => r.id === id)) {
      throw new InvalidInputError(field, `'${String(id)}' is neither a unit nor an RCC of the agreement`);
    }
  };
  const date = (text: unknown, field: string, year?: number) => {
    if (text === undefined) return;
    const d = programmeDate(text as string, field, today);
    const y = approximateDateYear(d);
    if (year !== undefined && y !== undefined && y !== year) throw new InvalidInputError(field, `'${String(text)}' is not in the programme's year ${year}`);
  };
  const item = (id: unknown, kind: 'exercise' | 'exchange' | 'any', field: string) => {
    const found = findItem(state.programmes, id as string);
    if (!found || (kind !== 'any' && found.kind !== kind)) throw new InvalidInputError(field, `no ${kind === 'any' ? 'exercise or exchange' : kind} '${String(id)}' in the programme`);
    return found;
  };
  const fresh = (id: unknown) => {
    if (findItem(state.programmes, id as string)) throw new InvalidInputError('payload/id', `'${String(id)}' is already an item of the programme: change it, or choose another id`);
  };
  const service = (partyId: string, serviceId: unknown, field: string) => {
    const services = config.parties.find((q) => q.id === partyId)?.services ?? [];
    if (!services.some((s) => s.id === serviceId)) throw new InvalidInputError(field, `'${String(serviceId)}' is not a service of ${partyId} (${services.map((s) => s.id).join(', ')})`);
  };
  switch (type) {
    case 'yearSet':
      (p.hostRotation as string[]).forEach((id, k) => party(id, `payload/hostRotation/${k}`));
      break;
    case 'exerciseAdded':
      fresh(p.id); party(p.host, 'payload/host'); units(p.units, 'payload/units'); date(p.date, 'payload/date', p.year as number);
      break;
    case 'exerciseChanged': {
      const found = item(p.id, 'exercise', 'payload/id');
      if (p.host !== undefined) party(p.host, 'payload/host');
      if (p.units !== undefined) units(p.units, 'payload/units');
      date(p.date, 'payload/date', found.year);
      if (Object.keys(p).length === 1) throw new InvalidInputError('payload', 'changes nothing: give at least one of name, host, area, date, units');
      break;
    }
    case 'exchangeAdded':
      fresh(p.id); party(p.fromParty, 'payload/fromParty'); service(p.fromParty as string, p.fromService, 'payload/fromService'); host(p.hostedBy, 'payload/hostedBy');
      date(p.from, 'payload/from'); date(p.to, 'payload/to');
      if (p.exercise !== undefined) item(p.exercise, 'exercise', 'payload/exercise');
      break;
    case 'exchangeChanged': {
      const found = item(p.id, 'exchange', 'payload/id');
      const fromParty = (p.fromParty as string | undefined) ?? (found.item as { fromParty: string }).fromParty;
      if (p.fromParty !== undefined) party(p.fromParty, 'payload/fromParty');
      if (p.fromService !== undefined || p.fromParty !== undefined) service(fromParty, p.fromService ?? (found.item as { fromService: string }).fromService, 'payload/fromService');
      date(p.from, 'payload/from'); date(p.to, 'payload/to');
      if (Object.keys(p).length === 1) throw new InvalidInputError('payload', 'changes nothing: give at least one field to change');
      break;
    }
    case 'personnelAttached':
      item(p.exchangeId, 'exchange', 'payload/exchangeId');
      if (p.exerciseId === undefined && p.hostedBy === undefined) throw new InvalidInputError('payload', 'give exerciseId (an exercise of the programme) or hostedBy (an RCC or a unit), or both');
      if (p.exerciseId !== undefined) item(p.exerciseId, 'exercise', 'payload/exerciseId');
      if (p.hostedBy !== undefined) host(p.hostedBy, 'payload/hostedBy');
      break;
    case 'itemStateSet':
      item(p.id, 'any', 'payload/id');
      break;
    case 'exerciseResult':
      item(p.id, 'exercise', 'payload/id');
      break;
    default:
      break;
  }
}
