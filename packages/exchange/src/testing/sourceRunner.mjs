// Runs the workspace's TypeScript sources in a plain `node` process, for tests that spawn the real CLI:
//
//   node --import ./packages/exchange/src/testing/sourceRunner.mjs packages/cli/bin/basis.js exchange ...
//
// The entry is the real one; every `packages/<name>/dist/<file>.js` it reaches (its own `../dist/main.js`,
// each `@basis/*` package export) is served from `packages/<name>/src/<file>.ts`, type-stripped by the
// bot's hooks for TypeScript strategies (`packages/bot/hooks/typescript.mjs`), as vitest runs the
// sources. So the child runs exactly the code under test: never a stale or half-written build, and
// building (which fails while any file of the workspace does not type check) is no precondition.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
// The bot's hooks for TypeScript strategies do the type stripping (and `.js` → `.ts` between sources).
import { resolve as resolveTypeScript, typeScriptLoader } from '../../../bot/hooks/typescript.mjs';

if (isMainThread) register(import.meta.url);

/** `file:///…/packages/`: the workspace's packages. */
const PACKAGES = new URL('../../../', import.meta.url).href;
/** The workspace's transpiled sources, apart from the user's own cache of strategies. */
const loadTypeScript = typeScriptLoader(join(tmpdir(), 'basis-source-runner'));
const DIST = /^(.*\/packages\/[^/]+)\/dist\/(.+)\.js$/;

/** `packages/x/dist/a/b.js` → `packages/x/src/a/b.ts` when that source exists. */
function sourceOf(url) {
  if (!url.startsWith('file:')) return undefined;
  const match = DIST.exec(fileURLToPath(url));
  if (match === null) return undefined;
  const source = `${match[1]}/src/${match[2]}.ts`;
  return existsSync(source) ? pathToFileURL(source).href : undefined;
}

export async function resolve(specifier, context, nextResolve) {
  const fromWorkspace = context.parentURL?.startsWith(PACKAGES) === true;
  const resolved = fromWorkspace
    ? await resolveTypeScript(specifier, context, nextResolve)
    : await nextResolve(specifier, context);
  const source = sourceOf(resolved.url);
  return source === undefined ? resolved : { url: source, format: 'module', shortCircuit: true };
}

/**
 * The workspace's sources only: any other TypeScript (a user's strategy file) reaches Node as it
 * would without this runner, so the product's own way of loading it is what runs.
 */
export async function load(url, context, nextLoad) {
  return url.startsWith(PACKAGES) ? loadTypeScript(url, context, nextLoad) : nextLoad(url, context);
}
