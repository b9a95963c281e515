import { stringifyJson } from '@basis/core';
import { createClient, createStreams, type MarketStreamName, type StreamsEvent } from '@basis/sdk';
import { CliUsageError } from '../cliError.js';
import { CLIENT_FLAGS, describeTarget, MARKET_FLAG, marketOf, resolveTarget } from '../client.js';
import { defineCommand } from '../command.js';
import { parseDuration } from '../run/duration.js';
import { streamText } from './streamText.js';

/** Stream kinds as typed after the symbol (`btcusdt@<kind>`); `!…` kinds take no symbol. */
const KINDS =
  /^(aggTrade|trade|markPrice(@1s)?|bookTicker|miniTicker|ticker|forceOrder|kline_\w+|depth(5|10|20)?(@(100|250|500)ms)?)$/;
const ALL_MARKET = /^!(markPrice@arr(@1s)?|miniTicker@arr|ticker@arr|bookTicker|forceOrder@arr)$/;

export default defineCommand({
  name: 'stream',
  description:
    'print a market stream live: aggTrade, trade, markPrice, bookTicker, ticker, miniTicker, forceOrder, kline_<interval>, depth<N>, or an !…@arr stream (COIN-M for COIN-M symbols or --market coinm)',
  usage: '<stream> [symbols...]',
  flags: {
    ...CLIENT_FLAGS,
    ...MARKET_FLAG,
    count: { type: 'string', valueName: 'N', description: 'stop after N events' },
    duration: { type: 'string', valueName: 'D', description: 'stop after this long (30s, 5m)' },
  },
  async run({ flags, positionals, io }) {
    const [kind, ...symbols] = positionals;
    if (kind === undefined) throw new CliUsageError('name a stream, e.g. basis stream aggTrade BTCUSDT');
    let names: string[];
    if (ALL_MARKET.test(kind)) {
      names = [kind];
    } else if (KINDS.test(kind)) {
      if (symbols.length === 0)
        throw new CliUsageError(`name at least one symbol: basis stream ${kind} BTCUSDT`);
      names = symbols.map((symbol) => `${symbol.toLowerCase()}@${kind}`);
    } else {
      throw new CliUsageError(
        `unknown stream ${kind}: use aggTrade, trade, markPrice, markPrice@1s, bookTicker, ticker, miniTicker, forceOrder, kline_1m, depth20, depth@100ms or !markPrice@arr`,
      );
    }
    const count = flags.count === undefined ? undefined : Number(flags.count);
    if (count !== undefined && !(Number.isInteger(count) && count > 0))
      throw new CliUsageError(`--count must be a positive whole number; got ${flags.count}`);
    const durationMs = flags.duration === undefined ? undefined : parseDuration(flags.duration, 'duration');
    // COIN-M symbols (BTCUSD_PERP) stream from COIN-M (/dstream locally); `!…` streams follow --market.
    const market = marketOf(ALL_MARKET.test(kind) ? [] : symbols, flags.market);
    const target = resolveTarget(flags, io, {
      changesState: false,
      action: 'stream',
      needsKeys: false,
      market,
    });

    const client = createClient(target.config);
    const stop = new AbortController();
    const onStop = () => stop.abort();
    io.stopSignal.addEventListener('abort', onStop, { once: true });
    const timer = durationMs === undefined ? undefined : setTimeout(onStop, durationMs);
    const lifecycle = (event: StreamsEvent) => {
      if (
        event.type === 'gap' ||
        event.type === 'reconnecting' ||
        event.type === 'reconnected' ||
        event.type === 'stale'
      )
        io.stderr.write(
          `[${event.type}] ${event.type === 'gap' ? `${event.to - event.from} ms without data` : ''}\n`,
        );
    };
    // Through the client's proxy (--proxy or BASIS_PROXY), when there is one.
    const streams = createStreams(client, { onEvent: lifecycle });
    let seen = 0;
    try {
      if (!flags.json)
        io.stderr.write(`Streaming ${names.join(', ')} from ${describeTarget(target)}; Ctrl-C stops.\n`);
      for (const name of names) {
        streams.subscribe(name as MarketStreamName, (event) => {
          if (stop.signal.aborted) return;
          seen += 1;
          io.stdout.write(
            flags.json ? `${stringifyJson({ stream: name, data: event })}\n` : `${streamText(name, event)}\n`,
          );
          if (count !== undefined && seen >= count) stop.abort();
        });
      }
      if (!stop.signal.aborted)
        await new Promise<void>((resolve) =>
          stop.signal.addEventListener('abort', () => resolve(), { once: true }),
        );
    } finally {
      clearTimeout(timer);
      io.stopSignal.removeEventListener('abort', onStop);
      await streams.close();
      await client.close();
    }
    return 0;
  },
});
