/** The printed plan: what was drifted, what the searches done changed, each unit's search, and the POS against the IAMSAR baseline. */
import { distanceM, formatPosition, metresToNm } from '../../core/geo/index.js';
import { formatTimeUtc } from '../../core/time/index.js';
import { HOLD_POS, NEGLIGIBLE_POS, closestSpacingOf, minimumSpacingOf, rateOneTurnRadiusNm, type HeldUnit } from '../../core/search/index.js';
import { CLEARANCE_SEARCH_NM, type UnitClearance } from './plan_after_drift.js';
import type { PlanRun } from './run_plan.js';

/** Text of the plan for the terminal. */
export function planReport(run: PlanRun, written: readonly string[]): string {
  const c = run.planCase, r = c.drift.request, o = run.optimal, b = run.baseline;
  const lines: string[] = [];
  if (c.title) lines.push(c.title);
  lines.push(`Search plan from ${c.fileName}: drift ${r.particleCount} particles from ${formatTimeUtc(r.startS)} for ${(r.durationS / 3600).toFixed(1)} h (${run.seconds.drift.toFixed(1)} s), plan ${run.seconds.plan.toFixed(1)} s`);
  const labels = run.drift.result.forcingLabels;
  const fileLines = run.drift.fileDescriptions;
  lines.push(`  wind: ${labels.wind}; current: ${labels.current}; coastline: ${labels.shoreline ?? 'none'}`);
  if ([...fileLines, labels.wind, labels.current].some((l) => /synthetic/i.test(l))) {
    lines.push('  NOTE: SYNTHETIC forcing (illustrative analytic fields, not observations or a forecast).');
  }
  lines.push(`  planning time ${formatTimeUtc(c.planningTimeS)}: datum ${formatPosition(run.datumAtPlanning)}; detection law ${c.law}`);
  if (run.update) {
    const moved = metresToNm(distanceM(run.update.datumBefore.lonDeg, run.update.datumBefore.latDeg, run.update.datumAfter.lonDeg, run.update.datumAfter.latDeg));
    lines.push(`  searches done: ${c.searchesDone.length} track${c.searchesDone.length > 1 ? 's' : ''} (${c.searchesDone.map((s) => s.unitId).join(', ')}), POS ${pct(run.update.pos)} without finding the object;`,
      `    Bayesian update (weights x (1 - POD), renormalised): datum ${formatPosition(run.update.datumBefore)} -> ${formatPosition(run.update.datumAfter)} (moved ${moved.toFixed(2)} NM)`);
  }
  const whoOf = (a: { unitId: string; party?: string }): string => `${a.unitId}${a.party ? ` (${a.party})` : ''}`;
  const width = Math.max(12, ...o.assignments.map((a) => whoOf(a).length), ...o.held.map((h) => whoOf(h).length));
  lines.push('', `  ${'unit (party)'.padEnd(width)}  pattern  CSP                      start (UTC)        legs  S (NM)   C     ${'area (L x W NM, axis, centre)'.padEnd(51)}  POS`);
  o.assignments.forEach((a, k) => {
    const unit = c.units.find((u) => u.unitId === a.unitId)!;
    const who = whoOf(a);
    const area = `${a.area.lengthNm.toFixed(1)} x ${a.area.widthNm.toFixed(1)}, ${a.area.orientationDeg.toFixed(0).padStart(3, '0')}°, ${formatPosition(a.area.centre, 1)}`;
    lines.push(`  ${who.padEnd(width)}  ${a.pattern.padEnd(7)}  ${formatPosition(a.route.csp).padEnd(23)}  ${formatTimeUtc(a.route.startTimeS).padEnd(17)}  ${String(a.route.legs.length).padStart(4)}  ${a.trackSpacingNm.toFixed(2).padStart(6)}  ${a.coverage.toFixed(2).padStart(4)}  ${area.padEnd(51)}  ${pct(o.unitPos[k]).padStart(6)}`);
    const effort = `${unit.speedKn} kn, ${unit.enduranceH} h on scene${a.route.cutByEndurance ? ', cut by endurance' : ''}`;
    if (unit.sweepWidthByObject.length > 1) {
      // each particle is detected with its own object's W; S and C above are for the planning object's
      lines.push(`      W per object: ${unit.sweepWidthByObject.map((w) => `${w.object} ${w.sweepWidthNm.toFixed(2)} NM (${w.source})`).join('; ')}`,
        `      S and C for W ${unit.sweepWidthNm.toFixed(2)} NM (${unit.sweepWidthSource}); ${effort}`);
    } else {
      lines.push(`      W ${unit.sweepWidthNm.toFixed(2)} NM (${unit.sweepWidthSource}), ${effort}`);
    }
    lines.push(`      ${flyable(a.route, unit)}; ${landLine(run.clearances.optimal[k])}`);
  });
  for (const h of o.held) {
    lines.push(h.noArea ? `  ${whoOf(h).padEnd(width)}  HOLD: ${noAreaWhy(h.noArea.clearanceNm)}; the other units are planned without it`
      : h.inTheWay
      ? `  ${whoOf(h).padEnd(width)}  HOLD: kept in reserve, in the other units' way (its search would add ${pct(h.marginalPos)} of POS where they are; without it they search its water and the plan finds ${pct(Math.max(0, -h.lossPos))} more)`
      : `  ${whoOf(h).padEnd(width)}  HOLD: no useful area, kept in reserve (its search would add ${pct(h.marginalPos)} of POS; with the units held before it the plan loses ${pct(h.lossPos)}, under ${pct(h.thresholdPos)}: ${heldWhy(h)})`);
  }
  for (const u of o.negligible) {
    lines.push(u.reachPos < NEGLIGIBLE_POS
      ? `  NOTE: ${u.unitId} finds ${pct(u.pos)} only: at its highest coverage (its sweep width over its closest spacing) it could find at most ${pct(u.reachPos)} of what the other units leave; its own limits, not its area, leave it so little`
      : `  NOTE: ${u.unitId} finds ${pct(u.pos)} only, though up to ${pct(u.reachPos)} is left by the other units: placed again from scratch it found no better area`);
  }
  for (const warning of run.landWarnings) lines.push(`  CAUTION: ${warning}`);
  const gain = o.optimiserPos - b.pos;
  lines.push('',
    `  Total POS: ${pct(o.pos)}, ${o.chosen === 'optimiser' ? 'the optimiser\'s layout' : 'the IAMSAR baseline\'s layout (the optimiser found nothing better)'}` +
      (o.held.length ? `, ${o.held.map((h) => h.unitId).join(', ')} held in reserve` : ''),
    ...(o.placedOn === undefined ? [] : [`  Areas chosen on a sample of ${o.placedOn.particles.toLocaleString('en')} of the ${o.placedOn.of.toLocaleString('en')} particles counted; ` +
      'every POS here is on all of them (the holds\' figures on the sample)']),
    ...(o.previous === undefined ? [] : [`  Re-plan: ${o.previous.note}`]),
    `  IAMSAR baseline (${b.conditions} search conditions: effort Z ${b.effortNm2.toFixed(1)} NM², E ${b.probableErrorNm.toFixed(2)} NM = 50 % radius, relative effort ${b.relativeEffort.toFixed(2)}, ` +
      `optimal search factor ${b.safetyFactor.toFixed(2)}, square ${b.sideNm.toFixed(1)} NM at C ${b.coverage.toFixed(2)}, strips by effort): ${pct(b.pos)}` +
      (b.clearOfLand ? '' : ' (not issuable: a strip cannot be cut back clear of land, see the CAUTION above)'),
    `  Optimiser's own layout: ${pct(o.optimiserPos)}${o.held.length ? ' with every unit searching' : ''}, ${gain >= 0 ? '+' : ''}${(100 * gain).toFixed(1)} points of POS against the baseline (x${(o.optimiserPos / b.pos).toFixed(2)})`);
  if (written.length) lines.push('', `  Wrote ${written.join(', ')}`);
  return lines.join('\n');
}

/** Why a unit is held: the threshold it is under (hold_units.ts). */
/** Why no area fits a unit held for it (HeldUnit.noArea). */
export function noAreaWhy(clearanceNm: number | null): string {
  return clearanceNm === null ? 'no area fits it (its endurance is too short for a single track)'
    : `no area fits it: every area tried near the probability brings it within its clearance of land (${clearanceNm.toFixed(2)} NM), or its endurance is too short for a single track; a smaller clearance (clearanceNm) or another task (a track line, a sector) may let it search`;
}

export function heldWhy(h: HeldUnit): string {
  return h.thresholdPos > HOLD_POS
    ? `twice the ${pct(h.standardErrorPos)} standard error of that estimate on these particles`
    : 'the one point of POS a plan\'s POS is stated to';
}

/** Turns and spacing: the radius, the closest spacing it allows, the track flown and the part in turns. */
function flyable(route: PlanRun['optimal']['assignments'][number]['route'], unit: PlanRun['planCase']['units'][number]): string {
  const r = route.turnRadiusNm ?? 0;
  if (r === 0) return 'turns taken as instantaneous';
  const source = unit.turnRadiusNm !== undefined && Math.abs(unit.turnRadiusNm - rateOneTurnRadiusNm(unit.speedKn)) < 1e-9 ? 'rate one' : 'the unit\'s';
  const tight = route.tightTurns ? `, ${route.tightTurns} turn(s) tighter than that` : '';
  const closest = closestSpacingOf(unit, route.pattern), oneByOne = minimumSpacingOf(unit, route.pattern);
  const spacing = closest < oneByOne
    ? `S >= ${oneByOne.toFixed(2)} NM with the tracks in order, ${closest.toFixed(2)} NM interleaved`
      + (route.parameters.legOrder === 'interleaved' ? ` (flown interleaved: every other track, then the ones between)` : '')
    : `S >= ${oneByOne.toFixed(2)} NM`;
  return `turn radius ${r.toFixed(2)} NM (${source}), ${spacing}; flown ${(route.flownTrackNm ?? route.totalTrackNm).toFixed(1)} NM, ${(route.turnTrackNm ?? 0).toFixed(1)} NM of it in turns${tight}`;
}

/** The unit's closest approach to land against its clearance. */
function landLine(c: UnitClearance | undefined): string {
  if (!c) return 'not checked for land (no coastline)';
  const d = c.closest === null ? `more than ${CLEARANCE_SEARCH_NM} NM` : `${c.closest.distanceNm.toFixed(2)} NM`;
  return `closest to land ${d} (clearance ${c.clearanceNm.toFixed(2)} NM)`;
}

function pct(p: number): string {
  return `${(100 * p).toFixed(1)} %`;
}
