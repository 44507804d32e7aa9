/**
 * The annual report of the cooperation programme, as a document model (sections of paragraphs,
 * lists and tables) that the HTML renderer here and the PDF renderer in `io/cooperation` both
 * draw. Worded for one reader: a party (its names, its time zone) or both (shared naming).
 */
import { agreementStatusLabel } from './agreement.js';
import { approximateDateSortKey, approximateDateYear, formatApproximateDate } from './approximate_date.js';
import { allRccs, type CooperationConfig } from './cooperation_config.js';
import { readerTimeZone } from './finding.js';
import { describeParticipant } from './meeting.js';
import { nameForReader, partyName, placeName } from './place_names.js';
import { ownScriptReader, type Reader } from './reader.js';
import { describeRecordTimes } from './record_history.js';
import { buildTimeline, describeSources } from './timeline.js';

/** A block of a report section. */
export type ReportBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** A section of the report. */
export interface ReportSection {
  readonly heading: string;
  readonly blocks: readonly ReportBlock[];
}

/** The annual report as a document. */
export interface AnnualReport {
  readonly year: number;
  readonly title: string;
  readonly subtitle: string;
  /** BCP 47 language of the text (`en`: the report is written in English). */
  readonly language: string;
  readonly sections: readonly ReportSection[];
}

/** True when a date lies in `year`, or (unanchored) is expected in it. */
function inYear(year: number, ...dates: (Parameters<typeof approximateDateYear>[0] | undefined)[]): boolean {
  return dates.some((d) => d !== undefined && approximateDateYear(d) === year);
}

/** `Exercises held: 1 of 3 (1 cancelled, 1 still planned); results recorded for 1.` */
function exercisesHeld(exercises: readonly { state: string; result?: string }[]): string {
  const count = (state: string) => exercises.filter((e) => e.state === state).length;
  const others = (['cancelled', 'postponed', 'planned'] as const).filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${s === 'planned' ? 'still planned' : s}`);
  const results = exercises.filter((e) => e.result !== undefined && e.result !== '').length;
  return `Exercises held: ${count('done')} of ${exercises.length}${others.length ? ` (${others.join(', ')})` : ''}; results recorded for ${results}.`;
}

/** Build the report of `year` for a reader. */
export function buildAnnualReport(config: CooperationConfig, year: number, forReader: Reader): AnnualReport {
  // a party's copy names places in the party's own script (독도, 竹島); the shared one, neutrally
  const reader = ownScriptReader(forReader);
  const named = (text: string) => nameForReader(text, config, reader);
  const zones = reader.kind === 'party' ? [readerTimeZone(config, reader)] : config.parties.map((p) => p.timeZone);
  const yearEnd = `${year}-12-31`;
  const sections: ReportSection[] = [];
  const agreement = config.agreement;

  const history = buildTimeline(config, reader).filter((e) => e.kind === 'agreement-status');
  const upToYear = history.filter((e) => { const k = approximateDateSortKey(e.date); return k === undefined || k <= yearEnd; });
  sections.push({
    heading: 'The agreement',
    blocks: [
      { kind: 'paragraph', text: `${agreement.title}${agreement.titleProvisional ? ' (provisional title: the official title is not yet final)' : ''}. Parties: ${agreement.parties.map((p) => partyName(config, p)).join(', ')}.` },
      { kind: 'paragraph', text: `Status at the end of ${year}: ${upToYear.length ? upToYear[upToYear.length - 1].label : 'no status recorded'}.` },
      { kind: 'list', items: agreement.provisions.map((p) => named(p.text)) },
      { kind: 'table', header: ['Date', 'Status', 'What', 'Sources'], rows: upToYear.map((e) => [e.dateText, e.label, e.text, e.sources.join('; ')]) },
      { kind: 'list', items: agreement.textVersions.map((v) => `Text version ${v.id} (${formatApproximateDate(v.date)}): ${named(v.description)}`) },
    ],
  });

  const meetings = config.meetings.filter((m) => inYear(year, m.date, m.expected));
  sections.push({
    heading: 'Meetings',
    blocks: meetings.length === 0 ? [{ kind: 'paragraph', text: `No meeting recorded for ${year}.` }] : meetings.map((m): ReportBlock => ({
      kind: 'table', header: ['Meeting', 'Host', 'Date', 'Participants', 'Agenda', 'Outcomes'],
      rows: [[named(m.title), partyName(config, m.host), m.date.kind === 'not-set' && m.expected ? `not set (expected ${formatApproximateDate(m.expected)})` : formatApproximateDate(m.date),
        m.participants.map(describeParticipant).join('; '), m.agenda.map(named).join('; '), m.outcomes.map((o) => `${named(o.text)} (${o.state.replace('-', ' ')})`).join('; ')]],
    })),
  });

  const programme = config.programmes.find((p) => p.year === year);
  const unitName = (id: string) => config.units.find((u) => u.id === id)?.name ?? id;
  const hostName = (id: string) => config.units.find((u) => u.id === id)?.name ?? allRccs(config).find((r) => r.id === id)?.name ?? id;
  sections.push({
    heading: 'Programme: joint search-and-rescue exercises',
    blocks: !programme ? [{ kind: 'paragraph', text: `No programme recorded for ${year}.` }] : [
      { kind: 'paragraph', text: `Frequency: ${programme.exerciseFrequency}. Host rotation: ${programme.hostRotation.map((p) => partyName(config, p)).join(', then ')}.` },
      { kind: 'paragraph', text: exercisesHeld(programme.exercises) },
      { kind: 'table', header: ['Exercise', 'Date', 'Host', 'Area', 'Units', 'State', 'Result'], rows: programme.exercises.map((e) => [
        named(e.name), formatApproximateDate(e.date), partyName(config, e.host), named(e.area), e.units.map(unitName).join(', '), e.state, e.result ? named(e.result) : '']) },
    ],
  });
  sections.push({
    heading: 'Programme: personnel exchanges',
    blocks: !programme || programme.exchanges.length === 0 ? [{ kind: 'paragraph', text: `No personnel exchange recorded for ${year}.` }] : [
      { kind: 'table', header: ['Who', 'Kind', 'From', 'Hosted by', 'Dates', 'State'], rows: programme.exchanges.map((x) => [
        `${x.rankOrRole}${x.name ? ` ${x.name}` : ''}`, x.kind.replace('-', ' '), `${partyName(config, x.fromParty)}, ${x.fromService}`, hostName(x.hostedBy),
        `${formatApproximateDate(x.from)} to ${formatApproximateDate(x.to)}`, x.state]) },
    ],
  });

  const incidents = config.incidents.filter((i) => inYear(year, i.date));
  sections.push({
    heading: 'Incidents at sea',
    blocks: incidents.length === 0 ? [{ kind: 'paragraph', text: `No incident recorded for ${year}.` }] : [
      { kind: 'table', header: ['Date', 'Where', 'Who', 'What', 'Outcome', 'Sources'], rows: incidents.map((i) => {
        const place = config.places.find((p) => p.id === i.place);
        return [formatApproximateDate(i.date), place ? placeName(place, reader, config.sharedNaming, config.parties.map((p) => p.id)) : '',
          i.actors.map((a) => `${partyName(config, a.party)}: ${a.description}`).join('; '), named(i.what), named(i.outcome), describeSources(config, i.sources).join('; ')];
      }) },
    ],
  });

  const claimed = config.places.filter((p) => p.claims.length > 0);
  if (claimed.length > 0) {
    sections.push({
      heading: 'Claims on record',
      blocks: [{ kind: 'paragraph', text: 'Recorded as each party\'s claim, not as fact.' }, { kind: 'list', items: claimed.flatMap((p) => p.claims.map((c) =>
        `${placeName(p, reader, config.sharedNaming, config.parties.map((q) => q.id))}: ${partyName(config, c.party)} ${named(c.claim)} (source: ${describeSources(config, c.sources).join('; ')})`)) }],
    });
  }
  sections.push({
    heading: 'Record',
    blocks: [{ kind: 'list', items: [`Agreement record: ${describeRecordTimes(agreement.record, zones).join('; ')}`, ...meetings.map((m) => `${named(m.title)}: ${describeRecordTimes(m.record, zones).join('; ')}`)] }],
  });
  const readerText = reader.kind === 'party' ? `edition for ${partyName(config, reader.party)}` : `shared edition (${config.sharedNaming === 'neutral' ? 'neutral names' : 'both parties\' names'})`;
  return { year, title: `${named(config.title)}: annual report ${year}`, subtitle: readerText, language: 'en', sections };
}
