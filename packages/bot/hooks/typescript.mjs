// Module customization hooks (node:module `register`) that let Node import TypeScript strategies
// made of several files, as TypeScript itself compiles them:
//
// - `resolve`: a relative `./x.js` (or `./x.mjs`) imported from a `.ts` (`.mts`) file names the
//   `./x.ts` (`./x.mts`) beside it when that exists (TypeScript's NodeNext convention);
// - `load`: a `.ts` or `.mts` file outside node_modules is type-stripped with the `typescript`
//   package (module and syntax kept, an inline source map added). The output is cached in the user's
//   cache directory by path and content hash, so `typescript` (~0.5 s to load) is only loaded for a
//   file that changed. Where `typescript` is not installed and Node strips types itself (22.18+),
//   Node loads the file.
//
// Plain JavaScript, not compiled: Node loads hooks in its own thread, before any TypeScript support.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The user's own cache (`$XDG_CACHE_HOME` or `~/.cache`), never a shared temp directory: on a machine
 * with several users another one could plant the output a strategy would then run.
 */
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'basis', 'typescript');
// Part of each cache key: a change to the options below must not reuse older output.
const FORMAT = 'esnext-es2022-inline-map-1';
const SOURCE_OF_OUTPUT = { '.js': '.ts', '.mjs': '.mts' };

/** @type {typeof import('typescript') | undefined} */
let typescript;

/** `file:` URLs of `.ts` / `.mts` files (query and fragment aside). */
function isTypeScriptUrl(url) {
  if (!url.startsWith('file:')) return false;
  const { pathname } = new URL(url);
  return pathname.endsWith('.ts') || pathname.endsWith('.mts');
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL;
  if (parent !== undefined && specifier.startsWith('.') && isTypeScriptUrl(parent)) {
    const ext = specifier.endsWith('.mjs') ? '.mjs' : specifier.endsWith('.js') ? '.js' : undefined;
    if (ext !== undefined) {
      const source = new URL(specifier.slice(0, -ext.length) + SOURCE_OF_OUTPUT[ext], parent);
      if (existsSync(fileURLToPath(source)))
        return { url: source.href, format: 'module', shortCircuit: true };
    }
  }
  return nextResolve(specifier, context);
}

/**
 * A `load` hook caching in `cacheDir` (the exchange's test runner keeps the workspace's own sources
 * apart from the user's cache).
 */
export function typeScriptLoader(cacheDir) {
  return async function load(url, context, nextLoad) {
    if (!isTypeScriptUrl(url) || url.includes('/node_modules/')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const text = readFileSync(path, 'utf8');
    const key = createHash('sha256').update(FORMAT).update('\0').update(path).update('\0').update(text);
    const cached = join(cacheDir, `${key.digest('hex').slice(0, 32)}.js`);
    if (existsSync(cached))
      return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
    if (typescript === undefined) {
      try {
        const mod = await import('typescript');
        typescript = mod.default ?? mod;
      } catch {
        if (process.features.typescript) return nextLoad(url, { ...context, format: 'module-typescript' });
        throw new Error(
          `cannot load ${path}: Node ${process.version} cannot run TypeScript and the 'typescript' package ` +
            'is not installed (npm install --save-dev typescript), or build the strategy to JavaScript',
        );
      }
    }
    const output = typescript.transpileModule(text, {
      fileName: path,
      reportDiagnostics: false,
      compilerOptions: {
        module: typescript.ModuleKind.ESNext,
        target: typescript.ScriptTarget.ES2022,
        sourceMap: false,
        inlineSourceMap: true,
      },
    }).outputText;
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written aside then renamed, so a concurrent process never reads half a file.
      writeFileSync(`${cached}.${process.pid}`, output);
      renameSync(`${cached}.${process.pid}`, cached);
    } catch {
      // A cache that cannot be written only costs speed.
    }
    return { format: 'module', source: output, shortCircuit: true };
  };
}

/** The `load` hook, caching in the user's cache directory. */
export const load = typeScriptLoader(CACHE);
