// Runs the workspace's TypeScript sources in a plain `node` process, for tests that spawn the real CLI:
//
//   node --import ./packages/exchange/src/testing/sourceRunner.mjs packages/cli/bin/basis.js exchange ...
//
// The entry is the real one; every `packages/<name>/dist/<file>.js` it reaches (its own `../dist/main.js`,
// each `@basis/*` package export) is served from `packages/<name>/src/<file>.ts`, type-stripped with the
// workspace's TypeScript, as vitest runs the sources. So the child runs exactly the code under test: never
// a stale or half-written build, and building (which fails while any file of the workspace does not type
// check) is no precondition. Transpiled files are cached in the OS temp directory by content hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

const DIST = /^(.*\/packages\/[^/]+)\/dist\/(.+)\.js$/;
const CACHE = join(tmpdir(), 'basis-source-runner');
let typescript;

/** `packages/x/dist/a/b.js` → `packages/x/src/a/b.ts` when that source exists. */
function sourceOf(url) {
  if (!url.startsWith('file:')) return undefined;
  const match = DIST.exec(fileURLToPath(url));
  if (match === null) return undefined;
  const source = `${match[1]}/src/${match[2]}.ts`;
  return existsSync(source) ? pathToFileURL(source).href : undefined;
}

export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  // Relative `.js` imports between sources name the `.ts` file beside them.
  if (parent.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const ts = new URL(`${specifier.slice(0, -3)}.ts`, parent);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, format: 'module', shortCircuit: true };
  }
  const resolved = await nextResolve(specifier, context);
  const source = sourceOf(resolved.url);
  return source === undefined ? resolved : { url: source, format: 'module', shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const text = readFileSync(path, 'utf8');
  const key = createHash('sha1').update(path).update('\0').update(text).digest('hex');
  const cached = join(CACHE, `${key}.js`);
  if (existsSync(cached))
    return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  typescript ??= (await import('typescript')).default;
  const output = typescript.transpileModule(text, {
    fileName: path,
    compilerOptions: {
      module: typescript.ModuleKind.ESNext,
      target: typescript.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
      inlineSourceMap: true,
    },
  }).outputText;
  try {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(`${cached}.${process.pid}`, output);
    // Atomic, so a concurrent run never reads half a file.
    renameSync(`${cached}.${process.pid}`, cached);
  } catch {
    // A cache that cannot be written only costs speed.
  }
  return { format: 'module', source: output, shortCircuit: true };
}
