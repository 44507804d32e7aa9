import { releasabilityFor, type SarUnit } from '../../core/cooperation/index.js';
import { EXERCISE_CONTROL_EVENT_TYPES, type CaseEvent, type CaseEventPayload, type RedactedEvent, type ViewedEvent, type WithheldEvent } from './events.js';
import { POSITION_FIELDS, type Releasability } from './releasability.js';

/** What the view needs of the agreement's units: who owns each and what the others may see of it. */
export type UnitRelease = Pick<SarUnit, 'id' | 'party' | 'releasability'>;

const STRICTNESS: Readonly<Record<Releasability, number>> = { everything: 0, 'position-only': 1, nothing: 2 };
const stricter = (a: Releasability, b: Releasability): Releasability => (STRICTNESS[a] >= STRICTNESS[b] ? a : b);

/**
 * What `viewerParty` may see of an event: its own party's events whole; another party's events as
 * their releasability says (whole, position fields only, or only their place in the log).
 * Under an agreement (`units` its units), each unit's releasability applies as well, to every place
 * an event names a unit: the event's own `unitId` (unitPosition, sighting, searchDone: the stricter
 * of the two levels), a plan's units and routes, planning inputs' units and searches done (that
 * unit's entries removed or reduced, `withheldUnits` counting the units removed; see
 * docs/architecture.md). A party always sees its own units whole. An event the server writes from
 * exercise control (an inject about a unit) is seen as its unit is released, whichever party directs.
 * Every response and every live update goes through this function.
 */
export function viewEvent(event: CaseEvent, viewerParty: string, units: readonly UnitRelease[] = []): ViewedEvent {
  if (event.type === 'targetDetected') return detectionForViewer(event, viewerParty, units);
  const levelOf = unitLevels(viewerParty, units);
  // the author's own planning inputs may hold units it never saw, kept by the server (unitsCarriedOver);
  // what the server writes from exercise control is filed in the director's party but is no party's own
  if (event.party === viewerParty && !(EXERCISE_CONTROL_EVENT_TYPES as readonly string[]).includes(event.type)) {
    if (event.type !== 'planningInputs' || !event.payload.keptUnseen) return event;
    const unseen = new Set(event.payload.keptUnseen);
    return inputsForViewer(event, (id) => (unseen.has(id) ? 'nothing' : 'everything'));
  }
  // a correction is about the unit its replacement names (corrections.ts)
  const about = event.type === 'eventCorrected' ? event.payload.replacement as Record<string, unknown> : event.payload as Record<string, unknown>;
  const level = stricter(event.releasability, levelOf(about.unitId));
  if (level === 'position-only') {
    const positionFields = (source: Record<string, unknown>) => {
      const kept: Record<string, unknown> = {};
      for (const field of POSITION_FIELDS) if (source[field] !== undefined) kept[field] = source[field];
      return kept;
    };
    // a correction or retraction keeps which event it names, and a replacement's position fields
    const payload: Record<string, unknown> = event.type === 'eventCorrected' ? { eventVersion: event.payload.eventVersion, replacement: positionFields(about) }
      : event.type === 'eventRetracted' ? { eventVersion: event.payload.eventVersion } : positionFields(about);
    const redacted: RedactedEvent = {
      caseId: event.caseId, version: event.version, type: event.type, party: event.party, recordedAt: event.recordedAt,
      releasability: 'position-only', payload: payload as RedactedEvent['payload'], redacted: true,
    };
    return redacted;
  }
  if (level === 'nothing') return withheld(event);
  if (units.length === 0) return event;
  if (event.type === 'planIssued') return planForViewer(event, levelOf, viewerParty);
  if (event.type === 'planningInputs') return inputsForViewer(event, levelOf);
  return event;
}

/**
 * A detection of an exercise's target as a party sees it (docs/exercises.md, "A detection reaches
 * both centres"). The event is written by the server in the director's party, so the author's party
 * says nothing: what counts is the detecting unit's. Its own party, and a party it is released
 * `everything` to, see it whole. Every other party still learns the fact (the target was found, when,
 * where, whether it ended the search phase): a `position-only` unit is named, as its positions are;
 * a `nothing` unit is reduced to its party (`unitParty`, shown as "a KR unit"), without its id or
 * the version of its search (that search is withheld from this party).
 */
function detectionForViewer(event: Extract<CaseEvent, { type: 'targetDetected' }>, viewerParty: string, units: readonly UnitRelease[]): ViewedEvent {
  const unit = units.find((u) => u.id === event.payload.unitId);
  if (!unit || unit.party === viewerParty) return event;
  const level = releasabilityFor(unit as SarUnit, viewerParty);
  if (level === 'everything') return event;
  const { time, position, searchPhaseEnded } = event.payload;
  const fact = { time, position, ...(searchPhaseEnded !== undefined ? { searchPhaseEnded } : {}) };
  const reduced: RedactedEvent = {
    caseId: event.caseId, version: event.version, type: event.type, party: event.party, recordedAt: event.recordedAt, releasability: 'position-only',
    payload: level === 'position-only' ? { unitId: unit.id, ...fact } : { unitParty: unit.party, ...fact }, redacted: true,
  };
  return reduced;
}

function withheld(event: CaseEvent): WithheldEvent {
  return { caseId: event.caseId, version: event.version, withheld: true };
}

/**
 * A plan as another party may see it: a `nothing` unit is left out (its entry in `units`, its
 * route, its block of the plan message); of a `position-only` unit the plan shares where and when
 * it will search (its route's waypoints with its id and party), not its pattern, note or the
 * message's lines on it (pattern, track spacing, speed, POS).
 */
function planForViewer(event: Extract<CaseEvent, { type: 'planIssued' }>, levelOf: (id: string) => Releasability, viewerParty: string): ViewedEvent {
  const p = event.payload;
  const named = [...(p.units ?? []).map((u) => u.unitId), ...(p.plan?.units ?? []).map((u) => u.unitId)];
  const hidden = new Set(named.filter((id) => levelOf(id) === 'nothing'));
  const reduced = new Set(named.filter((id) => levelOf(id) === 'position-only'));
  if (hidden.size === 0 && reduced.size === 0) return event;
  const payload: CaseEventPayload<'planIssued'> = {
    ...p,
    text: planTextWithout(p.text, [...hidden, ...reduced], viewerParty),
    ...(p.units ? { units: p.units.filter((u) => !hidden.has(u.unitId)).map((u) => (reduced.has(u.unitId) ? { unitId: u.unitId } : u)) } : {}),
    ...(p.plan ? { plan: { ...p.plan, units: p.plan.units.filter((u) => !hidden.has(u.unitId)) } } : {}),
  };
  return { ...event, payload, withheldUnits: hidden.size };
}

/**
 * The plan message without the blocks of `unitIds` (from `UNIT <n> <id>` to the next unit or the
 * totals, as core/export/plan_message.ts writes it). Text that still names one of them (a message
 * written by hand) is not shown at all.
 */
function planTextWithout(text: string, unitIds: readonly string[], viewerParty: string): string {
  const lower = new Set(unitIds.map((id) => id.toLowerCase()));
  const kept: string[] = [];
  let skipping = false;
  for (const line of text.split('\n')) {
    const unit = /^UNIT \d+ (\S+)/.exec(line);
    if (unit) skipping = lower.has(unit[1].toLowerCase());
    else if (/^TOTAL POS/.test(line)) skipping = false;
    if (!skipping) kept.push(line);
  }
  const result = kept.join('\n');
  const escaped = unitIds.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const stillNamed = unitIds.length > 0 && new RegExp(`(^|[^A-Za-z0-9_.-])(${escaped.join('|')})($|[^A-Za-z0-9_.-])`, 'i').test(result);
  return stillNamed || result.trim() === ''
    ? `(plan message not shown: it describes units the agreement does not release in full to ${viewerParty}; the routes it may see are in the plan's geometry)`
    : result;
}

/** Each unit's releasability towards `viewerParty` (a unit outside the agreement: everything). */
function unitLevels(viewerParty: string, units: readonly UnitRelease[]): (unitId: unknown) => Releasability {
  return (unitId) => {
    const unit = typeof unitId === 'string' ? units.find((u) => u.id === unitId) : undefined;
    return unit ? releasabilityFor(unit as SarUnit, viewerParty) : 'everything';
  };
}

type InputsPayload = CaseEventPayload<'planningInputs'>;

/**
 * New planning inputs from `authorParty`, keeping the units (and searches done) of the inputs
 * before that the author's view of them left out: its page never had them, so leaving them out is
 * not a choice to remove them, and another party's units must not vanish from the case because
 * this party saved its edit. Their own party removes them. `keptUnseen` names them, so the author
 * still does not see them in its own event; a `keptUnseen` in the request is never taken.
 */
export function unitsCarriedOver(payload: InputsPayload, before: CaseEvent | undefined, authorParty: string, units: readonly UnitRelease[]): InputsPayload {
  const { inputs } = payload;
  if (before?.type !== 'planningInputs') return { inputs };
  const seen = viewEvent(before, authorParty, units);
  const seenInputs = 'withheld' in seen ? undefined : (seen as { payload: InputsPayload }).payload.inputs;
  const seenUnits = new Set(seenInputs?.units.map((u) => u.id) ?? []);
  const seenSearches = new Set(seenInputs?.searchesDone?.map((d) => d.unit) ?? []);
  const named = new Set(inputs.units.map((u) => u.id));
  const hidden = before.payload.inputs.units.filter((u) => !seenUnits.has(u.id) && !named.has(u.id));
  const hiddenSearches = (before.payload.inputs.searchesDone ?? []).filter((d) => !seenSearches.has(d.unit));
  if (hidden.length === 0 && hiddenSearches.length === 0) return { inputs };
  const keptUnseen = [...new Set([...hidden.map((u) => u.id), ...hiddenSearches.map((d) => d.unit)])];
  const searchesDone = [...(inputs.searchesDone ?? []), ...hiddenSearches];
  return { inputs: { ...inputs, units: [...inputs.units, ...hidden], ...(searchesDone.length > 0 ? { searchesDone } : {}) }, keptUnseen };
}

/**
 * Planning inputs as another party may see them: a plan file still (its browser drifts and plans
 * from it), so every unit kept is whole; a unit, or a search done by a unit, the agreement does not
 * release `everything` to the viewer is left out. When no unit remains the inputs are no plan file
 * at all and the event is withheld.
 */
function inputsForViewer(event: Extract<CaseEvent, { type: 'planningInputs' }>, levelOf: (id: string) => Releasability): ViewedEvent {
  // keptUnseen is the server's own note (unitsCarriedOver): it names units, so it reaches no one
  const { inputs, keptUnseen: _, ...rest } = event.payload;
  const units = inputs.units.filter((u) => levelOf(u.id) === 'everything');
  const searchesDone = inputs.searchesDone?.filter((d) => levelOf(d.unit) === 'everything');
  const removed = new Set([...inputs.units.filter((u) => !units.includes(u)).map((u) => u.id),
    ...(inputs.searchesDone ?? []).filter((d) => !searchesDone!.includes(d)).map((d) => d.unit)]);
  if (removed.size === 0) return { ...event, payload: { ...rest, inputs } };
  if (units.length === 0) return withheld(event);
  return { ...event, payload: { ...rest, inputs: { ...inputs, units, ...(searchesDone ? { searchesDone } : {}) } }, withheldUnits: removed.size };
}
