/**
 * The score of an exercise, composed from its logs (the players' case and the control stream):
 * time to detection, each search's effort and what its draw gave, the injects, the exchanges
 * between the parties, the liaison officers and observers, the lessons. Answered to controllers,
 * and to both parties once the exercise has ended (it holds the truth).
 */
import { distanceM, metresToNm } from '../../core/geo/index.js';
import type { CaseEventPayload } from '../case_log/index.js';
import type { ExerciseControl } from './control.js';
import { controlStreamId } from './events.js';

/** Length of a track along its legs on the sphere, NM. */
function trackLengthNm(track: readonly { lonDeg: number; latDeg: number }[]): number {
  let m = 0;
  for (let k = 1; k < track.length; k++) m += distanceM(track[k - 1].lonDeg, track[k - 1].latDeg, track[k].lonDeg, track[k].latDeg);
  return metresToNm(m);
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function composeScore(control: ExerciseControl, caseId: string) {
  const found = await control.controlOf(caseId);
  if (!found) return null;
  const { state } = found;
  const players = await control.playersEvents(caseId);
  const releaseS = state.truth ? Date.parse(state.truth.time) / 1000 : null;
  const hits = state.detections.filter((d) => d.hit).sort((a, b) => Date.parse(a.time!) - Date.parse(b.time!));
  const first = hits[0];
  const searches = players.filter((e) => e.type === 'searchDone').map((e) => {
    const p = e.payload as CaseEventPayload<'searchDone'>;
    const draw = state.detections.find((d) => d.searchVersion === e.version);
    const lengthNm = p.track ? trackLengthNm(p.track) : 0;
    const hours = p.track ? (Date.parse(p.track.at(-1)!.time) - Date.parse(p.track[0].time)) / 3_600_000 : 0;
    return {
      version: e.version, unitId: p.unitId, party: e.party, ...(p.planId ? { planId: p.planId } : {}),
      lengthNm: round(lengthNm), hours: round(hours), sweepWidthNm: p.sweepWidthNm ?? null,
      // effort as IAMSAR counts it: area swept Z = W × track length (NM²)
      areaSweptNm2: p.sweepWidthNm !== undefined ? round(lengthNm * p.sweepWidthNm) : null,
      drawn: draw ? { hit: draw.hit, podOnTruth: round(1 - Math.exp(-draw.expectedDetections), 4), sweepWidthNm: draw.sweepWidthNm ?? null, note: draw.note ?? null } : null,
    };
  });
  const byParty = (type: string) => {
    const counts: Record<string, number> = {};
    for (const e of players.filter((x) => x.type === type)) counts[e.party] = (counts[e.party] ?? 0) + 1;
    return counts;
  };
  const released = players.filter((e) => e.type === 'injectReleased').map((e) => ({ injectId: (e.payload as { injectId: string }).injectId, releasedAt: e.recordedAt }));
  return {
    caseId, controlStreamId: controlStreamId(caseId), programmeItemId: state.programmeItemId, title: state.title, ended: state.ended !== null,
    truth: state.truth ? { objectClass: state.truth.objectClass, position: state.truth.position, time: state.truth.time, seed: state.truth.seed, forcing: state.truth.forcing } : null,
    detection: first ? {
      unitId: first.unitId, time: first.time!, position: first.position!, searchVersion: first.searchVersion,
      hoursFromRelease: releaseS !== null ? round((Date.parse(first.time!) / 1000 - releaseS) / 3600) : null,
    } : null,
    searches,
    effort: { areaSweptNm2: round(searches.reduce((s, x) => s + (x.areaSweptNm2 ?? 0), 0)), unitHours: round(searches.reduce((s, x) => s + x.hours, 0)) },
    plansIssued: players.filter((e) => e.type === 'planIssued').map((e) => ({ version: e.version, planId: (e.payload as { planId: string }).planId, party: e.party, recordedAt: e.recordedAt })),
    injects: state.injects.map((i) => ({ injectId: i.inject.injectId, kind: i.inject.kind, at: i.inject.at, cancelled: i.cancelled,
      releasedAt: released.find((r) => r.injectId === i.inject.injectId)?.releasedAt ?? null })),
    exchanges: { messages: byParty('message'), acknowledgements: byParty('notificationAcknowledged') },
    personnel: (await control.rosterOf(state.programmeItemId)).map((x) => ({ id: x.id, kind: x.kind, rankOrRole: x.rankOrRole, fromParty: x.fromParty, hostedBy: x.hostedBy, state: x.state })),
    lessons: state.lessons.map((l) => ({ by: l.by, recordedAt: l.recordedAt, text: l.text })),
  };
}
