/**
 * Which RCC coordinates a case at a time, under the agreement's coordinating-RCC rule (IAMSAR
 * Vol. I ch. 3 and Vol. II ch. 1: the RCC of the SRR in which the distressed craft is, or is
 * presumed to be, coordinates; responsibility is handed over when the datum crosses into another
 * SRR). The datum's position at the time is interpolated along its track (held at its first point
 * before the track starts, at its last after it ends).
 */
import { allRccs, type CooperationConfig } from './cooperation_config.js';
import type { Rcc } from './party.js';
import { interpolateTimed, regionAt, type TimedPosition } from './srr.js';

/** The coordinating RCC found, or why none can be named. */
export type CoordinatingRcc =
  | { readonly ok: true; readonly rcc: Rcc; readonly ruleId: string; readonly at: TimedPosition }
  | { readonly ok: false; readonly problem: string };

/** The datum's position at `timeS` along a timed track (non-empty, in time order). */
export function datumAt(track: readonly TimedPosition[], timeS: number): TimedPosition {
  if (timeS <= track[0].timeS) return { ...track[0] };
  for (let k = 1; k < track.length; k++) {
    const a = track[k - 1];
    const b = track[k];
    if (timeS <= b.timeS) return b.timeS === a.timeS ? { ...b } : interpolateTimed(a, b, (timeS - a.timeS) / (b.timeS - a.timeS));
  }
  return { ...track[track.length - 1] };
}

/** The RCC whose SRR holds the datum at `timeS`, under the config's coordinating-RCC rule. */
export function coordinatingRccAt(config: CooperationConfig, datumTrack: readonly TimedPosition[], timeS: number): CoordinatingRcc {
  const rule = config.rules.find((r) => r.kind === 'coordinating-rcc');
  if (!rule) return { ok: false, problem: 'the agreement has no coordinating-RCC rule' };
  if (datumTrack.length === 0) return { ok: false, problem: 'the plan has no datum' };
  const at = datumAt(datumTrack, timeS);
  const rcc = regionAt(allRccs(config), at);
  if (!rcc) return { ok: false, problem: `the datum (${at.latDeg.toFixed(3)}°N ${at.lonDeg.toFixed(3)}°E) lies in no party's SRR` };
  return { ok: true, rcc, ruleId: rule.id, at };
}
