import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createExchange } from '@basis/exchange';
import { afterAll, describe, expect, test } from 'vitest';
// The SDK's test proxy: CONNECT tunnels to 127.0.0.1, counted, with Basic credentials required.
import { startProxy } from '../../../sdk/src/testing/servers.js';
import { run } from '../main.js';
import { runLiveCommand } from '../run/liveCommand.js';
import { captureIo } from '../testing.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'basis-cli-run-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The JSON lines a command printed. */
const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * The fills journal a run wrote in `out` (one fill per line, as they happened): checked against what
 * the summary counted and what the record lists (a short run folds nothing, so the two are equal).
 */
function expectJournal(out: string, fills: unknown, record: { fills: readonly unknown[] }): void {
  const text = readFileSync(join(out, 'fills.jsonl'), 'utf8');
  const journal =
    text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line) as unknown);
  expect(journal).toHaveLength(Number(fills));
  expect(journal).toEqual(record.fills);
}

/** An exchange started apart from the CLI (as `basis exchange` would), its account's keys, and a local run's arguments. */
interface LocalExchange {
  readonly env: Record<string, string>;
  readonly restUrl: string;
  /** `basis run market-maker --env local --url <restUrl>`. */
  readonly runArgs: readonly string[];
  /** The client order ids of the account's orders resting on BTCUSDT, as the exchange holds them. */
  restingOrders(): string[];
}

async function withLocalExchange(use: (local: LocalExchange) => Promise<void>): Promise<void> {
  const exchange = createExchange({ synthetic: { backfillMinutes: 5 }, log: () => {} });
  const { restUrl, close } = await exchange.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { apiKey, apiSecret, accountId } = exchange.defaultAccount!;
    await use({
      env: { BASIS_API_KEY: apiKey, BASIS_API_SECRET: apiSecret },
      restUrl,
      runArgs: ['run', 'market-maker', '--env', 'local', '--url', restUrl],
      restingOrders: () =>
        [...exchange.venue.account(accountId).openOrdersOf('BTCUSDT').values()].map((o) => o.clientOrderId),
    });
  } finally {
    await close();
    await exchange.close();
  }
}

/**
 * Trades live on `local` for 3s with `args`, checks the live and summary lines every live run
 * prints, and returns the summary and the result.json it wrote.
 */
async function runLive(local: LocalExchange, args: readonly string[]) {
  const out = tempDir();
  const io = captureIo({ env: local.env });
  expect(await run([...local.runArgs, ...args, '--duration', '3s', '--json', '--out', out], io)).toBe(0);
  const [live, summary] = lines(io.out()) as [
    unknown,
    { event: string; trades: number; pnl: { usd: unknown } },
  ];
  expect(live).toMatchObject({ event: 'live', env: 'local', restUrl: local.restUrl });
  expect(summary).toMatchObject({
    event: 'summary',
    htmlPath: join(out, 'report.html'),
    fillsPath: join(out, 'fills.jsonl'),
  });
  const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
    record: {
      meta: { strategy: string; mode: string; env: string; symbols: string[]; quoteAsset: string };
      fills: { qty: string; feeAsset: string }[];
    };
  };
  expectJournal(out, summary.trades, result.record);
  return { summary, result };
}

describe('basis start, run and backtest', () => {
  test('default: start trades the market maker on a listening embedded exchange and writes the report', async () => {
    const out = tempDir();
    const io = captureIo();
    expect(await run(['start', '--duration', '3s', '--json', '--out', out], io)).toBe(0);
    const [listening, summary] = lines(io.out());
    expect(listening).toMatchObject({ event: 'listening' });
    expect(String(listening?.restUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(summary).toMatchObject({
      event: 'summary',
      htmlPath: join(out, 'report.html'),
      fillsPath: join(out, 'fills.jsonl'),
    });
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      record: { meta: { strategy: string; mode: string }; fills: unknown[] };
      summary: { pnl: { startingEquity: string } };
    };
    expect(result.record.meta).toMatchObject({ strategy: 'market-maker', mode: 'paper' });
    expectJournal(out, summary?.trades, result.record);
    expect(result.summary.pnl.startingEquity).toBe('10000.00000000');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html');
  }, 30_000);

  test('default: backtest is deterministic for a seed and reports its events', async () => {
    const runOnce = async () => {
      const out = tempDir();
      const io = captureIo();
      const args = ['backtest', 'market-maker', '--duration', '2m', '--seed', '3', '--json', '--out', out];
      expect(await run(args, io)).toBe(0);
      const [summary] = lines(io.out());
      expect(existsSync(join(out, 'report.html'))).toBe(true);
      const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
        record: { fills: unknown[] };
      };
      expectJournal(out, summary?.fills, result.record);
      return { summary: summary as { events: number; fills: number; pnl: unknown }, record: result.record };
    };
    const first = await runOnce();
    const second = await runOnce();
    expect(first.summary.events).toBeGreaterThan(0);
    expect(first.summary.fills).toBeGreaterThan(0);
    expect(second.record).toEqual(first.record);
    expect(second.summary.pnl).toEqual(first.summary.pnl);
  }, 60_000);

  test('behavior: backtest --step sets the loop step, which the record keeps; a bad step is a usage error', async () => {
    const out = tempDir();
    const io = captureIo();
    const args = ['backtest', 'market-maker', '--duration', '2m', '--step', '1s', '--json', '--out', out];
    expect(await run(args, io)).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      record: { meta: { stepMs?: number } };
    };
    expect(result.record.meta.stepMs).toBe(1000);
    for (const [step, message] of [
      ['0', '--step must be a positive duration like 30, 30s, 5m or 2h; got 0'],
      ['0.2ms', '--step must be from 1ms to 1d; got 0.2ms'],
      ['2d', '--step must be from 1ms to 1d; got 2d'],
    ] as const) {
      const bad = captureIo();
      expect(await run(['backtest', 'market-maker', '--duration', '1m', '--step', step], bad)).toBe(2);
      expect(bad.err()).toContain(message);
    }
  }, 30_000);

  test('behavior: on a terminal, backtest draws a progress bar with events/s and an ETA, then its speed', async () => {
    const io = captureIo();
    const tty = { ...io, stdout: { write: io.stdout.write, isTTY: true } };
    const args = ['backtest', 'market-maker', '--duration', '10m', '--seed', '3', '--out', tempDir()];
    expect(await run(args, tty)).toBe(0);
    // The last draw is at 100%, whatever the machine's speed.
    expect(io.out()).toMatch(/\] 100% {2}\S+Z {2}\d+ events\/s {2}fills \d+ {2}ETA /);
    expect(io.out()).toMatch(
      /^Backtest done: synthetic market, seed 3; \d+ events in .+ \(\d+ events\/s, [\d,]+x market time\)$/m,
    );
  }, 30_000);

  test('behavior: backtest and run (paper) take COIN-M symbols and report in the coin and in USD', async () => {
    const out = tempDir();
    const io = captureIo();
    const args = ['backtest', 'market-maker', '--synthetic', '--symbols', 'BTCUSD_PERP', '--duration', '1m'];
    expect(await run([...args, '--seed', '3', '--json', '--out', out], io)).toBe(0);
    const [summary] = lines(io.out()) as [{ fills: number; pnl: { usd: { endPrice: string } | null } }];
    expect(summary.fills).toBeGreaterThan(0);
    expect(summary.pnl.usd?.endPrice).toMatch(/^\d+\.\d+$/);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      record: { meta: { symbols: string[]; quoteAsset: string }; fills: { qty: string; feeAsset: string }[] };
    };
    expect(result.record.meta).toMatchObject({ symbols: ['BTCUSD_PERP'], quoteAsset: 'BTC' });
    expect(result.record.fills.every((f) => /^\d+$/.test(f.qty) && f.feeAsset === 'BTC')).toBe(true);

    const text = captureIo();
    expect(await run([...args, '--out', tempDir()], text)).toBe(0);
    expect(text.out()).toMatch(/^ {2}net PnL +-?[\d.]+ BTC /m);
    expect(text.out()).toMatch(/^ {2}net PnL in USD +-?[\d.]+ USD \(at the BTC index [\d.]+\)$/m);

    const paper = captureIo();
    const paperArgs = ['run', 'market-maker', '--symbols', 'btcusd_perp', '--duration', '2s', '--json'];
    expect(await run([...paperArgs, '--out', out], paper)).toBe(0);
    const [, paperSummary] = lines(paper.out()) as [
      unknown,
      { pnl: { startingEquity: string; usd: unknown } },
    ];
    expect(paperSummary.pnl.startingEquity).toBe('1.00000000');
    expect(paperSummary.pnl.usd).not.toBeNull();

    const mixed = captureIo();
    expect(await run(['backtest', 'market-maker', '--symbols', 'BTCUSDT,BTCUSD_PERP'], mixed)).toBe(1);
    expect(mixed.err()).toContain('a run trades one product: BTCUSD_PERP is COIN-M but BTCUSDT is USDⓈ-M');
  }, 30_000);

  test('default: run --env local --url trades live through the SDK on a separately started exchange', async () => {
    await withLocalExchange(async (local) => {
      const riskState = join(tempDir(), 'risk.json');
      const { result } = await runLive(local, [
        '--max-order-notional',
        '5000',
        '--max-drawdown',
        '0.5',
        '--risk-state',
        riskState,
      ]);
      // The armed kill switch's references are kept for the next run (no halt: nothing tripped).
      const saved = JSON.parse(readFileSync(riskState, 'utf8')) as { version: number; killSwitch: object };
      expect(saved).toMatchObject({ version: 1, killSwitch: { peak: expect.stringMatching(/^\d/) } });
      expect(saved).not.toHaveProperty('halt');
      expect(result.record.meta).toMatchObject({
        strategy: 'market-maker',
        mode: 'live',
        env: 'local',
        risk: { maxOrderNotional: '5000', maxDrawdown: '0.5' },
      });
    });
  }, 30_000);

  test('behavior: a live run with --proxy goes through it: REST, market streams and user data', async () => {
    await withLocalExchange(async (local) => {
      const proxy = await startProxy({ credentials: 'trader:hunter2' });
      try {
        const proxyUrl = `http://trader:hunter2@127.0.0.1:${new URL(proxy.url).port}`;
        const { result } = await runLive(local, ['--proxy', proxyUrl]);
        expect(result.record.meta).toMatchObject({ mode: 'live', env: 'local' });
        // REST through tunnels of its own, and the market and user-data WebSockets upgraded in theirs.
        expect(proxy.tunnels()).toBeGreaterThan(proxy.upgrades());
        expect(proxy.upgrades()).toBeGreaterThanOrEqual(2);
        expect(new Set(proxy.authorizations())).toEqual(
          new Set([`Basic ${Buffer.from('trader:hunter2').toString('base64')}`]),
        );
        expect(JSON.stringify(result)).not.toContain('hunter2');
      } finally {
        await proxy.close();
      }
    });
  }, 30_000);

  test('behavior: run --env local --url --symbols BTCUSD_PERP trades COIN-M live, accounted in BTC', async () => {
    await withLocalExchange(async (local) => {
      const { summary, result } = await runLive(local, ['--symbols', 'BTCUSD_PERP']);
      expect(summary.pnl.usd).not.toBeNull();
      expect(result.record.meta).toMatchObject({
        strategy: 'market-maker',
        mode: 'live',
        env: 'local',
        symbols: ['BTCUSD_PERP'],
        quoteAsset: 'BTC',
      });
      expect(result.record.fills.every((f) => /^\d+$/.test(f.qty) && f.feeAsset === 'BTC')).toBe(true);

      const mixed = captureIo({ env: local.env });
      expect(await run([...local.runArgs, '--symbols', 'BTCUSDT,BTCUSD_PERP'], mixed)).toBe(2);
      expect(mixed.err()).toContain('a run trades one product');
    });
  }, 30_000);

  test('behavior: production without --yes (and no terminal to ask on) is refused, and nothing runs', async () => {
    const io = captureIo({ env: { BASIS_API_KEY: 'k', BASIS_API_SECRET: 's' } });
    expect(await run(['run', 'market-maker', '--env', 'production'], io)).toBe(2);
    expect(io.err()).toContain('real funds: add --yes to confirm');
    // On a terminal the user is asked; anything but 'yes' refuses before a client exists.
    const questions: string[] = [];
    const declined = runLiveCommand({
      strategy: 'market-maker',
      flags: { env: 'production', yes: false, json: true },
      io: captureIo({ env: { BASIS_API_KEY: 'k', BASIS_API_SECRET: 's' } }),
      confirm: async (question) => {
        questions.push(question);
        return false;
      },
    });
    await expect(declined).rejects.toThrow('not confirmed: nothing was run on production');
    expect(questions[0]).toContain('PRODUCTION with real funds');
    const bad = captureIo();
    expect(await run(['run', 'market-maker', '--env', 'mainnet'], bad)).toBe(2);
    expect(bad.err()).toContain('--env must be one of local, testnet, demo, production');
  });

  test('behavior: bad durations, times and a missing strategy are usage errors that say the fix', async () => {
    const cases: [string[], string][] = [
      [['backtest', 'market-maker', '--duration', 'soon'], '--duration must be a positive duration'],
      [['backtest', 'market-maker', '--from', 'yesterday'], '--from must be a date'],
      [['backtest'], 'name a strategy'],
      [['backtest', 'market-maker', '--data', '/nonexistent/basis'], '--data must be a directory'],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await run(args, io)).toBe(2);
      expect(io.err()).toContain(message);
    }
  });

  test('behavior: risk flags set the limits of backtest, start and run; the record keeps them', async () => {
    const out = tempDir();
    const io = captureIo();
    const args = ['backtest', 'market-maker', '--duration', '2m', '--seed', '3', '--json', '--out', out];
    // The market maker quotes both sides at once: with one open order allowed, the second is denied.
    expect(await run([...args, '--max-open-orders', '1', '--max-daily-loss', '500'], io)).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as {
      record: { meta: { risk: unknown }; denials: { rule: string }[] };
      summary: { denials: { count: number } };
    };
    expect(result.record.meta.risk).toEqual({ maxOpenOrders: 1, maxDailyLoss: '500' });
    expect(result.summary.denials.count).toBeGreaterThan(0);
    expect(new Set(result.record.denials.map((d) => d.rule))).toEqual(new Set(['maxOpenOrders']));

    // Paper (start) takes the same flags.
    const paperOut = tempDir();
    const paper = captureIo();
    const paperArgs = ['start', '--duration', '2s', '--json', '--out', paperOut];
    expect(await run([...paperArgs, '--max-position', 'BTCUSDT=0.002', '--order-rate', '5/1s'], paper)).toBe(
      0,
    );
    const paperResult = JSON.parse(readFileSync(join(paperOut, 'result.json'), 'utf8')) as {
      record: { meta: { risk: unknown } };
    };
    expect(paperResult.record.meta.risk).toEqual({
      maxPosition: { BTCUSDT: '0.002' },
      orderRate: { count: 5, perMs: 1000 },
    });
  }, 60_000);

  test('error: the live flags are for live runs; a paper run refuses them', async () => {
    const flags = [
      ['--risk-state', 'x.json'],
      ['--reset-kill-switch'],
      ['--on-exit', 'leave'],
      ['--dead-man-switch', '30s'],
    ];
    for (const flag of flags) {
      const io = captureIo();
      expect(await run(['run', 'market-maker', ...flag, '--duration', '1s'], io)).toBe(2);
      expect(io.err()).toContain(`${flag[0]}: for live runs only (--env testnet|demo|production, or --url)`);
    }
  });

  test('behavior: a live run cancels the orders it leaves that could grow a position (--on-exit leave keeps them) and arms the dead-man switch (--dead-man-switch 0: off)', async () => {
    // A strategy that rests one bid and never cancels it (no onStop).
    const strategy = join(tempDir(), 'restingBid.mjs');
    writeFileSync(
      strategy,
      `export default () => ({
  name: 'resting-bid',
  symbols: ['BTCUSDT'],
  onStart(ctx) {
    const price = ctx.roundPrice('BTCUSDT', ctx.markPrice('BTCUSDT').mul('0.97'), 'floor');
    ctx.submitOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '0.002', price, clientOrderId: 'resting-bid' });
  },
});
`,
    );
    await withLocalExchange(async (local) => {
      const args = (more: string[]) => ['run', strategy, '--env', 'local', '--url', local.restUrl, ...more];
      const io = captureIo({ env: local.env });
      expect(await run(args(['--duration', '1s', '--out', tempDir()]), io)).toBe(0);
      expect(local.restingOrders()).toEqual([]);
      expect(io.out() + io.err()).toContain('exit (cancel): canceled 1 order(s)');
      // Binance's dead-man switch is on by default, and off with 0.
      expect(io.out() + io.err()).toContain(
        'dead-man switch: armed on BTCUSDT; the exchange cancels their orders if this run is gone for 60 s',
      );

      const leave = captureIo({ env: local.env });
      const leaveArgs = [
        '--duration',
        '1s',
        '--out',
        tempDir(),
        '--on-exit',
        'leave',
        '--dead-man-switch',
        '0',
      ];
      expect(await run(args(leaveArgs), leave)).toBe(0);
      expect(local.restingOrders()).toEqual(['resting-bid']);
      expect(leave.out() + leave.err()).not.toContain('dead-man switch');

      const bad = captureIo({ env: local.env });
      expect(await run(args(['--duration', '1s', '--on-exit', 'sometimes']), bad)).toBe(2);
      expect(bad.err()).toContain('--on-exit must be one of cancel, flatten, leave; got sometimes');
      const badCountdown = captureIo({ env: local.env });
      expect(await run(args(['--duration', '1s', '--dead-man-switch', 'soon']), badCountdown)).toBe(2);
      expect(badCountdown.err()).toContain(
        '--dead-man-switch must be a positive duration like 30, 30s, 5m or 2h; got soon',
      );
      expect(local.restingOrders()).toEqual(['resting-bid']);
    });
  }, 30_000);

  test('behavior: a live run restarted after its kill switch tripped starts halted; --reset-kill-switch clears it', async () => {
    await withLocalExchange(async (local) => {
      const riskState = join(tempDir(), 'state', 'risk.json');
      // A halt an earlier run left (as the kill switch writes it).
      mkdirSync(dirname(riskState), { recursive: true });
      const halt = {
        rule: 'maxDailyLoss',
        message: 'lost 301 today, more than 300',
        time: Date.now() - 60_000,
      };
      writeFileSync(riskState, JSON.stringify({ version: 1, killSwitch: {}, halt }));
      const halted = await runLive(local, ['--risk-state', riskState]);
      expect(halted.result.record.fills).toEqual([]);
      expect(halted.summary.trades).toBe(0);
      const denials = (halted.result.record as unknown as { denials: { rule: string }[] }).denials;
      expect(denials[0]?.rule).toBe('killSwitch:maxDailyLoss');
      expect(denials.slice(1).every((d) => d.rule === 'halted')).toBe(true);
      expect(JSON.parse(readFileSync(riskState, 'utf8'))).toMatchObject({ halt });

      const reset = await runLive(local, ['--risk-state', riskState, '--reset-kill-switch']);
      expect(reset.result.record.fills.length).toBeGreaterThan(0);
      expect(existsSync(riskState)).toBe(false); // cleared, and nothing armed to save since
    });
  }, 30_000);

  test('error: a bad risk flag is a usage error naming the flag, its rule and the value, and nothing runs', async () => {
    const cases: [string[], string][] = [
      [
        ['--max-drawdown', '1.5'],
        '--max-drawdown must be a fraction above 0 and below 1, like "0.1"; got 1.5',
      ],
      [['--max-drawdown', '10%'], '--max-drawdown must be a fraction above 0 and below 1'],
      [
        ['--max-order-notional=-1'],
        '--max-order-notional must be a positive decimal string like "1000"; got -1',
      ],
      [['--max-position', 'BTCUSDT='], '--max-position must be a positive decimal string'],
      [['--max-position', 'lots'], '--max-position must be a positive decimal string like "1000"; got lots'],
      [['--max-position', 'BTCUSDT=1=2'], '--max-position takes Q or SYMBOL=Q,SYMBOL=Q'],
      [['--max-leverage', '200'], '--max-leverage must be a whole number from 1 to 125; got 200'],
      [['--max-open-orders', 'many'], '--max-open-orders must be a whole number'],
      [['--order-rate', '10'], '--order-rate takes N/DURATION like 10/1s or 100/1m; got 10'],
      [['--order-rate', '10/soon'], '--order-rate must be a positive duration'],
      [['--max-daily-loss', '0'], '--max-daily-loss must be a positive decimal string'],
    ];
    for (const [flags, message] of cases) {
      for (const command of [['backtest', 'market-maker'], ['run', 'market-maker'], ['start']]) {
        const out = tempDir();
        const io = captureIo();
        expect(await run([...command, ...flags, '--duration', '1s', '--out', out], io)).toBe(2);
        expect(io.err()).toContain(message);
        expect(existsSync(join(out, 'result.json'))).toBe(false);
      }
    }
  });
});
