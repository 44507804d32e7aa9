/**
 * Every time in an event payload, read with the core's parser (core/time parseTime: ISO 8601 with
 * a zone, or a date-time group in UTC) and stored as UTC (`2026-03-11T07:00Z`), so the log
 * holds no impossible time (`2026-02-30T99:99Z`) and no time in a zone a reader must convert.
 */
import { parseTime } from '../../core/time/index.js';
import type { CaseEventPayload, CaseEventType } from './events.js';

/**
 * A time as the log stores it: UTC, ISO 8601 to the minute (`2026-03-11T07:00Z`), with seconds
 * and milliseconds only when there are any (`2026-03-11T07:00:30Z`, `…:30.250Z`).
 */
export function utcTimeText(timeS: number): string {
  return new Date(Math.round(timeS * 1000)).toISOString().replace('.000Z', 'Z').replace(/:00Z$/, 'Z');
}

/** `text` (at `field`) as stored; throws InvalidInputError naming the field when it is no time. */
function utc(text: string, field: string): string {
  return utcTimeText(parseTime(text, field));
}

const opt = (text: string | undefined, field: string): { time?: string } => (text === undefined ? {} : { time: utc(text, field) });

/**
 * The payload (already schema-checked) with its times in UTC. Errors name the field as
 * `payload/<path>`, e.g. `payload/track/3/time: '2026-02-30T10:00Z' is not a valid date and time`.
 */
export function withUtcTimes<T extends CaseEventType>(type: T, payload: CaseEventPayload<T>, at = 'payload'): CaseEventPayload<T> {
  switch (type) {
    case 'report': case 'sighting': case 'unitPosition': {
      const p = payload as { time?: string };
      return { ...payload, ...opt(p.time, `${at}/time`) };
    }
    case 'searchDone': {
      const p = payload as CaseEventPayload<'searchDone'>;
      if (!p.track) return payload;
      return { ...p, track: p.track.map((point, k) => ({ ...point, time: utc(point.time, `${at}/track/${k}/time`) })) } as CaseEventPayload<T>;
    }
    case 'driftRun': {
      const { summary } = payload as CaseEventPayload<'driftRun'>;
      return { ...payload, summary: { ...summary, start: utc(summary.start, `${at}/summary/start`),
        times: summary.times.map((t, k) => ({ ...t, time: utc(t.time, `${at}/summary/times/${k}/time`) })) } } as CaseEventPayload<T>;
    }
    case 'planningInputs': {
      const { inputs: f } = payload as CaseEventPayload<'planningInputs'>;
      const inInputs = (path: string) => `${at}/inputs/${path}`;
      const inputs = {
        ...f,
        ...(f.start !== undefined ? { start: utc(f.start, inInputs('start')) } : {}),
        scenarios: f.scenarios.map((s, k) => ({
          ...s,
          ...(s.time !== undefined ? { time: utc(s.time, inInputs(`scenarios/${k}/time`)) } : {}),
          ...(s.track ? { track: { ...s.track, fromTime: utc(s.track.fromTime, inInputs(`scenarios/${k}/track/fromTime`)), toTime: utc(s.track.toTime, inInputs(`scenarios/${k}/track/toTime`)) } } : {}),
        })),
        planningTime: utc(f.planningTime, inInputs('planningTime')),
        units: f.units.map((u, k) => ({ ...u, arrival: utc(u.arrival, inInputs(`units/${k}/arrival`)) })),
        ...(f.searchesDone ? { searchesDone: f.searchesDone.map((d, k) => ({ ...d, ...(d.track ? { track: d.track.map((w, j) => ({ ...w, time: utc(w.time, inInputs(`searchesDone/${k}/track/${j}/time`)) })) } : {}) })) } : {}),
      };
      return { ...payload, inputs } as CaseEventPayload<T>;
    }
    default:
      return payload;
  }
}
