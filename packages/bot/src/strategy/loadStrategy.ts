import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Strategy, StrategyFactory } from './strategy.js';

/** The example strategies, by name (files in the repository's `examples/strategies/`). */
export const EXAMPLE_STRATEGIES = {
  'market-maker': 'marketMaker.ts',
  'trend-follower': 'trendFollower.ts',
  'funding-carry': 'fundingCarry.ts',
} as const;

export type ExampleStrategyName = keyof typeof EXAMPLE_STRATEGIES;

/** Where the example strategies live: `<repo>/examples/strategies/` (src/ and dist/ sit at the same depth). */
export function exampleStrategiesDir(): string {
  return fileURLToPath(new URL('../../../../examples/strategies/', import.meta.url));
}

/** The file of an example strategy by name, or undefined for an unknown name. */
export function examplePath(name: string): string | undefined {
  const file = (EXAMPLE_STRATEGIES as Readonly<Record<string, string>>)[name];
  return file === undefined ? undefined : join(exampleStrategiesDir(), file);
}

/** A strategy module or its name: a factory, a ready strategy, or a path / example name to load. */
export type StrategySource = Strategy | StrategyFactory<never> | string;

/**
 * Loads a strategy module from a file path (`.ts`, `.mts`, `.js`, `.mjs`) or an example name
 * (`market-maker`). The module's default export (or its `strategy` export) is a factory
 * (`defineStrategy`) or a strategy object.
 *
 * TypeScript where Node cannot run it as written (Node 20 strips no types; no Node maps `./x.js` to
 * `x.ts`): the module hooks of `hooks/typescript.mjs` are registered, which type-strip the strategy and
 * the `.ts` files it imports with the `typescript` package (cached by content), and resolve relative
 * `.js` imports to the `.ts` file beside them, as TypeScript compiles them. A strategy may so span
 * several files.
 */
export async function loadStrategy(pathOrName: string): Promise<StrategyFactory<Record<string, unknown>>> {
  const path = examplePath(pathOrName) ?? resolve(pathOrName);
  if (!existsSync(path)) {
    const names = Object.keys(EXAMPLE_STRATEGIES).join(', ');
    throw new Error(`no strategy file ${path} (example names: ${names})`);
  }
  const mod = (await importModule(path)) as { default?: unknown; strategy?: unknown };
  const exported = mod.default ?? mod.strategy;
  if (typeof exported === 'function') return exported as StrategyFactory<Record<string, unknown>>;
  if (isStrategy(exported)) return () => exported;
  throw new Error(`${path} exports no strategy: default-export defineStrategy(...) or a strategy object`);
}

/** A strategy from any source, with its parameters applied. */
export async function resolveStrategy(
  source: StrategySource,
  params: Record<string, unknown> = {},
): Promise<Strategy> {
  if (typeof source === 'string') return (await loadStrategy(source))(params);
  if (typeof source === 'function') return (source as StrategyFactory<Record<string, unknown>>)(params);
  return source;
}

function isStrategy(value: unknown): value is Strategy {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

async function importModule(path: string): Promise<unknown> {
  const url = pathToFileURL(path).href;
  try {
    return await import(url);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const typescript = TYPESCRIPT_EXTENSIONS.has(extname(path));
    // Node without type stripping refuses the extension; with it, a `./x.js` import of `x.ts` is not found.
    if (!typescript || (code !== 'ERR_UNKNOWN_FILE_EXTENSION' && code !== 'ERR_MODULE_NOT_FOUND'))
      throw error;
  }
  registerTypeScriptHooks();
  // A fresh URL: Node keeps the failed attempt's result for the plain one.
  return import(`${url}?typescript`);
}

const TYPESCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.mts']);
const TYPESCRIPT_HOOKS = new URL('../../hooks/typescript.mjs', import.meta.url);
const HOOKS_REGISTERED = Symbol.for('basis.typescriptHooks');

/** Registers `hooks/typescript.mjs` once per process (module hooks are process-wide). */
function registerTypeScriptHooks(): void {
  const registry = globalThis as { [HOOKS_REGISTERED]?: boolean };
  if (registry[HOOKS_REGISTERED] === true) return;
  register(TYPESCRIPT_HOOKS);
  registry[HOOKS_REGISTERED] = true;
}
