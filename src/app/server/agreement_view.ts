import {
  cooperationMapFeatures, readerFor, releasabilityFor,
  type CooperationConfig, type MapFeatureCollection, type PartyId, type PersonnelExchange, type SarUnit, type YearlyProgramme,
} from '../../core/cooperation/index.js';

/** A unit as a party other than its owner sees it under `position-only`: who owns it, and an opaque label. */
export interface PositionOnlyUnit {
  readonly id: string;
  readonly party: PartyId;
  readonly releasability: 'position-only';
  readonly label: string;
}

/** The cooperation config as one party's users receive it (GET /api/agreement). */
export interface AgreementView extends Omit<CooperationConfig, 'units' | 'programmes'> {
  /** The party the view was made for (the signed-in user's). */
  readonly viewerParty: PartyId;
  /** Own units whole; another party's as its releasability says (whole, id + owner only, or left out). */
  readonly units: readonly (SarUnit | PositionOnlyUnit)[];
  /** How many units of other parties are left out (releasability `nothing`). */
  readonly unitsWithheld: number;
  readonly programmes: readonly YearlyProgramme[];
  /** SRRs, places and incidents as GeoJSON with the viewer's names (core/cooperation cooperationMapFeatures). */
  readonly mapFeatures: MapFeatureCollection;
}

/**
 * What `viewerParty` may see of the cooperation config. Everything in the config is shared by the
 * parties (it is the record they both keep: parties, RCCs and SRRs, places with every party's
 * names and claims, rules, the agreement, meetings, programmes, incidents, sources) except the
 * units: a unit reaches another party only as its releasability allows (core/cooperation
 * releasability.ts), and a unit that party may not see at all is left out of exercise unit lists
 * and named only by its owner where it hosts an exchange.
 */
export function agreementViewFor(config: CooperationConfig, viewerParty: PartyId): AgreementView {
  const hidden = new Map<string, SarUnit>();
  const units: (SarUnit | PositionOnlyUnit)[] = [];
  for (const unit of config.units) {
    switch (releasabilityFor(unit, viewerParty)) {
      case 'everything': units.push(unit); break;
      case 'position-only': units.push({ id: unit.id, party: unit.party, releasability: 'position-only', label: `${unit.party} unit` }); break;
      case 'nothing': hidden.set(unit.id, unit); break;
    }
  }
  const exchange = (x: PersonnelExchange): PersonnelExchange => {
    const host = hidden.get(x.hostedBy);
    return host ? { ...x, hostedBy: `${host.party} unit (not released)` } : x;
  };
  const programmes = config.programmes.map((p) => ({
    ...p,
    exercises: p.exercises.map((e) => ({ ...e, units: e.units.filter((id) => !hidden.has(id)) })),
    exchanges: p.exchanges.map(exchange),
  }));
  return {
    viewerParty, title: config.title, sharedNaming: config.sharedNaming, parties: config.parties, units, unitsWithheld: hidden.size,
    places: config.places, rules: config.rules, sources: config.sources, agreement: config.agreement, meetings: config.meetings,
    programmes, incidents: config.incidents, mapFeatures: cooperationMapFeatures(config, readerFor(viewerParty)),
  };
}
