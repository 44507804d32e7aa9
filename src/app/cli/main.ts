import { Command, CommanderError } from 'commander';
import { SarbridgeError } from '../../core/errors.js';
import { COMMANDS } from './commands.js';
import { takeOutcome } from './outcome.js';

/**
 * Build the `sarbridge` command-line program for `argv` (as process.argv). Only the command that
 * `argv` names is loaded (`sarbridge drift …`, or `sarbridge help drift`); the others are listed
 * by name and description, so `sarbridge --help` and `sarbridge objects` start without loading
 * every command's dependencies.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const wanted = commandNamed(argv);
  const program = new Command('sarbridge')
    .description('sarbridge: joint search-and-rescue planning (Leeway drift, probability maps, search plans)');
  for (const entry of COMMANDS) {
    program.addCommand(entry.name === wanted ? await entry.load() : new Command(entry.name).description(entry.description));
  }
  // every command, nested ones too, reports help and usage errors to main() instead of exiting
  const overrideExit = (command: Command): void => {
    command.exitOverride().showHelpAfterError('(add --help for the options)');
    command.commands.forEach(overrideExit);
  };
  overrideExit(program);
  return program;
}

/** The top-level command `argv` names: its first word after the script, or the one after `help`. */
function commandNamed(argv: readonly string[]): string | undefined {
  const words = argv.slice(2).filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Run the CLI with `argv` (as process.argv). Returns the exit code: 0 done, 1 the input or data was
 * wrong (the message says what and where), 2 usage error, 3 an unexpected failure, 4 done, but the
 * plan checked may not be issued yet under the agreement's rules.
 */
export async function main(argv: readonly string[]): Promise<number> {
  takeOutcome();
  try {
    await (await buildProgram(argv)).parseAsync([...argv]);
    return takeOutcome();
  } catch (error) {
    takeOutcome();
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof SarbridgeError) {
      console.error(`sarbridge: ${error.message} [${error.code}]`);
      return 1;
    }
    const system = error as NodeJS.ErrnoException;
    if (typeof system?.code === 'string' && typeof system.syscall === 'string') {
      // the system refused something (a file, a port): one line saying what, not a stack
      console.error(`sarbridge: ${system.message.split('\n')[0]} [${system.code}]`);
      return 3;
    }
    console.error('sarbridge: unexpected failure:', error);
    return 3;
  }
}
