/**
 * Rosters: the liaison officers and observers attached to an exercise, worded for a reader.
 */
import { allRccs, type CooperationConfig } from './cooperation_config.js';
import { formatApproximateDate } from './approximate_date.js';
import { partyName } from './place_names.js';
import type { PersonnelExchange } from './programme.js';

/** The exchanges attached to an exercise (every programme is searched). */
export function exerciseRoster(config: CooperationConfig, exerciseId: string): PersonnelExchange[] {
  return config.programmes.flatMap((p) => p.exchanges.filter((x) => x.exercise === exerciseId));
}

/** One roster line: `Lieutenant Commander (liaison officer) from South Korea, kr-navy, at Japanese RCC, 2027-05-01 to 2027-05-10`. */
export function describeExchange(config: CooperationConfig, x: PersonnelExchange): string {
  const host = config.units.find((u) => u.id === x.hostedBy)?.name ?? allRccs(config).find((r) => r.id === x.hostedBy)?.name ?? x.hostedBy;
  const service = config.parties.find((p) => p.id === x.fromParty)?.services.find((s) => s.id === x.fromService)?.name ?? x.fromService;
  return `${x.rankOrRole}${x.name ? ` ${x.name}` : ''} (${x.kind.replace('-', ' ')}) from ${partyName(config, x.fromParty)}, ${service}, at ${host}, ${formatApproximateDate(x.from)} to ${formatApproximateDate(x.to)} (${x.state})`;
}
