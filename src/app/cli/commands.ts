import type { Command } from 'commander';

/**
 * The top-level commands of `sarbridge`: name, the line `--help` shows, and how to load the
 * command. Loading is deferred because each command's module pulls in its own dependencies (the
 * HDF5 WebAssembly module, the PDF library, the server): `sarbridge --help` and `sarbridge objects`
 * load none of the others. Each command module takes its description from here, so the list and
 * the command say the same thing.
 */
export interface CommandEntry {
  readonly name: string;
  readonly description: string;
  readonly load: () => Promise<Command>;
}

export const COMMAND_DESCRIPTIONS = {
  objects: 'list the Leeway drifting-object classes (Allen & Plourde 1999; USCG SAROPS table) with their coefficients',
  drift: 'predict where a drifting object goes (Leeway model + wind + current, Monte-Carlo particles) and write the particles as GeoJSON',
  serve: 'serve the shared case log, live updates and the API (embedded SQLite by default; a postgres:// URL for several instances)',
  admin: 'manage administrator accounts',
  plan: 'plan a search: drift the object, update for searches done, allocate each unit an area and pattern maximising POS, compare with the IAMSAR method, write GeoJSON/GPX/KML/RTZ',
  cooperation: 'the cooperation agreement: validate a config, check a plan against its rules, print its timeline, write the annual report',
  exercise: 'joint exercises: play doctrine trials headless (simulate: the optimal allocation against the IAMSAR baseline on many drawn truths)',
} as const;

type CommandName = keyof typeof COMMAND_DESCRIPTIONS;

const entry = (name: CommandName, load: () => Promise<Command>): CommandEntry => ({ name, description: COMMAND_DESCRIPTIONS[name], load });

/** In the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  entry('objects', async () => (await import('./objects_command.js')).objectsCommand()),
  entry('drift', async () => (await import('./drift_command.js')).driftCommand()),
  entry('serve', async () => (await import('./serve_command.js')).serveCommand()),
  entry('admin', async () => (await import('./admin_command.js')).adminCommand()),
  entry('plan', async () => (await import('./plan_command.js')).planCommand()),
  entry('cooperation', async () => (await import('./cooperation_command.js')).cooperationCommand()),
  entry('exercise', async () => (await import('./exercise_command.js')).exerciseCommand()),
];
