import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

let exchange: Exchange;
let restUrl: string;
beforeAll(async () => {
  exchange = createExchange({
    rateLimits: { enabled: false },
    synthetic: { backfillMinutes: 1 },
    log: () => {},
  });
  restUrl = (await exchange.listen({ host: '127.0.0.1', port: 0 })).restUrl;
});
afterAll(() => exchange.close());

describe('basis stream', () => {
  test('default: prints live events of the named stream for each symbol, one JSON line each, then stops at --count', async () => {
    const io = captureIo();
    const args = ['stream', 'markPrice@1s', 'BTCUSDT', 'ETHUSDT', '--url', restUrl, '--count', '4', '--json'];
    expect(await run(args, io)).toBe(0);
    const lines = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { stream: string; data: { e: string; s: string; p: string } });
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s']).toContain(line.stream);
      expect(line.data).toMatchObject({ e: 'markPriceUpdate', s: line.stream.split('@')[0]!.toUpperCase() });
      expect(line.data.p).toMatch(/^\d+\.\d+$/);
    }
  }, 20_000);

  test('behavior: without --json, each event is one readable line (trades, then the top of the book)', async () => {
    const trades = captureIo();
    const tradeArgs = ['stream', 'aggTrade', 'BTCUSDT', '--url', restUrl, '--count', '3'];
    expect(await run(tradeArgs, trades)).toBe(0);
    const lines = trades.out().trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} BTCUSDT aggTrade (SELL|BUY ) \d+\.\d+ @ \d+\.\d+$/);
    const book = captureIo();
    expect(await run(['stream', 'depth5', 'BTCUSDT', '--url', restUrl, '--count', '1'], book)).toBe(0);
    expect(book.out()).toMatch(/^\S+ BTCUSDT book 5 bids \(best \d+\.\d+ × \d+\.\d+\) {2}5 asks \(best /);
  }, 20_000);

  test('behavior: needs no keys, and says how to fix a bad stream, a missing symbol or a missing URL', async () => {
    const cases: [string[], string][] = [
      [['stream', 'candles', 'BTCUSDT', '--url', restUrl], 'unknown stream candles'],
      [['stream', 'aggTrade', '--url', restUrl], 'name at least one symbol'],
      [['stream', 'aggTrade', 'BTCUSDT', '--env', 'local'], 'needs the URL of a running local exchange'],
      [
        ['stream', 'aggTrade', 'BTCUSDT', '--url', restUrl, '--count', '0'],
        '--count must be a positive whole number',
      ],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await run(args, io)).toBe(2);
      expect(io.err()).toContain(message);
    }
  });
});
