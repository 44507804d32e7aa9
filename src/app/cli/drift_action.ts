/**
 * What `sarbridge drift` does once its options are parsed: build the job, check it, run it, write
 * the output and print the summary. Apart from drift_command.ts (the options), so `drift --help`
 * loads none of the drift engine, readers or libraries.
 */
import { once } from 'node:events';
import { constants, createWriteStream } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  checkDriftRequest, DRIFT_SETTINGS, driftGeoJsonChunks, driftSetting, outputTimes, PARTICLE_STATUS_NAMES, seedingMovedOffLand, summariseCloud,
  type CloudSummary, type DriftRequest, type DriftResult, type DriftSettingName, type Scenario, type Seeding, type SnapshotSelection,
} from '../../core/drift/index.js';
import { DataFileError, InvalidInputError } from '../../core/errors.js';
import { formatPosition, metresToNm, nmToMetres, parsePosition } from '../../core/geo/index.js';
import { findObjectClass } from '../../core/objects/index.js';
import { formatTimeUtcExact, parseTime } from '../../core/time/index.js';
import { loadLeewayTable } from '../../io/leeway/index.js';
import { projectPath } from '../../io/project_files.js';
import { coastlineSpec, constantFrom } from '../case_file/job_specs.js';
import type { loadDriftCase as LoadDriftCase } from '../case_file/load_drift_case.js';
import { runDriftJob, type DriftJob, type ForcingSourceSpec } from '../drift_job/index.js';
import { threadCount } from './option_values.js';
import { phaseTimer } from './phase_timings.js';
import { progressBar } from './progress.js';
import { DEMO_CASE_FILE, type DriftOptions, type FileArgument } from './drift_command.js';

/** The most points a GeoJSON output may hold (about 190 bytes each: half a gigabyte). */
const MAX_GEOJSON_FEATURES = 2_500_000;

/** Run `sarbridge drift` with its parsed options (loaded by drift_command.ts when a drift runs). */
export async function runDriftCommand(options: DriftOptions, files: readonly FileArgument[]): Promise<void> {
  const timer = phaseTimer(options.timings === true);
  timer.begin('the job (options, Leeway table, case file)');
  // the case file's reader (TypeBox schema, YAML) loads only when there is a case file
  const loadCase = options.demo || options.case ? (await import('../case_file/load_drift_case.js')).loadDriftCase : undefined;
  const job = driftJobFromOptions(options, files, loadCase);
  try {
    checkDriftRequest(job.request);   // before anything sized by the request
  } catch (error) {
    const given = error instanceof InvalidInputError ? FLAG_OF_SETTING[error.field] : undefined;
    throw given && options[given.option] !== undefined ? new InvalidInputError(given.flag, (error as InvalidInputError).problem) : error;
  }
  const outPath = options.out ?? (options.demo ? 'out/demo-drift.geojson' : 'sarbridge-drift.geojson');
  const netcdf = /\.nc$/i.test(outPath);
  const features = job.request.particleCount * (options.geojsonTimes === 'all' ? outputTimes(job.request).length : 1);
  if (!netcdf && features > MAX_GEOJSON_FEATURES) {
    throw new InvalidInputError('--geojson-times', `${job.request.particleCount} particles × ${outputTimes(job.request).length} output times make ` +
      `${features} GeoJSON points (about ${(features * 190 / 1e9).toFixed(1)} GB); write only the last time (--geojson-times last), ` +
      'fewer times (--output-every) or fewer particles');
  }
  await prepareOutput(outPath);   // a path that cannot be written is refused before the drift, not after
  const bar = progressBar('drifting', !options.json);
  const started = performance.now();
  const { result, fileDescriptions, workers, summaries: threadSummaries } = await runDriftJob(job, {
    workers: options.workers === undefined ? undefined : threadCount(options.workers, '--workers'),
    onProgress: bar.update, onPhase: timer.begin, onThreadTimes: timer.thread,
    summarise: true,   // on a threaded run the threads summarise the output times as they finish them
    keepSnapshots: !netcdf && options.geojsonTimes === 'last' ? 'last' : 'all',   // the earlier times are read only for their summaries
  }).finally(() => bar.stop());
  const seconds = (performance.now() - started) / 1000;
  timer.begin(`writing ${netcdf ? 'NetCDF' : 'GeoJSON'}`);
  try {
    await writeDriftOutput(outPath, result, options.geojsonTimes, {
      ...(job.title ? { case_title: job.title } : {}),
      ...(fileDescriptions.length ? { forcing_files: fileDescriptions.join('\n') } : {}),
    });
  } catch (error) {
    if (error instanceof DataFileError || !(error as NodeJS.ErrnoException).code) throw error;
    throw new DataFileError(outPath, `cannot be written (${fsProblem(error)})`);
  }
  timer.begin(threadSummaries ? 'summaries (made by the drift threads)' : 'summaries (centroid, radii per output time)');
  const summaries = threadSummaries ?? result.snapshots.map((snapshot) => summariseCloud(snapshot, result.particles.weight));
  const movedOffLand = seedingMovedOffLand(result.particles);
  timer.begin('printing the report');
  if (options.json) {
    console.log(JSON.stringify({ request: describeRequest(job.request), forcing: result.forcingLabels, movedOffLand, warnings: result.warnings, summaries, output: outPath }, null, 2));
  } else {
    console.log(driftReport(job, summaries, fileDescriptions, result.forcingLabels, { seconds, workers, out: outPath, movedOffLand, warnings: result.warnings }));
  }
  if (options.timings) console.error(timer.report());
}

function driftJobFromOptions(o: DriftOptions, fileArgs: readonly FileArgument[] = [], loadCase?: typeof LoadDriftCase): DriftJob {
  const objects = loadLeewayTable();
  const casePath = o.demo ? projectPath(DEMO_CASE_FILE) : o.case;
  let job: DriftJob | undefined = casePath ? loadCase!(casePath, objects) : undefined;
  if (!job && o.position === undefined) {
    throw new InvalidInputError('--position', 'give a last known position (or --case FILE, or --demo)');
  }
  if (o.position === undefined) {
    // these describe the scenario built from --position; a case file sets its own
    const lkpOnly: [unknown, string][] = [[o.time, '--time'], [o.object, '--object'], [o.radiusNm, '--radius-nm'], [o.spread, '--spread'],
      [o.trackTo, '--track-to'], [o.trackToTime, '--track-to-time'], [o.trackToRadiusNm, '--track-to-radius-nm']];
    const given = lkpOnly.find(([value]) => value !== undefined);
    if (given) throw new InvalidInputError(given[1], 'applies to the scenario built from --position; with --case or --demo, set it in the case file');
  }
  const number = (text: string | undefined, flag: string): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) throw new InvalidInputError(flag, `'${text}' is not a number`);
    return value;
  };
  /** A flag of a drift setting, checked in the flag's own unit so the message says what the user typed. */
  const setting = (flag: keyof typeof SETTING_FLAGS, text: string | undefined): number | undefined => {
    const value = number(text, flag);
    if (value === undefined) return undefined;
    const { name, scale, unit } = SETTING_FLAGS[flag];
    const { min, max } = DRIFT_SETTINGS[name];
    if (value < min / scale || value > max / scale) {
      throw new InvalidInputError(flag, `${text} is not between ${short(min / scale)} and ${short(max / scale)} ${unit}`);
    }
    if (INTEGER_SETTINGS.has(name) && !Number.isInteger(value)) throw new InvalidInputError(flag, `${text} is not a whole number`);
    return value * scale;
  };
  const radiusNm = (text: string, flag: string): number => {
    const value = number(text, flag)!;
    if (value < 0 || value > MAX_RADIUS_NM) throw new InvalidInputError(flag, `${text} is not between 0 and ${MAX_RADIUS_NM} NM`);
    return value;
  };
  if (o.position !== undefined) {
    if (o.time === undefined) throw new InvalidInputError('--time', 'give the time of the last known position (UTC)');
    const position = parsePosition(o.position, '--position');
    const timeS = parseTime(o.time, '--time');
    const radiusM = nmToMetres(radiusNm(o.radiusNm ?? '0.5', '--radius-nm'));
    let seeding: Seeding;
    if (o.trackTo !== undefined) {
      if (o.trackToTime === undefined) throw new InvalidInputError('--track-to-time', 'a track needs the time at its end');
      seeding = {
        kind: 'track', from: position, to: parsePosition(o.trackTo, '--track-to'),
        fromTimeS: timeS, toTimeS: parseTime(o.trackToTime, '--track-to-time'),
        fromRadiusM: radiusM, toRadiusM: o.trackToRadiusNm === undefined ? radiusM : nmToMetres(radiusNm(o.trackToRadiusNm, '--track-to-radius-nm')),
        spread: o.spread ?? 'gaussian',
      };
    } else {
      seeding = { kind: 'point', position, radiusM, spread: o.spread ?? 'gaussian', timeS };
    }
    const objectClass = findObjectClass(objects, o.object ?? 'PIW-1');
    const scenario: Scenario = { name: objectClass.key, weight: 1, objectClass, seeding };
    const direction = o.backward ? 'backward' : 'forward';
    const startS = seeding.kind === 'point' ? timeS
      : direction === 'forward' ? Math.min(seeding.fromTimeS, seeding.toTimeS) : Math.max(seeding.fromTimeS, seeding.toTimeS);
    const request: DriftRequest = {
      scenarios: [scenario], startS, direction,
      durationS: DRIFT_SETTINGS.durationS.default, timeStepS: DRIFT_SETTINGS.timeStepS.default,
      outputEverySteps: DRIFT_SETTINGS.outputEverySteps.default, particleCount: DRIFT_SETTINGS.particleCount.default,
      seed: DRIFT_SETTINGS.seed.default, jibeProbabilityPerHour: DRIFT_SETTINGS.jibeProbabilityPerHour.default,
    };
    job = { request, forcing: job?.forcing ?? { wind: [], current: [] }, coastline: job?.coastline ?? { kind: 'bundled' } };
  }
  const r = job!.request;
  const request: DriftRequest = {
    ...r,
    direction: o.backward ? 'backward' : r.direction,
    durationS: setting('--duration-h', o.durationH) ?? r.durationS,
    timeStepS: setting('--step-min', o.stepMin) ?? r.timeStepS,
    outputEverySteps: setting('--output-every', o.outputEvery) ?? r.outputEverySteps,
    particleCount: setting('--particles', o.particles) ?? r.particleCount,
    seed: setting('--seed', o.seed) ?? r.seed,
    jibeProbabilityPerHour: setting('--jibe-per-hour', o.jibePerHour) ?? r.jibeProbabilityPerHour,
    seedOnLandMaxMoveM: setting('--move-off-land-m', o.moveOffLandM) ?? r.seedOnLandMaxMoveM,
  };
  const files = (flag: FileArgument['flag'], optional = false): ForcingSourceSpec[] => fileArgs.filter((f) => f.flag === flag).map((f) => ({
    kind: 'file', path: f.path, optional,
    ...(f.grid === undefined ? {} : { grid: f.grid }),
    ...(f.variables === undefined ? {} : { variables: f.variables }),
    ...(f.timeOrigin === undefined ? {} : { timeOriginS: parseTime(f.timeOrigin, `--time-origin (after ${f.flag} ${f.path})`) }),
  }));
  const givenFiles = o.wind.length + o.current.length + o.forcing.length > 0 || o.windConstant || o.currentConstant;
  const wind = givenFiles ? [...files('--wind'), ...files('--forcing', true)] : [...job!.forcing.wind];
  const current = givenFiles ? [...files('--current'), ...files('--forcing', true)] : [...job!.forcing.current];
  if (o.windConstant) { const [speed, fromDeg] = speedAt(o.windConstant, '--wind-constant'); wind.push(constantFrom(speed, fromDeg + 180)); }
  if (o.currentConstant) { const [speed, towardDeg] = speedAt(o.currentConstant, '--current-constant'); current.push(constantFrom(speed, towardDeg)); }
  const coastline = o.coastline ? coastlineSpec(o.coastline, request.scenarios) : job!.coastline;
  return { title: job!.title, request, forcing: { wind, current }, coastline };
}

/** The flags of drift settings: the setting, the flag's unit and how many of the setting's units it is. */
const SETTING_FLAGS = {
  '--duration-h': { option: 'durationH', name: 'durationS', scale: 3600, unit: 'h' },
  '--step-min': { option: 'stepMin', name: 'timeStepS', scale: 60, unit: 'min' },
  '--output-every': { option: 'outputEvery', name: 'outputEverySteps', scale: 1, unit: 'steps' },
  '--particles': { option: 'particles', name: 'particleCount', scale: 1, unit: 'particles' },
  '--seed': { option: 'seed', name: 'seed', scale: 1, unit: '(a whole number)' },
  '--jibe-per-hour': { option: 'jibePerHour', name: 'jibeProbabilityPerHour', scale: 1, unit: 'per hour' },
  '--move-off-land-m': { option: 'moveOffLandM', name: 'seedOnLandMaxMoveM', scale: 1, unit: 'm' },
} as const satisfies Record<string, { option: keyof DriftOptions; name: DriftSettingName; scale: number; unit: string }>;
const INTEGER_SETTINGS = new Set<DriftSettingName>(['outputEverySteps', 'particleCount', 'seed']);
const MAX_RADIUS_NM = 500;

/** A limit as a person reads it: 720, 0.01667, 4294967295. */
function short(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * A request's own problem in the flag that set it (`particleCount: 2000000 particles … need 900 MB`
 * is `--particles: …` to a user who typed --particles).
 */
const FLAG_OF_SETTING: Readonly<Record<string, { flag: string; option: keyof DriftOptions }>> =
  Object.fromEntries(Object.entries(SETTING_FLAGS).map(([flag, s]) => [s.name, { flag, option: s.option }]));

/**
 * Write the run to `outPath`: a CF-1.8 trajectory NetCDF4 file for `.nc` (every output time;
 * h5wasm loads only for this output), else GeoJSON of the selected output times, streamed.
 */
async function writeDriftOutput(outPath: string, result: DriftResult, selection: SnapshotSelection, attributes: Record<string, string>): Promise<void> {
  if (/\.nc$/i.test(outPath)) {
    const { writeTrajectoryFile } = await import('../../io/netcdf/trajectory_file.js');
    await writeTrajectoryFile(outPath, result, attributes);
    return;
  }
  const out = createWriteStream(outPath);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  // the generator fills two buffers in turn: the next chunk is made while this one is written
  // (the main thread sat idle through each 1 MB write before), and a chunk's write is waited for
  // before the chunk after the next, which reuses its buffer, is asked for
  let previous: Promise<void> = Promise.resolve();
  for (const chunk of driftGeoJsonChunks(result, selection)) {
    const writing = Promise.race([new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve()))), failed]);
    writing.catch(() => undefined);   // awaited below, in turn
    await previous;
    previous = writing;
  }
  await previous;
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

/**
 * Make sure the output can be written before the run: its folder is made when missing (as before),
 * and a path through a file, a folder given as the file, or a folder without write permission is
 * a one-line InvalidInputError naming --out.
 */
async function prepareOutput(outPath: string): Promise<void> {
  const folder = dirname(resolve(outPath));
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new InvalidInputError('--out', `cannot make the folder ${dirname(outPath)} for ${outPath} (${fsProblem(error)})`);
  }
  const existing = await stat(outPath).catch(() => null);
  if (existing?.isDirectory()) throw new InvalidInputError('--out', `${outPath} is a folder; give a file name in it, e.g. ${join(outPath, 'drift.geojson')}`);
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    throw new InvalidInputError('--out', `cannot write in ${dirname(outPath)} (${fsProblem(error)})`);
  }
}

/** A file-system error as a user reads it. */
function fsProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EEXIST: 'a file is in the way where a folder must be', ENOTDIR: 'a file is in the way where a folder must be',
    EACCES: 'permission denied', EPERM: 'not permitted', EROFS: 'read-only file system', ENOSPC: 'no space left on the device',
    EISDIR: 'it is a folder',
  };
  return code && known[code] ? `${known[code]}, ${code}` : (error as Error).message.split('\n')[0];
}

function speedAt(text: string, flag: string): [number, number] {
  const match = /^\s*(\d+(?:\.\d+)?)\s*@\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!match || Number(match[2]) > 360) throw new InvalidInputError(flag, `'${text}' is not SPEED@DIRECTION (m/s @ degrees 0-360), e.g. '10@270'`);
  return [Number(match[1]), Number(match[2])];
}

function describeRequest(r: DriftRequest): object {
  return {
    start: formatTimeUtcExact(r.startS), direction: r.direction, durationH: r.durationS / 3600, timeStepMin: r.timeStepS / 60,
    particles: r.particleCount, seed: r.seed, jibeProbabilityPerHour: r.jibeProbabilityPerHour,
    seedOnLandMaxMoveM: driftSetting(r, 'seedOnLandMaxMoveM'),
    scenarios: r.scenarios.map((s) => ({ name: s.name, weight: s.weight, object: s.objectClass.key })),
  };
}

/** The printed summary: what was run, on what, and where the cloud is at each output time. */
function driftReport(
  job: DriftJob, summaries: readonly CloudSummary[], fileLines: readonly string[],
  labels: { wind: string; current: string; shoreline: string | null },
  run: { seconds: number; workers: number; out: string; movedOffLand: { count: number; maxMoveM: number }; warnings: readonly string[] },
): string {
  const r = job.request;
  const lines: string[] = [];
  const weightTotal = r.scenarios.reduce((a, s) => a + s.weight, 0);
  if (job.title) lines.push(job.title);
  lines.push(`Leeway drift, ${r.direction}, from ${formatTimeUtcExact(r.startS)} for ${r.durationS / 3600} h; step ${r.timeStepS / 60} min; ${r.particleCount} particles, seed ${r.seed}`);
  for (const s of r.scenarios) {
    const where = s.seeding.kind === 'point'
      ? `${formatPosition(s.seeding.position)} ± ${metresToNm(s.seeding.radiusM).toFixed(2)} NM (${s.seeding.spread})`
      : `track ${formatPosition(s.seeding.from)} → ${formatPosition(s.seeding.to)}, ${formatTimeUtcExact(s.seeding.fromTimeS)} → ${formatTimeUtcExact(s.seeding.toTimeS)}`;
    lines.push(`  scenario '${s.name}' (${(100 * s.weight / weightTotal).toFixed(0)} %): ${s.objectClass.key}, ${s.objectClass.description}; ${where}`);
  }
  lines.push(`  wind:      ${labels.wind}`, `  current:   ${labels.current}`, `  coastline: ${labels.shoreline ?? 'none (no stranding)'}`);
  for (const line of fileLines) lines.push(`    ${line}`);
  if (run.movedOffLand.count > 0) {
    lines.push(`  seeded on land: ${run.movedOffLand.count} particle${run.movedOffLand.count > 1 ? 's' : ''} moved to the nearest water ` +
      `(at most ${(run.movedOffLand.maxMoveM / 1000).toFixed(2)} km; allowed ${(driftSetting(r, 'seedOnLandMaxMoveM')! / 1000).toFixed(1)} km, --move-off-land-m)`);
  }
  if ([...fileLines, labels.wind, labels.current].some((l) => /synthetic/i.test(l))) {
    lines.push('  NOTE: SYNTHETIC forcing (illustrative analytic fields, not observations or a forecast).');
  }
  for (const w of run.warnings) lines.push(`  WARNING: ${w}`);
  // the time column as wide as its longest time (a time with seconds is 2 or 6 characters longer)
  const timeWidth = Math.max(18, ...summaries.map((s) => formatTimeUtcExact(s.timeS).length));
  lines.push('', `  ${'time (UTC)'.padEnd(timeWidth)}  centroid                 50% radius  90% radius  ` + PARTICLE_STATUS_NAMES.map((n) => n.padStart(16)).join(''));
  for (const s of summaries) {
    lines.push(`  ${formatTimeUtcExact(s.timeS).padEnd(timeWidth)}  ${(s.centroid ? formatPosition(s.centroid) : '-').padEnd(23)}  ${metresToNm(s.radius50M).toFixed(2).padStart(7)} NM  ${metresToNm(s.radius90M).toFixed(2).padStart(7)} NM  ` +
      PARTICLE_STATUS_NAMES.map((n) => String(s.counts[n]).padStart(16)).join(''));
  }
  lines.push('', `Wrote ${run.out} (${r.particleCount} particles × ${summaries.length} times). ${run.seconds.toFixed(2)} s on ${run.workers} thread${run.workers > 1 ? 's' : ''}.`);
  // repeated last, where the eye ends, so a warning above the table is not missed
  if (run.warnings.length > 0) {
    lines.push('', `${run.warnings.length} WARNING${run.warnings.length > 1 ? 'S' : ''} (also above): read before using this cloud`);
    for (const w of run.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
