import { createExchange, type Exchange } from '@basis/exchange';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';

// The trading commands on COIN-M, in-process, against a local exchange that serves COIN-M under
// /dapi (REST) and /dstream (streams) on the same URL: the symbol (BTCUSD_PERP) or --market coinm
// picks the market.

let exchange: Exchange;
let restUrl: string;
let keys: Record<string, string>;

beforeAll(async () => {
  exchange = createExchange({
    rateLimits: { enabled: false },
    synthetic: { backfillMinutes: 1 },
    log: () => {},
  });
  ({ restUrl } = await exchange.listen({ host: '127.0.0.1', port: 0 }));
  const account = exchange.defaultAccount;
  if (account === undefined) throw new Error('the exchange has no default account');
  keys = { BASIS_API_KEY: account.apiKey, BASIS_API_SECRET: account.apiSecret };
});
afterAll(async () => {
  await exchange.close();
});

async function basis(args: readonly string[], env: Record<string, string> = keys) {
  const io = captureIo({ env });
  const code = await run([...args, '--env', 'local', '--url', restUrl], io);
  return { code, out: io.out(), err: io.err() };
}

function json<T = Record<string, unknown>>(out: string): T {
  expect(out.trim().split('\n')).toHaveLength(1);
  return JSON.parse(out) as T;
}

/** A BTCUSD_PERP price on the tick, `fraction` of the COIN-M mark price. */
async function priceNearMark(fraction: number): Promise<string> {
  const response = await fetch(`${restUrl}/dapi/v1/premiumIndex?symbol=BTCUSD_PERP`);
  const [index] = (await response.json()) as { markPrice: string }[];
  const markPrice = index?.markPrice ?? '0';
  return (Math.floor(Number(markPrice) * fraction * 10) / 10).toFixed(1);
}

describe('COIN-M: account, positions, orders, order, cancel, leverage, stream', () => {
  test('default: account --market coinm shows coin balances, as a table and as --json', async () => {
    const text = await basis(['account', '--market', 'coinm']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`Account on local at ${restUrl} (COIN-M)`);
    expect(text.out).toMatch(/ASSET\s+WALLET\s+UNREALIZED\s+MARGIN\s+AVAILABLE/);
    expect(text.out).toMatch(/\nBTC\s+\d/);
    expect(text.out).not.toMatch(/\nUSDT\s/);
    const doc = json<{ market: string; quantityUnit: string; account: { assets: { asset: string }[] } }>(
      (await basis(['account', '--market', 'coinm', '--json'])).out,
    );
    expect(doc).toMatchObject({ market: 'coinm', quantityUnit: 'contracts' });
    expect(doc.account.assets.map((a) => a.asset)).toContain('BTC');
    expect(doc.account.assets.map((a) => a.asset)).not.toContain('USDT');
  });

  test('default: a market order in contracts opens a position that positions and account show', async () => {
    const filled = await basis(['order', 'BTCUSD_PERP', 'BUY', 'MARKET', '5', '--json']);
    expect(filled.code, filled.err).toBe(0);
    const placed = json<{ market: string; endpoint: string; order: { status: string; executedQty: string } }>(
      filled.out,
    );
    expect(placed).toMatchObject({ market: 'coinm', endpoint: 'order', order: { status: 'FILLED' } });
    expect(Number(placed.order.executedQty)).toBe(5);

    const positions = await basis(['positions', '--market', 'coinm']);
    expect(positions.code, positions.err).toBe(0);
    expect(positions.out).toMatch(/SYMBOL\s+SIDE\s+CONTRACTS\s+ENTRY/);
    expect(positions.out).toMatch(/BTCUSD_PERP\s+LONG\s+5\s.*\sBTC\s/);
    const bySymbol = json<{ positions: { symbol: string; positionAmt: string; marginAsset: string }[] }>(
      (await basis(['positions', '--symbol', 'BTCUSD_PERP', '--json'])).out,
    );
    expect(bySymbol.positions).toHaveLength(1);
    expect(bySymbol.positions[0]).toMatchObject({ symbol: 'BTCUSD_PERP', marginAsset: 'BTC' });
    expect(Number(bySymbol.positions[0]!.positionAmt)).toBe(5);
    // USD-M positions stay apart.
    expect((await basis(['positions'])).out).toContain('No open positions');

    const account = await basis(['account', '--market', 'coinm']);
    expect(account.out).toMatch(/SYMBOL\s+SIDE\s+CONTRACTS\s+NOTIONAL\s+UNREALIZED/);
    expect(account.out).toMatch(/BTCUSD_PERP\s+LONG\s+5\s/);
  });

  test('default: limit order, orders, cancel by id and cancel --all on BTCUSD_PERP', async () => {
    const price = await priceNearMark(0.9);
    const text = await basis(['order', 'BTCUSD_PERP', 'buy', 'limit', '2', price, '--client-id', 'coinm-1']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(
      `Placed BUY LIMIT 2 contracts BTCUSD_PERP @ ${price} on local at ${restUrl} (COIN-M)`,
    );
    const second = json<{ order: { orderId: number } }>(
      (await basis(['order', 'BTCUSD_PERP', 'buy', 'limit', '3', price, '--json'])).out,
    );

    const listed = await basis(['orders', '--symbol', 'BTCUSD_PERP']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/ID\s+CLIENT ID\s+SYMBOL\s+SIDE\s+TYPE\s+PRICE\s+TRIGGER\s+CONTRACTS/);
    expect(listed.out).toContain('coinm-1');
    expect(listed.out).toContain(String(second.order.orderId));
    const open = json<{ market: string; orders: { symbol: string }[] }>(
      (await basis(['orders', '--market', 'coinm', '--json'])).out,
    );
    expect(open.market).toBe('coinm');
    expect(open.orders.map((o) => o.symbol)).toEqual(['BTCUSD_PERP', 'BTCUSD_PERP']);
    expect((await basis(['orders'])).out).toContain('No open orders');

    const byId = await basis(['cancel', 'BTCUSD_PERP', String(second.order.orderId)]);
    expect(byId.code, byId.err).toBe(0);
    expect(byId.out).toContain('BUY LIMIT 3 contracts');
    expect(byId.out).toContain('status CANCELED');
    const all = await basis(['cancel', 'BTCUSD_PERP', '--all']);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toContain('Canceled 1 order on BTCUSD_PERP');
    expect((await basis(['orders', '--symbol', 'BTCUSD_PERP'])).out).toContain(
      'No open orders on BTCUSD_PERP',
    );
  });

  test('default: leverage on a COIN-M symbol caps the quantity in contracts', async () => {
    const text = await basis(['leverage', 'BTCUSD_PERP', '10']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(
      /^BTCUSD_PERP leverage is 10x on .*\(COIN-M\); max quantity at this leverage \d+ contracts\.\n$/,
    );
    const doc = json<{ market: string; leverage: number; maxQty: string }>(
      (await basis(['leverage', 'BTCUSD_PERP', '5', '--json'])).out,
    );
    expect(doc).toMatchObject({ market: 'coinm', leverage: 5 });
  });

  test('default: stream aggTrade BTCUSD_PERP receives COIN-M events from /dstream', async () => {
    const io = captureIo();
    const args = ['stream', 'aggTrade', 'BTCUSD_PERP', '--url', restUrl, '--count', '1', '--json'];
    expect(await run(args, io), io.err()).toBe(0);
    const line = JSON.parse(io.out().trim()) as { stream: string; data: { e: string; s: string } };
    expect(line.stream).toBe('btcusd_perp@aggTrade');
    expect(line.data).toMatchObject({ e: 'aggTrade', s: 'BTCUSD_PERP' });
  }, 20_000);

  test('behavior: --market contradicting the symbol, mixed symbols and an unknown market are usage errors', async () => {
    const cases: [string[], string][] = [
      [
        ['positions', '--symbol', 'BTCUSD_PERP', '--market', 'usdm'],
        'BTCUSD_PERP is COIN-M, not --market usdm',
      ],
      [['orders', '--market', 'spot'], '--market must be usdm or coinm; got spot'],
      [['stream', 'aggTrade', 'BTCUSDT', 'BTCUSD_PERP'], 'mix USD-M and COIN-M symbols'],
      [['account', '--market', 'coinm'], 'BASIS_MARKET=usdm is set'],
    ];
    for (const [args, message] of cases) {
      const result = await basis(args, { ...keys, BASIS_MARKET: 'usdm' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});
