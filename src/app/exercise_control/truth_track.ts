/**
 * The truth's track on the server: the truth forcing opened from the references the server holds
 * (the bundled demo files, uploads in the store), or the players' forecast forcing from their
 * newest planning inputs when the truth names none, then core/exercise simulateTruthTrack (one
 * seeded particle of the drift engine, the bundled shoreline). Tracks are kept by the truth's
 * version, since the same truth gives the same track bit for bit.
 */
import { readFile } from 'node:fs/promises';
import type { DriftForcing } from '../../core/drift/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { ExerciseTruthError, simulateTruthTrack, type TruthSpec, type TruthTrack } from '../../core/exercise/index.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { parseTime } from '../../core/time/index.js';
import { loadBundledCoastline } from '../../io/coastline/bundled_coastline.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { projectPath } from '../../io/project_files.js';
import type { ForcingFileRecord, SarbridgeStore } from '../../io/storage/index.js';
import { DEMO_FORCING_FILES, UPLOAD_REF } from '../case_log/planning_inputs.js';
import type { PlanFile } from '../plan/plan_file.js';
import type { Truth } from './events.js';

/** Model step of the truth's drift, s (the players' drift default). */
export const TRUTH_STEP_S = 600;
/** How long the truth is followed when the controller does not say, h. */
export const TRUTH_DEFAULT_DURATION_H = 48;

let objects: readonly LeewayObjectClass[] | null = null;
const leewayObjects = () => (objects ??= loadLeewayTable());

/** The truth as core/exercise takes it (times as seconds). */
export function truthSpec(truth: Truth): TruthSpec {
  return {
    objectClass: truth.objectClass, position: truth.position, timeS: parseTime(truth.time, 'payload/time'), forcing: truth.forcing,
    ...(truth.perturbation ? { perturbation: truth.perturbation } : {}), seed: truth.seed,
  };
}

/** Opens forcing references as fields and simulates truth tracks. */
export class TruthTracks {
  private readonly tracks = new Map<string, Promise<TruthTrack>>();

  constructor(private readonly store: SarbridgeStore) {}

  /**
   * The bytes under a reference (`demo:…`, `upload:<sha256>`); `field` names it in errors. With
   * `mayOpen`, an upload it refuses (a withheld file the controller may not read) is answered as
   * one that does not exist.
   */
  private async bytesOf(ref: string, field: string, mayOpen?: (record: ForcingFileRecord) => boolean): Promise<Uint8Array> {
    const demo = DEMO_FORCING_FILES[ref];
    if (demo) return new Uint8Array(await readFile(projectPath(demo)));
    const upload = UPLOAD_REF.exec(ref);
    const record = upload && mayOpen ? await this.store.findForcingFile(upload[1]) : null;
    const bytes = upload && (!mayOpen || (record !== null && mayOpen(record))) ? await this.store.readForcingBytes(upload[1]) : null;
    if (!bytes) throw new ExerciseTruthError(field, `no forcing file '${ref}' on this server (GET /api/forcing lists them)`);
    return bytes;
  }

  /** Open a forcing file by reference (the opener of openJobForcing for planning inputs' references). */
  async open(ref: string, field = 'forcing', mayOpen?: (record: ForcingFileRecord) => boolean) {
    const { openForcingBytes } = await import('../../io/netcdf/index.js');
    return await openForcingBytes(ref, await this.bytesOf(ref, field, mayOpen));
  }

  /**
   * The forcing a truth drifts on: its own files, or (forcing null) the first file source of each
   * quantity in the players' planning inputs (`forecast`, null when the players have none yet).
   */
  async forcingOf(truth: Truth, forecast: PlanFile | null, mayOpen?: (record: ForcingFileRecord) => boolean): Promise<DriftForcing> {
    const refs = truth.forcing ?? (forecast ? forecastRefs(forecast) : null);
    if (!refs) throw new ExerciseTruthError('forcing', "is null (the players' forecast forcing), but the players' case has no planning inputs yet: name the truth forcing's wind and current files");
    const wind = (await this.open(refs.wind, 'forcing/wind', mayOpen)).fields.wind;
    const current = (await this.open(refs.current, 'forcing/current', mayOpen)).fields.current;
    if (!wind) throw new ExerciseTruthError('forcing/wind', `'${refs.wind}' holds no wind`);
    if (!current) throw new ExerciseTruthError('forcing/current', `'${refs.current}' holds no current`);
    return { wind, current };
  }

  /**
   * The truth's track (refused with SARB_EXERCISE_TRUTH outside the truth forcing's span or extent,
   * on land far from water, an unknown class); `key` keeps it (the control stream and the truth's version).
   * `mayOpen` (a controller's truthSet) refuses the uploads the controller may not know of as files that do not exist.
   */
  async track(key: string, truth: Truth, forecast: PlanFile | null, mayOpen?: (record: ForcingFileRecord) => boolean): Promise<TruthTrack> {
    let track = this.tracks.get(key);
    if (!track) {
      track = (async () => {
        const forcing = await this.forcingOf(truth, forecast, mayOpen);
        const durationS = (truth.durationH ?? TRUTH_DEFAULT_DURATION_H) * 3600;
        return simulateTruthTrack(truthSpec(truth), forcing, loadBundledCoastline(), { durationS, stepS: TRUTH_STEP_S, objects: leewayObjects() });
      })();
      this.tracks.set(key, track);
      track.catch(() => this.tracks.delete(key));
    }
    return await track;
  }
}

/** The first file of each quantity in planning inputs (a constant forcing has no file: refused). */
function forecastRefs(inputs: PlanFile): { wind: string; current: string } {
  const first = (quantity: 'wind' | 'current') => {
    const source = inputs.forcing[quantity].find((s) => 'file' in s) as { file: string } | undefined;
    if (!source) throw new InvalidInputError(`payload/forcing`, `the players' planning inputs name no ${quantity} file: name the truth forcing's files`);
    return source.file;
  };
  return { wind: first('wind'), current: first('current') };
}
