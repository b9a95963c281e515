import type { ParseArgsConfig } from 'node:util';

/** One flag of a command, as `node:util` parseArgs understands it, plus help text. */
export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  readonly description: string;
  /** Shown in help as `--flag <value>`. */
  readonly valueName?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type FlagValue<F extends FlagSpec> = F['type'] extends 'boolean'
  ? F['multiple'] extends true
    ? boolean[]
    : boolean
  : F['multiple'] extends true
    ? string[]
    : string;

/** Parsed flags: flags with a default are always present, the others may be absent. */
export type ParsedFlags<S extends FlagSpecs> = {
  -readonly [K in keyof S]: S[K]['default'] extends string | boolean
    ? FlagValue<S[K]>
    : FlagValue<S[K]> | undefined;
};

/** Where a command writes: the process's streams in production, buffers in tests. */
export interface CommandIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the user asks the command to stop (SIGINT/SIGTERM). */
  readonly stopSignal: AbortSignal;
}

export interface CommandContext<S extends FlagSpecs> {
  readonly flags: ParsedFlags<S> & ParsedFlags<typeof globalFlags>;
  readonly positionals: readonly string[];
  readonly io: CommandIo;
}

export interface CommandDefinition<S extends FlagSpecs = FlagSpecs> {
  readonly name: string;
  readonly description: string;
  /** Positional arguments, for help, e.g. `<strategy>`. */
  readonly usage?: string;
  readonly flags: S;
  /** Returns the process exit code (0 when omitted). */
  run(context: CommandContext<S>): Promise<number | undefined> | number | undefined;
}

/** Declares a command; the identity function that keeps the flag types precise. */
export function defineCommand<const S extends FlagSpecs>(
  definition: CommandDefinition<S>,
): CommandDefinition<S> {
  return definition;
}

/** Flags every command accepts. */
export const globalFlags = {
  json: { type: 'boolean', default: false, description: 'print machine-readable JSON instead of text' },
  help: { type: 'boolean', short: 'h', default: false, description: 'show help for the command' },
} as const satisfies FlagSpecs;

/** Builds the parseArgs option table for a command's flags plus the global ones. */
export function toParseArgsOptions(flags: FlagSpecs): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  const all: Record<string, FlagSpec> = { ...globalFlags, ...flags };
  for (const [name, spec] of Object.entries(all)) {
    options[name] = {
      type: spec.type,
      ...(spec.short === undefined ? {} : { short: spec.short }),
      ...(spec.multiple === undefined ? {} : { multiple: spec.multiple }),
      ...(spec.default === undefined ? {} : { default: spec.default }),
    };
  }
  return options;
}
