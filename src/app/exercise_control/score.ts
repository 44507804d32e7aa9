/**
 * The score of an exercise, gathered from its logs for core/exercise scoreExercise: the truth's
 * track and every hit drawn (control stream), each issued plan's probability map re-run from the
 * planning inputs in force when it was issued (PlanClouds), every search with the sweep width its
 * draw used, the notifications the agreement's rules required of each plan with their
 * acknowledgements, the messages each way with their acknowledgements, the liaison officers and observers of the
 * programme entry. Answered to controllers, and to both parties once the exercise has ended (it
 * holds the truth).
 */
import { checkPlan, requiredNotifications, type CooperationConfig } from '../../core/cooperation/index.js';
import { SarbridgeError } from '../../core/errors.js';
import {
  scoreExercise, type AboardInput, type ExchangeInput, type ExerciseScore, type NotificationInput, type PlanScoreInput, type SearchEffortInput,
} from '../../core/exercise/index.js';
import type { StoredEvent } from '../../io/storage/index.js';
import { messageAcknowledgements, messageRecipients, utcTimeText, type CaseEventPayload } from '../case_log/index.js';
import type { PlanFile } from '../plan/plan_file.js';
import type { ExerciseControl } from './control.js';
import { controlStreamId } from './events.js';
import type { PlanClouds } from './plan_clouds.js';

const timeS = (iso: string) => Date.parse(iso) / 1000;

/**
 * The messages between the centres in the players' log, once per party each went to, with when that
 * party acknowledged it (messageAcknowledged): the exchanges of the score, also shown live in the
 * control view (GET …/control).
 */
export function exchangeInputs(players: readonly StoredEvent[]): ExchangeInput[] {
  const parties = (players.find((e) => e.type === 'caseOpened')?.payload as CaseEventPayload<'caseOpened'> | undefined)?.parties ?? [];
  const acks = messageAcknowledgements(players);
  return players.filter((e) => e.type === 'message').flatMap((e) => messageRecipients(e, parties).map((to) => {
    const ack = acks.get(e.version)?.get(to);
    return { fromParty: e.party, toParty: to, timeS: timeS(e.recordedAt), ackTimeS: ack === undefined ? null : timeS(ack) };
  }));
}

/** The score, or null when the exercise has no control stream (`gathered`: what the report draws besides; not for JSON). */
export async function composeScore(control: ExerciseControl, clouds: PlanClouds, agreement: CooperationConfig | null, caseId: string) {
  const found = await control.controlOf(caseId);
  if (!found) return null;
  const { state, events: controlEvents } = found;
  const players = await control.playersEvents(caseId);
  const track = await control.truthTrackOf(caseId, state).catch(() => null);
  const firstClock = controlEvents.find((e) => e.type === 'clockSet')?.payload as { exerciseTime: string } | undefined;
  // time to detection counts from the exercise start (the first clock's exercise time), else from the truth's release
  const startS = firstClock ? timeS(firstClock.exerciseTime) : state.truth ? timeS(state.truth.time) : 0;

  const plans: PlanScoreInput[] = [];
  const planVersions: number[] = [];
  const planProblems: { planId: string; version: number; problem: string }[] = [];
  const notifications: NotificationInput[] = [];
  for (const e of players.filter((x) => x.type === 'planIssued')) {
    const p = e.payload as CaseEventPayload<'planIssued'>;
    const inputsEvent = players.filter((x) => x.type === 'planningInputs' && x.version < e.version).at(-1);
    if (agreement && p.plan) {
      for (const n of requiredNotifications(checkPlan(agreement, p.plan))) {
        const ack = players.find((x) => x.type === 'notificationAcknowledged' && x.party === n.toParty && (x.payload as { notificationId: string }).notificationId === n.id);
        if (!notifications.some((m) => m.notificationId === n.id)) notifications.push({ notificationId: n.id, dueTimeS: n.notifyByS, ackTimeS: ack ? timeS(ack.recordedAt) : null });
      }
    }
    if (!inputsEvent) { planProblems.push({ planId: p.planId, version: e.version, problem: 'no planning inputs before it: no map to score it on' }); continue; }
    const inputs = (inputsEvent.payload as { inputs: PlanFile }).inputs;
    try {
      const cloud = await clouds.cloud(`${caseId}@${inputsEvent.version}`, inputs);
      plans.push({ planId: `${p.planId} (v${e.version})`, planningTimeS: p.plan?.planningTimeS ?? timeS(inputs.planningTime), ...cloud });
      planVersions.push(e.version);
    } catch (error) {
      if (!(error instanceof SarbridgeError)) throw error;
      planProblems.push({ planId: p.planId, version: e.version, problem: error.message });
    }
  }

  const searches: SearchEffortInput[] = players.filter((e) => e.type === 'searchDone' && (e.payload as CaseEventPayload<'searchDone'>).track).map((e) => {
    const p = e.payload as CaseEventPayload<'searchDone'>;
    const draw = state.detections.find((d) => d.searchVersion === e.version);
    return { unitId: p.unitId, party: e.party, track: p.track!.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, timeS: timeS(w.time) })), sweepWidthNm: draw?.sweepWidthNm ?? p.sweepWidthNm! };
  });
  const exchanges = exchangeInputs(players);
  const aboard: AboardInput[] = (await control.rosterOf(state.programmeItemId)).map((x) => ({
    name: x.name ?? x.rankOrRole, party: x.fromParty, role: x.kind === 'liaison-officer' ? 'liaisonOfficer' : 'observer', aboard: x.hostedBy,
  }));
  const score: ExerciseScore = scoreExercise({
    startS, truthPoints: track?.points ?? [], detections: state.detections.filter((d) => d.hit).map((d) => ({ unitId: d.unitId, timeS: timeS(d.time!), position: d.position! })),
    plans, searches, notifications, exchanges, aboard,
  });
  const gathered = { state, players, track, startS, plans, planVersions, score };
  return {
    gathered,
    caseId, controlStreamId: controlStreamId(caseId), programmeItemId: state.programmeItemId, title: state.title, ended: state.ended !== null,
    startTime: utcTimeText(startS),
    truth: state.truth ? { objectClass: state.truth.objectClass, position: state.truth.position, time: state.truth.time, seed: state.truth.seed, forcing: state.truth.forcing, perturbation: state.truth.perturbation ?? null } : null,
    score, planProblems,
    injects: state.injects.map((i) => ({ injectId: i.inject.injectId, kind: i.inject.kind, at: i.inject.at, cancelled: i.cancelled,
      releasedAt: players.find((e: StoredEvent) => e.type === 'injectReleased' && (e.payload as { injectId: string }).injectId === i.inject.injectId)?.recordedAt ?? null })),
    draws: state.detections.map((d) => ({ searchVersion: d.searchVersion, unitId: d.unitId, hit: d.hit, podOnTruth: 1 - Math.exp(-d.expectedDetections), sweepWidthNm: d.sweepWidthNm ?? null, note: d.note ?? null })),
    lessons: state.lessons.map((l) => ({ by: l.by, recordedAt: l.recordedAt, text: l.text })),
  };
}
