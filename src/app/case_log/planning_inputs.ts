/**
 * The planning inputs a case keeps in its log (`planningInputs` events): a plan file as JSON
 * (app/plan: scenarios with weights, forcing, units, planning time, weather, detection, searches
 * done, particles, seed, duration, coastline), so every browser of the case drifts and plans from
 * the same inputs. Forcing files are named by references the server can hand out, never by paths
 * on someone's disk. The only import of app/plan in the case log is here.
 */
import { Type } from '@sinclair/typebox';
import { InvalidInputError } from '../../core/errors.js';
import type { LeewayObjectClass } from '../../core/objects/index.js';
import { PlanFileSchema, planCaseFromFile, type PlanFile } from '../plan/plan_file.js';

/** The bundled SYNTHETIC East Sea forcing (data/forcing/PROVENANCE.md), by reference. */
export const DEMO_FORCING_FILES: Readonly<Record<string, string>> = {
  'demo:east-sea-wind.nc': 'data/forcing/east-sea-synthetic/east-sea-wind.nc',
  'demo:east-sea-currents.nc': 'data/forcing/east-sea-synthetic/east-sea-currents.nc',
};

/** An uploaded forcing file, by the SHA-256 of its bytes (POST /api/forcing). */
export const UPLOAD_REF = /^upload:([0-9a-f]{64})$/;

/**
 * What the server holds under an upload's SHA-256, as the asking user may know it: `withheld` (an
 * exercise's truth forcing, kept from the players) only for exercise control allowed to read it;
 * to anyone else a withheld file is `unknown`, in the words of a SHA-256 no upload has.
 */
export type UploadState = 'uploaded' | 'withheld' | 'unknown';

/** The refusal of an upload reference no file has (or one the author may not know of: a withheld file), word for word the same. */
export const unknownUploadProblem = (sha256: string) => `no uploaded forcing file has SHA-256 ${sha256} (GET /api/forcing lists them)`;

/** The refusal, to exercise control, of a withheld file named where players would read it. */
export const withheldUploadProblem = (sha256: string, where: string) =>
  `upload:${sha256} is withheld from the players (an exercise's truth forcing): ${where}, which the players read, may not name it`;

/** The payload of a `planningInputs` event. */
export const PlanningInputsSchema = Type.Object({
  inputs: PlanFileSchema,
  keptUnseen: Type.Optional(Type.Array(Type.String(), {
    description: "written by the server, never taken from a request: ids of units (and units of searches done) kept from the inputs before, which the author's party could not see",
  })),
}, {
  additionalProperties: false,
  description: "a plan file as JSON (sarbridge plan's format); forcing `file` entries are 'demo:east-sea-wind.nc', 'demo:east-sea-currents.nc' or 'upload:<sha256>' of a file uploaded with POST /api/forcing (not one withheld: an exercise's truth forcing is unknown to its players and refused to its controllers)",
});

/** Every forcing file reference in the inputs, with its field path. */
export function forcingFileRefs(inputs: PlanFile): { field: string; ref: string }[] {
  const refs: { field: string; ref: string }[] = [];
  for (const quantity of ['wind', 'current'] as const) {
    inputs.forcing[quantity].forEach((source, k) => {
      if ('file' in source) refs.push({ field: `payload/inputs/forcing/${quantity}/${k}/file`, ref: source.file });
    });
  }
  return refs;
}

/**
 * Check planning inputs (already schema-checked) as `sarbridge plan` reads them: object classes,
 * positions, times, units, sweep widths, the drift's duration; and every forcing file is one the
 * server knows and hands to every reader of the case (`uploadState(sha256)`, as the author may know
 * the upload: a withheld file is refused, to exercise control by name, to anyone else as a SHA-256
 * no upload has). Errors name the field as `payload/inputs/<path>`, e.g. `payload/inputs/scenarios/0/position: …`.
 */
export async function checkPlanningInputs(inputs: PlanFile, objects: readonly LeewayObjectClass[], uploadState: (sha256: string) => Promise<UploadState>): Promise<void> {
  for (const { field, ref } of forcingFileRefs(inputs)) {
    if (DEMO_FORCING_FILES[ref]) continue;
    const upload = UPLOAD_REF.exec(ref);
    if (!upload) {
      throw new InvalidInputError(field, `'${ref}' is not a forcing file the server knows: give ${Object.keys(DEMO_FORCING_FILES).join(' or ')} (the bundled SYNTHETIC demo), ` +
        "or 'upload:<sha256>' of a file uploaded with POST /api/forcing");
    }
    const state = await uploadState(upload[1]);
    if (state === 'unknown') throw new InvalidInputError(field, unknownUploadProblem(upload[1]));
    if (state === 'withheld') throw new InvalidInputError(field, withheldUploadProblem(upload[1], 'planning inputs'));
  }
  const prefix = 'payload/inputs: ';
  try {
    // forcing names are references, not paths: nothing is resolved or opened here
    planCaseFromFile(inputs, objects, null, prefix.slice(0, -2));
  } catch (error) {
    if (error instanceof InvalidInputError && error.field.startsWith(prefix)) throw new InvalidInputError(`payload/inputs/${error.field.slice(prefix.length)}`, error.problem);
    throw error;
  }
}
