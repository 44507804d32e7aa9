/**
 * Check a plan against the cooperation's rules: the coordinating RCC and hand-overs along the
 * datum's track; notifications for units sent into another party's SRR or within a radius of a
 * contested feature. Each finding names the rule that raised it. A notification due before the
 * incident began or before the planning time (when the plan gives them) is marked overdue.
 */
import { nmToMetres } from '../geo/units.js';
import { allRccs, type CooperationConfig } from './cooperation_config.js';
import { findingNm, overdueOf, type Finding, type RequiredNotification } from './finding.js';
import type { PartyId, Rcc } from './party.js';
import type { Place } from './place.js';
import { notificationId } from './notification_id.js';
import type { CooperationPlan, PlanUnit } from './plan_input.js';
import type { ContestedFeatureRule, NotifyTarget, SrrEntryRule } from './rule.js';
import { regionAt, regionCrossings, type TimedPosition } from './srr.js';
import { closestApproach, firstWithin } from './track_distance.js';

function notification(rule: SrrEntryRule | ContestedFeatureRule, unitId: string, subject: string, rcc: Rcc, eventS: number, plan: CooperationPlan): RequiredNotification {
  const notifyByS = eventS - rule.leadTimeH * 3600;
  const overdue = overdueOf(notifyByS, plan);
  return {
    id: notificationId(rule.id, unitId, subject, rcc.id), ruleId: rule.id, unitId, toRccId: rcc.id, toParty: rcc.party,
    eventS, notifyByS, leadTimeH: rule.leadTimeH, ...(overdue ? { overdue } : {}),
  };
}

/** The RCCs a notification goes to. */
function targets(config: CooperationConfig, target: NotifyTarget, unitParty: PartyId, srrOwner?: Rcc, place?: Place): Rcc[] {
  const firstRccOf = (parties: readonly PartyId[]) => config.parties.filter((p) => parties.includes(p.id) && p.id !== unitParty && p.rccs.length > 0).map((p) => p.rccs[0]);
  switch (target) {
    case 'srr-owner':
      return srrOwner ? [srrOwner] : [];
    case 'other-claimants':
      return firstRccOf((place?.claims ?? []).map((c) => c.party));
    case 'other-parties':
      return firstRccOf(config.parties.map((p) => p.id));
  }
}

function route(unit: PlanUnit): TimedPosition[] {
  return unit.waypoints.map(({ lonDeg, latDeg, timeS }) => ({ lonDeg, latDeg, timeS }));
}

/** Findings for the datum's track under one coordinating-RCC rule. */
function coordinationFindings(ruleId: string, rccs: readonly Rcc[], plan: CooperationPlan): Finding[] {
  if (plan.datumTrack.length === 0) return [];
  const track = plan.datumTrack.map(({ lonDeg, latDeg, timeS }) => ({ lonDeg, latDeg, timeS }));
  const first = regionAt(rccs, track[0]);
  const findings: Finding[] = [first ? { kind: 'coordinating-rcc', ruleId, rccId: first.id, at: track[0] } : { kind: 'datum-outside-srr', ruleId, at: track[0] }];
  for (const c of regionCrossings(rccs, track)) findings.push({ kind: 'hand-over', ruleId, fromRccId: c.from?.id, toRccId: c.to?.id, at: c.at });
  return findings;
}

/** The first entry of a unit into each RCC of another party. */
function srrEntryFindings(config: CooperationConfig, rule: SrrEntryRule, rccs: readonly Rcc[], unit: PlanUnit, plan: CooperationPlan): Finding[] {
  const path = route(unit);
  if (path.length === 0) return [];
  const entries = new Map<Rcc, TimedPosition>();
  const start = regionAt(rccs, path[0]);
  if (start) entries.set(start, path[0]);
  for (const c of regionCrossings(rccs, path)) if (c.to && !entries.has(c.to)) entries.set(c.to, c.at);
  const findings: Finding[] = [];
  for (const [rcc, at] of entries) {
    if (rcc.party === unit.party) continue;
    const notifications = targets(config, rule.notify, unit.party, rcc).map((to) => notification(rule, unit.unitId, `srr:${rcc.id}`, to, at.timeS, plan));
    findings.push({ kind: 'srr-entry', ruleId: rule.id, unitId: unit.unitId, unitParty: unit.party, rccId: rcc.id, at, notifications });
  }
  return findings;
}

/** Units passing within the rule's radius of a contested feature. */
function contestedFindings(config: CooperationConfig, rule: ContestedFeatureRule, unit: PlanUnit, plan: CooperationPlan): Finding[] {
  const path = route(unit);
  const radiusM = nmToMetres(rule.radiusNm);
  const findings: Finding[] = [];
  for (const place of config.places) {
    if (!place.contested || !place.position) continue;
    const closest = closestApproach(path, place.position);
    if (!closest || closest.distanceM > radiusM) continue;
    const entry = firstWithin(path, place.position, radiusM) ?? closest.at;
    const notifications = targets(config, rule.notify, unit.party, undefined, place).map((to) => notification(rule, unit.unitId, `place:${place.id}`, to, entry.timeS, plan));
    findings.push({
      kind: 'near-contested-feature', ruleId: rule.id, unitId: unit.unitId, unitParty: unit.party, placeId: place.id,
      radiusNm: rule.radiusNm, closestNm: findingNm(closest.distanceM), closestAt: closest.at, firstWithinAt: entry, notifications,
    });
  }
  return findings;
}

/**
 * Every finding of the config's rules on a plan, in rule order (then unit order). Units unknown
 * to the config, or given under another party than the config's, are `plan-problem` findings.
 */
export function checkPlan(config: CooperationConfig, plan: CooperationPlan): Finding[] {
  const rccs = allRccs(config);
  const findings: Finding[] = [];
  plan.units.forEach((u, k) => {
    const known = config.units.find((c) => c.id === u.unitId);
    if (!known) findings.push({ kind: 'plan-problem', ruleId: 'plan', field: `units/${k}/unitId`, problem: `unit '${u.unitId}' is not in the config` });
    else if (known.party !== u.party) findings.push({ kind: 'plan-problem', ruleId: 'plan', field: `units/${k}/party`, problem: `unit '${u.unitId}' belongs to '${known.party}' in the config, not '${u.party}'` });
  });
  for (const rule of config.rules) {
    switch (rule.kind) {
      case 'coordinating-rcc':
        findings.push(...coordinationFindings(rule.id, rccs, plan));
        break;
      case 'srr-entry-notification':
        for (const unit of plan.units) findings.push(...srrEntryFindings(config, rule, rccs, unit, plan));
        break;
      case 'contested-feature-notification':
        for (const unit of plan.units) findings.push(...contestedFindings(config, rule, unit, plan));
        break;
    }
  }
  return findings;
}
