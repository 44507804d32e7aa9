import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Command, Option } from 'commander';
import { COMMAND_DESCRIPTIONS } from './commands.js';
import {
  allRccs, buildAnnualReport, buildTimeline, checkIssuable, checkPlan, describeFinding, describeNotificationState, describeRecordTimes, describeRevisions,
  placeName, readerFor, readerTimeZone, renderAnnualReportHtml, type Acknowledgement, type CooperationConfig, type CooperationPlan, type Reader,
} from '../../core/cooperation/index.js';
import { formatPosition } from '../../core/geo/index.js';
import { InvalidInputError } from '../../core/errors.js';
import { loadCooperationConfig, loadPlanFile, renderAnnualReportPdf } from '../../io/cooperation/index.js';
import { openJobCoastline } from '../drift_job/index.js';
import { PLACE_OUTLINE_SEARCH_NM, placesOffTheCoastline, type PlaceOffTheCoastline } from '../plan/index.js';
import { reportNotIssuable } from './outcome.js';

interface ReaderOptions { party?: string; utc?: boolean }

const partyOption = () => new Option('--party <id>', 'read as this party (its names, its time zone); default: the shared edition (neutral or both names, as the config says)');
const utcOption = () => new Option('--utc', 'show every time in UTC only');

/** The reader the options ask for, checked against the config's parties. */
function readerOf(config: CooperationConfig, party: string | undefined): Reader {
  if (party !== undefined && !config.parties.some((p) => p.id === party)) {
    throw new InvalidInputError('--party', `unknown party '${party}' (the config has ${config.parties.map((p) => p.id).join(', ')})`);
  }
  return readerFor(party);
}

/** Time zones a reader sees times in: its own (or every party's for the shared edition), then UTC; UTC only with --utc. */
function zonesFor(config: CooperationConfig, reader: Reader, utc: boolean | undefined): string[] {
  if (utc) return ['UTC'];
  return reader.kind === 'party' ? [readerTimeZone(config, reader)] : config.parties.map((p) => p.timeZone);
}

function readerHeading(config: CooperationConfig, reader: Reader): string {
  if (reader.kind === 'party') return `as read by ${config.parties.find((p) => p.id === reader.party)!.name} (its names)`;
  return `shared edition (${config.sharedNaming === 'neutral' ? 'neutral names' : 'both parties\' names'})`;
}

function validateCommand(): Command {
  return new Command('validate')
    .description('check a cooperation config (schema, references, time zones, dates) and summarise it')
    .argument('<config>', 'cooperation config, YAML or JSON (e.g. examples/cooperation/korea-japan.yaml)')
    .action(async (path: string) => {
      const c = loadCooperationConfig(path);
      const rccs = allRccs(c);
      const illustrative = rccs.filter((r) => r.srr.illustrative).length;
      console.log(`${path}: valid`);
      console.log(`  parties: ${c.parties.map((p) => `${p.id} ${p.name} (${p.timeZone})`).join(', ')}`);
      console.log(`  RCCs: ${rccs.map((r) => r.name).join(', ')}${illustrative ? `; ${illustrative} of ${rccs.length} SRR(s) ILLUSTRATIVE, not official boundaries` : ''}`);
      console.log(`  units: ${c.units.length}; places: ${c.places.length} (${c.places.filter((p) => p.contested).length} contested); rules: ${c.rules.map((r) => `${r.id} ${r.kind}`).join(', ')}`);
      console.log(`  agreement: ${c.agreement.title}${c.agreement.titleProvisional ? ' (provisional title)' : ''}; ${c.agreement.statusHistory.length} status entries, latest: ${c.agreement.statusHistory.at(-1)?.status ?? 'none'}`);
      console.log(`  meetings: ${c.meetings.length}; programmes: ${c.programmes.map((p) => p.year).join(', ') || 'none'}; incidents: ${c.incidents.length}; sources: ${c.sources.length}`);
      // the islands and islets against the bundled coastline (place_outlines.ts), where it covers them
      const shoreline = await openJobCoastline({ kind: 'bundled' });
      if (shoreline !== null) {
        for (const o of placesOffTheCoastline(c, shoreline)) console.log(`  note: ${describeOffTheCoastline(o, c, readerFor(undefined), `the bundled coastline (${shoreline.label})`)}`);
      }
    });
}

/**
 * A plan's findings under the agreement's rules, in the reader's names and time zone, each
 * notification's state, and whether the plan may be issued: the lines to print.
 */
export function findingsReport(
  config: CooperationConfig, plan: CooperationPlan, acknowledgements: readonly Acknowledgement[],
  planLabel: string, party: string | undefined, utc: boolean | undefined, offTheCoastline: readonly PlaceOffTheCoastline[] = [],
  coastlineLabel = 'the coastline',
): string[] {
  const reader = readerOf(config, party);
  const findings = checkPlan(config, plan);
  const issue = checkIssuable(findings, acknowledgements);
  const zone = utc ? 'UTC' : readerTimeZone(config, reader);
  const lines = [`Findings for ${planLabel}, ${readerHeading(config, reader)}, times in ${zone}:`];
  if (findings.length === 0) lines.push('  none');
  for (const f of findings) lines.push(`  ${describeFinding(f, config, reader, zone)}`);
  for (const s of issue.states) lines.push(`  ${describeNotificationState(s, zone)}`);
  if (issue.overdue.length > 0) lines.push(`  OVERDUE: ${issue.overdue.length} notification(s) fell due before the incident began or before the plan was made: notify at once.`);
  for (const o of offTheCoastline) lines.push(`  ${describeOffTheCoastline(o, config, reader, coastlineLabel)}`);
  lines.push(issue.issuable ? 'Plan may be issued.' : `Plan may NOT be issued: ${issue.missing.length} notification(s) lack an acknowledgement${findings.some((f) => f.kind === 'plan-problem') ? ', and the plan has problems' : ''}.`);
  return lines;
}

/** A land place the coastline does not put on land (place_outlines.ts), in the reader's names: what disagrees, by how much, what to do. */
function describeOffTheCoastline(o: PlaceOffTheCoastline, config: CooperationConfig, reader: Reader, coastlineLabel: string): string {
  const place = config.places.find((p) => p.id === o.placeId)!;
  const name = placeName(place, reader, config.sharedNaming);
  const where = `the agreement's position of ${name} (${formatPosition(o.position)})`;
  if (o.distanceNm === null) {
    return `[coastline] ${coastlineLabel} has no land within ${PLACE_OUTLINE_SEARCH_NM} NM of ${where}: land clearances near it are not checked against it; the notification rules still are.`;
  }
  return `[coastline] ${coastlineLabel} has no land at ${where}: its nearest shore is ${o.distanceNm.toFixed(2)} NM away, at ${formatPosition(o.shore!)}. ` +
    `Clearances from land are measured from the coastline, the notification rules from the agreement's position: near ${name}, a clearance set ${o.distanceNm.toFixed(2)} NM wider keeps it from both.`;
}

function findingsCommand(): Command {
  return new Command('findings')
    .description('check a plan against the cooperation rules: coordinating RCC, hand-overs, required notifications, whether it may be issued (exit code 4 when it may not)')
    .argument('<config>', 'cooperation config')
    .argument('<plan>', 'plan JSON: { datumTrack: [{timeS, lonDeg, latDeg}], units: [{unitId, party, waypoints: [{lonDeg, latDeg, timeS}]}], acknowledgements?: [{notificationId, byRccId, timeS}] }')
    .addOption(partyOption())
    .addOption(utcOption())
    .option('--json', 'print the findings and the issue check as JSON (no names applied)')
    .action((configPath: string, planPath: string, options: ReaderOptions & { json?: boolean }) => {
      const config = loadCooperationConfig(configPath);
      const reader = readerOf(config, options.party);
      const { plan, acknowledgements } = loadPlanFile(planPath);
      const findings = checkPlan(config, plan);
      const issue = checkIssuable(findings, acknowledgements);
      if (!issue.issuable) reportNotIssuable();
      if (options.json) {
        console.log(JSON.stringify({ findings, issue }, null, 2));
        return;
      }
      console.log(findingsReport(config, plan, acknowledgements, planPath, options.party, options.utc).join('\n'));
    });
}

function timelineCommand(): Command {
  return new Command('timeline')
    .description("print the agreement's timeline (status history, meetings, incidents) with sources and record times")
    .argument('<config>', 'cooperation config')
    .addOption(partyOption())
    .addOption(utcOption())
    .action((path: string, options: ReaderOptions) => {
      const config = loadCooperationConfig(path);
      const reader = readerOf(config, options.party);
      const zones = zonesFor(config, reader, options.utc);
      const a = config.agreement;
      console.log(`${a.title}${a.titleProvisional ? ' (provisional title)' : ''}: ${a.parties.join(', ')}; ${readerHeading(config, reader)}`);
      for (const e of buildTimeline(config, reader)) {
        console.log(`${e.dateText} · ${e.label}`);
        console.log(`    ${e.text}`);
        if (e.sources.length) console.log(`    Sources: ${e.sources.join('; ')}`);
        if (e.record !== a.record) console.log(`    Record: ${describeRecordTimes(e.record, zones).join('; ')}`);
      }
      console.log(`Agreement record: ${describeRecordTimes(a.record, zones).join('; ')}`);
      for (const line of describeRevisions(a.record, zones[0])) console.log(`    ${line}`);
    });
}

function reportCommand(): Command {
  return new Command('report')
    .description('write the annual report of the cooperation programme as HTML or PDF')
    .argument('<config>', 'cooperation config')
    .requiredOption('--year <year>', 'the year to report on', (v) => {
      if (!/^\d{4}$/.test(v)) throw new InvalidInputError('--year', `'${v}' is not a four-digit year`);
      return Number(v);
    })
    .requiredOption('--out <file>', 'output file: .html or .pdf')
    .addOption(partyOption())
    .option('--db <path|url>', "also read the programme a server keeps (its SQLite file, or postgres://…; default $SARBRIDGE_DB when set): its exercises, exchanges and results over the config's", process.env.SARBRIDGE_DB)
    .action(async (path: string, options: { year: number; out: string; party?: string; db?: string }) => {
      const kind = extname(options.out).toLowerCase();
      if (kind !== '.html' && kind !== '.htm' && kind !== '.pdf') throw new InvalidInputError('--out', `'${options.out}' must end in .html or .pdf`);
      let config = loadCooperationConfig(path);
      if (options.db !== undefined) {
        // loaded here: only this option needs the store
        const [{ openStore }, { mergeProgrammes, serverProgrammes }] = await Promise.all([import('../../io/storage/index.js'), import('../programme/index.js')]);
        const store = await openStore(options.db);
        try {
          config = { ...config, programmes: mergeProgrammes(config.programmes, await serverProgrammes(store)) };
        } finally {
          await store.close();
        }
      }
      const report = buildAnnualReport(config, options.year, readerOf(config, options.party));
      if (kind === '.pdf') writeFileSync(options.out, await renderAnnualReportPdf(report));
      else writeFileSync(options.out, renderAnnualReportHtml(report));
      console.log(`wrote ${options.out}: ${report.title} (${report.subtitle})`);
    });
}

/** `sarbridge cooperation …`: validate a config, list a plan's findings, print the timeline, write the annual report. */
export function cooperationCommand(): Command {
  const command = new Command('cooperation')
    .description(COMMAND_DESCRIPTIONS.cooperation);
  for (const sub of [validateCommand(), findingsCommand(), timelineCommand(), reportCommand()]) command.addCommand(sub);
  return command;   // main.ts makes every command, nested ones too, throw on usage errors instead of exiting
}
