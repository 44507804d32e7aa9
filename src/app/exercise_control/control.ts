/**
 * Exercise control on the server (docs/exercises.md): an exercise created from a programme entry
 * (the players' case and the control stream), the controllers' commands, and the work the ticker
 * does outside any player's request: the clock and due injects into the players' case, a detection
 * drawn for every search, the end and its result in the programme.
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { InvalidInputError, SarbridgeError } from '../../core/errors.js';
import {
  checkInject, detectAlongTrack, dueInjects, ExerciseInjectError, releasedInject, setClock, simulatedSearchTrack, stepClock, type Inject, type ReleasedInject, type TruthTrack,
} from '../../core/exercise/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { sweepWidthForLeewayClass } from '../../core/search/index.js';
import { parseTime } from '../../core/time/index.js';
import { CaseNotFoundError, VersionConflictError, type CaseRow, type EventDraft, type SarbridgeStore, type StoredEvent } from '../../io/storage/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { AccessDeniedError, CaseClosedError, checkAgainstSchema, closedAfter, utcTimeText, type Actor, type CaseEvent, type CaseEventPayload, type CaseLog, type ViewedEvent } from '../case_log/index.js';
import { planCaseFromFile, type PlanFile } from '../plan/plan_file.js';
import { findItem, type ProgrammeStream } from '../programme/index.js';
import { CONTROL_EVENT_PAYLOADS, CONTROLLER_EVENT_TYPES, controlStreamId, type ControlEventPayload, type ControlEventType, type Truth } from './events.js';
import { clockState, coreInject, exerciseTimeS, foldControl, type ControlState, type ExerciseClock } from './fold.js';
import { truthSpec, type TruthTracks } from './truth_track.js';

/** Detection step along a search track, s: one draw a minute. */
export const DETECTION_STEP_S = 60;
/** The author of what exercise control's server side writes into the players' case. */
export const CONTROL_AUTHOR = 'exercise-control';

/** A controller's command to the control stream, based on the version they saw. */
export interface ControlCommand {
  readonly type: ControlEventType;
  readonly payload: unknown;
  readonly basedOnVersion: number;
}

/** What the control needs from the rest of the server. */
export interface ExerciseControlDeps {
  readonly store: SarbridgeStore;
  readonly caseLog: CaseLog;
  readonly programme: ProgrammeStream | null;
  readonly agreement: CooperationConfig | null;
  readonly truths: TruthTracks;
  readonly clock: () => Date;
  /** Where the queued work reports a failure it could not retry (the server's log). */
  readonly onError?: (error: unknown) => void;
}

/** Check a control payload against its schema; errors name the field (`payload/position/latDeg`). */
export function checkControlPayload<T extends ControlEventType>(type: T, payload: unknown): ControlEventPayload<T> {
  return checkAgainstSchema(CONTROL_EVENT_PAYLOADS[type], payload) as ControlEventPayload<T>;
}

const utc = (text: string, field: string) => utcTimeText(parseTime(text, field));
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * Run a core/exercise check, answering its errors as errors of the posted payload: the field
 * (`at`, `positionError.distanceNm`, `clock.exerciseTimeS`, `toTime`) named under `payload/`.
 */
function payloadErrors(check: () => unknown, injectId?: string): void {
  try {
    check();
  } catch (error) {
    const prefix = injectId !== undefined ? `${injectId}.` : '';
    const path = (field: string) => `payload/${(field.startsWith(prefix) ? field.slice(prefix.length) : field).replace(/^clock\.exerciseTimeS$/, 'exerciseTime').replace(/\./g, '/')}`;
    if (error instanceof ExerciseInjectError) throw new ExerciseInjectError(path(error.field), error.problem);
    if (error instanceof InvalidInputError) throw new InvalidInputError(path(error.field), error.problem);
    throw error;
  }
}

/**
 * The unit's sweep width for the truth's object, from the same tables the planner uses (IAMSAR
 * Vol. II N-tables through core/search sweepWidthForLeewayClass) with the unit's platform and the
 * weather of the players' planning inputs; null when the inputs do not give them (a manual W):
 * the draw then uses the search's own W.
 */
function truthSweepWidth(inputs: PlanFile | null, unitId: string, objectClass: string): { sweepWidthNm: number; source: string } | null {
  const unit = inputs?.units.find((u) => u.id === unitId);
  if (!inputs?.weather || !unit?.platform) return null;
  try {
    const key = findObjectClass(leewayObjects(), objectClass).key;
    const platform = unit.platform.kind === 'vessel' ? unit.platform : { ...unit.platform, speedKn: unit.speedKn };
    const r = sweepWidthForLeewayClass(key, { visibilityNm: inputs.weather.visibilityNm, platform, weather: { windKn: inputs.weather.windKn, seaHeightM: inputs.weather.seaHeightM }, fatigued: unit.fatigued });
    return { sweepWidthNm: r.sweepWidthNm, source: `table: ${key} as '${r.searchObject}', ${r.tables.join('/')}` };
  } catch {
    return null;
  }
}

let objects: ReturnType<typeof loadLeewayTable> | null = null;
const leewayObjects = () => (objects ??= loadLeewayTable());

export class ExerciseControl {
  private readonly queues = new Map<string, Promise<void>>();
  /** Exercises whose work is all done (ended, the end in the players' case and the programme): the beat skips them. */
  private readonly finished = new Set<string>();

  constructor(private readonly deps: ExerciseControlDeps) {}

  private get store() { return this.deps.store; }
  private now(): Date { return this.deps.clock(); }

  /** The control stream's events and picture, or null when the exercise has none. */
  async controlOf(caseId: string): Promise<{ events: StoredEvent[]; state: ControlState } | null> {
    const row = await this.store.getCase(controlStreamId(caseId));
    if (!row || row.kind !== 'exercise-control') return null;
    const events = await this.store.readEvents(row.caseId, 0);
    const state = foldControl(events);
    return state ? { events, state } : null;
  }

  /** Is the actor a named controller of this exercise (a party of it, the exercise-control role)? */
  isController(actor: Actor, state: ControlState, row?: Pick<CaseRow, 'parties'>): boolean {
    return state.controllers.includes(actor.userName) && actor.roles.includes('exercise-control') && (row ? row.parties.includes(actor.party) : true);
  }

  /** The case routes' rule for a control stream: its named controllers read it, no one else. */
  async mayReadStream(actor: Actor, row: CaseRow): Promise<boolean> {
    if (row.kind !== 'exercise-control') return false;
    const state = foldControl(await this.store.readEvents(row.caseId, 0));
    return state !== null && this.isController(actor, state, row);
  }

  /**
   * For the live feed of a control stream (live_routes.ts): the actor, a controller now, follows
   * it up to a later `controllersSet` that no longer names them (the director is always named);
   * 'gone' when they are no controller now; null for any other case.
   */
  async liveAdmits(actor: Actor, caseId: string): Promise<((event: StoredEvent) => boolean) | 'gone' | null> {
    const row = await this.store.getCase(caseId);
    if (!row || row.kind !== 'exercise-control') return null;
    const events = await this.store.readEvents(caseId, 0);
    const state = foldControl(events);
    if (!state || !this.isController(actor, state, row)) return 'gone';
    const now = events.length ? events[events.length - 1].version : 0;
    return (event) => event.version <= now || event.type !== 'controllersSet' || actor.userName === state.director.userName
      || (event.payload as ControlEventPayload<'controllersSet'>).controllers.includes(actor.userName);
  }

  /** The control picture for a controller; anyone else is answered as if the stream did not exist. */
  async forController(actor: Actor, caseId: string): Promise<{ events: StoredEvent[]; state: ControlState }> {
    const control = await this.controlOf(caseId);
    if (!control || !this.isController(actor, control.state)) throw new CaseNotFoundError(controlStreamId(caseId));
    return control;
  }

  /** Is the actor a named controller of the exercise `caseId`? */
  async controls(actor: Actor, caseId: string): Promise<boolean> {
    const control = await this.controlOf(caseId);
    return control !== null && this.isController(actor, control.state);
  }

  /** The exercise time now on the state's clock (UTC text), or null before the clock is set. */
  exerciseTimeNow(state: ControlState): string | null {
    return state.clock ? utcTimeText(Math.floor(exerciseTimeS(state.clock, this.now().getTime()))) : null;
  }

  /** The exercises the actor is a named controller of. */
  async listFor(actor: Actor) {
    const out = [];
    for (const row of (await this.store.listCases()).filter((c) => c.kind === 'exercise-control' && c.parties.includes(actor.party))) {
      const state = foldControl(await this.store.readEvents(row.caseId, 0));
      if (!state || !this.isController(actor, state)) continue;
      out.push({ caseId: state.caseId, controlStreamId: state.streamId, title: state.title, programmeItemId: state.programmeItemId,
        director: state.director.userName, controllers: [...state.controllers], ended: state.ended !== null });
    }
    return out;
  }

  /**
   * Which withheld forcing files (an exercise's truth forcing, uploaded by `uploadedBy` under
   * `upload:<sha256>`) the actor may read. Exercise control only: the user who uploaded one, or a
   * named controller of an exercise (of the actor's party) whose controllers include that user or
   * whose truth names the file. Anyone else, players and exercise control of other exercises, may
   * read none. The streams are read once, before any file is looked at (none for a user without
   * the exercise-control role), so the time the answer takes does not tell whether a file exists.
   */
  async withheldReader(actor: Actor): Promise<(file: { readonly sha256: string; readonly uploadedBy: string }) => boolean> {
    if (!actor.roles.includes('exercise-control')) return () => false;
    const colleagues = new Set<string>([actor.userName]);
    const truthRefs = new Set<string>();
    for (const row of (await this.store.listCases()).filter((c) => c.kind === 'exercise-control' && c.parties.includes(actor.party))) {
      const state = foldControl(await this.store.readEvents(row.caseId, 0));
      if (!state || !this.isController(actor, state)) continue;
      for (const name of state.controllers) colleagues.add(name);
      if (state.truth?.forcing) { truthRefs.add(state.truth.forcing.wind); truthRefs.add(state.truth.forcing.current); }
    }
    return (file) => colleagues.has(file.uploadedBy) || truthRefs.has(`upload:${file.sha256}`);
  }

  /** A reader of the players' case (its parties' players) or a controller; anyone else: 404. */
  async checkPlayerOrController(actor: Actor, caseId: string): Promise<void> {
    const control = await this.controlOf(caseId);
    if (control && this.isController(actor, control.state)) return;
    await this.deps.caseLog.checkRead(actor, caseId);
  }

  /**
   * Who may read the score and the report: the controllers; once the exercise has ended, every
   * reader of the players' case. Anyone else is answered as if there were none (404).
   */
  async checkScoreReader(actor: Actor, caseId: string): Promise<void> {
    const control = await this.controlOf(caseId);
    if (control && this.isController(actor, control.state)) return;
    if (control?.state.ended) { await this.deps.caseLog.checkRead(actor, caseId); return; }
    throw new CaseNotFoundError(controlStreamId(caseId));
  }

  /** The players' case's events, whole (the score's and the report's source; never answered to a player as such). */
  async playersEvents(caseId: string): Promise<StoredEvent[]> {
    return await this.store.readEvents(caseId, 0);
  }

  /** The players' case's events as `party` may see them (CaseLog.view), or whole for null (a controller). */
  async playersEventsAs(caseId: string, party: string | null): Promise<ViewedEvent[]> {
    const events = await this.playersEvents(caseId) as CaseEvent[];
    return party === null ? events : events.map((e) => this.deps.caseLog.view(e, party));
  }

  /** The programme as the stream holds it (null without an agreement). */
  async programmeState() {
    return this.deps.programme ? await this.deps.programme.state() : null;
  }

  /** The programme entry's liaison officers and observers (the exchanges attached to it). */
  async rosterOf(programmeItemId: string) {
    if (!this.deps.programme) return [];
    const state = await this.deps.programme.state();
    return state.programmes.flatMap((p) => p.exchanges.filter((x) => x.exercise === programmeItemId));
  }

  /**
   * Create an exercise from a programme entry: the actor (exercise control of a party to the
   * agreement) becomes its director; the players' case (kind 'exercise', the programme's parties)
   * and the control stream are opened, and the programme records the case.
   */
  async create(actor: Actor, request: { programmeItemId: string; caseId?: string }): Promise<{ caseId: string; controlStreamId: string }> {
    const programme = this.deps.programme;
    const agreement = this.deps.agreement;
    if (!programme || !agreement) throw new InvalidInputError('programmeItemId', 'this server runs without a cooperation agreement, so it keeps no programme to create an exercise from (`sarbridge serve --agreement CONFIG`)');
    if (!actor.roles.includes('exercise-control')) throw new AccessDeniedError('role', `creating an exercise needs role exercise-control; ${actor.userName} holds ${actor.roles.join(', ') || '(none)'}`);
    if (!agreement.agreement.parties.includes(actor.party)) throw new AccessDeniedError('party', `${actor.party} is not a party to the agreement`);
    await programme.seed();
    const state = await programme.state();
    const found = findItem(state.programmes, request.programmeItemId);
    if (!found || found.kind !== 'exercise') throw new InvalidInputError('body/programmeItemId', `no exercise '${request.programmeItemId}' in the programme (GET /api/programme)`);
    if (found.item.state === 'cancelled') throw new InvalidInputError('body/programmeItemId', `exercise '${request.programmeItemId}' was cancelled in the programme`);
    const held = state.exerciseCases[request.programmeItemId]?.length ?? 0;
    const caseId = request.caseId ?? `${request.programmeItemId}${held > 0 ? `-${held + 1}` : ''}`;
    if (caseId.endsWith('.control')) throw new InvalidInputError('body/caseId', "may not end in '.control' (the control stream's ids do)");
    if (await this.store.getCase(caseId) || await this.store.getCase(controlStreamId(caseId))) throw new InvalidInputError('body/caseId', `'${caseId}' is taken: choose another id`);
    const parties = agreement.agreement.parties;
    const title = `${found.item.name} (exercise)`;
    await this.deps.caseLog.open(actor, { kind: 'exercise', title, parties: [...parties] }, caseId);
    const opened: ControlEventPayload<'controlOpened'> = { caseId, programmeItemId: request.programmeItemId, title, director: { userName: actor.userName, party: actor.party } };
    await this.store.append({
      caseId: controlStreamId(caseId), basedOnVersion: 0, type: 'controlOpened', author: actor.userName, party: actor.party,
      recordedAt: this.now().toISOString(), releasability: 'nothing', payload: opened,
    }, { kind: 'exercise-control', title: `${title}: control`, parties });
    await programme.record('exerciseCreated', { id: request.programmeItemId, caseId, director: actor.userName }, actor.userName, actor.party);
    return { caseId, controlStreamId: controlStreamId(caseId) };
  }

  /** A controller's command (the director alone names the controllers). */
  async command(actor: Actor, caseId: string, command: ControlCommand): Promise<StoredEvent> {
    const { state } = await this.forController(actor, caseId);
    if (!CONTROLLER_EVENT_TYPES.includes(command.type)) {
      throw new InvalidInputError('body/type', `'${command.type}' is written by the server; controllers post ${CONTROLLER_EVENT_TYPES.join(', ')}`);
    }
    let payload = checkControlPayload(command.type, command.payload) as Record<string, unknown>;
    if (state.ended && command.type !== 'lessonEntered') throw new CaseClosedError(state.streamId, state.version);
    const nowMs = this.now().getTime();
    switch (command.type) {
      case 'controllersSet': {
        if (actor.userName !== state.director.userName) throw new AccessDeniedError('role', `only the director (${state.director.userName}) names the controllers`);
        const row = (await this.store.getCase(state.streamId))!;
        const names = payload.controllers as string[];
        for (const [k, name] of names.entries()) {
          const user = await this.store.findUser(name);
          if (!user || !row.parties.includes(user.party)) throw new InvalidInputError(`payload/controllers/${k}`, `'${name}' is no user of ${row.parties.join(' or ')}`);
          if (!user.roles.includes('exercise-control')) throw new InvalidInputError(`payload/controllers/${k}`, `'${name}' does not hold the exercise-control role (an admin of ${user.party} gives it)`);
        }
        break;
      }
      case 'truthSet': {
        const truth = { ...payload, time: utc(payload.time as string, 'payload/time') } as Truth;
        try { findObjectClass(leewayObjects(), truth.objectClass); } catch (error) { throw new InvalidInputError('payload/objectClass', (error as Error).message); }
        // the track is simulated now, so an impossible truth (outside the truth forcing's span or
        // extent, on land) is refused to the controller at once, with the reason; a withheld file the
        // controller may not read (another exercise's truth forcing) is one that does not exist
        const mayRead = await this.withheldReader(actor);
        await this.deps.truths.track(`check:${state.streamId}:${actor.userName}:${JSON.stringify(truth)}`, truth, await this.forecastOf(caseId), (file) => !file.withheld || mayRead(file));
        payload = truth;
        break;
      }
      case 'injectScheduled': {
        const at = utc(payload.at as string, 'payload/at');
        if (state.injects.some((i) => i.inject.injectId === payload.injectId)) throw new InvalidInputError('payload/injectId', `'${String(payload.injectId)}' is scheduled already: cancel it, or choose another id`);
        const scheduled = { ...payload, at } as ControlEventPayload<'injectScheduled'>;
        // core/exercise checkInject: the fields each kind needs, and no inject at a time the clock has passed
        const nowS = state.clock ? exerciseTimeS(state.clock, nowMs) : -Infinity;
        payloadErrors(() => checkInject(coreInject(scheduled), nowS, this.deps.agreement ? { unitIds: this.deps.agreement.units.map((u) => u.id) } : {}), scheduled.injectId);
        payload = scheduled;
        break;
      }
      case 'injectCancelled': {
        const inject = state.injects.find((i) => i.inject.injectId === payload.injectId);
        if (!inject || inject.cancelled) throw new InvalidInputError('payload/injectId', `no scheduled inject '${String(payload.injectId)}'`);
        if (await this.released(caseId, inject.inject.injectId)) throw new InvalidInputError('payload/injectId', `inject '${String(payload.injectId)}' was released to the players already`);
        break;
      }
      case 'clockSet': {
        if (payload.mode === 'accelerated' && payload.rate === undefined) throw new InvalidInputError('payload/rate', 'an accelerated clock needs its rate (exercise seconds per second, e.g. 10)');
        const exerciseTime = utc(payload.exerciseTime as string, 'payload/exerciseTime');
        const next = { mode: payload.mode as ExerciseClock['mode'], rate: payload.mode === 'accelerated' ? payload.rate as number : payload.mode === 'real' ? 1 : 0, exerciseTime, wallTime: utcTimeText(nowMs / 1000) };
        // core/exercise setClock: exercise time never goes back (released injects would be due again)
        payloadErrors(() => setClock(state.clock ? clockState(state.clock) : null, clockState(next), nowMs / 1000));
        payload = { mode: next.mode, ...(payload.rate !== undefined ? { rate: payload.rate } : {}), exerciseTime, wallTime: next.wallTime };
        break;
      }
      case 'clockStepped': {
        if (!state.clock) throw new InvalidInputError('body/type', 'the clock is not set: set it with clockSet { mode: "stepped" } first');
        const toTime = utc(payload.toTime as string, 'payload/toTime');
        payloadErrors(() => stepClock(clockState(state.clock!), Date.parse(toTime) / 1000, nowMs / 1000));
        payload = { toTime };
        break;
      }
      default:
        break;
    }
    if (command.basedOnVersion !== state.version) throw new VersionConflictError(state.streamId, command.basedOnVersion, state.version);
    const draft: EventDraft = {
      caseId: state.streamId, basedOnVersion: command.basedOnVersion, type: command.type, author: actor.userName, party: actor.party,
      recordedAt: this.now().toISOString(), releasability: 'nothing', payload,
    };
    const event = await this.store.append(draft);
    this.schedule(caseId);
    return event;
  }

  /**
   * A search simulated along the unit's route in an issued plan (the plan at `planVersion` of the
   * players' case, as the actor's party sees it), flown at the unit's planned speed from where the
   * unit's last simulated search of that plan stopped (or the route's start, later by the delays of
   * the unitLate injects released about it) up to the exercise time (or its unitBreakdown inject's); appended as the actor's searchDone (players' SMC or OSC, or exercise control). Nothing of
   * the truth goes into it: the detection is drawn afterwards, in the queue.
   */
  async simulatedSearch(actor: Actor, caseId: string, request: { unitId: string; planVersion: number }): Promise<CaseEvent> {
    const row = await this.deps.caseLog.checkRead(actor, caseId);
    if (row.kind !== 'exercise') throw new InvalidInputError('caseId', `'${caseId}' is not an exercise`);
    const [plan] = await this.deps.caseLog.events(actor, caseId, request.planVersion - 1, 1);
    if (!plan || plan.version !== request.planVersion || !('type' in plan) || plan.type !== 'planIssued') {
      throw new InvalidInputError('body/planVersion', `version ${request.planVersion} of '${caseId}' is no issued plan you can see`);
    }
    const route = (plan.payload as CaseEventPayload<'planIssued'>).plan?.units.find((u) => u.unitId === request.unitId);
    if (!route) throw new InvalidInputError('body/unitId', `the plan at version ${request.planVersion} gives no route for '${request.unitId}' that you can see`);
    const state = await this.deps.caseLog.state(actor, caseId);
    if (!state.clock) throw new InvalidInputError('caseId', 'the exercise clock has not started: a simulated search flies up to the exercise time');
    const nowS = exerciseTimeS(state.clock, this.now().getTime());
    const inputs = state.planningInputs?.inputs ?? null;
    const unit = inputs?.units.find((u) => u.id === request.unitId);
    const speedKn = unit?.speedKn ?? this.deps.agreement?.units.find((u) => u.id === request.unitId)?.speedKn;
    if (!speedKn) throw new InvalidInputError('body/unitId', `no speed known for '${request.unitId}': the planning inputs or the agreement give a unit's speed`);
    const planned = inputs ? planCaseFromFile(inputs, leewayObjects(), null, 'planningInputs').units.find((u) => u.unitId === request.unitId) : undefined;
    if (!planned) throw new InvalidInputError('body/unitId', `'${request.unitId}' is not among the units of the planning inputs, which give its sweep width`);
    const planId = (plan.payload as CaseEventPayload<'planIssued'>).planId;
    const before = state.searches.filter((x) => x.unitId === request.unitId && x.planId === planId && x.track?.length)
      .map((x) => Date.parse(x.track!.at(-1)!.time) / 1000);
    const waypoints = route.waypoints.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, timeS: w.timeS }));
    // the injects released to the players about the unit: a late unit starts its route later, a broken-down one stops
    const about = state.injects.filter((i) => i.unitId === request.unitId);
    const delayS = about.filter((i) => i.kind === 'unitLate').reduce((sum, i) => sum + (i.delayH ?? 0) * 3600, 0);
    const breakdownS = Math.min(Infinity, ...about.filter((i) => i.kind === 'unitBreakdown').map((i) => Date.parse(i.at) / 1000));
    const startTimeS = waypoints[0].timeS + delayS;
    const fromTimeS = Math.max(startTimeS, ...before);
    const toTimeS = Math.min(nowS, breakdownS);
    const track = fromTimeS < toTimeS ? simulatedSearchTrack({ waypoints, speedKn }, { startTimeS, fromTimeS, toTimeS }) : [];
    if (track.length < 2) {
      throw new InvalidInputError('body/unitId', `nothing of ${request.unitId}'s route is flown between ${utcTimeText(Math.floor(fromTimeS))} and ${toTimeS < nowS ? `its breakdown at ${utcTimeText(Math.floor(toTimeS))}` : `the exercise time ${utcTimeText(Math.floor(nowS))}`}`);
    }
    const payload: CaseEventPayload<'searchDone'> = {
      unitId: request.unitId, planId,
      text: `simulated along the route of plan ${planId} at ${speedKn} kn, ${utcTimeText(Math.round(track[0].timeS))} to ${utcTimeText(Math.round(track.at(-1)!.timeS))}`,
      track: track.map((w) => ({ lonDeg: Math.round(w.lonDeg * 1e6) / 1e6, latDeg: Math.round(w.latDeg * 1e6) / 1e6, time: utcTimeText(Math.round(w.timeS)) })),
      sweepWidthNm: planned.sweepWidthNm, speedKn,
    };
    return await this.deps.caseLog.append(actor, caseId, { type: 'searchDone', payload, basedOnVersion: state.version });
  }

  /** The players' newest planning inputs (what a truth with `forcing: null` drifts on). */
  private async forecastOf(caseId: string): Promise<PlanFile | null> {
    const events = await this.store.readEvents(caseId, 0);
    const inputs = events.filter((e) => e.type === 'planningInputs').at(-1);
    return inputs ? (inputs.payload as { inputs: PlanFile }).inputs : null;
  }

  private async released(caseId: string, injectId: string): Promise<boolean> {
    return (await this.store.readEvents(caseId, 0)).some((e) => e.type === 'injectReleased' && (e.payload as { injectId: string }).injectId === injectId);
  }

  /** The truth's track of the current truth, or null before one is set. */
  async truthTrackOf(caseId: string, state: ControlState): Promise<TruthTrack | null> {
    if (!state.truth) return null;
    const { version: _version, ...truth } = state.truth;
    return await this.deps.truths.track(`${state.streamId}@${state.truth.version}`, truth, await this.forecastOf(caseId));
  }

  /** Run the exercise's work after what is queued for it (one at a time per exercise, in this process). */
  schedule(caseId: string): Promise<void> {
    const before = this.queues.get(caseId) ?? Promise.resolve();
    const next = before.then(async () => {
      // a player's write between our read and our append: read again and go on (the work is idempotent)
      for (let attempt = 0; ; attempt++) {
        try { await this.work(caseId); return; } catch (error) { if (!(error instanceof VersionConflictError) || attempt >= 5) throw error; }
      }
    }).catch((error) => { if (!(error instanceof CaseClosedError)) this.deps.onError?.(error); });
    this.queues.set(caseId, next);
    void next.finally(() => { if (this.queues.get(caseId) === next) this.queues.delete(caseId); });
    return next;
  }

  /** Every exercise's work once (the ticker's beat). */
  async tickAll(): Promise<void> {
    const streams = (await this.store.listCases()).filter((c) => c.kind === 'exercise-control');
    for (const s of streams) {
      const caseId = s.caseId.slice(0, -'.control'.length);
      if (!this.finished.has(caseId)) await this.schedule(caseId);
    }
  }

  /**
   * The server side of one exercise, idempotent (each step looks first at what the players' case
   * holds, so two instances or a crash between two appends only delay it): the clock, due injects,
   * a detection for each search, the end.
   */
  async work(caseId: string): Promise<void> {
    const control = await this.controlOf(caseId);
    if (!control) return;
    let { state } = control;
    const players = await this.store.readEvents(caseId, 0);
    const partyOfControl = state.director.party;
    let version = players.length ? players[players.length - 1].version : 0;
    const closed = closedAfter(players.at(-1));
    if (closed) return;
    const append = async (type: 'injectReleased' | 'exerciseClock' | 'targetDetected' | 'exerciseEnded', payload: unknown) => {
      const event = await this.deps.caseLog.appendFromControl(caseId, { type, payload, basedOnVersion: version }, partyOfControl);
      version = event.version;
      players.push(event);
    };
    const playersEnded = players.some((e) => e.type === 'exerciseEnded');

    // the clock: the players' case follows the control's (no truth in it)
    if (state.clock && !playersEnded) {
      const last = players.filter((e) => e.type === 'exerciseClock').at(-1)?.payload as CaseEventPayload<'exerciseClock'> | undefined;
      const c = state.clock;
      if (!last || last.mode !== c.mode || last.rate !== c.rate || last.exerciseTime !== c.exerciseTime || last.wallTime !== c.wallTime) {
        await append('exerciseClock', { mode: c.mode, rate: c.rate, exerciseTime: c.exerciseTime, wallTime: c.wallTime });
      }
    }

    // injects due at the exercise time
    if (state.clock && !playersEnded) {
      const nowS = exerciseTimeS(state.clock, this.now().getTime());
      const released = new Set(players.filter((e) => e.type === 'injectReleased').map((e) => (e.payload as { injectId: string }).injectId));
      const live = state.injects.filter((i) => !i.cancelled);
      const due = dueInjects(live.map((i) => coreInject(i.inject)), released, nowS).map((d) => live.find((i) => i.inject.injectId === d.injectId)!);
      for (const { inject } of due) {
        // core/exercise releasedInject: a distress call's position made from the truth's at its time
        let released: ReleasedInject;
        try {
          released = releasedInject(coreInject(inject), inject.position === undefined && inject.kind === 'distressCall' ? await this.truthTrackOf(caseId, state) : null);
        } catch (error) {
          if (!(error instanceof SarbridgeError)) throw error;
          // the truth cannot give the call's position (not set, or not in the water then): the call goes out without one
          released = { injectId: inject.injectId, kind: inject.kind, atS: Date.parse(inject.at) / 1000, text: inject.text };
          this.deps.onError?.(error);
        }
        const position = released.position ? { lonDeg: round5(released.position.lonDeg), latDeg: round5(released.position.latDeg) } : undefined;
        await append('injectReleased', {
          injectId: inject.injectId, kind: inject.kind, at: inject.at, text: inject.text,
          ...(position ? { position } : {}), ...(inject.unitId !== undefined ? { unitId: inject.unitId } : {}),
          ...(inject.delayH !== undefined ? { delayH: inject.delayH } : {}), ...(inject.weather ? { weather: inject.weather } : {}),
        });
      }
    }

    // a detection drawn for every search with a track, hit or miss
    const drawn = new Set(state.detections.map((d) => d.searchVersion));
    for (const search of players.filter((e) => e.type === 'searchDone' && (e.payload as CaseEventPayload<'searchDone'>).track && !drawn.has(e.version))) {
      await this.drawDetection(caseId, state, search as CaseEvent & { type: 'searchDone' });
      state = (await this.controlOf(caseId))!.state;
    }
    const announced = new Set(players.filter((e) => e.type === 'targetDetected').map((e) => (e.payload as { searchVersion: number }).searchVersion));
    for (const d of state.detections.filter((x) => x.hit && !announced.has(x.searchVersion))) {
      if (playersEnded) break;
      // the first detection ends the search phase; both centres learn it whoever's unit it was (view.ts)
      const first = !players.some((e) => e.type === 'targetDetected');
      await append('targetDetected', { unitId: d.unitId, time: d.time, position: d.position, searchVersion: d.searchVersion, searchPhaseEnded: first });
    }

    // the end: the players' case, then the result in the programme
    if (state.ended && !playersEnded) {
      const nowS = state.clock ? exerciseTimeS(state.clock, this.now().getTime()) : undefined;
      await append('exerciseEnded', { ...(nowS !== undefined ? { exerciseTime: utcTimeText(Math.floor(nowS)) } : {}), ...(state.ended.text ? { text: state.ended.text } : {}) });
    }
    if (state.ended && this.deps.programme) {
      const programme = await this.deps.programme.state();
      if (!programme.outcomes[state.programmeItemId] || programme.outcomes[state.programmeItemId].caseId !== caseId) {
        const first = state.detections.filter((d) => d.hit).sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!))[0];
        const releaseS = state.truth ? Date.parse(state.truth.time) / 1000 : undefined;
        const hours = first && releaseS !== undefined ? Math.round((Date.parse(first.time!) / 1000 - releaseS) / 360) / 10 : undefined;
        const result = first ? `target detected by ${this.unitForEveryParty(first.unitId)} at ${first.time}${hours !== undefined ? `, ${hours} h after it went into the water` : ''}` : 'target not detected';
        await this.deps.programme.record('exerciseResult', {
          id: state.programmeItemId, result: `Exercise ${caseId}: ${result}.`, caseId, detected: first !== undefined, ...(hours !== undefined ? { timeToDetectionH: hours } : {}),
        }, state.ended.by, state.director.party);
      }
    }
    if (state.ended && players.some((e) => e.type === 'exerciseEnded')) this.finished.add(caseId);
  }

  /**
   * A unit as the programme's words name it, which every party of the agreement reads: by its id
   * when the agreement releases it to every other party (whole or its positions), else as its
   * party's unit ("a KR unit", as a detection shows it to a party that may not see the unit).
   */
  private unitForEveryParty(unitId: string): string {
    const unit = this.deps.agreement?.units.find((u) => u.id === unitId);
    return unit?.releasability === 'nothing' ? `a ${unit.party} unit` : unitId;
  }

  /** Draw the detection of the truth along one search's track and record it (control stream). */
  private async drawDetection(caseId: string, state: ControlState, search: CaseEvent & { type: 'searchDone' }): Promise<void> {
    const p = search.payload;
    const seed = ((state.truth?.seed ?? 0) + search.version) >>> 0;
    let payload: ControlEventPayload<'detectionDrawn'>;
    try {
      const track = await this.truthTrackOf(caseId, state);
      if (!track) {
        payload = { searchVersion: search.version, unitId: p.unitId, hit: false, seed, expectedDetections: 0, note: 'no truth was set when the search was drawn' };
      } else {
        const width = truthSweepWidth(await this.forecastOf(caseId), p.unitId, state.truth!.objectClass) ?? { sweepWidthNm: p.sweepWidthNm!, source: "the search's own sweep width" };
        const result = detectAlongTrack({
          searchTrack: p.track!.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, timeS: Date.parse(w.time) / 1000 })),
          ...(p.speedKn !== undefined ? { searchSpeedKn: p.speedKn } : {}),
          truthTrack: track, sweepWidthNm: width.sweepWidthNm, stepS: DETECTION_STEP_S, seed,
        });
        const d = result.detection;
        payload = {
          searchVersion: search.version, unitId: p.unitId, hit: d !== null, seed, expectedDetections: result.totalExposure,
          sweepWidthNm: width.sweepWidthNm, sweepWidthSource: width.source.slice(0, 300),
          ...(d ? { time: utcTimeText(Math.round(d.timeS)), position: { lonDeg: Math.round(d.position.lonDeg * 1e5) / 1e5, latDeg: Math.round(d.position.latDeg * 1e5) / 1e5 } } : {}),
        };
      }
    } catch (error) {
      if (!(error instanceof SarbridgeError)) throw error;
      payload = { searchVersion: search.version, unitId: p.unitId, hit: false, seed, expectedDetections: 0, note: `no draw: ${error.message}`.slice(0, 1000) };
    }
    const streamId = state.streamId;
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = foldControl(await this.store.readEvents(streamId, 0))!;
      if (current.detections.some((x) => x.searchVersion === search.version)) return;
      try {
        await this.store.append({ caseId: streamId, basedOnVersion: current.version, type: 'detectionDrawn', author: CONTROL_AUTHOR, party: state.director.party,
          recordedAt: this.now().toISOString(), releasability: 'nothing', payload });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
  }
}
