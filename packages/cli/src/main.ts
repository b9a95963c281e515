import { parseArgs } from 'node:util';
import { CliUsageError, describeError } from './cliError.js';
import type { CommandDefinition, CommandIo, FlagSpecs } from './command.js';
import { toParseArgsOptions } from './command.js';
import { commands } from './commands/index.js';
import { formatCommandHelp, formatRootHelp } from './help.js';

/** Runs `basis <command> [...args]` and returns the exit code. */
export async function run(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(formatRootHelp(commands));
    return 0;
  }
  if (name === '--version' || name === '-v') return run(['version', ...rest], io);
  const entry = commands[name];
  if (entry === undefined) {
    io.stderr.write(`basis: unknown command '${name}'.\nRun 'basis --help' to see the commands.\n`);
    return 2;
  }
  const command: CommandDefinition<FlagSpecs> = (await entry.load()).default;
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: toParseArgsOptions(command.flags),
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help === true) {
      io.stdout.write(formatCommandHelp(command));
      return 0;
    }
    const code = await command.run({
      flags: parsed.values as never,
      positionals: parsed.positionals,
      io,
    });
    return code ?? 0;
  } catch (error) {
    const usage = error instanceof CliUsageError || isParseArgsError(error);
    io.stderr.write(describeError(error, command));
    return usage ? 2 : 1;
  }
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

/** The process entry point used by `bin/basis.js`. */
export async function main(argv: readonly string[]): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stopSignal: controller.signal,
  });
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  process.exitCode = code;
}
