/**
 * The exercise routes as the page uses them (docs/exercises.md): the cooperation programme
 * (`/api/programme`, read by both parties, changed by programme staff), creating an exercise from
 * a programme entry, exercise control's stream (`/api/exercises/:id/control`, named controllers
 * only: the page asks for it only when the user holds the exercise-control role), a simulated
 * search, the score and the after-action report. Types come from the server's own definitions.
 */
import type { JointExercise, PersonnelExchange, YearlyProgramme } from '../../core/cooperation/index.js';
import type { ExerciseScore } from '../../core/exercise/index.js';
import type { ControlEventPayload, ControlEventType } from '../../app/exercise_control/events.js';
import type { ControlState } from '../../app/exercise_control/fold.js';
import type { ProgrammeEventPayload, ProgrammeEventType } from '../../app/programme/events.js';
import { api } from './http.js';
import type { UserView, ViewedEvent } from './types.js';

export type { ControlEventType, ControlState, ExerciseScore, JointExercise, PersonnelExchange, ProgrammeEventType, YearlyProgramme };

/** One revision of a programme item: UTC, the same time in each party's zone, who, what. */
export interface ProgrammeRevisionView { readonly time: string; readonly times: readonly string[]; readonly by: string; readonly summary: string }

/** `GET /api/programme`. */
export interface ProgrammeView {
  readonly version: number;
  readonly programmes: readonly YearlyProgramme[];
  readonly history: readonly { readonly itemId: string; readonly kind: 'year' | 'exercise' | 'exchange'; readonly revisions: readonly ProgrammeRevisionView[] }[];
  readonly exerciseCases: Readonly<Record<string, readonly string[]>>;
  readonly outcomes: Readonly<Record<string, { readonly caseId?: string; readonly detected?: boolean; readonly timeToDetectionH?: number }>>;
}

/** Who may do what here (the server decides; the page only hides what would be refused). */
export const isProgrammeStaff = (user: UserView): boolean => user.roles.includes('programme-staff');
export const isExerciseControl = (user: UserView): boolean => user.roles.includes('exercise-control');

export function getProgramme(): Promise<ProgrammeView> {
  return api<ProgrammeView>('GET', '/api/programme');
}

/** A programme staff's change, based on the version they saw (409 when another came first). */
export function changeProgramme<T extends ProgrammeEventType>(basedOnVersion: number, type: T, payload: ProgrammeEventPayload<T>): Promise<{ version: number }> {
  return api<{ version: number }>('POST', '/api/programme/events', { basedOnVersion, type, payload });
}

/** Create an exercise from a programme entry (exercise control; the creator directs it). */
export function createExercise(programmeItemId: string, caseId?: string): Promise<{ caseId: string; controlStreamId: string }> {
  return api<{ caseId: string; controlStreamId: string }>('POST', '/api/exercises', { programmeItemId, ...(caseId ? { caseId } : {}) });
}

/** What exercise control reads: the control picture and the exercise time the server holds (UTC, null before the clock). */
export interface ControlView {
  readonly state: ControlState;
  readonly exerciseTime: string | null;
  /** The exchanges between the centres so far, each way (the score's figures, from the players' log). */
  readonly exchanges: ExerciseScore['exchanges'];
}

const exercisePath = (caseId: string, rest: string) => `/api/exercises/${encodeURIComponent(caseId)}${rest}`;

/** The control stream (404 for anyone not named a controller: never asked by a player's page). */
export async function getControl(caseId: string): Promise<ControlView> {
  const answer = await api<{ state: ControlState; exerciseTime: string | null; exchanges: ExerciseScore['exchanges'] }>('GET', exercisePath(caseId, '/control'));
  return { state: answer.state, exerciseTime: answer.exerciseTime, exchanges: answer.exchanges };
}

/** A controller's command, based on the control stream's version they saw. */
export function controlCommand<T extends ControlEventType>(caseId: string, basedOnVersion: number, type: T, payload: Partial<ControlEventPayload<T>>): Promise<unknown> {
  return api('POST', exercisePath(caseId, '/control'), { basedOnVersion, type, payload });
}

/** Fly a unit's route of an issued plan (the planIssued event's version) up to the exercise time: a searchDone. */
export function simulateSearch(caseId: string, unitId: string, planVersion: number): Promise<{ event: ViewedEvent }> {
  return api<{ event: ViewedEvent }>('POST', exercisePath(caseId, '/simulated-searches'), { unitId, planVersion });
}

/** What `GET …/score` gives (app/exercise_control/score.ts): the core's score and what could not be scored. */
export interface ScoreView {
  readonly score: ExerciseScore;
  readonly planProblems: readonly { readonly planId: string; readonly version: number; readonly problem: string }[];
}

/** The score (controllers; both parties once the exercise has ended); null for an exercise without a control stream. */
export async function getScore(caseId: string): Promise<ScoreView | null> {
  return (await api<{ score: ScoreView | null }>('GET', exercisePath(caseId, '/score'))).score;
}

/** The after-action report's address: HTML, PDF or JSON; a party's copy (its place names) or the shared copy (neutral names). */
export function reportUrl(caseId: string, format: 'html' | 'pdf' | 'json', copy: string): string {
  return exercisePath(caseId, `/report?format=${format}&copy=${encodeURIComponent(copy)}`);
}
