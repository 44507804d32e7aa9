/**
 * The messages between the page and the planner Worker. Large arrays travel as transferred
 * ArrayBuffers (moved, not copied); everything else is plain data.
 */
import type { CooperationConfig } from '../../core/cooperation/index.js';
import type { Finding } from '../../core/cooperation/index.js';
import type { PlaceOffTheCoastline } from '../../app/plan/place_outlines.js';
import type { TruthSpec, TruthTrackPoint } from '../../core/exercise/index.js';

/**
 * The most memory a drift in the page may hold: the Worker's run (driftMemoryBytes: its columns and
 * every output time's positions, kept for the plan) and the map's web-mercator copy (9 bytes a
 * particle and output time). 200,000 particles over a day of hourly outputs take about 150 MB;
 * the command line's 2,000,000 would take 1.5 GB, more than a browser tab on a ship's laptop can
 * be trusted to get. The command line and the server keep core's MAX_DRIFT_MEMORY_BYTES.
 */
export const PAGE_MAX_DRIFT_BYTES = 400_000_000;

/** Bytes the map's copy of a drift holds a particle and output time (Float32 x, y and the status). */
export const MAP_BYTES_PER_POSITION = 2 * 4 + 1;

/** A request to the Worker; `id` matches the answers to it. */
export type PlannerRequest =
  | {
    readonly kind: 'drift'; readonly id: number;
    /** The case's planning inputs: a plan file as JSON (app/plan/plan_file.ts schema). */
    readonly inputs: unknown;
    readonly title: string;
    /** Replaces the inputs' particle count (the page's setting). */
    readonly particles?: number;
    /** Files opened on this device, by the name the inputs give them (`local:NAME`). */
    readonly localFiles: Readonly<Record<string, ArrayBuffer>>;
  }
  | { readonly kind: 'poc'; readonly id: number; readonly timeIndex: number }
  | {
    readonly kind: 'plan'; readonly id: number; readonly agreement: CooperationConfig | null;
    /** A re-plan: the areas of the plan issued last in the case, by unit (core optimalAllocation's previousAreas). */
    readonly previous?: readonly PlanAreaView[];
  }
  | { readonly kind: 'isLand'; readonly id: number; readonly lonDeg: number; readonly latDeg: number }
  | { readonly kind: 'describeForcing'; readonly id: number; readonly name: string; readonly bytes: ArrayBuffer }
  | { readonly kind: 'objects'; readonly id: number }
  | { readonly kind: 'shoreline'; readonly id: number }
  /**
   * Exercise control's truth track (docs/exercises.md): core simulateTruthTrack on the truth's
   * forcing references, as the server simulates it (the same truth gives the same track).
   */
  | { readonly kind: 'truthTrack'; readonly id: number; readonly truth: TruthSpec; readonly refs: { readonly wind: string; readonly current: string }; readonly durationS: number };

/** A finished drift as the map draws it. */
export interface DriftView {
  readonly count: number;
  /** Output times, seconds since epoch. */
  readonly timesS: readonly number[];
  /** Web-mercator x, y in 0..1 per particle per output time: [(t * count + i) * 2 + 0|1]. */
  readonly merc: Float32Array;
  /** Particle status per output time: [t * count + i] (core/drift ParticleStatus codes). */
  readonly status: Uint8Array;
  /** Per output time: datum (weighted centroid), 50 % and 90 % radii, counts by status. */
  readonly summaries: readonly {
    readonly timeS: number;
    readonly centroid: { readonly lonDeg: number; readonly latDeg: number } | null;
    readonly radius50M: number; readonly radius90M: number;
    readonly counts: Readonly<Record<string, number>>;
  }[];
  readonly forcing: { readonly wind: string; readonly current: string; readonly shoreline: string | null };
  readonly fileDescriptions: readonly string[];
  readonly seconds: number;
  readonly durationH: number;
  readonly bounds: { readonly westDeg: number; readonly southDeg: number; readonly eastDeg: number; readonly northDeg: number };
  /** Seconds per phase in the Worker: reading inputs and bytes, opening NetCDF, coastline, drift, packing for the map. */
  readonly phasesS: { readonly read: number; readonly open: number; readonly coastline: number; readonly drift: number; readonly pack: number };
}

/** The POC grid at one output time, ready for an image source, with its containment contours. */
export interface PocView {
  readonly timeIndex: number;
  readonly width: number;
  readonly height: number;
  /** RGBA, row 0 at the top (north). */
  readonly rgba: Uint8ClampedArray;
  /** Image corners for MapLibre: top-left, top-right, bottom-right, bottom-left, [lon, lat]. */
  readonly corners: readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];
  /** 50 % and 90 % containment as GeoJSON MultiPolygons (properties.containment). */
  readonly contours: { readonly type: 'FeatureCollection'; readonly features: readonly unknown[] };
  readonly cellSizeNm: number;
  readonly maxPoc: number;
}

/** A unit's search area (its centre, sides in NM, orientation in degrees true). */
export interface PlanAreaView {
  readonly unitId: string;
  /** The pattern it was issued with (a parallel sweep issued as a creeping line is the same rectangle turned). */
  readonly pattern?: string;
  readonly area: { readonly centre: { readonly lonDeg: number; readonly latDeg: number }; readonly lengthNm: number; readonly widthNm: number; readonly orientationDeg: number };
}

/** One unit's part of a plan. */
export interface PlanUnitView {
  readonly unitId: string;
  readonly party: string;
  /** The unit's craft (ship, boat, helicopter, aircraft; '' when the plan case does not say): ships and boats get an RTZ route. */
  readonly craft: string;
  readonly pattern: string;
  readonly trackSpacingNm: number;
  readonly sweepWidthNm: number;
  readonly areaNm2: number;
  /** The area itself (what a re-plan keeps when nothing is better beyond the noise). */
  readonly area: PlanAreaView['area'];
  readonly pos: number;
  readonly startS: number;
  readonly endS: number;
  /** The route's waypoints (lon, lat, time), for "search done as planned". */
  readonly waypoints: readonly { readonly lonDeg: number; readonly latDeg: number; readonly timeS: number }[];
  readonly speedKn: number;
  /** Turn radius, NM (0: turns taken as instantaneous); the track flown and the part of it in turns, NM. */
  readonly turnRadiusNm: number;
  readonly flownTrackNm: number;
  readonly turnTrackNm: number;
  /** Closest approach of the track as flown to land, NM (null: none within the search radius, or no coastline), and the unit's clearance. */
  readonly closestToLandNm: number | null;
  readonly clearanceNm: number | null;
}

/** A finished plan. */
export interface PlanView {
  readonly planningTimeS: number;
  readonly units: readonly PlanUnitView[];
  /** Units held in reserve ("hold: no useful area"): the POS their search would have added (core/search/allocation/hold_units.ts). */
  /** Units held in reserve: of no use (what their search would add), or in the others' way (what the plan gains without them, lossPos <= 0). */
  /** Units held in reserve; `noAreaClearanceNm` not null: held because no area fits it outside that clearance from land (0: none given, its endurance too short). */
  readonly held: readonly { readonly unitId: string; readonly party: string; readonly marginalPos: number; readonly inTheWay: boolean; readonly lossPos: number;
    readonly noAreaClearanceNm: number | null }[];
  readonly pos: number;
  readonly baselinePos: number;
  /** The layout returned: the optimiser's, or the IAMSAR baseline's when that scored higher. */
  readonly chosen: 'optimiser' | 'iamsar-baseline';
  /** What the searches already done found, when there were any (their POS). */
  readonly searchesDonePos: number | null;
  /** A re-plan from the plan issued last: whether its areas were kept, their POS now (null: not usable), and why. */
  readonly previous: { readonly kept: boolean; readonly pos: number | null; readonly note: string } | null;
  /** A cloud larger than the placing sample (core placing_sample.ts): the areas chosen on `particles` of the `of` counted; every POS on all of them. */
  readonly placedOn: { readonly particles: number; readonly of: number } | null;
  readonly datumAtPlanning: { readonly lonDeg: number; readonly latDeg: number };
  /** plan.geojson, plan.gpx, plan.kml, <unit>.rtz, plan-for-rules.json, plan-message.txt. */
  readonly files: Readonly<Record<string, string>>;
  /** The plan as the agreement's rules check it (the planIssued event carries it). */
  readonly planForRules: {
    readonly datumTrack: readonly { timeS: number; lonDeg: number; latDeg: number }[];
    readonly units: readonly { unitId: string; party: string; waypoints: readonly { lonDeg: number; latDeg: number; timeS: number }[] }[];
  };
  readonly findings: readonly Finding[];
  readonly landWarnings: readonly string[];
  /** The agreement's islands and islets the coastline puts no land at (app/plan/place_outlines.ts), and that coastline's label. */
  readonly placesOffTheCoastline: readonly PlaceOffTheCoastline[];
  readonly coastlineLabel: string | null;
  readonly seconds: number;
}

/** An answer from the Worker. */
export type PlannerAnswer =
  | { readonly kind: 'progress'; readonly id: number; readonly fraction: number }
  | { readonly kind: 'drift'; readonly id: number; readonly drift: DriftView }
  | { readonly kind: 'poc'; readonly id: number; readonly poc: PocView }
  | { readonly kind: 'plan'; readonly id: number; readonly plan: PlanView }
  | { readonly kind: 'isLand'; readonly id: number; readonly onLand: boolean | null; readonly source: string }
  | { readonly kind: 'describeForcing'; readonly id: number; readonly description: readonly string[]; readonly quantities: readonly ('wind' | 'current')[] }
  | { readonly kind: 'shoreline'; readonly id: number; readonly shoreline: unknown }
  | { readonly kind: 'objects'; readonly id: number; readonly objects: readonly { key: string; id: number; name: string }[] }
  | { readonly kind: 'truthTrack'; readonly id: number; readonly points: readonly TruthTrackPoint[] }
  | {
    readonly kind: 'error'; readonly id: number; readonly code: string; readonly message: string;
    /** The figures of a refusal the page words in the reader's language (SARB_PAGE_MEMORY). */
    readonly values?: Readonly<Record<string, number>>;
  };
