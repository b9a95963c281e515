import { createHash } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { parseChecksum, sha256File } from './files.js';
import { archivePath, type DataType, dailyFileName, isKlineType } from './layout.js';

/** data.binance.vision, where Binance publishes its historical market data. */
export const DEFAULT_BASE_URL = 'https://data.binance.vision';

export interface DownloadOptions {
  readonly symbols: readonly string[];
  readonly dataType: DataType;
  /** Kline interval (kline types only). */
  readonly interval?: string;
  /** Days `YYYY-MM-DD`, both included. */
  readonly from: string;
  readonly to: string;
  readonly dir: string;
  readonly baseUrl?: string;
  /** Attempts per request (default 3). */
  readonly attempts?: number;
  /** First backoff between attempts, doubled each time (default 500 ms, at most 10 s). */
  readonly retryDelayMs?: number;
  /** Files downloaded at once (default 4). */
  readonly concurrency?: number;
  /** A request that receives nothing for this long is abandoned (default 30 s). */
  readonly idleTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  /** Bytes received so far, all files. */
  readonly bytes: number;
  /** The file being received most recently. */
  readonly current: string | undefined;
}

/** What happened to one day's file. */
export interface DownloadResult {
  readonly symbol: string;
  readonly date: string;
  readonly url: string;
  readonly path: string;
  /** `downloaded`; `present` (already here, checksum good); `missing` (not published); `failed`. */
  readonly status: 'downloaded' | 'present' | 'missing' | 'failed';
  readonly bytes?: number;
  readonly reason?: string;
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

class HttpStatus extends Error {
  readonly status: number;
  constructor(status: number, url: string) {
    super(`HTTP ${status} for ${url}`);
    this.status = status;
  }
}

/** 404: the file is not published. */
const isMissing = (error: unknown) =>
  error instanceof HttpStatus && (error.status === 404 || error.status === 403);
/** Worth another attempt: network errors, timeouts, 5xx, 429, a checksum mismatch. */
const isRetryable = (error: unknown) =>
  !(error instanceof HttpStatus) || error.status >= 500 || error.status === 429 || error.status === 408;

/**
 * Downloads daily archives from data.binance.vision into `dir` in the same layout, verifying each
 * against its `.CHECKSUM` (SHA-256). A file already present with the right checksum is not fetched
 * again; each file is written to `<name>.part` and renamed only once verified, so an interrupted run
 * leaves nothing half-written under the final name.
 */
export async function downloadArchives(options: DownloadOptions): Promise<DownloadResult[]> {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const interval = isKlineType(options.dataType) ? (options.interval ?? '1m') : undefined;
  const tasks = options.symbols.flatMap((symbol) =>
    daysBetween(options.from, options.to).map((date) => {
      const fileName = dailyFileName(symbol, options.dataType, interval, date);
      const relative = archivePath({
        fileName,
        symbol,
        dataType: options.dataType,
        interval,
        period: 'daily',
        date,
      });
      return { symbol, date, url: `${baseUrl}/${relative}`, path: join(options.dir, ...relative.split('/')) };
    }),
  );
  const results: DownloadResult[] = new Array(tasks.length);
  let next = 0;
  let filesDone = 0;
  let bytes = 0;
  let current: string | undefined;
  const report = () => options.onProgress?.({ filesDone, filesTotal: tasks.length, bytes, current });
  const onBytes = (n: number, name: string) => {
    bytes += n;
    current = name;
    report();
  };
  const worker = async () => {
    while (next < tasks.length && options.signal?.aborted !== true) {
      const index = next++;
      const task = tasks[index]!;
      results[index] = await fetchOne(task, options, onBytes);
      filesDone++;
      report();
    }
  };
  report();
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, tasks.length)) }, worker),
  );
  return results.filter((r): r is DownloadResult => r !== undefined);
}

async function fetchOne(
  task: { symbol: string; date: string; url: string; path: string },
  options: DownloadOptions,
  onBytes: (n: number, name: string) => void,
): Promise<DownloadResult> {
  const base = { symbol: task.symbol, date: task.date, url: task.url, path: task.path };
  const checksumPath = `${task.path}.CHECKSUM`;
  let checksumText: string;
  try {
    checksumText = await withRetries(options, () => fetchText(`${task.url}.CHECKSUM`, options));
  } catch (error) {
    if (isMissing(error))
      return {
        ...base,
        status: 'missing',
        reason: 'not published on the server (no data that day, or not yet)',
      };
    // Offline: a file verified against its saved checksum is still good.
    if (existsSync(task.path) && existsSync(checksumPath)) {
      const saved = parseChecksum(readFileSync(checksumPath, 'utf8'));
      if (saved !== undefined && (await sha256File(task.path)) === saved)
        return {
          ...base,
          status: 'present',
          reason: `checked against the saved .CHECKSUM (server unreachable: ${messageOf(error)})`,
        };
    }
    return {
      ...base,
      status: 'failed',
      reason: `cannot get ${basename(task.url)}.CHECKSUM: ${messageOf(error)}`,
    };
  }
  const expected = parseChecksum(checksumText);
  if (expected === undefined)
    return { ...base, status: 'failed', reason: `${basename(task.url)}.CHECKSUM is not a SHA-256 checksum` };
  if (existsSync(task.path) && (await sha256File(task.path)) === expected) {
    if (!existsSync(checksumPath)) writeFileSync(checksumPath, checksumText);
    return { ...base, status: 'present' };
  }
  mkdirSync(dirname(task.path), { recursive: true });
  const part = `${task.path}.part`;
  try {
    const size = await withRetries(options, async () => {
      const { bytes, sha256 } = await fetchToFile(task.url, part, options, (n) =>
        onBytes(n, basename(task.url)),
      );
      if (sha256 !== expected) {
        rmSync(part, { force: true });
        throw new ChecksumMismatch(
          `checksum mismatch: the .CHECKSUM says ${expected.slice(0, 12)}…, the download hashes to ${sha256.slice(0, 12)}…`,
        );
      }
      return bytes;
    });
    renameSync(part, task.path);
    writeFileSync(checksumPath, checksumText);
    return { ...base, status: 'downloaded', bytes: size };
  } catch (error) {
    rmSync(part, { force: true });
    if (isMissing(error))
      return { ...base, status: 'missing', reason: 'the .CHECKSUM is published but the archive is not' };
    const reason =
      error instanceof ChecksumMismatch ? `${error.message}; refused, nothing kept` : messageOf(error);
    return { ...base, status: 'failed', reason };
  }
}

class ChecksumMismatch extends Error {}

function basename(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

async function withRetries<T>(options: DownloadOptions, attempt: () => Promise<T>): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  let delay = options.retryDelayMs ?? 500;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= attempts || !isRetryable(error) || options.signal?.aborted === true) throw error;
      await sleep(delay, options.signal);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A fetch whose controller aborts when the caller stops or nothing arrives for the idle timeout. */
function idleController(options: DownloadOptions): { signal: AbortSignal; touch(): void; done(): void } {
  const controller = new AbortController();
  const idleMs = options.idleTimeoutMs ?? 30_000;
  const stop = () => controller.abort(options.signal?.reason ?? new Error('stopped'));
  options.signal?.addEventListener('abort', stop, { once: true });
  let timer = setTimeout(() => controller.abort(new Error(`no data for ${idleMs} ms`)), idleMs);
  return {
    signal: controller.signal,
    touch() {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error(`no data for ${idleMs} ms`)), idleMs);
    },
    done() {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', stop);
    },
  };
}

async function fetchText(url: string, options: DownloadOptions): Promise<string> {
  const idle = idleController(options);
  try {
    const response = await fetch(url, { signal: idle.signal });
    if (!response.ok) {
      await response.body?.cancel();
      throw new HttpStatus(response.status, url);
    }
    return await response.text();
  } finally {
    idle.done();
  }
}

async function fetchToFile(
  url: string,
  path: string,
  options: DownloadOptions,
  onBytes: (n: number) => void,
): Promise<{ bytes: number; sha256: string }> {
  const idle = idleController(options);
  try {
    const response = await fetch(url, { signal: idle.signal });
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new HttpStatus(response.status, url);
    }
    const hash = createHash('sha256');
    let bytes = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        idle.touch();
        hash.update(chunk);
        bytes += chunk.length;
        onBytes(chunk.length);
        callback(null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
      tap,
      createWriteStream(path),
    );
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    idle.done();
  }
}
