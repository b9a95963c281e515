import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { ReplayError } from '@basis/exchange';
import { parseChecksum, sha256File } from './files.js';
import { type ArchiveName, isKlineType, type KlineType, localPath, parseArchiveName } from './layout.js';
import { checkFirstRow } from './rows.js';
import { peekCsv, peekZip } from './zip.js';

/** What happened to one file given to {@link importFiles}. */
export interface ImportResult {
  readonly source: string;
  readonly status: 'imported' | 'skipped';
  /** Where it is in the data folder (imported, or already there). */
  readonly path?: string;
  readonly reason?: string;
  readonly dataType?: string;
  readonly symbol?: string;
  readonly interval?: string;
  readonly date?: string;
}

export interface ImportOptions {
  readonly inputs: readonly string[];
  readonly dir: string;
  /** The kline kind of files named by interval (default: from a folder name on the path, else klines). */
  readonly klineType?: KlineType;
  /** Replace a different file already at the destination. */
  readonly force?: boolean;
  /** Stop expanding directories after this many files (default 100,000). */
  readonly maxFiles?: number;
}

/** Copies Binance archives into `dir` in the data.binance.vision layout, after a quick check of each. */
export async function importFiles(options: ImportOptions): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const dir = resolve(options.dir);
  for (const { path, problem } of expand(options.inputs, options.maxFiles ?? 100_000)) {
    if (problem !== undefined) results.push({ source: path, status: 'skipped', reason: problem });
    else results.push(await importOne(path, dir, options));
  }
  return results;
}

function expand(inputs: readonly string[], maxFiles: number): { path: string; problem?: string }[] {
  const out: { path: string; problem?: string }[] = [];
  const walk = (path: string, depth: number): void => {
    for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (out.length >= maxFiles) return;
      const child = resolve(path, entry.name);
      if (entry.isDirectory() && depth < 10) walk(child, depth + 1);
      else if (entry.isFile() && /\.(zip|csv)$/i.test(entry.name)) out.push({ path: child });
    }
  };
  for (const input of inputs) {
    const path = resolve(input);
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch {
      out.push({ path, problem: 'no such file' });
      continue;
    }
    if (stats.isDirectory()) walk(path, 0);
    else out.push({ path });
  }
  return out;
}

async function importOne(source: string, dir: string, options: ImportOptions): Promise<ImportResult> {
  const skip = (reason: string, name?: ArchiveName, path?: string): ImportResult => ({
    source,
    status: 'skipped',
    reason,
    ...(path === undefined ? {} : { path }),
    ...describe(name),
  });
  const klineType = options.klineType ?? klineTypeOnPath(source);
  const parsed = parseArchiveName(basename(source), klineType);
  if ('reason' in parsed) return skip(parsed.reason);
  const name = parsed;
  let head: string;
  try {
    head = name.format === 'zip' ? peekZip(source).head : peekCsv(source);
  } catch (error) {
    // `details` is the problem in a few words; the message would repeat the path.
    if (error instanceof ReplayError && error.reason === 'zip')
      return skip(error.details ?? error.shortMessage, name);
    return skip(`cannot read it: ${error instanceof Error ? error.message : String(error)}`, name);
  }
  const row = checkFirstRow(name.dataType, head);
  if (!row.ok) return skip(row.reason, name);
  if (row.time !== undefined) {
    const ms = row.time > 1e14 ? row.time / 1000 : row.time;
    const day = new Date(ms).toISOString().slice(0, name.date.length);
    if (Number.isFinite(ms) && day !== name.date)
      return skip(
        `the first row is from ${new Date(ms).toISOString().slice(0, 10)}, but the name says ${name.date}`,
        name,
      );
  }
  const checksumSource = `${source}.CHECKSUM`;
  let checksum: string | undefined;
  if (name.format === 'zip' && existsSync(checksumSource)) {
    checksum = parseChecksum(readFileSync(checksumSource, 'utf8'));
    if (checksum === undefined)
      return skip(`${basename(checksumSource)} is not a SHA-256 checksum file`, name);
    if ((await sha256File(source)) !== checksum)
      return skip(`its SHA-256 does not match ${basename(checksumSource)}`, name);
  }
  const destination = localPath(dir, name);
  if (resolve(source) === destination) return { ...skip('already in place', name, destination) };
  if (existsSync(destination)) {
    const same =
      statSync(destination).size === statSync(source).size &&
      (await sha256File(destination)) === (await sha256File(source));
    if (same) return skip('already imported', name, destination);
    if (options.force !== true)
      return skip(
        `a different file is already at ${relative(process.cwd(), destination) || destination}; --force replaces it`,
        name,
        destination,
      );
  }
  mkdirSync(dirname(destination), { recursive: true });
  const part = `${destination}.part`;
  try {
    copyFileSync(source, part);
    renameSync(part, destination);
    if (checksum !== undefined) copyFileSync(checksumSource, `${destination}.CHECKSUM`);
  } catch (error) {
    rmSync(part, { force: true });
    return skip(`copy failed: ${error instanceof Error ? error.message : String(error)}`, name);
  }
  return { source, status: 'imported', path: destination, ...describe(name) };
}

function describe(name: ArchiveName | undefined): Partial<ImportResult> {
  if (name === undefined) return {};
  return {
    dataType: name.dataType,
    symbol: name.symbol,
    ...(name.interval === undefined ? {} : { interval: name.interval }),
    date: name.date,
  };
}

/** The nearest folder on the path named after a kline kind (`markPriceKlines/BTCUSDT/1m/...`). */
function klineTypeOnPath(path: string): KlineType {
  const parts = dirname(path).split(sep);
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (isKlineType(part)) return part;
  }
  return 'klines';
}
