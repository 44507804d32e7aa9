/**
 * Notification ids, `<ruleId>/<unitId>/<subject>/<toRccId>` (subject `srr:<rccId>` for an SRR
 * entry, `place:<placeId>` for a contested feature): built by checkPlan, and read back here to
 * tell whether an id can be raised at all by the config's rules, and which RCC (so which party)
 * it goes to. Ids in a config are letters, digits, `_ . -`, so `/` separates the four parts.
 */
import type { CooperationConfig } from './cooperation_config.js';
import type { PartyId, Rcc } from './party.js';
import { releasabilityFor } from './releasability.js';
import type { ContestedFeatureRule, SrrEntryRule } from './rule.js';
import type { SarUnit } from './sar_unit.js';

/** The id of a notification. */
export function notificationId(ruleId: string, unitId: string, subject: string, toRccId: string): string {
  return `${ruleId}/${unitId}/${subject}/${toRccId}`;
}

/** What a notification id names in a config. */
export interface ResolvedNotification {
  readonly rule: SrrEntryRule | ContestedFeatureRule;
  readonly unit: SarUnit;
  readonly subject: string;
  /** The RCC it goes to; only its party may acknowledge it. */
  readonly toRcc: Rcc;
}

/** The id parsed and checked against the config, or the reason it cannot be one of its notifications. */
export type NotificationIdCheck = { readonly ok: true; readonly notification: ResolvedNotification } | { readonly ok: false; readonly problem: string };

/**
 * A unit of the config by exact id; the problem names a unit whose id differs only in case, or the
 * units. Told to `reader` (a party), it names only the units that party may know of: a unit
 * released nothing to it is left out, as the agreement's view for it leaves it out.
 */
export function findUnitExactly(config: CooperationConfig, unitId: string, reader?: PartyId): { unit: SarUnit } | { problem: string } {
  const unit = config.units.find((u) => u.id === unitId);
  if (unit) return { unit };
  const named = reader === undefined ? config.units : config.units.filter((u) => releasabilityFor(u, reader) !== 'nothing');
  const near = named.find((u) => u.id.toLowerCase() === unitId.toLowerCase());
  return {
    problem: `unit '${unitId}' is not in the agreement` + (near
      ? `; ids match exactly: did you mean '${near.id}'?`
      : ` (its units: ${named.map((u) => u.id).join(', ') || 'none'})`),
  };
}

/**
 * Check that `id` is a notification the config's rules can raise: a notification rule, a unit of
 * the config, a subject that rule speaks of (an RCC of another party than the unit's, or a
 * contested place), and an RCC the rule notifies for that unit (the SRR's own RCC, or the first
 * RCC of another party, as check_plan.ts chooses them). Told to `reader`, a problem with the unit
 * names only the units that party may know of (findUnitExactly).
 */
export function resolveNotificationId(config: CooperationConfig, id: string, reader?: PartyId): NotificationIdCheck {
  const fail = (problem: string): NotificationIdCheck => ({ ok: false, problem });
  const parts = id.split('/');
  if (parts.length !== 4 || parts.some((p) => p === '')) {
    return fail(`'${id}' is not a notification id: write <rule>/<unit>/<subject>/<to RCC>, e.g. 'R3/kr-ship-1/place:liancourt/jp-rcc'`);
  }
  const [ruleId, unitId, subject, toRccId] = parts;
  const notifying = config.rules.filter((r): r is SrrEntryRule | ContestedFeatureRule => r.kind !== 'coordinating-rcc');
  const rule = notifying.find((r) => r.id === ruleId);
  if (!rule) {
    const other = config.rules.find((r) => r.id === ruleId);
    return fail(other
      ? `rule '${ruleId}' (${other.kind}) raises no notifications`
      : `no rule '${ruleId}' in the agreement (rules that raise notifications: ${notifying.map((r) => r.id).join(', ') || 'none'})`);
  }
  const found = findUnitExactly(config, unitId, reader);
  if ('problem' in found) return fail(found.problem);
  const { unit } = found;
  const rccs = config.parties.flatMap((p) => p.rccs);
  const toRcc = rccs.find((r) => r.id === toRccId);
  if (!toRcc) return fail(`no RCC '${toRccId}' in the agreement (its RCCs: ${rccs.map((r) => r.id).join(', ')})`);
  const firstRccsOf = (parties: readonly string[]) => config.parties.filter((p) => parties.includes(p.id) && p.id !== unit.party && p.rccs.length > 0).map((p) => p.rccs[0]);
  let possible: Rcc[];
  if (rule.kind === 'srr-entry-notification') {
    const srrId = /^srr:(.+)$/.exec(subject)?.[1];
    const srr = rccs.find((r) => r.id === srrId);
    if (!srr) return fail(`rule '${ruleId}' speaks of SRRs: the subject must be srr:<RCC> with an RCC of the agreement (${rccs.map((r) => `srr:${r.id}`).join(', ')}), not '${subject}'`);
    if (srr.party === unit.party) return fail(`unit '${unit.id}' belongs to ${unit.party}, whose own SRR '${srr.id}' needs no notification`);
    possible = rule.notify === 'srr-owner' ? [srr] : rule.notify === 'other-parties' ? firstRccsOf(config.parties.map((p) => p.id)) : [];
  } else {
    const placeId = /^place:(.+)$/.exec(subject)?.[1];
    const place = config.places.find((p) => p.id === placeId && p.contested && p.position);
    const contested = config.places.filter((p) => p.contested && p.position).map((p) => `place:${p.id}`);
    if (!place) return fail(`rule '${ruleId}' speaks of contested features: the subject must be one of ${contested.join(', ') || '(none)'}, not '${subject}'`);
    possible = rule.notify === 'other-claimants' ? firstRccsOf(place.claims.map((c) => c.party))
      : rule.notify === 'other-parties' ? firstRccsOf(config.parties.map((p) => p.id)) : [];
  }
  if (!possible.includes(toRcc)) {
    return fail(`rule '${ruleId}' does not notify '${toRcc.id}' of unit '${unit.id}' (${unit.party}) for ${subject}` +
      (possible.length ? `: it notifies ${possible.map((r) => r.id).join(', ')}` : ''));
  }
  return { ok: true, notification: { rule, unit, subject, toRcc } };
}
