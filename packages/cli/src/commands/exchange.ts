import { statSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import {
  createExchange,
  FAULT_FLAGS,
  FaultError,
  MIN_ACCOUNT_RECORDS,
  parseFaultFlags,
} from '@basis/exchange';
import { CliUsageError } from '../cliError.js';
import { defineCommand } from '../command.js';

export default defineCommand({
  name: 'exchange',
  description:
    'run a local Binance Futures exchange, USD-M and COIN-M (REST, streams, WebSocket API), on this machine',
  flags: {
    port: { type: 'string', default: '0', valueName: 'N', description: 'TCP port; 0 picks a free one' },
    host: { type: 'string', default: '127.0.0.1', valueName: 'address', description: 'interface to bind' },
    seed: { type: 'string', default: '1', valueName: 'N', description: 'seed of the synthetic market' },
    state: {
      type: 'string',
      valueName: 'DIR',
      description: 'keep the journal and snapshots here; restarting with it resumes the same exchange',
    },
    replay: {
      type: 'string',
      valueName: 'DIR',
      description:
        'replay Binance historical files (data.binance.vision layout) instead of the synthetic market',
    },
    'no-rate-limits': {
      type: 'boolean',
      default: false,
      description: "turn off Binance's request and order limits",
    },
    'records-per-account': {
      type: 'string',
      valueName: 'N',
      description:
        'orders, fills and income records each account keeps, oldest dropped first (default 100000, at least 1000)',
    },
    'no-coinm': {
      type: 'boolean',
      default: false,
      description: 'serve USD-M alone (no /dapi, no COIN-M streams)',
    },
    ...FAULT_FLAGS,
  },
  async run({ flags, io }) {
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new CliUsageError(`--port must be 0..65535, got ${flags.port}`);
    const replayDir = flags.replay === undefined ? undefined : resolvePath(flags.replay);
    if (replayDir !== undefined && !isDirectory(replayDir)) {
      throw new CliUsageError(
        `--replay must be a directory of Binance historical files, got ${flags.replay}`,
      );
    }
    let faults: ReturnType<typeof parseFaultFlags>;
    try {
      faults = parseFaultFlags(flags);
    } catch (error) {
      if (error instanceof FaultError) throw new CliUsageError(error.message);
      throw error;
    }
    const records = flags['records-per-account'];
    if (records !== undefined && !(/^\d+$/.test(records) && Number(records) >= MIN_ACCOUNT_RECORDS)) {
      throw new CliUsageError(
        `--records-per-account must be a whole number of at least 1000, got ${records}`,
      );
    }
    const seed = /^\d+$/.test(flags.seed) ? Number(flags.seed) : flags.seed;
    // A replay plays from the exchange's start at real speed (align 'now'): clients sign with the wall clock.
    const exchange = createExchange({
      seed,
      ...(replayDir === undefined ? {} : { replay: { dir: replayDir } }),
      ...(flags.state === undefined ? {} : { stateDir: flags.state }),
      ...(flags['no-rate-limits'] ? { rateLimits: { enabled: false } } : {}),
      ...(flags['no-coinm'] ? { coinm: false as const } : {}),
      ...(records === undefined ? {} : { history: { recordsPerAccount: Number(records) } }),
      faults,
    });
    const endpoints = await exchange.listen({ host: flags.host, port });
    const account = exchange.defaultAccount;
    // Each product replays its own files (futures/um, futures/cm); a product without any stays synthetic.
    const replays = [
      { market: 'usdm', name: 'USD-M', replay: exchange.venue.replay },
      { market: 'coinm', name: 'COIN-M', replay: exchange.coinm?.replay },
    ].flatMap(({ replay, ...named }) => (replay === undefined ? [] : [{ ...named, replay }]));
    const replayStarts = replays.map(({ market, name, replay }) => ({
      market,
      name,
      status: replay.status(),
    }));
    const facts = {
      restUrl: endpoints.restUrl,
      wsUrl: endpoints.wsUrl,
      wsApiUrl: endpoints.wsApiUrl,
      adminUrl: `${endpoints.restUrl}/admin`,
      apiKey: account?.apiKey ?? null,
      apiSecret: account?.apiSecret ?? null,
      accountId: account?.accountId ?? null,
      seed,
      stateDir: flags.state ?? null,
      recordsPerAccount: exchange.venue.recordsPerAccount,
      symbols: [...exchange.venue.markets.keys()],
      coinm:
        exchange.coinm === undefined || endpoints.coinm === undefined
          ? null
          : {
              restUrl: `${endpoints.restUrl}/dapi`,
              wsUrl: endpoints.coinm.wsUrl,
              wsApiUrl: endpoints.coinm.wsApiUrl,
              symbols: [...exchange.coinm.markets.keys()],
            },
      replay:
        replayDir === undefined
          ? null
          : {
              dir: replayDir,
              markets: replayStarts.map(({ market, status }) => ({
                market,
                symbols: status.symbols,
                skipped: status.skipped,
                firstTime: status.firstTime,
                shiftMs: status.shiftMs,
              })),
            },
    };
    if (flags.json) {
      io.stdout.write(`${JSON.stringify(facts)}\n`);
    } else {
      io.stdout.write(
        [
          'Basis local exchange (Binance Futures protocol) is running.',
          `  REST        ${facts.restUrl}`,
          `  streams     ${facts.wsUrl}`,
          `  WS API      ${facts.wsApiUrl}`,
          `  admin       ${facts.adminUrl}`,
          `  api key     ${facts.apiKey ?? '(none)'}`,
          `  api secret  ${facts.apiSecret ?? '(none)'}`,
          `  symbols     ${facts.symbols.join(', ')}`,
          ...(facts.coinm === null
            ? []
            : [
                `  COIN-M      ${facts.coinm.restUrl} (streams ${facts.coinm.wsUrl}, WS API ${facts.coinm.wsApiUrl})`,
                `  COIN-M sym  ${facts.coinm.symbols.join(', ')}`,
              ]),
          ...(replayStarts.length === 0
            ? [`  market      synthetic (seed ${facts.seed})`]
            : [
                ...replayStarts.flatMap(({ name, status }) => [
                  `  market      ${name}: replay of ${replayDir}, from ${new Date(status.firstTime).toISOString()} on`,
                  ...status.symbols.map(
                    (s) => `  replayed    ${s.symbol}: ${s.prints}; index ${s.index}; mark ${s.mark}`,
                  ),
                  ...status.skipped.map((s) => `  skipped     ${s.symbol}: ${s.reason}`),
                ]),
                ...(facts.coinm !== null && replayStarts.length === 1
                  ? [
                      `  market      ${replayStarts[0]?.market === 'usdm' ? 'COIN-M' : 'USD-M'}: synthetic (no files of it)`,
                    ]
                  : []),
                '              other symbols of a replayed market have no market while replaying',
              ]),
          flags.state === undefined
            ? '  state       in memory (use --state DIR to keep it)'
            : `  state       ${flags.state}`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
    }
    // Say once per product when its replay runs out of data (or meets a malformed row); the market stays open.
    const pending = new Set(replays);
    const watch =
      pending.size === 0
        ? undefined
        : setInterval(() => {
            for (const entry of pending) {
              const status = entry.replay.status();
              if (status.state === 'playing') continue;
              pending.delete(entry);
              const at = new Date((status.endedAt ?? 0) - status.shiftMs).toISOString();
              if (flags.json) {
                const error = status.error?.message ?? null;
                const event = { event: 'replay', market: entry.market, state: status.state, at, error };
                io.stdout.write(`${JSON.stringify(event)}\n`);
              } else if (status.state === 'ended') {
                io.stdout.write(
                  `Replay (${entry.name}): end of the data (${at}); the market maker keeps quoting the last prices.\n`,
                );
              } else {
                const detail = status.error?.details === undefined ? '' : ` (${status.error.details})`;
                io.stdout.write(
                  `Replay (${entry.name}) stopped at ${at}: ${status.error?.shortMessage ?? 'error'}${detail}; the market maker keeps quoting the last prices.\n`,
                );
              }
            }
            if (pending.size === 0) clearInterval(watch);
          }, 1000);
    await new Promise<void>((resolve) => {
      if (io.stopSignal.aborted) resolve();
      else io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
    });
    clearInterval(watch);
    await exchange.close();
    if (!flags.json) io.stdout.write('Stopped; the journal is flushed.\n');
    return 0;
  },
});

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
