import { Command, InvalidArgumentError, Option } from 'commander';
import { DRIFT_SETTINGS } from '../../core/drift/settings.js';
import type { SnapshotSelection } from '../../core/drift/geojson.js';
import { COMMAND_DESCRIPTIONS } from './commands.js';

/** The demo case: synthetic East Sea forcing shipped with the project. */
export const DEMO_CASE_FILE = 'examples/drift-east-sea-demo.yaml';

/** The options of `sarbridge drift` as commander gives them. */
export interface DriftOptions {
  demo?: boolean; case?: string;
  position?: string; time?: string; object?: string; radiusNm?: string; spread?: 'gaussian' | 'uniform-disc';
  trackTo?: string; trackToTime?: string; trackToRadiusNm?: string;
  durationH?: string; stepMin?: string; outputEvery?: string; particles?: string; seed?: string;
  backward?: boolean; jibePerHour?: string; moveOffLandM?: string;
  wind: string[]; current: string[]; forcing: string[]; windConstant?: string; currentConstant?: string;
  coastline?: 'bundled' | 'gshhg' | 'none';
  out?: string; geojsonTimes: SnapshotSelection; workers?: string; json?: boolean; timings?: boolean;
}

/** A forcing file option as given, with the --grid, --variable and --time-origin that followed it. */
export interface FileArgument {
  readonly flag: '--wind' | '--current' | '--forcing';
  readonly path: string;
  grid?: string;
  variables?: Record<string, string>;
  timeOrigin?: string;
}

/**
 * The parsers of the forcing file options: each file is remembered in order, so --grid,
 * --variable and --time-origin apply to the file option just before them.
 */
function forcingFileArguments(): {
  files: FileArgument[];
  file: (flag: FileArgument['flag']) => (value: string, previous: string[]) => string[];
  grid: (value: string) => string;
  variable: (value: string, previous: string[]) => string[];
  timeOrigin: (value: string) => string;
} {
  const files: FileArgument[] = [];
  const last = (option: string): FileArgument => {
    const f = files.at(-1);
    if (!f) throw new InvalidArgumentError(`${option} applies to the forcing file before it: give it after --wind, --current or --forcing FILE`);
    return f;
  };
  return {
    files,
    file: (flag) => (value, previous) => { files.push({ flag, path: value }); return [...previous, value]; },
    grid: (value) => {
      const f = last('--grid');
      if (f.grid !== undefined) throw new InvalidArgumentError(`${f.path} has a grid file already (${f.grid})`);
      f.grid = value;
      return value;
    },
    variable: (value, previous) => {
      const m = /^\s*([A-Za-z][\w.-]*)\s*=\s*(\S+)\s*$/.exec(value);
      if (!m) throw new InvalidArgumentError("give STANDARD_NAME=VARIABLE, e.g. 'sea_water_x_velocity=u'");
      const f = last('--variable');
      f.variables = { ...f.variables, [m[1]]: m[2] };
      return [...previous, value];
    },
    timeOrigin: (value) => {
      const f = last('--time-origin');
      f.timeOrigin = value;
      return value;
    },
  };
}

/** `sarbridge drift`: Monte-Carlo Leeway drift from a last known position, a track or a case file. */
export function driftCommand(): Command {
  const s = DRIFT_SETTINGS;
  const fileArgs = forcingFileArguments();
  return new Command('drift')
    .description(COMMAND_DESCRIPTIONS.drift)
    .option('--demo', `run the bundled demo case (${DEMO_CASE_FILE}: SYNTHETIC East Sea forcing, not a forecast)`)
    .option('--case <file>', 'a case file (YAML/JSON) with scenarios, forcing and settings; flags below override it')
    .option('-p, --position <position>', "last known position (LKP), e.g. '37 14.4N 131 52.2E' or '37.24 131.87'")
    .option('-t, --time <time>', "time of the LKP, UTC: '2026-03-10T06:00Z' or '100600Z MAR 26'")
    .option('-o, --object <class>', 'Leeway object class key or id (see `sarbridge objects`) (default: PIW-1)')
    .option('--radius-nm <nm>', 'position error around the LKP, NM (default: 0.5)')
    .addOption(new Option('--spread <kind>', 'how the error spreads: gaussian (radius = sigma) or uniform-disc (default: gaussian)').choices(['gaussian', 'uniform-disc']))
    .option('--track-to <position>', 'seed along a track (line or cone) from --position/--time to this position')
    .option('--track-to-time <time>', 'time at the end of the track')
    .option('--track-to-radius-nm <nm>', 'position error at the end of the track (a cone when it differs from --radius-nm)')
    .option('-d, --duration-h <hours>', `how long to drift, hours (${s.durationS.default / 3600})`)
    .option('--step-min <minutes>', `time step, minutes (${s.timeStepS.default / 60})`)
    .option('--output-every <steps>', `write positions every N steps (${s.outputEverySteps.default})`)
    .option('-n, --particles <count>', `number of particles (${s.particleCount.default}, at most ${s.particleCount.max})`)
    .option('--seed <integer>', `random seed; the same seed gives the same output (${s.seed.default})`)
    .option('--backward', 'drift backward in time: where did an object found at --position/--time come from?')
    .option('--jibe-per-hour <p>', `probability of switching side of downwind within an hour (${s.jibeProbabilityPerHour.default})`)
    .option('--move-off-land-m <metres>', `a particle seeded on land moves to the nearest water within this distance, m; 0: it strands (${s.seedOnLandMaxMoveM.default}, at most ${s.seedOnLandMaxMoveM.max})`)
    .option('--wind <file>', 'wind NetCDF file (CF); repeat for fallbacks in priority order', fileArgs.file('--wind'), [])
    .option('--current <file>', 'current NetCDF file (CF, ROMS, CROCO); repeat for fallbacks in priority order', fileArgs.file('--current'), [])
    .option('--forcing <file>', 'a NetCDF file giving wind and/or current', fileArgs.file('--forcing'), [])
    .option('--grid <file>', 'separate grid file of the forcing file before it (ROMS/CROCO lon_rho, lat_rho, angle, mask_rho)', fileArgs.grid)
    .option('--variable <standard_name=variable>', "variable mapping for the forcing file before it, e.g. 'sea_water_x_velocity=u' (repeat; also longitude, latitude, time)", fileArgs.variable, [])
    .option('--time-origin <time>', "model time origin of the forcing file before it, for time in 'second' without an epoch (ROMS/CROCO), e.g. 2001-01-01T00:00Z", fileArgs.timeOrigin)
    .option('--wind-constant <speed@from>', "constant wind after the files, m/s and the direction it blows FROM, e.g. '10@270'")
    .option('--current-constant <speed@toward>', "constant current after the files, m/s and the direction it flows TOWARD, e.g. '0.2@0' ('0@0' = zero fallback)")
    .addOption(new Option('--coastline <source>', 'coastline for stranding: bundled (GSHHG subset 127-135E 33-41N), gshhg (Debian gmt-gshhg-full, any region) or none').choices(['bundled', 'gshhg', 'none']))
    .option('--out <file>', 'output file: GeoJSON, or a CF-1.8 trajectory NetCDF4 file when it ends in .nc (default sarbridge-drift.geojson; out/demo-drift.geojson for --demo)')
    .addOption(new Option('--geojson-times <which>', 'output times written to the GeoJSON').choices(['all', 'last']).default('all'))
    .option('--workers <count>', 'worker threads (default: every core)')
    .option('--json', 'print the summary as JSON')
    .option('--timings', 'print the wall and CPU time of each phase (start-up, reading, coastline, drift, output, summaries) to stderr')
    // the drift engine, the readers and their libraries load only when a drift runs (not for
    // --help); a NetCDF4 file's reader thread starts first, so h5wasm loads while they do, and
    // so does a drift worker thread (used when the run is large enough for threads)
    .action(async (options: DriftOptions) => {
      if (options.workers !== '1') (await import('../drift_job/warm_worker.js')).warmDriftWorker();
      const paths = fileArgs.files.flatMap((f) => (f.grid === undefined ? [f.path] : [f.path, f.grid]));
      if (paths.length > 0) (await import('../../io/netcdf/warm_reader.js')).warmForcingReaderFor(paths);
      return (await import('./drift_action.js')).runDriftCommand(options, fileArgs.files);
    });
}
