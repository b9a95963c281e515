import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

// `basis exchange` in-process: the command serves until its stop signal, so each test aborts it.

/** Waits (bounded) for the command's first JSON line: the endpoints it serves. */
interface Facts {
  restUrl: string;
  recordsPerAccount: number;
  adminUrl: string;
  coinm: { restUrl: string; wsUrl: string; wsApiUrl: string; symbols: string[] } | null;
  replay: {
    dir: string;
    markets: { market: string; symbols: { symbol: string; prints: string }[] }[];
  } | null;
}

async function started(out: () => string): Promise<Facts> {
  const until = Date.now() + 10_000;
  while (!out().includes('\n') && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  const line = out().split('\n')[0];
  if (line === undefined || line === '') throw new Error('basis exchange did not start');
  return JSON.parse(line) as Facts;
}

describe('basis exchange', () => {
  test('behavior: --fault rules are active from the start, as /admin/faults lists them', async () => {
    const controller = new AbortController();
    const io = captureIo({ signal: controller.signal });
    const exit = run(
      [
        'exchange',
        '--json',
        '--fault-seed',
        '7',
        '--fault',
        'silence:stream=btcusdt@trade,count=5',
        '--fault',
        'clockSkew:0.5:skewMs=-2000,route=wsApi',
      ],
      io,
    );
    try {
      const facts = await started(io.out);
      const response = await fetch(`${facts.adminUrl}/faults`);
      expect(response.status).toBe(200);
      const { rules } = (await response.json()) as { rules: Record<string, unknown>[] };
      expect(rules).toMatchObject([
        {
          id: 'f1',
          kind: 'silence',
          scope: { stream: 'btcusdt@trade' },
          count: 5,
          state: 'active',
          fired: 0,
        },
        {
          id: 'f2',
          kind: 'clockSkew',
          probability: 0.5,
          scope: { route: 'wsApi' },
          params: { skewMs: -2000 },
          state: 'active',
        },
      ]);
    } finally {
      controller.abort();
    }
    expect(await exit).toBe(0);
    expect(io.err()).toBe('');
  });

  test('behavior: COIN-M is served beside USD-M (its /dapi answers), unless --no-coinm', async () => {
    for (const off of [false, true]) {
      const controller = new AbortController();
      const io = captureIo({ signal: controller.signal });
      const exit = run(['exchange', '--json', ...(off ? ['--no-coinm'] : [])], io);
      try {
        const facts = await started(io.out);
        const ping = await fetch(`${facts.restUrl}/dapi/v1/ping`);
        if (off) {
          expect(facts.coinm).toBeNull();
          expect(ping.status).toBe(404);
        } else {
          expect(facts.coinm).toMatchObject({
            restUrl: `${facts.restUrl}/dapi`,
            wsUrl: `${facts.restUrl.replace('http', 'ws')}/dstream`,
            wsApiUrl: `${facts.restUrl.replace('http', 'ws')}/ws-dapi/v1`,
          });
          expect(facts.coinm?.symbols).toContain('BTCUSD_PERP');
          expect(ping.status).toBe(200);
        }
      } finally {
        controller.abort();
      }
      expect(await exit).toBe(0);
    }
  });

  test('behavior: --replay plays COIN-M files on COIN-M (USD-M stays synthetic) and says when they run out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'basis-cli-exchange-replay-'));
    const folder = join(dir, 'futures/cm/daily/aggTrades/BTCUSD_PERP');
    mkdirSync(folder, { recursive: true });
    const t = Date.UTC(2024, 5, 15);
    const rows = [
      `1,66000.1,3,1,1,${t},false`,
      `2,66000.5,4,2,2,${t + 100},true`,
      `3,66001.0,5,3,3,${t + 200},false`,
    ];
    writeFileSync(join(folder, 'BTCUSD_PERP-aggTrades-2024-06-15.csv'), `${rows.join('\n')}\n`);
    const controller = new AbortController();
    const io = captureIo({ signal: controller.signal });
    const exit = run(['exchange', '--json', '--replay', dir], io);
    try {
      const facts = await started(io.out);
      expect(facts.replay).toEqual({
        dir,
        markets: [
          {
            market: 'coinm',
            symbols: [{ symbol: 'BTCUSD_PERP', prints: 'aggTrades', index: 'prints', mark: 'formula' }],
            skipped: [],
            firstTime: t,
            shiftMs: expect.any(Number),
          },
        ],
      });
      // The three prints play within 200 ms of the start; the end is announced once, by market.
      const until = Date.now() + 10_000;
      while (!io.out().includes('"event":"replay"') && Date.now() < until)
        await new Promise((r) => setTimeout(r, 50));
      const event = io.out().split('\n')[1];
      expect(JSON.parse(event ?? '{}')).toMatchObject({ event: 'replay', market: 'coinm', state: 'ended' });
      const tape = (await (await fetch(`${facts.restUrl}/dapi/v1/aggTrades?symbol=BTCUSD_PERP`)).json()) as {
        p: string;
        q: string;
      }[];
      expect(tape.map((a) => [a.p, a.q])).toEqual([
        ['66000.1', '3'],
        ['66000.5', '4'],
        ['66001.0', '5'],
      ]);
      // USD-M keeps its synthetic market: trades there go on.
      const usdm = (await (
        await fetch(`${facts.restUrl}/fapi/v1/trades?symbol=BTCUSDT&limit=5`)
      ).json()) as unknown[];
      expect(usdm.length).toBe(5);
    } finally {
      controller.abort();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await exit).toBe(0);
  });

  test("behavior: --records-per-account bounds each account's history (default 100,000), and is checked", async () => {
    for (const [args, expected] of [
      [[], 100_000],
      [['--records-per-account', '5000'], 5_000],
    ] as const) {
      const controller = new AbortController();
      const io = captureIo({ signal: controller.signal });
      const exit = run(['exchange', '--json', '--no-coinm', ...args], io);
      try {
        expect((await started(io.out)).recordsPerAccount).toBe(expected);
      } finally {
        controller.abort();
      }
      expect(await exit).toBe(0);
    }
    for (const bad of ['10', 'many']) {
      const io = captureIo();
      expect(await run(['exchange', '--records-per-account', bad], io)).toBe(2);
      expect(io.err()).toContain(`--records-per-account must be a whole number of at least 1000, got ${bad}`);
    }
  });

  test('behavior: a malformed --fault is a usage error (exit 2)', async () => {
    const io = captureIo();
    expect(await run(['exchange', '--fault', 'silence:bogus=1'], io)).toBe(2);
    expect(io.err()).toContain('silence takes no parameter bogus');
  });
});
