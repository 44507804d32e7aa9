/**
 * The after-action report of a joint exercise as plain data (docs/exercises.md, "Scoring and the
 * after-action report"): what the server gathers from the programme entry, the control stream
 * (truth, lessons) and the players' case (plans, searches, detection, timeline), with the score
 * of core/exercise/scoring.ts. Times are seconds since 1970-01-01T00:00Z; positions in degrees.
 * Texts may carry `{place:id}` and `{party:id}` placeholders: each copy names them for its reader.
 */
import type { JointExercise, PartyId } from '../../cooperation/index.js';
import type { LonLatDeg } from '../../geo/index.js';
import type { ExerciseScore } from '../scoring.js';

/** A position at a time. */
export interface ReportTimedPoint {
  readonly timeS: number;
  readonly lonDeg: number;
  readonly latDeg: number;
}

/** One cell of a plan's probability map: its corners (lon/lat, in order) and its POC. */
export interface ReportPocCell {
  readonly corners: readonly LonLatDeg[];
  readonly poc: number;
}

/** A containment contour of a plan's map (e.g. 50 %, 90 %): rings of lon/lat positions. */
export interface ReportContour {
  /** Containment level, 0-1 (0.5 for the 50 % contour). */
  readonly containment: number;
  readonly rings: readonly (readonly LonLatDeg[])[];
}

/** An issued plan as the report draws it: the probability map it was planned on, at its planning time. */
export interface ReportPlan {
  /** As scoring names it (PlanScore.planId). */
  readonly planId: string;
  readonly planningTimeS: number;
  readonly cells: readonly ReportPocCell[];
  readonly contours: readonly ReportContour[];
  /** The areas the plan gave the units (corners in order), drawn as outlines. */
  readonly searchAreas?: readonly { readonly unitId: string; readonly corners: readonly LonLatDeg[] }[];
}

/** A search flown: simulated along the planned route, or the unit's uploaded track. */
export interface ReportSearch {
  readonly unitId: string;
  readonly party: PartyId;
  readonly source: 'simulated' | 'uploaded';
  readonly points: readonly ReportTimedPoint[];
}

/** An entry of the exercise's timeline (an event of the players' case, an inject, a detection). */
export interface ReportTimelineEntry {
  readonly timeS: number;
  /** The party that acted; null for exercise control or the system. */
  readonly party: PartyId | null;
  readonly text: string;
}

/** A lesson entered by exercise control. */
export interface ReportLesson {
  readonly text: string;
  /** Who entered it (a controller's name). */
  readonly by?: string;
  readonly timeS?: number;
}

/** Everything the after-action report shows. */
export interface AfterActionReport {
  /** The exercise's case id (e.g. `sarex-2027-1`). */
  readonly exerciseId: string;
  /** The programme entry the exercise was created from. */
  readonly programmeEntry: JointExercise;
  /** The parties that played, in the config's order. */
  readonly parties: readonly PartyId[];
  readonly startS: number;
  readonly endS: number;
  /** The hidden truth, released with the report once the exercise ended. */
  readonly truth: {
    /** Leeway class key (e.g. `LIFE-RAFT-DB-10`). */
    readonly objectClass: string;
    readonly releaseTimeS: number;
    readonly releasePosition: LonLatDeg;
    /** The truth's track (TruthTrack.points fit). */
    readonly track: readonly ReportTimedPoint[];
  };
  readonly plans: readonly ReportPlan[];
  readonly searches: readonly ReportSearch[];
  /** The first detection (ExerciseScore.detection gives the same), or null. */
  readonly detection: { readonly unitId: string; readonly timeS: number; readonly position: LonLatDeg } | null;
  readonly timeline: readonly ReportTimelineEntry[];
  readonly score: ExerciseScore;
  readonly lessons: readonly ReportLesson[];
}
