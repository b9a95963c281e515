import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { exchangesForTests } from '../createExchange.testing.js';
import { signedRequest } from '../testing/signedRequest.js';
import { detachedString } from './detachedString.js';

const { start } = exchangesForTests({ marketData: 'none', rateLimits: { enabled: false } });

/** V8's collector, reachable without starting the process with `--expose-gc`. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('detachedString', () => {
  test('default: the same text, at every length', () => {
    const source = `${'x'.repeat(20)}bx-0123456789abcdefghijklmnopqrstuvwxyz_:/.é€${'y'.repeat(20)}`;
    for (let from = 0; from < source.length; from += 7) {
      for (let to = from; to <= source.length; to += 3) {
        const cut = source.slice(from, to);
        expect(detachedString(cut)).toBe(cut);
      }
    }
  });

  test('behavior: orders placed by long requests do not keep the requests alive', () => {
    const gc = collector();
    const exchange = start();
    const credentials = exchange.defaultAccount!;
    // Each request carries 16 KB that no endpoint reads: 2,000 retained requests would be 32 MB.
    const padding = 'p'.repeat(16 * 1024);
    const place = (i: number) => {
      const request = signedRequest(
        'POST',
        '/fapi/v1/order',
        {
          symbol: 'BTCUSDT',
          side: 'BUY',
          type: 'LIMIT',
          timeInForce: 'IOC',
          quantity: '0.003',
          price: '60000',
          newClientOrderId: `retained-${String(i).padStart(27, '0')}`,
          padding,
        },
        credentials,
        { timestamp: exchange.clock.now() },
      );
      const response = exchange.handle(request);
      if (response.status !== 200) expect.fail(response.body);
    };
    place(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 1; i <= 2000; i++) place(i);
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // ~650 bytes per retained order; the requests themselves would add 16 KB each.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
    expect(
      exchange.handle(
        signedRequest(
          'GET',
          '/fapi/v1/order',
          { symbol: 'BTCUSDT', origClientOrderId: `retained-${'0'.repeat(23)}2000` },
          credentials,
          { timestamp: exchange.clock.now() },
        ),
      ).body,
    ).toContain('"status":"EXPIRED"');
  });
});
