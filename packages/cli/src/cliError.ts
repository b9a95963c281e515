import type { CommandDefinition, FlagSpecs } from './command.js';

/** A mistake in how the command was called; the message says how to fix it. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** One readable paragraph for stderr: what went wrong and what to do. */
export function describeError(error: unknown, command: CommandDefinition<FlagSpecs>): string {
  const message = error instanceof Error ? error.message : String(error);
  return `basis ${command.name}: ${message}\nRun 'basis ${command.name} --help' for usage.\n`;
}
