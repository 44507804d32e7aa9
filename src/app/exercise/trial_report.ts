/** The doctrine-trial table as text (what `sarbridge exercise simulate` prints) and as JSON. */
import { formatTimeUtc } from '../../core/time/index.js';
import type { MethodSummary, TrialResult } from './simulate.js';

const METHOD_NAMES = { optimal: 'optimal allocation', iamsar: 'IAMSAR baseline' } as const;

/** Hours with one decimal, '∞' for not detected in the time searched. */
function hours(s: number | null): string {
  if (s === null) return '–';
  return s === Infinity ? '∞' : `${(s / 3600).toFixed(1)} h`;
}

/** The trial as a table, one line per method. */
export function trialReport(r: TrialResult): string {
  const lines = [
    `Doctrine trial: ${r.title}`,
    `  ${r.fileName}: ${r.runs} runs, seed ${r.seed}, ${r.particles} particles per players' drift, ${r.threads} thread(s)`,
    r.playersOnce
      ? "  players' drift and plans made once per method: their inputs (forecast, units, planning times, injects) are the same in every run; each run draws its own truth and detections"
      : r.callsPerRun
        ? "  each run drifts the players' forecast with its own seed and plans again: the players hear a distress call made from that run's truth with the stated error, and drift from it"
        : "  each run drifts the players' forecast with its own seed and plans again (separate exercises)",
    `  players' forcing: ${r.forcingLabels.players.wind}; ${r.forcingLabels.players.current}`,
    `  truth forcing:    ${r.forcingLabels.truth.wind}; ${r.forcingLabels.truth.current}`,
    `  time to detection from the first planning time ${formatTimeUtc(r.startS)}; a run without detection counts as +∞ (∞: not detected in the time searched)`,
    '',
    `  ${'method'.padEnd(20)} ${'detected'.padStart(9)} ${'rate'.padStart(6)}  ${'95 % (Wilson)'.padEnd(13)}  ${'median TTD'.padStart(10)}  ${'95 % (order statistics)'.padEnd(24)} ${'plan POS'.padStart(8)} ${'truth POD'.padStart(9)} ${'swept NM²'.padStart(9)} ${'unit h'.padStart(6)}`,
    ...r.methods.map(row),
    '',
    `  truth inside the first plan's containment at ${formatTimeUtc(r.startS)} (the forecast's calibration; a truth drawn from the forecast itself falls inside about 50 % and 90 % of the time):`,
    `    50 %: ${pct(r.methods[0].inside50)}; 90 %: ${pct(r.methods[0].inside90)}`,
  ];
  return lines.join('\n');
}

function pct(p: MethodSummary['inside50']): string {
  return `${p.successes}/${p.trials} runs (${(100 * p.rate).toFixed(0)} %, 95 % ${(100 * p.low).toFixed(0)}–${(100 * p.high).toFixed(0)} %)`;
}

function row(m: MethodSummary): string {
  const d = m.detection, t = m.timeToDetectionS;
  const ci = t.low === null ? 'too few runs' : `${hours(t.low)} – ${hours(t.high)} (x(${t.ranks![0]}), x(${t.ranks![1]}))`;
  return `  ${METHOD_NAMES[m.method].padEnd(20)} ${`${d.successes}/${d.trials}`.padStart(9)} ${d.rate.toFixed(3).padStart(6)}  ${`${d.low.toFixed(3)} – ${d.high.toFixed(3)}`.padEnd(13)}  ` +
    `${hours(t.median).padStart(10)}  ${ci.padEnd(24)} ${m.meanPlannedPos.toFixed(3).padStart(8)} ${m.meanTruthPod.toFixed(3).padStart(9)} ${m.meanSweptNm2.toFixed(0).padStart(9)} ${m.meanUnitHours.toFixed(1).padStart(6)}`;
}

/** The trial as JSON: the summary and every run (+∞ written as null, as JSON has no infinity). */
export function trialJson(r: TrialResult): string {
  return JSON.stringify(r, (_k, v: unknown) => (v === Infinity ? null : v), 2);
}
