/**
 * Every drift setting, declared once with its unit, limits and default: the same table checks a
 * request, writes the command line's --help and (later) the web form. An `optional` setting may
 * be left out of a request, which then gets the default (`driftSetting`).
 */
export const DRIFT_SETTINGS = {
  timeStepS: { default: 600, min: 1, max: 3600, unit: 's', description: 'model time step' },
  outputEverySteps: { default: 6, min: 1, max: 10_000, unit: 'steps', description: 'write particle positions every N steps' },
  particleCount: { default: 5000, min: 1, max: 2_000_000, unit: 'particles', description: 'Monte-Carlo particles (all scenarios)' },
  durationS: { default: 86_400, min: 1, max: 30 * 86_400, unit: 's', description: 'how long to drift' },
  // below 1: jibes are a Poisson process, P(none within an hour) = exp(-rate × 1 h) = 1 - p, so p = 1 has
  // no rate (an object switching side without end: the drift looped for ever at its first jibe)
  jibeProbabilityPerHour: {
    default: 0.04, min: 0, max: 0.999, unit: 'per hour',
    description: 'probability that an object switches side of downwind within one hour (Allen 1999: 4 %/h; below 1)',
  },
  seed: { default: 1, min: 0, max: 2 ** 32 - 1, unit: 'integer', description: 'random seed (same seed, same output)' },
  seedOnLandMaxMoveM: {
    default: 5000, min: 0, max: 50_000, unit: 'm', optional: true,
    description: 'a particle seeded on land moves to the nearest water within this distance; farther, or with 0, it strands where it was seeded',
  },
} as const;

/** The largest position error (radius, NM) a scenario may be seeded with: a case or plan file's radiusNm, the page's report form. */
export const MAX_POSITION_ERROR_NM = 500;

export type DriftSettingName = keyof typeof DRIFT_SETTINGS;

/** A request's value of a setting, or the default of an optional one it leaves out. */
export function driftSetting(request: Partial<Record<DriftSettingName, number>>, name: DriftSettingName): number | undefined {
  const row = DRIFT_SETTINGS[name];
  return request[name] ?? ('optional' in row && row.optional ? row.default : undefined);
}
