/**
 * Which sweep-width search object (the 25 rows of the USCG tables, sweep_width.ts) stands for each
 * of the 85 Leeway object classes (OBJECTPROP.DAT; Allen 2010, Allen and Plourde 1999). The tables
 * know persons in water, rafts by capacity, power and sail boats by length and ships; every Leeway
 * class is mapped to the nearest of them, with the reason. Where the size is unknown or the class
 * falls between rows we take the smaller object (conservative: a smaller W claims less coverage,
 * so the search is not called off on a POD it did not earn). This mapping is ours, not published:
 * an SMC who knows the object better overrides it (sweepWidth takes any search object).
 */
import { UnknownObjectClassError } from '../errors.js';
import { sweepWidth, type SweepWidthRequest, type SweepWidthResult } from './sweep_width.js';

/** One row of the mapping: Leeway class key, search object of the sweep-width tables, why. */
export type ObjectMappingRow = readonly [leewayKey: string, searchObject: string, reason: string];

/** The mapping table, in OBJECTPROP.DAT order (85 rows). */
export const LEEWAY_TO_SEARCH_OBJECT: readonly ObjectMappingRow[] = [
  ["PIW-1", "Person in Water", "person in the water"],
  ["PIW-2", "Person in Water", "person in the water"],
  ["PIW-3", "Person in Water", "person in the water"],
  ["PIW-4", "Person in Water", "person in the water (survival suit helps little at search ranges)"],
  ["PIW-5", "Person in Water", "person in the water"],
  ["PIW-6", "Person in Water", "person in the water"],
  ["LIFE-RAFT-DB-10", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-DB-11", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-12", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-13", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-14", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-15", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-16", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-17", "Raft 4 person", "4-14 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-18", "Raft 15 person", "15-50 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-19", "Raft 15 person", "15-50 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-20", "Raft 15 person", "15-50 person raft: lower end of the capacity range (conservative)"],
  ["LIFE-RAFT-DB-21", "Raft 1 person", "capsized raft: no canopy or colour above water, so the smallest raft"],
  ["LIFE-RAFT-DB-22", "Raft 1 person", "swamped raft: low in the water, so the smallest raft"],
  ["LIFE-RAFT-SB-6", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-SB-7", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-SB-8", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-SB-9", "Raft 1 person", "capsized raft: no canopy or colour above water, so the smallest raft"],
  ["LIFE-RAFT-SB-10", "Raft 1 person", "one-man raft"],
  ["LIFE-RAFT-SB-11", "Raft 1 person", "one-man raft"],
  ["LIFE-RAFT-NB-1", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-NB-2", "Raft 4 person", "raft without canopy, unknown capacity: the smallest multi-person raft"],
  ["LIFE-RAFT-NB-3", "Raft 4 person", "raft without canopy, unknown capacity: the smallest multi-person raft"],
  ["LIFE-RAFT-NB-4", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["LIFE-RAFT-NB-5", "Raft 4 person", "life raft of unknown capacity: the smallest multi-person raft (conservative)"],
  ["USCG-RESCUE", "Raft 6 person", "three ballasted rafts on a line: one raft of about 6 persons (the group is easier to see)"],
  ["AVIATION-1", "Raft 4 person", "4-6 person raft: lower end of the capacity range"],
  ["AVIATION-2", "Raft 25 person", "46-person slide raft: the largest raft in the tables"],
  ["LIFE-CAPSULE", "Raft 20 person", "22-man hard-shell capsule: the nearest smaller raft size"],
  ["OVATEK-CRAFT-1", "Raft 4 person", "4- and 7-man hard-shell raft: lower end"],
  ["OVATEK-CRAFT-2", "Raft 4 person", "4-man hard-shell raft"],
  ["OVATEK-CRAFT-3", "Raft 6 person", "7-man hard-shell raft: the nearest smaller raft size"],
  ["OVATEK-CRAFT-4", "Raft 4 person", "4- and 7-man hard-shell raft: lower end"],
  ["OVATEK-CRAFT-5", "Raft 4 person", "4-man hard-shell raft"],
  ["OVATEK-CRAFT-6", "Raft 6 person", "7-man hard-shell raft: the nearest smaller raft size"],
  ["PERSON-POWERED-VESSEL-1", "Power Boat ≤ 15ft", "sea kayak (about 5 m, low): the smallest boat"],
  ["PERSON-POWERED-VESSEL-2", "Person in Water", "person on a surf board: little more than a person at the surface"],
  ["PERSON-POWERED-VESSEL-3", "Raft 1 person", "windsurfer with the sail flat on the water: a small coloured area, like a one-person raft"],
  ["SKIFF-1", "Power Boat ≤ 15ft", "runabout skiff: the smallest power boat"],
  ["SKIFF-2", "Power Boat ≤ 15ft", "V-hull skiff: the smallest power boat"],
  ["SKIFF-3", "Power Boat ≤ 15ft", "swamped or capsized skiff: the smallest power boat (its hull is all that shows)"],
  ["SKIFF-4", "Power Boat ≤ 15ft", "aluminium V-hull skiff: the smallest power boat"],
  ["SPORT-BOAT", "Power Boat 20ft", "sport boat with cuddy cabin (CG-D-08-99): about 20 ft"],
  ["SPORT-FISHER", "Power Boat 20ft", "centre-console sport fisher: about 20 ft"],
  ["FISHING-VESSEL-1", "Power Boat 33ft", "fishing vessel, size unknown: the smallest decked boat class (conservative)"],
  ["FISHING-VESSEL-2", "Power Boat 33ft", "Hawaiian sampan: about 30-40 ft"],
  ["FISHING-VESSEL-3", "Power Boat 53ft", "Japanese side-stern trawler: about 50 ft assumed (length not in the Leeway table)"],
  ["FISHING-VESSEL-4", "Power Boat 53ft", "Japanese longliner: about 50 ft assumed (length not in the Leeway table)"],
  ["FISHING-VESSEL-5", "Power Boat 33ft", "Korean coastal fishing vessel: 30-40 ft assumed (length not in the Leeway table; conservative)"],
  ["FISHING-VESSEL-6", "Power Boat 33ft", "gill-netter with rear reel: about 30-40 ft"],
  ["COASTAL-FREIGHTER", "Ship 120ft", "coastal freighter: the smallest ship class (conservative)"],
  ["SAILBOAT-1", "Sail Boat 30ft", "mono-hull sailboat, size unknown: 30 ft, the first large-object sailboat"],
  ["SAILBOAT-2", "Power Boat 33ft", "dismasted sailboat: hull only, like a power boat of about the same length"],
  ["SAILBOAT-3", "Power Boat 33ft", "dismasted sailboat: hull only, like a power boat of about the same length"],
  ["SAILBOAT-4", "Power Boat 33ft", "dismasted sailboat: hull only, like a power boat of about the same length"],
  ["SAILBOAT-5", "Sail Boat 30ft", "bare-masted mono-hull: mast still up, about 30 ft"],
  ["SAILBOAT-6", "Sail Boat 30ft", "bare-masted mono-hull: mast still up, about 30 ft"],
  ["SAILBOAT-6b", "Sail Boat 30ft", "bare-masted mono-hull: mast still up, about 30 ft"],
  ["SAILBOAT-7", "Sail Boat 30ft", "fin-keel mono-hull: about 30 ft"],
  ["SAILBOAT-8", "Sail Boat 15ft", "Sunfish dinghy (about 14 ft)"],
  ["FV-DEBRIS", "Person in Water", "small debris: the smallest object in the tables (W overstated)"],
  ["SLDMB", "Person in Water", "datum marker buoy: the smallest object in the tables (W overstated)"],
  ["SEPIRB", "Person in Water", "submarine EPIRB buoy: the smallest object in the tables (W overstated; its radio signal is not a visual search)"],
  ["BAIT-BOX-1", "Person in Water", "1 m3 bait box, low in the water: the smallest object in the tables (conservative)"],
  ["BAIT-BOX-2", "Person in Water", "1 m3 bait box, low in the water: the smallest object in the tables (conservative)"],
  ["BAIT-BOX-3", "Person in Water", "1 m3 bait box, low in the water: the smallest object in the tables (conservative)"],
  ["OIL-DRUM", "Person in Water", "220 l drum: about the size of a head and shoulders"],
  ["CONTAINER-1", "Power Boat ≤ 15ft", "1:3 model of a 40 ft container, 70 % submerged: about 4 m showing, like the smallest boat"],
  ["CONTAINER-2", "Power Boat 20ft", "20 ft container, 80 % submerged: about 6 m long, low, like a 20 ft boat"],
  ["MINE", "Person in Water", "moored-mine body: the smallest object in the tables"],
  ["REFUGEE-RAFT-1", "Power Boat ≤ 15ft", "makeshift raft, no sail: low and not coloured like a life raft, so the smallest boat"],
  ["REFUGEE-RAFT-2", "Sail Boat 15ft", "makeshift raft with a sail: the smallest sailboat"],
  ["SEWAGE", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-1", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-2", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-3", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-4", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-5", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-6", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
  ["MED-WASTE-7", "Person in Water", "not a visual-search object: the smallest object in the tables (W grossly overstated)"],
];

const byKey = new Map(LEEWAY_TO_SEARCH_OBJECT.map((row) => [row[0].toUpperCase(), row]));

/**
 * The sweep-width search object and the reason for a Leeway object class key (case-insensitive).
 * Throws UnknownObjectClassError for a key not in the table.
 * @example searchObjectForLeewayClass('LIFE-RAFT-DB-11') // { searchObject: 'Raft 4 person', reason: '4-14 person raft: ...' }
 */
export function searchObjectForLeewayClass(leewayKey: string): { searchObject: string; reason: string } {
  const row = byKey.get(leewayKey.trim().toUpperCase());
  if (!row) {
    const q = leewayKey.trim().toUpperCase().split('-')[0];
    throw new UnknownObjectClassError(leewayKey, LEEWAY_TO_SEARCH_OBJECT.map((r) => r[0]).filter((k) => k.startsWith(q)).slice(0, 5));
  }
  return { searchObject: row[1], reason: row[2] };
}

/**
 * Sweep width for a Leeway object class: its mapped search object through sweepWidth, with the
 * mapping's reason kept beside the result.
 * @example sweepWidthForLeewayClass('PIW-1', { visibilityNm: 10, platform: { kind: 'vessel', eyeHeightFt: 14 }, weather: { band: 1 } })
 */
export function sweepWidthForLeewayClass(leewayKey: string, request: Omit<SweepWidthRequest, 'searchObject'>):
  SweepWidthResult & { readonly searchObject: string; readonly mappingReason: string } {
  const { searchObject, reason } = searchObjectForLeewayClass(leewayKey);
  return { ...sweepWidth({ ...request, searchObject }), searchObject, mappingReason: reason };
}
