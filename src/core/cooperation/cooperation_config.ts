/**
 * Everything sarbridge knows about a cooperation: parties and their means, places and names,
 * rules, the agreement, meetings, programmes and incidents, with the sources of every fact.
 * Loaded and checked by `io/cooperation` from a YAML or JSON config file.
 */
import type { Agreement } from './agreement.js';
import type { Incident } from './incident.js';
import type { Meeting } from './meeting.js';
import type { Party, PartyId, Rcc } from './party.js';
import type { Place } from './place.js';
import type { YearlyProgramme } from './programme.js';
import type { SharedNaming } from './reader.js';
import type { CooperationRule } from './rule.js';
import type { SarUnit } from './sar_unit.js';
import type { Source } from './source.js';

/** A whole cooperation config. */
export interface CooperationConfig {
  readonly title: string;
  /** How shared products name places. */
  readonly sharedNaming: SharedNaming;
  readonly parties: readonly Party[];
  readonly units: readonly SarUnit[];
  readonly places: readonly Place[];
  readonly rules: readonly CooperationRule[];
  readonly sources: readonly Source[];
  readonly agreement: Agreement;
  readonly meetings: readonly Meeting[];
  readonly programmes: readonly YearlyProgramme[];
  readonly incidents: readonly Incident[];
}

/** Every RCC of every party, in config order. */
export function allRccs(config: CooperationConfig): Rcc[] {
  return config.parties.flatMap((p) => p.rccs);
}

/** The party with this id (undefined when unknown). */
export function findParty(config: CooperationConfig, id: PartyId): Party | undefined {
  return config.parties.find((p) => p.id === id);
}
