import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExchange } from '@basis/exchange';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { aggTradesCsv, checksumFor, klinesCsv, makeZip } from '../data/testing.js';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'basis-cli-data-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function basis(args: readonly string[]) {
  const io = captureIo();
  const code = await run(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string, prefix: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(path, entry.name), `${prefix}${entry.name}/`);
      else out.push(`${prefix}${entry.name}`);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

const AGG = 'data/futures/um/daily/aggTrades/BTCUSDT';

describe('basis data import', () => {
  test('default: files land in the data.binance.vision layout; bad ones are skipped with the reason', async () => {
    const source = tempDir();
    const dir = join(tempDir(), 'binance');
    const agg = makeZip([{ name: 'BTCUSDT-aggTrades-2024-06-15.csv', data: aggTradesCsv('2024-06-15', 50) }]);
    writeFileSync(join(source, 'BTCUSDT-aggTrades-2024-06-15.zip'), agg);
    writeFileSync(
      join(source, 'BTCUSDT-aggTrades-2024-06-15.zip.CHECKSUM'),
      checksumFor(agg, 'BTCUSDT-aggTrades-2024-06-15.zip'),
    );
    writeFileSync(join(source, 'ETHUSDT-1m-2024-06-15.csv'), klinesCsv('2024-06-15'));
    mkdirSync(join(source, 'markPriceKlines'));
    writeFileSync(
      join(source, 'markPriceKlines', 'BTCUSDT-1m-2024-06-15.zip'),
      makeZip([{ name: 'BTCUSDT-1m-2024-06-15.csv', data: klinesCsv('2024-06-15') }]),
    );
    // Broken: not a zip; wrong columns; misnamed day; not a Binance name; checksum mismatch.
    writeFileSync(join(source, 'BTCUSDT-aggTrades-2024-06-16.zip'), 'PK not really a zip');
    writeFileSync(
      join(source, 'BTCUSDT-trades-2024-06-15.zip'),
      makeZip([{ name: 'BTCUSDT-trades-2024-06-15.csv', data: '1,60000,0.1\n' }]),
    );
    writeFileSync(
      join(source, 'BTCUSDT-aggTrades-2024-06-17.zip'),
      makeZip([{ name: 'x.csv', data: aggTradesCsv('2024-06-15') }]),
    );
    writeFileSync(join(source, 'notes.csv'), 'hello\n');
    const other = makeZip([{ name: 'BTCUSDT-aggTrades-2024-06-18.csv', data: aggTradesCsv('2024-06-18') }]);
    writeFileSync(join(source, 'BTCUSDT-aggTrades-2024-06-18.zip'), other);
    writeFileSync(join(source, 'BTCUSDT-aggTrades-2024-06-18.zip.CHECKSUM'), `${'0'.repeat(64)}  x.zip\n`);

    const result = await basis(['data', 'import', source, '--dir', dir, '--json']);
    expect(result.code, result.err).toBe(0);
    const report = JSON.parse(result.out) as {
      imported: number;
      skipped: number;
      files: { source: string; status: string; reason?: string }[];
    };
    expect(report).toMatchObject({ imported: 3, skipped: 5 });
    const reasonOf = (name: string) => report.files.find((f) => f.source.endsWith(name))?.reason;
    expect(reasonOf('BTCUSDT-aggTrades-2024-06-16.zip')).toContain('not a zip archive');
    expect(reasonOf('BTCUSDT-trades-2024-06-15.zip')).toContain(
      'the first row has 3 columns; trades rows have 6',
    );
    expect(reasonOf('BTCUSDT-aggTrades-2024-06-17.zip')).toContain('the first row is from 2024-06-15');
    expect(reasonOf('notes.csv')).toContain('not a Binance archive name');
    expect(reasonOf('BTCUSDT-aggTrades-2024-06-18.zip')).toContain('SHA-256 does not match');
    expect(tree(dir)).toEqual([
      `${AGG}/BTCUSDT-aggTrades-2024-06-15.zip`,
      `${AGG}/BTCUSDT-aggTrades-2024-06-15.zip.CHECKSUM`,
      'data/futures/um/daily/klines/ETHUSDT/1m/ETHUSDT-1m-2024-06-15.csv',
      'data/futures/um/daily/markPriceKlines/BTCUSDT/1m/BTCUSDT-1m-2024-06-15.zip',
    ]);

    // Again: nothing changes, and the text report says why each file was skipped.
    const again = await basis([
      'data',
      'import',
      join(source, 'BTCUSDT-aggTrades-2024-06-15.zip'),
      '--dir',
      dir,
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('already imported');
    expect(again.out).toContain('0 imported, 1 skipped');

    // The exchange's replay reads the folder as it is.
    const exchange = createExchange({ replay: { dir } });
    try {
      const status = exchange.venue.replay?.status();
      expect(status?.symbols.map((s) => s.symbol)).toContain('BTCUSDT');
    } finally {
      await exchange.close();
    }
  });

  test('behavior: COIN-M archives land under futures/cm, and the exchange replays them on its COIN-M venue', async () => {
    const source = tempDir();
    const dir = join(tempDir(), 'binance');
    writeFileSync(
      join(source, 'BTCUSD_PERP-aggTrades-2024-06-15.zip'),
      makeZip([
        { name: 'BTCUSD_PERP-aggTrades-2024-06-15.csv', data: aggTradesCsv('2024-06-15', 30, 66000, '7') },
      ]),
    );
    const result = await basis(['data', 'import', source, '--dir', dir, '--json']);
    expect(result.code, result.out).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ imported: 1, skipped: 0 });
    expect(tree(dir)).toEqual([
      'data/futures/cm/daily/aggTrades/BTCUSD_PERP/BTCUSD_PERP-aggTrades-2024-06-15.zip',
    ]);
    const exchange = createExchange({ replay: { dir }, log: () => {} });
    try {
      expect(exchange.coinm?.replay?.symbols).toEqual(['BTCUSD_PERP']);
      expect(exchange.venue.replay).toBeUndefined(); // USD-M keeps its synthetic market
    } finally {
      await exchange.close();
    }
  });

  test('behavior: a different file at the destination is kept unless --force; nothing usable exits 1', async () => {
    const source = tempDir();
    const dir = tempDir();
    const name = 'BTCUSDT-aggTrades-2024-06-15.zip';
    writeFileSync(join(source, name), makeZip([{ name: 'a.csv', data: aggTradesCsv('2024-06-15', 3) }]));
    expect((await basis(['data', 'import', join(source, name), '--dir', dir])).code).toBe(0);
    const replacement = makeZip([{ name: 'a.csv', data: aggTradesCsv('2024-06-15', 9) }]);
    writeFileSync(join(source, name), replacement);
    const kept = await basis(['data', 'import', join(source, name), '--dir', dir]);
    expect(kept.out).toContain('--force replaces it');
    const forced = await basis(['data', 'import', join(source, name), '--dir', dir, '--force']);
    expect(forced.out).toContain('1 imported');
    expect(readFileSync(join(dir, AGG, name))).toEqual(replacement);

    const nothing = await basis(['data', 'import', join(source, 'missing.zip'), '--dir', dir]);
    expect(nothing.code).toBe(1);
    expect(nothing.out).toContain('no such file');
    const usage = await basis(['data', 'import']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('name the files');
  });
});

/** A stand-in for data.binance.vision on 127.0.0.1: fixed files, a per-path hit count, scripted failures. */
class ArchiveServer {
  readonly files = new Map<string, Buffer | string>();
  readonly hits = new Map<string, number>();
  /** Paths that answer 500 this many more times. */
  readonly failures = new Map<string, number>();
  #server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      const failures = this.failures.get(path) ?? 0;
      if (failures > 0) {
        this.failures.set(path, failures - 1);
        response.writeHead(500).end('try again');
        return;
      }
      const body = this.files.get(path);
      if (body === undefined) response.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${address.port}`;
  }

  /** Publishes a day's archive and its checksum (or a wrong one). */
  publish(path: string, data: Buffer, options: { wrongChecksum?: boolean } = {}): void {
    const name = path.slice(path.lastIndexOf('/') + 1);
    this.files.set(path, data);
    this.files.set(
      `${path}.CHECKSUM`,
      options.wrongChecksum === true ? `${'ab'.repeat(32)}  ${name}\n` : checksumFor(data, name),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#server === undefined) resolve();
      else {
        this.#server.closeAllConnections();
        this.#server.close(() => resolve());
      }
    });
  }
}

describe('basis data download', () => {
  const server = new ArchiveServer();
  const day = (date: string) => `/${AGG}/BTCUSDT-aggTrades-${date}.zip`;
  beforeAll(async () => {
    await server.start();
    for (const date of ['2024-06-15', '2024-06-16', '2024-06-19'])
      server.publish(
        day(date),
        makeZip([{ name: `BTCUSDT-aggTrades-${date}.csv`, data: aggTradesCsv(date, 200) }]),
      );
    server.publish(
      '/data/futures/um/daily/klines/ETHUSDT/5m/ETHUSDT-5m-2024-06-15.zip',
      makeZip([{ name: 'ETHUSDT-5m-2024-06-15.csv', data: klinesCsv('2024-06-15') }]),
    );
    server.publish(day('2024-06-18'), makeZip([{ name: 'x.csv', data: aggTradesCsv('2024-06-18') }]), {
      wrongChecksum: true,
    });
  });
  afterAll(() => server.close());
  afterEach(() => server.hits.clear());

  /** The arguments of `basis data download <args>` into `dir` from the archive server. */
  const download = (dir: string, ...args: string[]) => [
    'data',
    'download',
    ...args,
    '--dir',
    dir,
    '--base-url',
    server.url,
  ];

  test('default: verified daily zips land in the layout; a second run fetches only the checksums', async () => {
    const dir = tempDir();
    const args = ['BTCUSDT', '--type', 'aggTrades', '--from', '2024-06-15', '--to', '2024-06-17'];
    const first = await basis(download(dir, ...args, '--json'));
    expect(first.code, first.out).toBe(0);
    const report = JSON.parse(first.out) as { files: { date: string; status: string; reason?: string }[] };
    expect(report).toMatchObject({ downloaded: 2, present: 0, missing: 1, failed: 0 });
    expect(report.files.map((f) => [f.date, f.status])).toEqual([
      ['2024-06-15', 'downloaded'],
      ['2024-06-16', 'downloaded'],
      ['2024-06-17', 'missing'],
    ]);
    expect(tree(dir)).toEqual([
      `${AGG}/BTCUSDT-aggTrades-2024-06-15.zip`,
      `${AGG}/BTCUSDT-aggTrades-2024-06-15.zip.CHECKSUM`,
      `${AGG}/BTCUSDT-aggTrades-2024-06-16.zip`,
      `${AGG}/BTCUSDT-aggTrades-2024-06-16.zip.CHECKSUM`,
    ]);
    expect(readFileSync(join(dir, AGG, 'BTCUSDT-aggTrades-2024-06-15.zip'))).toEqual(
      server.files.get(day('2024-06-15')),
    );

    server.hits.clear();
    const second = await basis(download(dir, ...args));
    expect(second.code).toBe(0);
    expect(second.out).toContain('0 downloaded, 2 already present, 1 not published, 0 failed');
    expect(server.hits.get(day('2024-06-15'))).toBeUndefined();
    expect(server.hits.get(`${day('2024-06-15')}.CHECKSUM`)).toBe(1);

    // What was downloaded is what the import accepts (already in place).
    const imported = await basis(['data', 'import', dir, '--dir', dir, '--json']);
    expect(JSON.parse(imported.out)).toMatchObject({ imported: 0, skipped: 2 });
  });

  test('behavior: a checksum mismatch is refused and nothing is kept; the exit code says so', async () => {
    const dir = tempDir();
    const result = await basis(
      download(dir, 'BTCUSDT', '--type', 'aggTrades', '--from', '2024-06-18', '--retries', '1'),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain('checksum mismatch');
    expect(result.out).toContain('refused, nothing kept');
    expect(result.out).toContain('0 downloaded, 0 already present, 0 not published, 1 failed');
    expect(server.hits.get(day('2024-06-18'))).toBe(2); // bounded: the first attempt and one retry
    expect(tree(dir)).toEqual([]);
  });

  test('behavior: a transient 500 is retried; a bad file on disk is replaced; the TTY shows a progress bar', async () => {
    const dir = tempDir();
    const target = join(dir, AGG, 'BTCUSDT-aggTrades-2024-06-19.zip');
    mkdirSync(join(dir, AGG), { recursive: true });
    writeFileSync(target, 'half a download');
    server.failures.set(day('2024-06-19'), 1);
    const io = captureIo();
    const tty = { ...io, stdout: { write: io.stdout.write, isTTY: true } };
    const code = await run(download(dir, 'btcusdt', '--type', 'aggTrades', '--from', '2024-06-19'), tty);
    expect(code, io.out()).toBe(0);
    expect(server.hits.get(day('2024-06-19'))).toBe(2);
    expect(readFileSync(target)).toEqual(server.files.get(day('2024-06-19')));
    expect(io.out()).toContain('] 1/1 files');
    expect(io.out()).toContain('1 downloaded');
  });

  test('default: COIN-M symbols are fetched from and kept under futures/cm', async () => {
    const path = '/data/futures/cm/daily/aggTrades/BTCUSD_PERP/BTCUSD_PERP-aggTrades-2024-06-15.zip';
    server.publish(
      path,
      makeZip([
        { name: 'BTCUSD_PERP-aggTrades-2024-06-15.csv', data: aggTradesCsv('2024-06-15', 20, 66000, '4') },
      ]),
    );
    const dir = tempDir();
    const result = await basis(download(dir, 'BTCUSD_PERP', '--type', 'aggTrades', '--from', '2024-06-15'));
    expect(result.code, result.out).toBe(0);
    expect(server.hits.get(path)).toBe(1);
    expect(tree(dir)).toEqual([`${path.slice(1)}`, `${path.slice(1)}.CHECKSUM`]);
  });

  test('default: klines go under their interval', async () => {
    const dir = tempDir();
    const result = await basis(
      download(dir, 'ETHUSDT', '--type', 'klines', '--interval', '5m', '--from', '2024-06-15'),
    );
    expect(result.code, result.out).toBe(0);
    expect(tree(dir)).toContain('data/futures/um/daily/klines/ETHUSDT/5m/ETHUSDT-5m-2024-06-15.zip');
  });

  test('behavior: bad arguments are usage errors that say the fix; nothing is fetched', async () => {
    const cases: [string[], string][] = [
      [['data'], 'say what to do'],
      [['data', 'upload'], "unknown subcommand 'upload'"],
      [['data', 'download', '--type', 'aggTrades', '--from', '2024-06-15'], 'name the symbols'],
      [['data', 'download', 'BTCUSDT', '--from', '2024-06-15'], 'add --type'],
      [['data', 'download', 'BTCUSDT', '--type', 'candles', '--from', '2024-06-15'], '--type must be one of'],
      [['data', 'download', 'BTCUSDT', '--type', 'aggTrades'], 'add --from'],
      [
        ['data', 'download', 'BTCUSDT', '--type', 'aggTrades', '--from', '2024-02-30'],
        '--from must be a day',
      ],
      [
        ['data', 'download', 'BTCUSDT', '--type', 'aggTrades', '--from', '2024-06-15', '--to', '2024-06-01'],
        '--to must be on or after --from',
      ],
      [
        ['data', 'download', 'BTCUSDT', '--type', 'aggTrades', '--from', '2024-06-15', '--interval', '1m'],
        '--interval goes with the kline types',
      ],
      [
        ['data', 'download', 'BTCUSDT', '--type', 'klines', '--interval', '7m', '--from', '2024-06-15'],
        '--interval must be one of',
      ],
    ];
    for (const [args, message] of cases) {
      const result = await basis([...args, '--base-url', server.url]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toContain(message);
    }
    expect(server.hits.size).toBe(0);
  });
});
