/**
 * Generate src/core/search/sweep_width_tables.ts from the CSV tables in data/sweep-width/
 * (US Coast Guard Addendum to the National SAR Supplement, COMDTINST M16130.2F; see
 * data/sweep-width/PROVENANCE.md). The CSV texts are embedded verbatim, so the core (and the
 * browser) get the tables without reading files; sweep_width_table.ts parses them.
 *
 * Run from the repository root:  npx tsx scripts/generate_sweep_width_tables.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = 'data/sweep-width';
const outFile = 'src/core/search/sweep_width_tables.ts';

const visibilityTables = readdirSync(join(dataDir, 'source-data'))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => ({ name: f.replace(/\.csv$/, ''), path: join(dataDir, 'source-data', f) }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));

const quote = (text: string): string => JSON.stringify(text.replace(/\r\n/g, '\n'));
const entry = (name: string, path: string): string => `  ${JSON.stringify(name)}: ${quote(readFileSync(path, 'utf8'))},`;

const out = [
  '// GENERATED FILE: do not edit by hand.',
  '// Made by scripts/generate_sweep_width_tables.ts from data/sweep-width/*.csv and',
  '// data/sweep-width/source-data/*.csv: US Coast Guard Addendum to the National SAR Supplement',
  '// (COMDTINST M16130.2F), CSV extraction by the Canterbury Air Patrol marine-sweep-width-data',
  '// project; provenance and checksums in data/sweep-width/PROVENANCE.md.',
  '',
  '/** Uncorrected sweep-width tables (NM; rows search objects, columns visibility NM), CSV text by table name. */',
  'export const SWEEP_WIDTH_CSV: Readonly<Record<string, string>> = {',
  ...visibilityTables.map((t) => entry(t.name, t.path)),
  '};',
  '',
  '/** Speed correction factors fv (rows search objects, columns speed kt), CSV text by platform. */',
  'export const SPEED_MODIFIER_CSV: Readonly<Record<\'aircraft\' | \'helicopter\', string>> = {',
  entry('aircraft', join(dataDir, 'Aircraft_speed_modifier.csv')),
  entry('helicopter', join(dataDir, 'Helicopter_speed_modifier.csv')),
  '};',
  '',
  '/** Which search objects take the small-object weather factors (CSV: object,small|large). */',
  `export const WEATHER_CORRECTION_TYPES_CSV = ${quote(readFileSync(join(dataDir, 'weather_correction_types.csv'), 'utf8'))};`,
  '',
].join('\n');

writeFileSync(outFile, out);
console.log(`wrote ${outFile}: ${visibilityTables.length} sweep-width tables, 2 speed tables, weather types`);
