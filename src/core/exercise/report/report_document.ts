/**
 * The after-action report laid out for one reader: a KR copy (South Korea's place names and
 * time zone), a JP copy, or the shared copy (the config's shared naming, neutral in the example,
 * and every party's zone). HTML (after_action_html.ts) and PDF (io/pdf/after_action_pdf.ts) render
 * this same document, so the two say the same thing. Times are shown in UTC and the reader's zone.
 */
import {
  findParty, formatApproximateDate, formatTimeInZone, nameForReader, ownScriptReader, partyName, placeName, releasabilityFor,
  type CooperationConfig, type Reader,
} from '../../cooperation/index.js';
import { formatPosition } from '../../geo/index.js';
import type { ReportMapData } from './map_drawing.js';
import type { AfterActionReport, ReportSearch } from './model.js';

/** A block of the document. */
export type AfterActionBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'map'; readonly title: string; readonly map: ReportMapData; readonly legend: readonly string[] };

/** The report for one reader. */
export interface AfterActionDocument {
  readonly title: string;
  readonly subtitle: string;
  /** BCP 47 language of the reader's products (the texts are English; the names are the reader's). */
  readonly language: string;
  readonly sections: readonly { readonly heading: string; readonly blocks: readonly AfterActionBlock[] }[];
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** Lay out the after-action report for `reader` (see the file header). */
export function afterActionDocument(report: AfterActionReport, config: CooperationConfig, forReader: Reader): AfterActionDocument {
  // a party's copy names places in the party's own script (독도, 竹島); the shared one, neutrally
  const reader = ownScriptReader(forReader);
  const named = (text: string, field: string): string => nameForReader(text, config, reader, field);
  const zones = reader.kind === 'party'
    ? [findParty(config, reader.party)?.timeZone ?? 'UTC']
    : [...new Set(report.parties.map((p) => findParty(config, p)?.timeZone ?? 'UTC'))];
  const local = zones.filter((z) => z !== 'UTC');
  const when = (timeS: number): string => [formatTimeInZone(timeS, 'UTC'), ...local.map((z) => formatTimeInZone(timeS, z))].join(' / ');
  const duration = (s: number): string => `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')} min`;
  const unitName = (unitId: string, party: string | null): string => {
    const unit = config.units.find((u) => u.id === unitId);
    const owner = party ?? unit?.party ?? null;
    const visible = unit && (reader.kind === 'party' ? releasabilityFor(unit, reader.party) === 'everything' : unit.releasability === 'everything');
    return `${visible ? unit.name : unitId}${owner ? ` (${partyName(config, owner)})` : ''}`;
  };
  const holderName = (id: string): string => {
    const rcc = config.parties.flatMap((p) => p.rccs).find((r) => r.id === id);
    return rcc ? `${rcc.name} (${partyName(config, rcc.party)})` : unitName(id, null);
  };
  const places = config.places.filter((p) => p.position).map((p) => ({ name: placeName(p, reader, config.sharedNaming, config.parties.map((q) => q.id)), position: p.position! }));
  const entry = report.programmeEntry;
  const areaPlace = config.places.find((p) => p.id === entry.area);
  const area = areaPlace ? placeName(areaPlace, reader, config.sharedNaming, config.parties.map((q) => q.id)) : named(entry.area, 'programmeEntry/area');
  const score = report.score;
  const searchLabel = (s: ReportSearch): string => `${unitName(s.unitId, s.party)}, ${s.source === 'uploaded' ? 'uploaded track' : 'simulated along its plan'}`;
  const detectionMark = report.detection
    ? { position: report.detection.position, label: `detected by ${unitName(report.detection.unitId, null)} ${formatTimeInZone(report.detection.timeS, 'UTC')}` }
    : null;

  const maps: AfterActionBlock[] = report.plans.map((plan, k) => {
    const untilS = report.plans[k + 1]?.planningTimeS ?? Infinity;
    const searches = report.searches.filter((s) => s.points.length > 0 && s.points[0].timeS >= plan.planningTimeS && s.points[0].timeS < untilS);
    const planScore = score.plans.find((p) => p.planId === plan.planId);
    const truthNow = planScore?.truthPosition ?? null;
    const detected = report.detection && report.detection.timeS >= plan.planningTimeS && report.detection.timeS < untilS;
    return {
      kind: 'map',
      title: `Plan ${plan.planId}: probability map at ${when(plan.planningTimeS)}, the truth's track, the searches on this plan`,
      map: {
        cells: plan.cells, contours: plan.contours,
        searchAreas: (plan.searchAreas ?? []).map((a) => ({ label: unitName(a.unitId, null), corners: a.corners })),
        truthTrack: report.truth.track,
        truthMark: truthNow ? { position: truthNow, label: `truth ${formatTimeInZone(plan.planningTimeS, 'UTC')}` } : null,
        searches: searches.map((s) => ({ label: searchLabel(s), points: s.points })),
        detection: detected ? detectionMark : null,
        places,
      },
      legend: [
        'orange cells: the plan\'s probability of containment (darker = more probable); purple line: 50 % containment, pink dashed: 90 %',
        'red line: the truth\'s track (open circle: release; filled: at the planning time); grey dashed: the planned search areas',
        ...searches.map((s, j) => `search ${j + 1}: ${searchLabel(s)}, ${when(s.points[0].timeS)} to ${when(s.points[s.points.length - 1].timeS)}`),
        ...(detected ? ['black cross: the detection'] : []),
      ],
    };
  });
  maps.push({
    kind: 'map',
    title: 'Every search flown and the detection, over the truth\'s track',
    map: {
      cells: [], contours: [], searchAreas: [], truthTrack: report.truth.track, truthMark: null,
      searches: report.searches.map((s) => ({ label: searchLabel(s), points: s.points })), detection: detectionMark, places,
    },
    legend: ['red line: the truth\'s track', ...report.searches.map((s, j) => `search ${j + 1}: ${searchLabel(s)}`), ...(detectionMark ? ['black cross: the detection'] : [])],
  });

  const d = score.detection;
  return {
    title: `After-action report: ${named(entry.name, 'programmeEntry/name')}`,
    subtitle: `${reader.kind === 'party' ? `copy for ${partyName(config, reader.party)}` : 'shared copy'}; times in UTC${local.length ? ` and ${local.join(', ')}` : ''}`,
    language: reader.kind === 'party' ? findParty(config, reader.party)?.language ?? 'en' : 'en',
    sections: [
      {
        heading: 'The exercise',
        blocks: [
          { kind: 'table', header: ['', ''], rows: [
            ['Exercise', `${named(entry.name, 'programmeEntry/name')} (${report.exerciseId}; programme entry ${entry.id})`],
            ['Host', partyName(config, entry.host)],
            ['Parties', report.parties.map((p) => partyName(config, p)).join(', ')],
            ['Area', area],
            ['Programme date', formatApproximateDate(entry.date)],
            ['Played', `${when(report.startS)} to ${when(report.endS)}`],
            ['Units', entry.units.map((u) => unitName(u, null)).join(', ') || '(none listed)'],
            ['The truth', `${report.truth.objectClass}, released ${when(report.truth.releaseTimeS)} at ${formatPosition(report.truth.releasePosition)}`],
          ] },
        ],
      },
      { heading: 'Maps', blocks: maps },
      {
        heading: 'Timeline',
        blocks: [{ kind: 'table', header: ['Time', 'Party', 'What'], rows: [...report.timeline].sort((a, b) => a.timeS - b.timeS)
          .map((e, k) => [when(e.timeS), e.party ? partyName(config, e.party) : 'exercise control', named(e.text, `timeline/${k}/text`)]) }],
      },
      {
        heading: 'Scores',
        blocks: [
          { kind: 'paragraph', text: d.detected
            ? `Detected by ${unitName(d.unitId!, null)} at ${when(d.timeS!)}, ${duration(d.timeToDetectionS!)} after ${when(d.fromS)}${d.position ? `, at ${formatPosition(d.position)}` : ''}.`
            : `Not detected (searching from ${when(d.fromS)}).` },
          { kind: 'table', header: ['Plan', 'Planning time', 'Planned POS', 'Truth in 50 %', 'Truth in 90 %', 'Truth cell rank', 'Datum error'], rows: score.plans.map((p) => [
            p.planId, when(p.planningTimeS), p.plannedPos === null ? '-' : pct(p.plannedPos), p.inside50 ? 'yes' : 'no', p.inside90 ? 'yes' : 'no',
            p.truthCellRank === null ? 'off the map' : `${p.truthCellRank} of ${p.cellsWithProbability} (cell POC ${pct(p.truthCellPoc)}, ${p.cellSizeNm.toFixed(2)} NM cells)`,
            p.datumErrorNm === null ? '-' : `${p.datumErrorNm.toFixed(1)} NM`,
          ]) },
          { kind: 'table', header: ['Unit', 'Track', 'Swept', 'Hours'], rows: [
            ...score.effort.units.map((u) => [unitName(u.unitId, u.party), `${u.trackNm.toFixed(1)} NM`, `${u.sweptNm2.toFixed(1)} NM²`, u.hours.toFixed(1)]),
            ['all units', `${score.effort.totalTrackNm.toFixed(1)} NM`, `${score.effort.totalSweptNm2.toFixed(1)} NM²`, score.effort.totalUnitHours.toFixed(1)],
          ] },
          { kind: 'paragraph', text: `Rules: ${score.rules.keptInTime} of ${score.rules.required} required notifications acknowledged in time (${pct(score.rules.fractionKept)}).` },
          ...(score.rules.late.length || score.rules.missing.length ? [{ kind: 'list' as const, items: [
            ...score.rules.late.map((l) => `${l.notificationId}: acknowledged ${duration(l.lateByS)} late`),
            ...score.rules.missing.map((m) => `${m}: never acknowledged`),
          ] }] : []),
          score.exchanges.parties.length === 0
            ? { kind: 'paragraph' as const, text: 'No message between the centres.' }
            : { kind: 'table' as const, header: ['Messages from → to', 'Messages', 'Acknowledged', 'Mean delay', 'Median delay', 'Longest delay'], rows: score.exchanges.parties.map((p) => [
            `${partyName(config, p.party)} → ${partyName(config, p.toParty)}`, String(p.messages), `${p.acknowledged} (${pct(p.acknowledgedShare)})`,
            ...[p.meanAckDelayS, p.medianAckDelayS, p.maxAckDelayS].map((s) => (s === null ? '-' : `${(s / 60).toFixed(1)} min`)),
          ]) },
        ],
      },
      {
        heading: 'Liaison officers and observers aboard',
        blocks: [score.aboard.people.length === 0
          ? { kind: 'paragraph', text: 'None attached to this exercise.' }
          : { kind: 'table', header: ['Name', 'Party', 'Role', 'Aboard'], rows: score.aboard.people.map((p) => [
            p.name, partyName(config, p.party), p.role === 'liaisonOfficer' ? 'liaison officer' : 'observer', holderName(p.aboard),
          ]) }],
      },
      {
        heading: 'Lessons',
        blocks: [report.lessons.length === 0
          ? { kind: 'paragraph', text: 'Exercise control entered no lesson.' }
          : { kind: 'list', items: report.lessons.map((l, k) => `${named(l.text, `lessons/${k}/text`)}${l.by || l.timeS !== undefined ? ` (${[l.by, l.timeS === undefined ? undefined : when(l.timeS)].filter(Boolean).join(', ')})` : ''}`) }],
      },
    ],
  };
}

