import type { CommandDefinition, FlagSpec, FlagSpecs } from './command.js';
import { globalFlags } from './command.js';

export function formatRootHelp(commands: Readonly<Record<string, { readonly summary: string }>>): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'basis: algorithmic trading on Binance Futures, with a local exchange on your machine.',
    '',
    'Usage: basis <command> [flags]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run 'basis <command> --help' for a command's flags. Every command accepts --json.",
    '',
  ].join('\n');
}

export function formatCommandHelp(command: CommandDefinition<FlagSpecs>): string {
  const all: Record<string, FlagSpec> = { ...command.flags, ...globalFlags };
  const flags = Object.entries(all).map(([name, spec]) => {
    const value = spec.type === 'string' ? ` <${spec.valueName ?? 'value'}>` : '';
    const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
    const fallback =
      spec.default === undefined || spec.default === false ? '' : ` (default: ${String(spec.default)})`;
    return { left: `${short}--${name}${value}`, right: `${spec.description}${fallback}` };
  });
  const width = Math.max(...flags.map((f) => f.left.length));
  return [
    `basis ${command.name}: ${command.description}`,
    '',
    `Usage: basis ${command.name}${command.usage === undefined ? '' : ` ${command.usage}`} [flags]`,
    '',
    'Flags:',
    ...flags.map((f) => `  ${f.left.padEnd(width)}  ${f.right}`),
    '',
  ].join('\n');
}
