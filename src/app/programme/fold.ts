/**
 * The programme rebuilt from its stream: the yearly programmes as core/cooperation has them
 * (so the annual report reads them as it reads a config's), each item's history of revisions
 * (who, when, what), and the exercise cases created from each entry. Pure.
 */
import {
  parseApproximateDate, type JointExercise, type PersonnelExchange, type ProgrammeItemState, type Revision, type YearlyProgramme,
} from '../../core/cooperation/index.js';
import type { StoredEvent } from '../../io/storage/index.js';
import type { ProgrammeEventPayload, ProgrammeEventType } from './events.js';

/** What an exercise of the programme came to, as exercise control recorded it at its end. */
export interface ExerciseOutcome {
  readonly caseId?: string;
  readonly detected?: boolean;
  readonly timeToDetectionH?: number;
}

/** The programme as its stream holds it. */
export interface ProgrammeState {
  /** The stream's version (a write must be based on it). */
  readonly version: number;
  readonly programmes: readonly YearlyProgramme[];
  /** Exercise cases created from each programme exercise (its id → case ids, oldest first). */
  readonly exerciseCases: Readonly<Record<string, readonly string[]>>;
  /** The recorded outcome of each exercise held (its id → outcome). */
  readonly outcomes: Readonly<Record<string, ExerciseOutcome>>;
}

type MutableExercise = { -readonly [K in keyof JointExercise]: JointExercise[K] };
type MutableExchange = { -readonly [K in keyof PersonnelExchange]: PersonnelExchange[K] };
interface MutableYear { year: number; exerciseFrequency: string; hostRotation: string[]; approvedAt?: string; exercises: MutableExercise[]; exchanges: MutableExchange[]; revisions: Revision[] }

/** The day an event was recorded (a phrase date such as `within the year` is anchored on it). */
const dayOf = (event: StoredEvent) => event.recordedAt.slice(0, 10);
const timeSOf = (event: StoredEvent) => Date.parse(event.recordedAt) / 1000;

/** A date text of an event (already checked when the event was decided). */
export function programmeDate(text: string, field: string, statedOn: string) {
  return parseApproximateDate(text, field, statedOn);
}

/** Find an item (exercise or exchange) by id in any year. */
export function findItem(programmes: readonly YearlyProgramme[], id: string): { kind: 'exercise'; item: JointExercise; year: number } | { kind: 'exchange'; item: PersonnelExchange; year: number } | null {
  for (const p of programmes) {
    const e = p.exercises.find((x) => x.id === id);
    if (e) return { kind: 'exercise', item: e, year: p.year };
    const x = p.exchanges.find((y) => y.id === id);
    if (x) return { kind: 'exchange', item: x, year: p.year };
  }
  return null;
}

/** The fields that changed, for a revision's summary (`host, date`). */
function changed(payload: Record<string, unknown>): string {
  return Object.keys(payload).filter((k) => k !== 'id').join(', ');
}

/** Rebuild the programme from the stream's events, in version order. */
export function foldProgramme(events: readonly StoredEvent[]): ProgrammeState {
  const years: MutableYear[] = [];
  const exerciseCases: Record<string, string[]> = {};
  const outcomes: Record<string, ExerciseOutcome> = {};
  let version = 0;
  const yearOf = (year: number, event: StoredEvent): MutableYear => {
    let y = years.find((p) => p.year === year);
    if (!y) {
      y = { year, exerciseFrequency: 'not set', hostRotation: [], exercises: [], exchanges: [], revisions: [revision(event, `programme of ${year} started`)] };
      years.push(y);
    }
    return y;
  };
  const revision = (event: StoredEvent, summary: string): Revision => ({ timeS: timeSOf(event), by: `${event.author} (${event.party})`, summary });
  const exercise = (id: string) => years.flatMap((y) => y.exercises).find((e) => e.id === id);
  const exchange = (id: string) => years.flatMap((y) => y.exchanges).find((x) => x.id === id);
  const revise = (item: { record: { revisions: readonly Revision[] } }, r: Revision) => {
    (item as { record: { revisions: readonly Revision[] } }).record = { revisions: [...item.record.revisions, r] };
  };

  for (const event of events) {
    version = event.version;
    const type = event.type as ProgrammeEventType;
    const p = event.payload as Record<string, unknown>;
    const day = dayOf(event);
    switch (type) {
      case 'programmeSeeded': {
        for (const seeded of (p as ProgrammeEventPayload<'programmeSeeded'>).programmes as YearlyProgramme[]) {
          years.push({
            year: seeded.year, exerciseFrequency: seeded.exerciseFrequency, hostRotation: [...seeded.hostRotation],
            ...(seeded.approvedAt !== undefined ? { approvedAt: seeded.approvedAt } : {}),
            exercises: seeded.exercises.map((e) => ({ ...e, record: { revisions: [...e.record.revisions, revision(event, 'seeded from the cooperation config')] } })),
            exchanges: seeded.exchanges.map((x) => ({ ...x, record: { revisions: [...x.record.revisions, revision(event, 'seeded from the cooperation config')] } })),
            revisions: [...seeded.record.revisions, revision(event, 'seeded from the cooperation config')],
          });
        }
        break;
      }
      case 'yearSet': {
        const q = p as ProgrammeEventPayload<'yearSet'>;
        const y = yearOf(q.year, event);
        y.exerciseFrequency = q.exerciseFrequency;
        y.hostRotation = [...q.hostRotation];
        if (q.approvedAt !== undefined) y.approvedAt = q.approvedAt;
        y.revisions.push(revision(event, `frequency ${q.exerciseFrequency}, host rotation ${q.hostRotation.join(', ') || '(none)'}`));
        break;
      }
      case 'exerciseAdded': {
        const q = p as ProgrammeEventPayload<'exerciseAdded'>;
        yearOf(q.year, event).exercises.push({
          id: q.id, name: q.name, host: q.host, area: q.area, date: programmeDate(q.date, 'payload/date', day), units: [...q.units],
          state: 'planned', record: { revisions: [revision(event, 'exercise added')] },
        });
        break;
      }
      case 'exerciseChanged': {
        const q = p as ProgrammeEventPayload<'exerciseChanged'>;
        const e = exercise(q.id);
        if (!e) break;
        if (q.name !== undefined) e.name = q.name;
        if (q.host !== undefined) e.host = q.host;
        if (q.area !== undefined) e.area = q.area;
        if (q.date !== undefined) e.date = programmeDate(q.date, 'payload/date', day);
        if (q.units !== undefined) e.units = [...q.units];
        revise(e, revision(event, `changed ${changed(p)}`));
        break;
      }
      case 'exchangeAdded': {
        const q = p as ProgrammeEventPayload<'exchangeAdded'>;
        yearOf(q.year, event).exchanges.push({
          id: q.id, kind: q.kind, ...(q.name !== undefined ? { name: q.name } : {}), rankOrRole: q.rankOrRole, fromParty: q.fromParty, fromService: q.fromService,
          hostedBy: q.hostedBy, from: programmeDate(q.from, 'payload/from', day), to: programmeDate(q.to, 'payload/to', day),
          ...(q.exercise !== undefined ? { exercise: q.exercise } : {}), state: 'planned', record: { revisions: [revision(event, 'exchange added')] },
        });
        break;
      }
      case 'exchangeChanged': {
        const q = p as ProgrammeEventPayload<'exchangeChanged'>;
        const x = exchange(q.id);
        if (!x) break;
        if (q.kind !== undefined) x.kind = q.kind;
        if (q.name !== undefined) x.name = q.name;
        if (q.rankOrRole !== undefined) x.rankOrRole = q.rankOrRole;
        if (q.fromParty !== undefined) x.fromParty = q.fromParty;
        if (q.fromService !== undefined) x.fromService = q.fromService;
        if (q.from !== undefined) x.from = programmeDate(q.from, 'payload/from', day);
        if (q.to !== undefined) x.to = programmeDate(q.to, 'payload/to', day);
        revise(x, revision(event, `changed ${changed(p)}`));
        break;
      }
      case 'personnelAttached': {
        const q = p as ProgrammeEventPayload<'personnelAttached'>;
        const x = exchange(q.exchangeId);
        if (!x) break;
        if (q.exerciseId !== undefined) x.exercise = q.exerciseId;
        if (q.hostedBy !== undefined) x.hostedBy = q.hostedBy;
        // the host is not named: a unit the agreement does not release to a reader is shown to it by its owner only (the view)
        revise(x, revision(event, `attached${q.exerciseId !== undefined ? ` to exercise ${q.exerciseId}` : ''}${q.hostedBy !== undefined ? `${q.exerciseId !== undefined ? ',' : ''} host changed` : ''}`));
        break;
      }
      case 'itemStateSet': {
        const q = p as ProgrammeEventPayload<'itemStateSet'>;
        const item = exercise(q.id) ?? exchange(q.id);
        if (!item) break;
        item.state = q.state as ProgrammeItemState;
        revise(item, revision(event, `marked ${q.state}${q.note ? `: ${q.note}` : ''}`));
        break;
      }
      case 'exerciseResult': {
        const q = p as ProgrammeEventPayload<'exerciseResult'>;
        const e = exercise(q.id);
        if (!e) break;
        e.result = q.result;
        if (q.caseId !== undefined || q.detected !== undefined) {
          outcomes[q.id] = { ...(q.caseId !== undefined ? { caseId: q.caseId } : {}), ...(q.detected !== undefined ? { detected: q.detected } : {}),
            ...(q.timeToDetectionH !== undefined ? { timeToDetectionH: q.timeToDetectionH } : {}) };
        }
        revise(e, revision(event, `result recorded: ${q.result}`));
        break;
      }
      case 'exerciseCreated': {
        const q = p as ProgrammeEventPayload<'exerciseCreated'>;
        (exerciseCases[q.id] ??= []).push(q.caseId);
        const e = exercise(q.id);
        if (e) revise(e, revision(event, `exercise case ${q.caseId} created, directed by ${q.director}`));
        break;
      }
    }
  }
  const programmes: YearlyProgramme[] = years.sort((a, b) => a.year - b.year).map((y) => ({
    year: y.year, exerciseFrequency: y.exerciseFrequency, hostRotation: y.hostRotation, ...(y.approvedAt !== undefined ? { approvedAt: y.approvedAt } : {}),
    exercises: y.exercises, exchanges: y.exchanges, record: { revisions: y.revisions },
  }));
  return { version, programmes, exerciseCases, outcomes };
}
