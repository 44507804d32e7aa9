/**
 * Read a cooperation config (YAML or JSON) into a checked `CooperationConfig`: first the schema
 * (TypeBox), then every cross-reference (party, unit, place, source, RCC ids), time zone, date and
 * `{place:id}` placeholder. Every problem is reported as `<file>: <path>: <problem>`, all at once.
 */
import {
  isKnownTimeZone, parseApproximateDate, placeholdersIn,
  type ApproximateDate, type CooperationConfig, type CooperationRule, type RecordHistory,
} from '../../core/cooperation/index.js';
import { SarbridgeError } from '../../core/errors.js';
import { parseTime } from '../../core/time/index.js';
import { readTextFile } from '../text_file.js';
import { parseYamlText, problemsError, schemaProblems } from '../yaml_file.js';
import { CooperationConfigSchema, type CooperationConfigFile } from './config_schema.js';

/**
 * Parse and check a config's text. Throws a DataFileError naming `fileName`, each path and problem,
 * e.g. `coop.yaml: parties/0/timeZone: 'Asia/Soul' is not a known IANA time zone`.
 */
export function parseCooperationConfig(text: string, fileName: string): CooperationConfig {
  const data = parseYamlText(text, fileName);
  const problems = schemaProblems(CooperationConfigSchema, data);
  if (problems.length > 0) throw problemsError(fileName, problems);
  const checker = new ConfigChecker(data as CooperationConfigFile);
  const config = checker.build();
  if (checker.problems.length > 0) throw problemsError(fileName, checker.problems);
  return config;
}

/** Read and check a config file from disk. */
export function loadCooperationConfig(path: string): CooperationConfig {
  const text = readTextFile(path, 'the cooperation config');
  return parseCooperationConfig(text, path);
}

/** Turns the checked file into core objects, collecting every cross-reference problem. */
class ConfigChecker {
  readonly problems: string[] = [];
  private readonly partyIds: Set<string>;
  private readonly sourceIds: Set<string>;
  private readonly placeIds: Set<string>;
  private readonly unitIds: Set<string>;
  private readonly rccIds: Set<string>;

  constructor(private readonly file: CooperationConfigFile) {
    this.partyIds = this.uniqueIds(file.parties, 'parties');
    this.sourceIds = this.uniqueIds(file.sources, 'sources');
    this.placeIds = this.uniqueIds(file.places, 'places');
    this.unitIds = this.uniqueIds(file.units, 'units');
    this.rccIds = new Set(file.parties.flatMap((p) => p.rccs.map((r) => r.id)));
    this.uniqueIds(file.rules, 'rules');
    this.uniqueIds(file.meetings, 'meetings');
    this.uniqueIds(file.incidents, 'incidents');
  }

  private problem(path: string, problem: string): void {
    this.problems.push(`${path}: ${problem}`);
  }

  private uniqueIds(items: readonly { id: string }[], path: string): Set<string> {
    const ids = new Set<string>();
    items.forEach((item, k) => {
      if (ids.has(item.id)) this.problem(`${path}/${k}/id`, `duplicate id '${item.id}'`);
      ids.add(item.id);
    });
    return ids;
  }

  private ref(set: Set<string>, id: string | undefined, path: string, what: string): void {
    if (id !== undefined && !set.has(id)) this.problem(path, `unknown ${what} '${id}' (known: ${[...set].join(', ') || 'none'})`);
  }

  private sources(ids: readonly string[], path: string): readonly string[] {
    ids.forEach((id, k) => this.ref(this.sourceIds, id, `${path}/${k}`, 'source'));
    return ids;
  }

  private text(text: string, path: string): string {
    for (const p of placeholdersIn(text)) {
      if (p.kind === 'place') this.ref(this.placeIds, p.id, path, 'place in {place:…}');
      else this.ref(this.partyIds, p.id, path, 'party in {party:…}');
      if (p.as !== undefined) {
        if (p.kind === 'party') this.problem(path, `{party:${p.id}@${p.as}}: only a place is quoted in a party's words ({place:id@party})`);
        else this.ref(this.partyIds, p.as, path, `party in {place:${p.id}@…}`);
      }
    }
    return text;
  }

  private guard<T>(fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof SarbridgeError) { this.problems.push(error.message); return fallback; }
      throw error;
    }
  }

  private date(text: string, path: string, statedOn?: string): ApproximateDate {
    return this.guard<ApproximateDate>({ kind: 'not-set' }, () => parseApproximateDate(text, path, statedOn));
  }

  private record(revisions: CooperationConfigFile['record'] | undefined, path: string): RecordHistory {
    const list = revisions ?? this.file.record;
    const base = revisions ? path : 'record';
    const parsed = list.map((r, k) => ({ timeS: this.guard(0, () => parseTime(r.time, `${base}/${k}/time`)), by: r.by, summary: r.summary }));
    for (let k = 1; k < parsed.length; k++) {
      if (parsed[k].timeS < parsed[k - 1].timeS) this.problem(`${base}/${k}/time`, 'revisions must be oldest first (this one is earlier than the one before)');
    }
    return { revisions: parsed };
  }

  build(): CooperationConfig {
    const f = this.file;
    const fileRecord = this.record(f.record, 'record');
    const parties = f.parties.map((p, k) => {
      if (!isKnownTimeZone(p.timeZone)) this.problem(`parties/${k}/timeZone`, `'${p.timeZone}' is not a known IANA time zone (e.g. Asia/Seoul, Asia/Tokyo, UTC)`);
      return {
        id: p.id, name: p.name, capital: p.capital, timeZone: p.timeZone, language: p.language, services: p.services,
        rccs: p.rccs.map((r) => ({ id: r.id, name: r.name, party: p.id, srr: { illustrative: r.srr.illustrative, polygons: r.srr.polygons } })),
      };
    });
    const units = f.units.map((u, k) => {
      this.ref(this.partyIds, u.party, `units/${k}/party`, 'party');
      const party = f.parties.find((p) => p.id === u.party);
      if (party && !party.services.some((s) => s.id === u.service)) this.problem(`units/${k}/service`, `party '${u.party}' has no service '${u.service}' (known: ${party.services.map((s) => s.id).join(', ') || 'none'})`);
      if (u.type === 'ship' || u.type === 'boat') { if (u.altitudeFt !== undefined) this.problem(`units/${k}/altitudeFt`, `a ${u.type} has an eye height (eyeHeightM), not an altitude`); }
      else if (u.eyeHeightM !== undefined) this.problem(`units/${k}/eyeHeightM`, `a ${u.type} has a search altitude (altitudeFt), not an eye height`);
      const { illustrative: _i, record, ...rest } = u;
      return { ...rest, record: this.record(record, `units/${k}/record`) };
    });
    const places = f.places.map((p, k) => {
      Object.keys(p.names).forEach((party) => this.ref(this.partyIds, party, `places/${k}/names/${party}`, 'party'));
      Object.keys(p.ownScriptNames ?? {}).forEach((party) => this.ref(this.partyIds, party, `places/${k}/ownScriptNames/${party}`, 'party'));
      p.claims.forEach((c, j) => { this.ref(this.partyIds, c.party, `places/${k}/claims/${j}/party`, 'party'); this.sources(c.sources, `places/${k}/claims/${j}/sources`); this.text(c.claim, `places/${k}/claims/${j}/claim`); });
      if (p.contested && !p.position) this.problem(`places/${k}/position`, 'a contested feature needs a position (the notification radius is measured from it)');
      return { ...p, record: this.record(p.record, `places/${k}/record`) };
    });
    const rules = f.rules.map((r, k): CooperationRule => {
      const need = (field: 'notify' | 'leadTimeH' | 'radiusNm') => { if (r[field] === undefined) this.problem(`rules/${k}/${field}`, `a '${r.kind}' rule needs ${field}`); };
      switch (r.kind) {
        case 'coordinating-rcc':
          return { id: r.id, kind: r.kind, text: r.text, ...(r.closedBy ? { closedBy: r.closedBy } : {}) };
        case 'srr-entry-notification':
          need('notify'); need('leadTimeH');
          return { id: r.id, kind: r.kind, text: r.text, notify: r.notify ?? 'srr-owner', leadTimeH: r.leadTimeH ?? 0 };
        case 'contested-feature-notification':
          need('notify'); need('leadTimeH'); need('radiusNm');
          return { id: r.id, kind: r.kind, text: r.text, notify: r.notify ?? 'other-claimants', leadTimeH: r.leadTimeH ?? 0, radiusNm: r.radiusNm ?? 12 };
      }
    });
    const a = f.agreement;
    a.parties.forEach((p, k) => this.ref(this.partyIds, p, `agreement/parties/${k}`, 'party'));
    const agreement = {
      id: a.id, parties: a.parties, title: a.title, titleProvisional: a.titleProvisional,
      provisions: a.provisions.map((p, k) => ({ id: p.id, text: this.text(p.text, `agreement/provisions/${k}/text`), sources: this.sources(p.sources, `agreement/provisions/${k}/sources`) })),
      textVersions: a.textVersions.map((v, k) => ({ id: v.id, date: this.date(v.date, `agreement/textVersions/${k}/date`, v.statedOn), description: this.text(v.description, `agreement/textVersions/${k}/description`), sources: this.sources(v.sources, `agreement/textVersions/${k}/sources`) })),
      statusHistory: a.statusHistory.map((h, k) => {
        const path = `agreement/statusHistory/${k}`;
        this.ref(this.partyIds, h.actor, `${path}/actor`, 'party');
        return {
          status: h.status, date: this.date(h.date, `${path}/date`, h.statedOn), actor: h.actor, summary: this.text(h.summary, `${path}/summary`),
          reason: h.reason === undefined ? undefined : this.text(h.reason, `${path}/reason`), sources: this.sources(h.sources, `${path}/sources`),
        };
      }),
      record: this.record(a.record, 'agreement/record'),
    };
    const meetings = f.meetings.map((m, k) => {
      const path = `meetings/${k}`;
      this.ref(this.partyIds, m.host, `${path}/host`, 'party');
      m.participants.forEach((p, j) => this.ref(this.partyIds, p.party, `${path}/participants/${j}/party`, 'party'));
      return {
        id: m.id, title: this.text(m.title, `${path}/title`), host: m.host, date: this.date(m.date, `${path}/date`, m.statedOn),
        expected: m.expected === undefined ? undefined : this.date(m.expected, `${path}/expected`, m.statedOn),
        participants: m.participants, agenda: m.agenda.map((t, j) => this.text(t, `${path}/agenda/${j}`)),
        outcomes: m.outcomes.map((o, j) => ({ ...o, text: this.text(o.text, `${path}/outcomes/${j}/text`), sources: this.sources(o.sources, `${path}/outcomes/${j}/sources`) })),
        sources: this.sources(m.sources, `${path}/sources`), record: this.record(m.record, `${path}/record`),
      };
    });
    const meetingIds = new Set(f.meetings.map((m) => m.id));
    const programmes = f.programmes.map((p, k) => {
      const path = `programmes/${k}`;
      p.hostRotation.forEach((h, j) => this.ref(this.partyIds, h, `${path}/hostRotation/${j}`, 'party'));
      this.ref(meetingIds, p.approvedAt, `${path}/approvedAt`, 'meeting');
      const exerciseIds = new Set(p.exercises.map((e) => e.id));
      return {
        year: p.year, exerciseFrequency: p.exerciseFrequency, hostRotation: p.hostRotation, approvedAt: p.approvedAt,
        exercises: p.exercises.map((e, j) => {
          this.ref(this.partyIds, e.host, `${path}/exercises/${j}/host`, 'party');
          e.units.forEach((u, i) => this.ref(this.unitIds, u, `${path}/exercises/${j}/units/${i}`, 'unit'));
          return { ...e, area: this.text(e.area, `${path}/exercises/${j}/area`), date: this.date(e.date, `${path}/exercises/${j}/date`), record: this.record(e.record, `${path}/exercises/${j}/record`) };
        }),
        exchanges: p.exchanges.map((x, j) => {
          const at = `${path}/exchanges/${j}`;
          this.ref(this.partyIds, x.fromParty, `${at}/fromParty`, 'party');
          const party = f.parties.find((q) => q.id === x.fromParty);
          if (party && !party.services.some((s) => s.id === x.fromService)) this.problem(`${at}/fromService`, `party '${x.fromParty}' has no service '${x.fromService}'`);
          if (!this.unitIds.has(x.hostedBy) && !this.rccIds.has(x.hostedBy)) this.problem(`${at}/hostedBy`, `'${x.hostedBy}' is neither a unit nor an RCC`);
          this.ref(exerciseIds, x.exercise, `${at}/exercise`, 'exercise');
          return { ...x, from: this.date(x.from, `${at}/from`), to: this.date(x.to, `${at}/to`), record: this.record(x.record, `${at}/record`) };
        }),
        record: this.record(p.record, `${path}/record`),
      };
    });
    const incidents = f.incidents.map((i, k) => {
      const path = `incidents/${k}`;
      i.actors.forEach((a, j) => this.ref(this.partyIds, a.party, `${path}/actors/${j}/party`, 'party'));
      this.ref(this.placeIds, i.place, `${path}/place`, 'place');
      return {
        id: i.id, title: this.text(i.title, `${path}/title`), date: this.date(i.date, `${path}/date`, i.statedOn), actors: i.actors, place: i.place, position: i.position,
        what: this.text(i.what, `${path}/what`), outcome: this.text(i.outcome, `${path}/outcome`), sources: this.sources(i.sources, `${path}/sources`),
        record: this.record(i.record, `${path}/record`),
      };
    });
    void fileRecord;
    return { title: f.title, sharedNaming: f.sharedNaming, parties, units, places, rules, sources: f.sources, agreement, meetings, programmes, incidents };
  }
}
