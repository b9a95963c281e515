/**
 * Footprint of the Basis SDK against ccxt and the `binance` package: cold import time and installed
 * size with dependencies. Issue "SDK part 1", item 10. Method of peers.md §b, adapted to a package
 * that is not published (see bench/README.md, "sdk: round trips and footprint").
 *
 *   npm run build                       # @basis/sdk and @basis/core are measured from their dist
 *   node bench/sdkFootprint.mjs         # 11 runs per import (after 1 discarded), sizes
 *   node bench/sdkFootprint.mjs --runs 21 --json
 *
 * Import time, each run a fresh `node` process started from bench/ (so the specifiers resolve as
 * they do for the benchmarks), one discarded warm-up, then `--runs` runs, median (min-max):
 * - `import`: `process.hrtime` around `await import(x)` inside the process (peers.md §b: Node's own
 *   startup excluded);
 * - `process`: the wall time of the whole `node --input-type=module -e "await import(x)"` process
 *   minus the median of an empty `node --input-type=module -e ""` (the baseline), measured in the
 *   same interleaved rounds;
 * - `import + client`: the in-process time to import and construct one USD-M REST client.
 *
 * Installed size with dependencies: the package's own files as npm would install them plus the
 * production dependency closure (`dependencies` and non-optional `peerDependencies`, followed
 * recursively and resolved from node_modules the way Node does, each package counted once). Our
 * unpublished workspace packages count what `npm pack --dry-run` would ship (dist, src, README,
 * package.json); a registry package counts its folder in node_modules (what npm unpacked), without
 * nested node_modules (those are packages of the closure, counted on their own). Apparent bytes
 * (sum of file sizes) and disk usage (allocated blocks, as `du`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const TARGET_IMPORT_MS = 15;
const TARGET_INSTALLED_BYTES = 1_000_000;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '11' },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs <= 0 || runs > 101) {
  process.stderr.write('sdkFootprint: --runs must be an integer in 1..101\n');
  process.exit(2);
}

const PACKAGES = [
  {
    name: '@basis/sdk',
    construct:
      "const m = await import('@basis/sdk'); m.createClient({ env: 'local', baseUrl: 'http://127.0.0.1:1', " +
      "credentials: { apiKey: 'k', apiSecret: 's' } }).extend(m.usdmActions);",
  },
  {
    name: 'ccxt',
    construct: "const m = (await import('ccxt')).default; new m.binanceusdm({ apiKey: 'k', secret: 's' });",
  },
  {
    name: 'binance',
    construct:
      "const m = await import('binance'); new m.USDMClient({ api_key: 'k', api_secret: 's', baseUrl: 'http://127.0.0.1:1' });",
  },
];

// ---- import time ----------------------------------------------------------------------------------

// The elapsed time is taken before `process.stdout` is touched: its getter builds the stream (and
// loads the stream modules), which must not count as the import's time.
const timed = (body) =>
  `const t = process.hrtime.bigint(); ${body} const ms = Number(process.hrtime.bigint() - t) / 1e6; process.stdout.write(String(ms));`;

const probes = [
  { key: 'baseline', kind: 'process', code: '' },
  // Attribution: the part of the SDK's import that is @basis/core.
  { key: '@basis/core import', kind: 'import', code: timed("await import('@basis/core');") },
];
for (const pkg of PACKAGES) {
  probes.push({
    key: `${pkg.name} import`,
    pkg: pkg.name,
    kind: 'import',
    code: timed(`await import('${pkg.name}');`),
  });
  probes.push({
    key: `${pkg.name} process`,
    pkg: pkg.name,
    kind: 'process',
    code: `await import('${pkg.name}');`,
  });
  probes.push({
    key: `${pkg.name} import + client`,
    pkg: pkg.name,
    kind: 'construct',
    code: timed(pkg.construct),
  });
}

/** One fresh process: its wall time (ms) and what it printed (the in-process time, ms). */
function runOnce(code) {
  const t0 = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: HERE,
    encoding: 'utf8',
    timeout: 30_000,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (child.status !== 0) throw new Error(`node -e failed (${child.status}): ${child.stderr.slice(0, 500)}`);
  return { wallMs, printedMs: child.stdout === '' ? undefined : Number(child.stdout) };
}

const samples = new Map(probes.map((p) => [p.key, []]));
// Round 0 is the discarded warm-up; probes interleave within each round.
for (let round = 0; round <= runs; round++) {
  for (const probe of probes) {
    const { wallMs, printedMs } = runOnce(probe.code);
    if (round > 0) samples.get(probe.key).push(probe.kind === 'process' ? wallMs : printedMs);
  }
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor((sorted.length - 1) / 2)],
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
};
const baseline = stats(samples.get('baseline'));
const coreImport = stats(samples.get('@basis/core import'));
const importTimes = PACKAGES.map((pkg) => {
  const inProcess = stats(samples.get(`${pkg.name} import`));
  const whole = stats(samples.get(`${pkg.name} process`));
  const construct = stats(samples.get(`${pkg.name} import + client`));
  return {
    name: pkg.name,
    importMs: inProcess,
    processMinusBaselineMs: whole.median - baseline.median,
    processMs: whole,
    importAndClientMs: construct,
  };
});

/** The ES modules `import('@basis/sdk')` loads: a walk of the static imports from its entry. */
function moduleGraph(entry) {
  const seen = new Set();
  let bytes = 0;
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    const pattern = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
    for (const match of text.matchAll(pattern)) {
      const specifier = match[1] ?? match[2];
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else if (specifier.startsWith('@basis/')) visit(createRequire(file).resolve(specifier));
    }
  };
  visit(entry);
  return { modules: seen.size, bytes };
}
const sdkGraph = moduleGraph(createRequire(join(HERE, 'package.json')).resolve('@basis/sdk'));

// ---- installed size -------------------------------------------------------------------------------

/** Where `name` resolves from `fromDir`: the first node_modules/name walking up (Node's lookup). */
function resolvePackageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Sum of a folder's files (not following symlinks, skipping nested node_modules). */
function folderSize(dir) {
  let bytes = 0;
  let blocks = 0;
  let files = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules') continue;
        walk(full);
      } else if (entry.isFile()) {
        const st = lstatSync(full);
        bytes += st.size;
        blocks += st.blocks * 512;
        files += 1;
      }
    }
  };
  walk(dir);
  return { bytes, diskBytes: blocks, files };
}

/** What `npm pack` would ship from a workspace package: its file list, sized on disk. */
function packedSize(dir) {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(out);
  let diskBytes = 0;
  const byKind = { js: 0, dts: 0, map: 0, src: 0, other: 0 };
  for (const file of pack.files) {
    const st = statSync(join(dir, file.path));
    diskBytes += st.blocks * 512;
    const kind = file.path.startsWith('src/')
      ? 'src'
      : file.path.endsWith('.map')
        ? 'map'
        : file.path.endsWith('.d.ts')
          ? 'dts'
          : file.path.endsWith('.js')
            ? 'js'
            : 'other';
    byKind[kind] += file.size;
  }
  return { bytes: pack.unpackedSize, diskBytes, files: pack.entryCount, tarballBytes: pack.size, byKind };
}

function isWorkspace(dir) {
  const rel = relative(ROOT, dir);
  return !rel.startsWith('..') && !rel.split(sep).includes('node_modules');
}

/** The production closure of the package at `dir`, each package once (by real path). */
function closure(dir) {
  const seen = new Map();
  const visit = (pkgDir) => {
    if (seen.has(pkgDir)) return;
    const manifest = readJson(join(pkgDir, 'package.json'));
    const size = isWorkspace(pkgDir) ? packedSize(pkgDir) : folderSize(pkgDir);
    seen.set(pkgDir, { name: manifest.name, version: manifest.version, ...size });
    const optionalPeers = manifest.peerDependenciesMeta ?? {};
    const deps = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter(
        (name) => optionalPeers[name]?.optional !== true,
      ),
    ];
    for (const dep of deps) {
      const depDir = resolvePackageDir(dep, pkgDir);
      if (depDir === undefined) throw new Error(`${manifest.name}: dependency ${dep} is not installed`);
      visit(depDir);
    }
    // optionalDependencies are installed when they can be (platform binaries): count those present.
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) {
      const depDir = resolvePackageDir(dep, pkgDir);
      if (depDir !== undefined) visit(depDir);
    }
  };
  visit(dir);
  const packages = [...seen.values()];
  const sum = (key) => packages.reduce((total, p) => total + p[key], 0);
  return { packages, bytes: sum('bytes'), diskBytes: sum('diskBytes'), files: sum('files') };
}

const sizes = PACKAGES.map((pkg) => {
  const dir = resolvePackageDir(pkg.name, HERE);
  if (dir === undefined) throw new Error(`${pkg.name} is not installed; run npm install`);
  return { name: pkg.name, ...closure(dir) };
});

// ---- report ---------------------------------------------------------------------------------------

const setup = { node: process.version, platform: `${process.platform} ${process.arch}`, runs };
const sdkImport = importTimes[0];
const sdkSize = sizes[0];
const verdicts = {
  importUnder15Ms: sdkImport.importMs.median < TARGET_IMPORT_MS,
  processMinusBaselineUnder15Ms: sdkImport.processMinusBaselineMs < TARGET_IMPORT_MS,
  installedUnder1MB: sdkSize.bytes < TARGET_INSTALLED_BYTES,
};

if (args.json) {
  process.stdout.write(
    `${JSON.stringify({ setup, baselineMs: baseline, coreImportMs: coreImport, sdkGraph, importTimes, sizes, verdicts }, null, 2)}\n`,
  );
} else {
  const f = (ms) => ms.toFixed(1);
  const range = (s) => `${f(s.median)} ms (${f(s.min)}–${f(s.max)})`;
  process.stdout.write(
    `${setup.node} ${setup.platform}; ${runs} runs per probe after 1 discarded, interleaved, median (min–max)\n\n`,
  );
  process.stdout.write(`empty process baseline (node --input-type=module -e ""): ${range(baseline)}\n\n`);
  for (const t of importTimes) {
    process.stdout.write(
      `${t.name.padEnd(11)} import ${range(t.importMs)}   process - baseline ${f(t.processMinusBaselineMs)} ms` +
        `   import + client ${range(t.importAndClientMs)}\n`,
    );
  }
  process.stdout.write(
    `  @basis/sdk loads ${sdkGraph.modules} ES modules (${(sdkGraph.bytes / 1000).toFixed(0)} kB of JS, @basis/core's ` +
      `included) at import; Node's own undici is set up on the first request. @basis/core alone: import ${range(coreImport)}\n`,
  );
  const ratio = (key) => (t) => `${(t[key].median / sdkImport[key].median).toFixed(1)}x`;
  for (const t of importTimes.slice(1)) {
    process.stdout.write(
      `  ${t.name} vs @basis/sdk: import ${ratio('importMs')(t)}, import + client ${ratio('importAndClientMs')(t)}\n`,
    );
  }
  const kb = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
  process.stdout.write(
    '\ninstalled size with production dependencies (apparent bytes / disk usage / files)\n',
  );
  for (const s of sizes) {
    process.stdout.write(
      `${s.name.padEnd(11)} ${kb(s.bytes)} / ${kb(s.diskBytes)} / ${s.files} files, ${s.packages.length} packages` +
        `  (${(s.bytes / sdkSize.bytes).toFixed(1)}x @basis/sdk)\n`,
    );
    for (const p of [...s.packages].sort((a, b) => b.bytes - a.bytes)) {
      const parts =
        p.byKind === undefined
          ? ''
          : `  [dist .js ${kb(p.byKind.js)}, .d.ts ${kb(p.byKind.dts)}, .map ${kb(p.byKind.map)}, src ${kb(p.byKind.src)}, other ${kb(p.byKind.other)}; tarball ${kb(p.tarballBytes)}]`;
      process.stdout.write(`    ${`${p.name}@${p.version}`.padEnd(34)} ${kb(p.bytes).padStart(8)}${parts}\n`);
    }
  }
  process.stdout.write(
    `\ntargets: import < ${TARGET_IMPORT_MS} ms ${verdicts.importUnder15Ms ? 'met' : 'NOT met'} ` +
      `(process - baseline: ${verdicts.processMinusBaselineUnder15Ms ? 'met' : 'NOT met'}); ` +
      `installed with deps < 1 MB ${verdicts.installedUnder1MB ? 'met' : 'NOT met'}\n`,
  );
}
