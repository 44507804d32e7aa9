/**
 * A search plan as a short plain-text message for a radio or a poor link (telex, satellite
 * short message): ASCII only, no line longer than 69 characters (a teleprinter's line), positions
 * in degrees and decimal minutes to 0.1', times as date-time groups in UTC.
 */
import type { LonLatDeg } from '../geo/lon_lat.js';
import { formatPosition } from '../geo/position_text.js';
import { areaCorners } from '../search/allocation/frame_rectangle.js';
import type { SearchPlan } from '../search/allocation/search_plan.js';
import type { PatternCode } from '../search/pattern.js';
import { trackOrder } from '../search/patterns/parallel_tracks.js';
import { formatDtg, formatTimeUtc } from '../time/time_text.js';

/** The longest line a plan message has. */
export const PLAN_MESSAGE_LINE_MAX = 69;

/** IAMSAR pattern names (IAMSAR Manual Vol. II, chapter 5). */
const PATTERN_WORDS: Readonly<Record<PatternCode, string>> = {
  PS: 'PARALLEL SWEEP', CS: 'CREEPING LINE', SS: 'EXPANDING SQUARE', VS: 'SECTOR',
  TSN: 'TRACK LINE NON-RETURN', TSR: 'TRACK LINE RETURN',
};

/** What a plan message says. */
export interface PlanMessageInput {
  /** The case, in a line. */
  readonly title?: string;
  readonly planningTimeS: number;
  /** Datum at the planning time. */
  readonly datum: LonLatDeg;
  /** The plan to send: each unit's assignment, its POS, the total POS. */
  readonly plan: Pick<SearchPlan, 'assignments' | 'unitPos' | 'pos'> & {
    /** Units kept in reserve, with the POS their search would have added (hold_units.ts). */
    readonly held?: readonly { readonly unitId: string; readonly party?: string; readonly marginalPos: number; readonly inTheWay?: boolean; readonly lossPos?: number;
      readonly noArea?: { readonly clearanceNm: number | null } }[];
    /** A re-plan (optimalAllocation's previousAreas): kept true when the areas of the plan issued last are kept. */
    readonly previous?: { readonly kept: boolean };
  };
  /** POS of the IAMSAR baseline plan, for comparison. */
  readonly baselinePos: number;
  /** Which layout the plan is: the optimiser's, or the IAMSAR baseline's when that scored higher. */
  readonly chosen: 'optimiser' | 'iamsar-baseline';
}

/**
 * The message: a header (case, planning time as DTG and ISO 8601, datum), then per unit its id
 * and party, pattern, area corners, CSP and first-leg course, track spacing and speed (and the
 * order of its tracks when they are flown interleaved), start and end times and POS, then the totals. Text the user gave (title, unit ids) keeps its letters
 * where they have an ASCII base (e with an accent becomes e); any other character becomes '?'.
 */
export function planMessage(input: PlanMessageInput): string {
  const pos = (p: LonLatDeg): string => formatPosition(p, 1, 'ascii');
  const lines: string[] = [];
  lines.push(`SAR SEARCH PLAN${input.title ? ` ${ascii(input.title)}` : ''}`);
  const planning = roundToMinute(input.planningTimeS);
  lines.push(`PLANNING TIME ${formatDtg(planning)} (${formatTimeUtc(planning)})`);
  lines.push(`DATUM ${pos(input.datum)}`);
  // a unit on a poor link learns at once that its area stands (a re-plan that kept the last one)
  if (input.plan.previous?.kept) lines.push('AREAS UNCHANGED FROM LAST PLAN');
  input.plan.assignments.forEach((a, k) => {
    const r = a.route;
    const c = areaCorners(a.area).map(pos);
    const firstLeg = r.legs.length > 0 ? `${String(Math.round(r.legs[0].bearingDeg) % 360).padStart(3, '0')}T` : 'NONE';
    lines.push(
      `UNIT ${k + 1} ${ascii(a.unitId)}${a.party ? ` (${ascii(a.party)})` : ''}`,
      ` PATTERN ${a.pattern} ${PATTERN_WORDS[a.pattern]}`,
      ` AREA ${c[0]}, ${c[1]},`,
      `      ${c[2]}, ${c[3]}`,
      ` CSP ${pos(r.csp)} FIRST LEG ${firstLeg}`,
      ` TRACK SPACING ${a.trackSpacingNm.toFixed(2)} NM SPEED ${Number(r.speedKn.toFixed(1))} KN`,
      ...interleavedLine(r.parameters),
      ` START ${formatDtg(roundToMinute(r.startTimeS))} END ${formatDtg(roundToMinute(r.endTimeS))}`,
      ` POS ${percent(input.plan.unitPos[k])}`,
    );
  });
  // units held in reserve: numbered on after the units sent, in the same block form (a party's view of the message drops blocks by it)
  (input.plan.held ?? []).forEach((h, j) => {
    lines.push(`UNIT ${input.plan.assignments.length + j + 1} ${ascii(h.unitId)}${h.party ? ` (${ascii(h.party)})` : ''}`,
      ...(h.noArea
        ? [h.noArea.clearanceNm === null ? ' HOLD NO AREA FITS, ENDURANCE TOO SHORT' : ` HOLD NO AREA FITS OUTSIDE ITS ${h.noArea.clearanceNm.toFixed(1)} NM CLEARANCE FROM LAND`]
        : h.inTheWay
        ? [' HOLD IN RESERVE, OTHER UNITS SEARCH ITS WATER', ` PLAN FINDS ${percent(Math.max(0, -(h.lossPos ?? 0)))} MORE WITHOUT IT`]
        : [' HOLD NO USEFUL AREA, IN RESERVE', ` ITS SEARCH WOULD ADD ${percent(h.marginalPos)}`]));
  });
  lines.push(`TOTAL POS ${percent(input.plan.pos)} ${input.chosen === 'optimiser' ? 'OPTIMISED LAYOUT' : 'IAMSAR BASELINE LAYOUT'} IAMSAR BASELINE POS ${percent(input.baselinePos)}`);
  return lines.flatMap((l) => wrap(l, PLAN_MESSAGE_LINE_MAX)).join('\n') + '\n';
}

function percent(p: number): string {
  return `${(100 * p).toFixed(1)} PCT`;
}

function roundToMinute(timeS: number): number {
  return Math.round(timeS / 60) * 60;
}

/** Text as printable ASCII: accents dropped from letters that have a base, anything else '?'. */
/** Punctuation with a plain ASCII stand-in (dashes, quotes, ellipsis), kept rather than lost as '?'. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2026': '...', '\u00a0': ' ',
};

function ascii(text: string): string {
  const letters = [...text.replace(/\s+/g, ' ').trim()].map((ch) => {
    if (PUNCTUATION[ch] !== undefined) return PUNCTUATION[ch];
    const base = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return /^[\x20-\x7e]+$/.test(base) ? base : '?';
  });
  return letters.join('');
}

/** A line cut at spaces to `width`, continuation lines indented by two more spaces than the first. */
function wrap(line: string, width: number): string[] {
  const indent = ' '.repeat(line.length - line.trimStart().length + 2);
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > indent.length ? cut : width;   // a word longer than a line is cut inside
    out.push(rest.slice(0, at).trimEnd());
    rest = indent + rest.slice(at).trimStart();
  }
  out.push(rest);
  return out;
}

/** The order of an interleaved ladder's tracks, numbered from the CSP's side (turns.ts): none for tracks flown in order. */
function interleavedLine(parameters: Readonly<Record<string, unknown>>): string[] {
  if (parameters.legOrder !== 'interleaved' || typeof parameters.trackCount !== 'number') return [];
  const order = trackOrder(parameters.trackCount, 'interleaved').map((k) => k + 1);
  const split = order.findIndex((k, j) => j > 0 && k < order[j - 1]);
  return [` TRACKS INTERLEAVED ${order.slice(0, split).join(' ')} THEN ${order.slice(split).join(' ')} (TURNS WIDER THAN SPACING)`];
}
