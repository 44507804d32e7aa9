/**
 * A plan's files as text, keyed by file name: GeoJSON (areas, routes, waypoints, datum track),
 * GPX 1.1 (a route per unit), KML 2.2 (areas, datum, a folder and colour per unit), one IEC 61174
 * RTZ per ship or boat (an ECDIS route; aircraft get none), the plain-text plan message for a radio,
 * and plan-for-rules.json for the cooperation layer's checks. Pure (no node:* imports, checked by src/app/browser_safe.test.ts): the CLI
 * writes them to a folder (plan_outputs.ts), the browser offers them for download.
 */
import { planMessage, routesToGeoJson, routesToGpx, routesToKml, routeToRtz, type UnitRoute } from '../../core/export/index.js';
import { areaCorners, type SearchPlan } from '../../core/search/index.js';
import type { PlanAfterDrift } from './plan_after_drift.js';

/** What the files are made of: a plan after its drift (a `PlanRun` is one). */
export type PlanFilesInput = Pick<PlanAfterDrift, 'optimal' | 'baseline' | 'datumTrack'> & Partial<Pick<PlanAfterDrift, 'datumAtPlanning'>> & {
  readonly planCase: { readonly title?: string } & Partial<Pick<PlanAfterDrift['planCase'], 'planningTimeS' | 'drift' | 'units'>>;
};

/** The plan as the cooperation layer checks it (plan-for-rules.json). */
export interface PlanForRules {
  readonly datumTrack: readonly { readonly timeS: number; readonly lonDeg: number; readonly latDeg: number }[];
  readonly units: readonly { readonly unitId: string; readonly party: string; readonly waypoints: readonly { readonly lonDeg: number; readonly latDeg: number; readonly timeS: number }[] }[];
  /** Earliest time of the case's scenarios (when the incident can have begun), seconds since epoch. */
  readonly incidentTimeS?: number;
  readonly planningTimeS?: number;
}

/** The earliest time a scenario gives (a point's time, a track's first time), or undefined. */
function incidentTimeOf(planCase: PlanFilesInput['planCase']): number | undefined {
  const times = (planCase.drift?.request.scenarios ?? []).flatMap((s) => s.seeding.kind === 'point'
    ? (s.seeding.timeS === undefined ? [] : [s.seeding.timeS]) : [s.seeding.fromTimeS]);
  return times.length > 0 ? Math.min(...times) : planCase.drift?.request.startS;
}

/** The plan-for-rules document of a run: with the incident and planning times, the rules can tell an overdue notification. */
export function planForRules(run: Pick<PlanFilesInput, 'optimal' | 'datumTrack'> & { readonly planCase?: PlanFilesInput['planCase'] }): PlanForRules {
  const incidentTimeS = run.planCase === undefined ? undefined : incidentTimeOf(run.planCase);
  const planningTimeS = run.planCase?.planningTimeS;
  return {
    ...(incidentTimeS === undefined ? {} : { incidentTimeS }),
    ...(planningTimeS === undefined ? {} : { planningTimeS }),
    datumTrack: run.datumTrack.map((d) => ({ timeS: d.timeS, lonDeg: d.lonDeg, latDeg: d.latDeg })),
    units: run.optimal.assignments.map((a) => ({
      unitId: a.unitId, party: a.party ?? '',
      waypoints: a.route.waypoints.map((w) => ({ lonDeg: w.lonDeg, latDeg: w.latDeg, timeS: w.timeS })),
    })),
  };
}

/** GeoJSON FeatureCollection text: the optimal plan's areas and routes, the baseline's areas, the datum track. */
export function planGeoJson(run: PlanFilesInput): string {
  const routes = JSON.parse(routesToGeoJson(unitRoutes(run.optimal))) as { features: unknown[] };
  const areaFeatures = (plan: SearchPlan, kind: string): unknown[] => plan.assignments.map((a, k) => {
    const ring = areaCorners(a.area).map((p) => [p.lonDeg, p.latDeg]);   // counter-clockwise, as RFC 7946 wants
    ring.push(ring[0]);
    return {
      type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { kind, unit: a.unitId, party: a.party ?? null, pattern: a.pattern, lengthNm: a.area.lengthNm, widthNm: a.area.widthNm,
        orientationDeg: a.area.orientationDeg, trackSpacingNm: a.trackSpacingNm, coverage: a.coverage, pos: plan.unitPos[k] },
    };
  });
  const datum = {
    type: 'Feature', geometry: { type: 'LineString', coordinates: run.datumTrack.map((d) => [d.lonDeg, d.latDeg]) },
    properties: { kind: 'datumTrack', times: run.datumTrack.map((d) => new Date(d.timeS * 1000).toISOString()) },
  };
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [...areaFeatures(run.optimal, 'area'), ...areaFeatures(run.baseline, 'iamsarBaselineArea'), ...routes.features, datum],
  });
}

function unitRoutes(plan: SearchPlan): UnitRoute[] {
  return plan.assignments.map((a) => ({ unitName: a.unitId, route: a.route, area: areaCorners(a.area) }));
}

/** True unless the plan file says the unit is a helicopter or an aircraft (an RTZ route is for a ship's ECDIS). */
function sailsRtz(run: PlanFilesInput, unitId: string): boolean {
  const craft = run.planCase.units?.find((u) => u.unitId === unitId)?.craft;
  return craft !== 'helicopter' && craft !== 'aircraft';
}

/** A unit id as a file name: letters, digits, '-' and '_' kept, the rest '_'. */
export function fileNameOf(unitId: string): string {
  return unitId.replace(/[^A-Za-z0-9_-]+/g, '_');
}

/**
 * Every file of the plan, in writing order: plan.geojson, plan.gpx, plan.kml, `<unit>.rtz` per
 * ship or boat, plan-message.txt (when the planning time and datum are known), plan-for-rules.json.
 */
export function planOutputFiles(run: PlanFilesInput): Readonly<Record<string, string>> {
  const name = run.planCase.title ?? 'sarbridge plan';
  const routes = unitRoutes(run.optimal);
  const files: Record<string, string> = {
    'plan.geojson': planGeoJson(run),
    'plan.gpx': routesToGpx(routes, { documentName: name }),
    'plan.kml': routesToKml(routes, {
      documentName: name,
      ...(run.datumAtPlanning === undefined ? {} : { datum: { position: run.datumAtPlanning, ...(run.planCase.planningTimeS === undefined ? {} : { timeS: run.planCase.planningTimeS }), name: 'Datum at the planning time' } }),
    }),
  };
  for (const r of routes) if (sailsRtz(run, r.unitName)) files[`${fileNameOf(r.unitName)}.rtz`] = routeToRtz(r, { routeName: fileNameOf(r.unitName) });
  if (run.datumAtPlanning !== undefined && run.planCase.planningTimeS !== undefined) {
    files['plan-message.txt'] = planMessage({
      ...(run.planCase.title === undefined ? {} : { title: run.planCase.title }), planningTimeS: run.planCase.planningTimeS,
      datum: run.datumAtPlanning, plan: run.optimal, baselinePos: run.baseline.pos, chosen: run.optimal.chosen,
    });
  }
  files['plan-for-rules.json'] = JSON.stringify(planForRules(run), null, 1);
  return files;
}
