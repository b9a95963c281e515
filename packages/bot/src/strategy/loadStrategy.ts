import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
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
 * TypeScript on Node 20 (which cannot strip types): the file is transpiled with the workspace's
 * `typescript` package into `node_modules/.cache/basis/` next to the nearest `node_modules`, so its
 * package imports (`@basis/bot`) resolve as from the original file. Relative imports of other `.ts`
 * files are not transpiled: keep a strategy in one file, or build it to `.js`.
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
  const ext = extname(path);
  try {
    return await import(pathToFileURL(path).href);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if ((ext === '.ts' || ext === '.mts') && code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      return import(pathToFileURL(await transpile(path)).href);
    }
    throw error;
  }
}

async function transpile(path: string): Promise<string> {
  let ts: typeof import('typescript');
  try {
    const mod = (await import('typescript')) as typeof import('typescript') & {
      default?: typeof import('typescript');
    };
    ts = mod.default ?? mod;
  } catch {
    throw new Error(
      `cannot load ${path}: this Node cannot run TypeScript and the 'typescript' package is not installed`,
    );
  }
  const source = readFileSync(path, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: path,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  }).outputText;
  const hash = createHash('sha256').update(path).update(source).digest('hex').slice(0, 12);
  const dir = join(nearestNodeModules(dirname(path)), '.cache', 'basis', 'strategies');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(path, extname(path))}-${hash}.mjs`);
  if (!existsSync(file)) writeFileSync(file, out);
  return file;
}

function nearestNodeModules(from: string): string {
  let dir = from;
  for (let i = 0; i < 64; i++) {
    const candidate = join(dir, 'node_modules');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return join(from, 'node_modules');
}
