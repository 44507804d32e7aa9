import type { TimedPosition, TrackReading } from './timed_track.js';

/** The recorded segments of a track, each in time order (a segment of one point is left out). */
export function trackSegments(reading: TrackReading): TimedPosition[][] {
  const starts = [...reading.segmentStarts, reading.points.length];
  const out: TimedPosition[][] = [];
  for (let k = 0; k + 1 < starts.length; k++) {
    const seg = reading.points.slice(starts[k], starts[k + 1]);
    if (seg.length >= 2) out.push(seg);
  }
  return out;
}

/**
 * At most `maxPoints` of a segment's positions, evenly in time: the first and the last are kept,
 * and between them a point is kept when it is at least span / (maxPoints − 2) after the last one
 * kept. For a log of one fix a second where a stored search allows fewer points (a unit at 15 kn
 * moves 77 m in 10 s, small beside any sweep width).
 */
export function thinByTime(points: readonly TimedPosition[], maxPoints: number): TimedPosition[] {
  if (points.length <= maxPoints) return [...points];
  if (maxPoints < 2) throw new RangeError(`maxPoints ${maxPoints}: a track keeps at least its two ends`);
  const first = points[0], last = points[points.length - 1];
  const spacingS = (last.timeS - first.timeS) / Math.max(1, maxPoints - 2);
  const out = [first];
  for (let k = 1; k < points.length - 1; k++) {
    if (points[k].timeS - out[out.length - 1].timeS >= spacingS && out.length < maxPoints - 1) out.push(points[k]);
  }
  out.push(last);
  return out;
}
