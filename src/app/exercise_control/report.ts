/**
 * The after-action report model (core/exercise/report) gathered from the exercise's logs: the
 * programme entry, the truth and its track, each issued plan's probability map at its planning
 * time (the cloud the score re-ran, core/probability pocGrid, its 50 % and 90 % contours), the
 * searches flown, the detection, the timeline of the players' case, the score, the lessons.
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';
import { cloudAt, type ReleasedInject } from '../../core/exercise/index.js';
import { reportCellsOfGrid, reportContoursOfGrid, type AfterActionReport, type ReportTimelineEntry } from '../../core/exercise/report/index.js';
import { pocGrid } from '../../core/probability/index.js';
import { EXERCISE_CONTROL_EVENT_TYPES, type CaseEventPayload } from '../case_log/index.js';
import { findItem } from '../programme/index.js';
import type { ExerciseControl } from './control.js';
import type { PlanClouds } from './plan_clouds.js';
import { composeScore } from './score.js';

const timeS = (iso: string) => Date.parse(iso) / 1000;

/** One line of the timeline for a players' event. */
function timelineText(type: string, p: Record<string, unknown>): string {
  switch (type) {
    case 'caseOpened': return `exercise opened: ${String(p.title)}`;
    case 'injectReleased': return `inject (${String(p.kind)}): ${String(p.text)}`;
    case 'exerciseClock': return `exercise clock ${String(p.mode)} at ${String(p.exerciseTime)}${p.mode === 'accelerated' ? ` ×${String(p.rate)}` : ''}`;
    case 'targetDetected': return `target detected by ${p.unitId === undefined ? `a ${String(p.unitParty)} unit` : String(p.unitId)}`;
    case 'exerciseEnded': return `exercise ended${p.text ? `: ${String(p.text)}` : ''}`;
    case 'planIssued': return `plan ${String(p.planId)} issued`;
    case 'searchDone': return `search by ${String(p.unitId)}${p.planId ? ` (plan ${String(p.planId)})` : ''}`;
    case 'planningInputs': return 'planning inputs recorded';
    case 'driftRun': return 'drift run';
    case 'notificationAcknowledged': return `notification ${String(p.notificationId)} acknowledged`;
    case 'unitPosition': return `${String(p.unitId)} position`;
    default: return typeof p.text === 'string' ? `${type}: ${p.text.slice(0, 200)}` : type;
  }
}

/**
 * The report model, or null when the exercise has no control stream (or its programme entry is gone).
 * Its timeline holds the players' events as `readerParty` may see them (the words each party
 * wrote, released as it chose), or every event for null (a controller).
 */
export async function composeReport(control: ExerciseControl, clouds: PlanClouds, agreement: CooperationConfig | null, caseId: string, programme: Awaited<ReturnType<NonNullable<ExerciseControl['programmeState']>>>, readerParty: string | null): Promise<AfterActionReport | null> {
  const composed = await composeScore(control, clouds, agreement, caseId);
  if (!composed) return null;
  const { state, players, track, startS, plans, score } = composed.gathered;
  const entry = programme ? findItem(programme.programmes, state.programmeItemId) : null;
  if (!entry || entry.kind !== 'exercise' || !state.truth) return null;
  const ended = players.find((e) => e.type === 'exerciseEnded');
  const endS = ended ? timeS((ended.payload as CaseEventPayload<'exerciseEnded'>).exerciseTime ?? ended.recordedAt) : (players.at(-1) ? timeS(players.at(-1)!.recordedAt) : startS);
  const timeline: ReportTimelineEntry[] = (await control.playersEventsAs(caseId, readerParty)).flatMap((e) => ('withheld' in e ? [] : [{
    // an inject at the exercise time it fell due (which a reader who sees its unit's positions only is not given)
    timeS: timeS((e.type === 'injectReleased' ? (e.payload as Partial<ReleasedInject & { at: string }>).at : undefined) ?? e.recordedAt),
    party: (EXERCISE_CONTROL_EVENT_TYPES as readonly string[]).includes(e.type) ? null : e.party, text: timelineText(e.type, e.payload as Record<string, unknown>),
  }])).sort((a, b) => a.timeS - b.timeS);
  return {
    exerciseId: caseId, programmeEntry: entry.item, parties: agreement?.agreement.parties ?? [],
    startS, endS,
    truth: { objectClass: state.truth.objectClass, releaseTimeS: timeS(state.truth.time), releasePosition: state.truth.position, track: track?.points.map((q) => ({ timeS: q.timeS, lonDeg: q.lonDeg, latDeg: q.latDeg })) ?? [] },
    plans: plans.map((p) => {
      const grid = pocGrid(cloudAt(p.snapshots, p.weight, p.planningTimeS), p.grid);
      return { planId: p.planId, planningTimeS: p.planningTimeS, cells: reportCellsOfGrid(grid), contours: reportContoursOfGrid(grid) };
    }),
    searches: players.filter((e) => e.type === 'searchDone' && (e.payload as CaseEventPayload<'searchDone'>).track).map((e) => {
      const p = e.payload as CaseEventPayload<'searchDone'>;
      return { unitId: p.unitId, party: e.party, source: p.text?.startsWith('simulated along') ? 'simulated' as const : 'uploaded' as const,
        points: p.track!.map((w) => ({ timeS: timeS(w.time), lonDeg: w.lonDeg, latDeg: w.latDeg })) };
    }),
    detection: score.detection.detected ? { unitId: score.detection.unitId!, timeS: score.detection.timeS!, position: score.detection.position! } : null,
    timeline, score,
    lessons: state.lessons.map((l) => ({ text: l.text, by: l.by, timeS: timeS(l.recordedAt) })),
  };
}
