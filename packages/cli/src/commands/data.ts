import { resolve } from 'node:path';
import { CliUsageError } from '../cliError.js';
import { type CommandIo, defineCommand } from '../command.js';
import {
  DEFAULT_BASE_URL,
  type DownloadProgress,
  type DownloadResult,
  daysBetween,
  downloadArchives,
} from '../data/download.js';
import { type ImportResult, importFiles } from '../data/import.js';
import {
  DATA_TYPES,
  type DataType,
  DEFAULT_DATA_DIR,
  INTERVALS,
  isDataType,
  isKlineType,
  KLINE_TYPES,
  type KlineType,
} from '../data/layout.js';
import { toJson } from '../table.js';

const DOWNLOAD_TYPES = DATA_TYPES.filter((t) => t !== 'fundingRate'); // fundingRate is monthly only
const MAX_FILES = 20_000;
const BAR_WIDTH = 30;

export default defineCommand({
  name: 'data',
  description:
    'manage Binance historical files: import archives you have, or download them from data.binance.vision',
  usage: 'import <files or folders...> | download <symbols...> --type T --from DATE [--to DATE]',
  flags: {
    dir: {
      type: 'string',
      default: DEFAULT_DATA_DIR,
      valueName: 'DIR',
      description: 'the local data folder (data.binance.vision layout; what --data/--replay read)',
    },
    type: {
      type: 'string',
      valueName: 'TYPE',
      description: `download: ${DOWNLOAD_TYPES.join(', ')}; import: the kline kind of files named by interval (${KLINE_TYPES.join(', ')})`,
    },
    interval: { type: 'string', valueName: 'I', description: 'download: kline interval (default 1m)' },
    from: { type: 'string', valueName: 'DATE', description: 'download: first day, YYYY-MM-DD (UTC)' },
    to: { type: 'string', valueName: 'DATE', description: 'download: last day, included (default: --from)' },
    'base-url': {
      type: 'string',
      default: DEFAULT_BASE_URL,
      valueName: 'URL',
      description: 'download: the archive server',
    },
    retries: {
      type: 'string',
      default: '2',
      valueName: 'N',
      description: 'download: retries per request after the first attempt',
    },
    concurrency: { type: 'string', default: '4', valueName: 'N', description: 'download: files at once' },
    force: {
      type: 'boolean',
      default: false,
      description: 'import: replace a different file already in the folder',
    },
  },
  async run({ flags, positionals, io }) {
    const [sub, ...args] = positionals;
    const dir = resolve(flags.dir);
    if (sub === 'import') {
      if (args.length === 0)
        throw new CliUsageError(
          'name the files (or folders) to import: basis data import ~/Downloads/BTCUSDT-aggTrades-2024-06-15.zip',
        );
      let klineType: KlineType | undefined;
      if (flags.type !== undefined) {
        if (!isKlineType(flags.type))
          throw new CliUsageError(
            `import reads the type from each file name; --type only says the kline kind of interval-named files: ${KLINE_TYPES.join(', ')}; got ${flags.type}`,
          );
        klineType = flags.type;
      }
      const results = await importFiles({
        inputs: args,
        dir,
        force: flags.force,
        ...(klineType === undefined ? {} : { klineType }),
      });
      return reportImport(results, dir, flags.json, io);
    }
    if (sub === 'download') return download(args, dir, flags, io);
    throw new CliUsageError(
      sub === undefined
        ? 'say what to do: basis data import <files...> or basis data download <symbols...> --type aggTrades --from 2024-06-15'
        : `unknown subcommand '${sub}': use import or download`,
    );
  },
});

function reportImport(results: readonly ImportResult[], dir: string, json: boolean, io: CommandIo): number {
  const imported = results.filter((r) => r.status === 'imported');
  const skipped = results.filter((r) => r.status === 'skipped');
  if (json) {
    io.stdout.write(toJson({ dir, imported: imported.length, skipped: skipped.length, files: results }));
  } else {
    for (const r of imported) io.stdout.write(`imported  ${r.source}\n       -> ${r.path}\n`);
    for (const r of skipped) io.stdout.write(`skipped   ${r.source}: ${r.reason}\n`);
    io.stdout.write(
      `${imported.length} imported, ${skipped.length} skipped into ${dir}${imported.length > 0 ? `\nUse it: basis backtest <strategy> --data ${dir}` : ''}\n`,
    );
  }
  // Nothing usable is a failure; files already in place are fine.
  const unusable = skipped.filter((r) => r.path === undefined);
  return results.length > 0 && unusable.length === results.length ? 1 : 0;
}

async function download(
  symbols: readonly string[],
  dir: string,
  flags: {
    type?: string | undefined;
    interval?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    'base-url': string;
    retries: string;
    concurrency: string;
    json: boolean;
  },
  io: CommandIo,
): Promise<number> {
  if (symbols.length === 0)
    throw new CliUsageError(
      'name the symbols: basis data download BTCUSDT ETHUSDT --type aggTrades --from 2024-06-15',
    );
  for (const s of symbols)
    if (!/^[A-Za-z0-9_]+$/.test(s)) throw new CliUsageError(`symbols are like BTCUSDT; got ${s}`);
  if (flags.type === undefined) throw new CliUsageError(`add --type: one of ${DOWNLOAD_TYPES.join(', ')}`);
  if (!isDataType(flags.type) || flags.type === 'fundingRate')
    throw new CliUsageError(
      `--type must be one of ${DOWNLOAD_TYPES.join(', ')} (daily files); got ${flags.type}`,
    );
  const dataType: DataType = flags.type;
  if (flags.interval !== undefined && !isKlineType(dataType))
    throw new CliUsageError(
      `--interval goes with the kline types (${KLINE_TYPES.join(', ')}), not ${dataType}`,
    );
  const interval = flags.interval ?? '1m';
  if (!(INTERVALS as readonly string[]).includes(interval))
    throw new CliUsageError(`--interval must be one of ${INTERVALS.join(' ')}; got ${interval}`);
  if (flags.from === undefined)
    throw new CliUsageError('add --from YYYY-MM-DD (and --to for more than one day)');
  const from = parseDay(flags.from, 'from');
  const to = flags.to === undefined ? from : parseDay(flags.to, 'to');
  if (to < from) throw new CliUsageError('--to must be on or after --from');
  const days = daysBetween(from, to).length;
  if (days * symbols.length > MAX_FILES)
    throw new CliUsageError(
      `that is ${days * symbols.length} files; download at most ${MAX_FILES} at once (narrow --from/--to)`,
    );
  const baseUrl = flags['base-url'];
  if (!/^https?:\/\/\S+$/.test(baseUrl))
    throw new CliUsageError(`--base-url must be an http(s) URL; got ${baseUrl}`);
  const retries = Number(flags.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 10)
    throw new CliUsageError(`--retries must be 0..10; got ${flags.retries}`);
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16)
    throw new CliUsageError(`--concurrency must be 1..16; got ${flags.concurrency}`);

  const tty = io.stdout.isTTY === true && !flags.json;
  let lastDraw = 0;
  const onProgress = (p: DownloadProgress) => {
    if (!tty) return;
    const now = Date.now();
    if (now - lastDraw < 100 && p.filesDone < p.filesTotal) return;
    lastDraw = now;
    const fraction = p.filesTotal === 0 ? 1 : p.filesDone / p.filesTotal;
    const filled = Math.round(fraction * BAR_WIDTH);
    io.stdout.write(
      `\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${p.filesDone}/${p.filesTotal} files  ${formatBytes(p.bytes)}${p.current === undefined ? '' : `  ${p.current}`}`,
    );
  };
  const results = await downloadArchives({
    symbols: symbols.map((s) => s.toUpperCase()),
    dataType,
    ...(isKlineType(dataType) ? { interval } : {}),
    from,
    to,
    dir,
    baseUrl,
    attempts: retries + 1,
    concurrency,
    signal: io.stopSignal,
    onProgress,
  });
  if (tty) io.stdout.write('\n');
  return reportDownload(results, dir, flags.json, io, io.stopSignal.aborted);
}

function reportDownload(
  results: readonly DownloadResult[],
  dir: string,
  json: boolean,
  io: CommandIo,
  stopped: boolean,
): number {
  const count = (status: DownloadResult['status']) => results.filter((r) => r.status === status).length;
  const summary = {
    downloaded: count('downloaded'),
    present: count('present'),
    missing: count('missing'),
    failed: count('failed'),
  };
  if (json) {
    io.stdout.write(toJson({ dir, ...summary, stopped, files: results }));
  } else {
    for (const r of results) {
      if (r.status === 'downloaded')
        io.stdout.write(`downloaded  ${r.path} (${formatBytes(r.bytes ?? 0)})\n`);
      else if (r.status === 'present')
        io.stdout.write(`present     ${r.path}${r.reason === undefined ? '' : ` (${r.reason})`}\n`);
      else io.stdout.write(`${r.status.padEnd(10)}  ${r.url}: ${r.reason}\n`);
    }
    io.stdout.write(
      `${summary.downloaded} downloaded, ${summary.present} already present, ${summary.missing} not published, ${summary.failed} failed${stopped ? ' (stopped)' : ''}; folder ${dir}\n`,
    );
    if (summary.missing > 0 && summary.downloaded + summary.present === 0)
      io.stdout.write(
        'Nothing was found: check the symbol and dates (a day is published the next day, UTC).\n',
      );
    if (summary.failed > 0)
      io.stdout.write(
        'Run the same command again to retry: good files are kept, failed ones are fetched again.\n',
      );
  }
  return summary.failed > 0 || stopped || summary.downloaded + summary.present === 0 ? 1 : 0;
}

function parseDay(value: string, flag: string): string {
  const time = Date.parse(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    !Number.isFinite(time) ||
    new Date(time).toISOString().slice(0, 10) !== value
  )
    throw new CliUsageError(`--${flag} must be a day as YYYY-MM-DD; got ${value}`);
  return value;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
