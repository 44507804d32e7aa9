import { Command, CommanderError } from 'commander';
import { SarbridgeError } from '../../core/errors.js';
import { cooperationCommand } from './cooperation_command.js';
import { driftCommand } from './drift_command.js';
import { objectsCommand } from './objects_command.js';
import { serveCommand } from './serve_command.js';
import { adminCommand } from './admin_command.js';
import { takeOutcome } from './outcome.js';
import { planCommand } from './plan_command.js';

/** Build the `sarbridge` command-line program. */
export function buildProgram(): Command {
  const program = new Command('sarbridge')
    .description('sarbridge: joint search-and-rescue planning (Leeway drift, probability maps, search plans)')
    .addCommand(objectsCommand())
    .addCommand(driftCommand())
    .addCommand(serveCommand())
    .addCommand(adminCommand())
    .addCommand(planCommand())
    .addCommand(cooperationCommand());
  // every command, nested ones too, reports help and usage errors to main() instead of exiting
  const overrideExit = (command: Command): void => {
    command.exitOverride().showHelpAfterError('(add --help for the options)');
    command.commands.forEach(overrideExit);
  };
  overrideExit(program);
  return program;
}

/**
 * Run the CLI with `argv` (as process.argv). Returns the exit code: 0 done, 1 the input or data was
 * wrong (the message says what and where), 2 usage error, 3 an unexpected failure, 4 done, but the
 * plan checked may not be issued yet under the agreement's rules.
 */
export async function main(argv: readonly string[]): Promise<number> {
  takeOutcome();
  try {
    await buildProgram().parseAsync([...argv]);
    return takeOutcome();
  } catch (error) {
    takeOutcome();
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof SarbridgeError) {
      console.error(`sarbridge: ${error.message} [${error.code}]`);
      return 1;
    }
    console.error('sarbridge: unexpected failure:', error);
    return 3;
  }
}
