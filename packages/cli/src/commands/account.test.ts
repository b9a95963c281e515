import { createServer } from 'node:net';
import { describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { captureIo } from '../testing.js';
import { json, useLocalExchange } from './testing.js';

// basis account / positions / orders / order / cancel / leverage, in-process, against a local
// exchange listening on 127.0.0.1 (the commands talk HTTP to it, as they would to testnet).

const { local, basis } = useLocalExchange();

/** A BTCUSDT price on the tick, `fraction` of the mark price (inside PERCENT_PRICE, far from filling). */
async function priceNearMark(fraction: number): Promise<string> {
  const response = await fetch(`${local.restUrl}/fapi/v1/premiumIndex?symbol=BTCUSDT`);
  const { markPrice } = (await response.json()) as { markPrice: string };
  return (Math.floor(Number(markPrice) * fraction * 10) / 10).toFixed(1);
}

describe('basis account, positions, orders, order, cancel, leverage', () => {
  test('default: account shows the balances as a table, and --json as one document', async () => {
    const text = await basis(['account']);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`Account on local at ${local.restUrl}`);
    expect(text.out).toMatch(/ASSET\s+WALLET\s+UNREALIZED\s+MARGIN\s+AVAILABLE/);
    expect(text.out).toMatch(/USDT\s+\d+/);
    const doc = json<{ env: string; account: { assets: { asset: string }[] } }>(
      (await basis(['account', '--json'])).out,
    );
    expect(doc.env).toBe('local');
    expect(doc.account.assets.map((a) => a.asset)).toContain('USDT');
  });

  test('default: order, orders, cancel by id and by client id, cancel --all', async () => {
    const price = await priceNearMark(0.9);
    const placed = await basis(['order', 'BTCUSDT', 'buy', 'limit', '0.002', price, '--json']);
    expect(placed.code, placed.err).toBe(0);
    const first = json<{
      endpoint: string;
      clientOrderId: string;
      order: { orderId: number; status: string };
    }>(placed.out);
    expect(first).toMatchObject({ endpoint: 'order', order: { status: 'NEW' } });

    const text = await basis([
      'order',
      'btcusdt',
      'BUY',
      'LIMIT',
      '0.002',
      price,
      '--client-id',
      'cli-test-1',
    ]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`Placed BUY LIMIT 0.002 BTCUSDT @ ${price}`);
    expect(text.out).toContain('client id cli-test-1');

    const listed = await basis(['orders', '--symbol', 'BTCUSDT']);
    expect(listed.out).toMatch(/ID\s+CLIENT ID\s+SYMBOL\s+SIDE\s+TYPE\s+PRICE/);
    expect(listed.out).toContain(String(first.order.orderId));
    expect(listed.out).toContain('cli-test-1');
    const open = json<{ orders: { clientOrderId: string }[] }>((await basis(['orders', '--json'])).out);
    expect(open.orders.map((o) => o.clientOrderId)).toEqual(
      expect.arrayContaining([first.clientOrderId, 'cli-test-1']),
    );

    const byId = await basis(['cancel', 'BTCUSDT', String(first.order.orderId), '--json']);
    expect(byId.code, byId.err).toBe(0);
    expect(json<{ canceled: { status: string } }>(byId.out).canceled.status).toBe('CANCELED');
    const byClientId = await basis(['cancel', 'BTCUSDT', '--client-id', 'cli-test-1']);
    expect(byClientId.code, byClientId.err).toBe(0);
    expect(byClientId.out).toContain('client id cli-test-1');
    expect(byClientId.out).toContain('status CANCELED');

    // A regular and a conditional order, then cancel --all takes both.
    expect((await basis(['order', 'BTCUSDT', 'buy', 'limit', '0.002', price])).code).toBe(0);
    const stop = await basis(['order', 'BTCUSDT', 'sell', 'stop-market', '0.002', '--stop-price', price]);
    expect(stop.code, stop.err).toBe(0);
    expect(stop.out).toContain('(conditional)');
    const all = await basis(['cancel', 'BTCUSDT', '--all']);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toContain('Canceled 1 order and 1 conditional order on BTCUSDT');
    expect((await basis(['orders', '--symbol', 'BTCUSDT'])).out).toContain('No open orders on BTCUSDT');
    const history = json<{
      orders: { status: string }[];
      algoOrders: { orderType: string; algoStatus: string }[];
    }>((await basis(['orders', '--symbol', 'BTCUSDT', '--all', '--json'])).out);
    expect(history.orders.filter((o) => o.status === 'CANCELED').length).toBeGreaterThanOrEqual(3);
    expect(history.algoOrders.map((a) => [a.orderType, a.algoStatus])).toEqual([['STOP_MARKET', 'CANCELED']]);
  });

  test('default: a market order opens a position that positions and account show; leverage sets it', async () => {
    const filled = await basis(['order', 'ETHUSDT', 'buy', 'market', '0.05', '--json']);
    expect(filled.code, filled.err).toBe(0);
    expect(json<{ order: { status: string } }>(filled.out).order.status).toBe('FILLED');
    const positions = await basis(['positions']);
    expect(positions.out).toMatch(/SYMBOL\s+SIDE\s+SIZE\s+ENTRY\s+MARK/);
    expect(positions.out).toMatch(/ETHUSDT\s+LONG\s+0\.05/);
    const doc = json<{ positions: { symbol: string; positionAmt: string }[] }>(
      (await basis(['positions', '--json'])).out,
    );
    expect(doc.positions).toEqual([expect.objectContaining({ symbol: 'ETHUSDT', positionAmt: '0.050' })]);
    expect((await basis(['account'])).out).toMatch(/ETHUSDT\s+LONG\s+0\.05/);

    const leverage = await basis(['leverage', 'ETHUSDT', '7']);
    expect(leverage.code, leverage.err).toBe(0);
    expect(leverage.out).toContain('ETHUSDT leverage is 7x');
    expect(
      json<{ leverage: number }>((await basis(['leverage', 'ETHUSDT', '5', '--json'])).out).leverage,
    ).toBe(5);

    const closed = await basis(['order', 'ETHUSDT', 'sell', 'market', '0.05', '--reduce-only']);
    expect(closed.code, closed.err).toBe(0);
    expect((await basis(['positions', '--symbol', 'ETHUSDT'])).out).toContain('No open positions on ETHUSDT');
  });

  test('behavior: an order breaking a filter is not sent; the error names the rule and the nearest values', async () => {
    const text = await basis(['order', 'BTCUSDT', 'buy', 'limit', '0.002', '60000.15']);
    expect(text.code).toBe(1);
    expect(text.err).toContain('PRICE_FILTER.tickSize');
    expect(text.err).toMatch(/nearest\s+60000\.10 \(below\), 60000\.20 \(above\)/);
    const step = await basis(['order', 'BTCUSDT', 'buy', 'limit', '0.0015', '60000', '--json']);
    expect(step.code).toBe(1);
    expect(json<{ error: unknown }>(step.out).error).toMatchObject({
      name: 'OrderValidationError',
      rule: 'PRECISION.quantityPrecision',
      field: 'quantity',
      value: '0.0015',
      nearest: { below: '0.001', above: '0.002' },
    });
    expect((await basis(['orders', '--symbol', 'BTCUSDT', '--all', '--json'])).out).not.toContain('60000.15');
  });

  test('behavior: production needs --env production, and --yes for changes; nothing is sent otherwise', async () => {
    const order = await basis(['order', 'BTCUSDT', 'buy', 'limit', '0.002', '60000', '--env', 'production']);
    expect(order.code).toBe(2);
    expect(order.err).toContain('real funds: add --yes to confirm');
    for (const args of [
      ['cancel', 'BTCUSDT', '--all', '--env', 'production'],
      ['leverage', 'BTCUSDT', '5', '--env', 'production'],
    ]) {
      const refused = await basis(args);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('add --yes');
    }
    // BASIS_ENV=production alone never selects production.
    const implied = await basis(['account'], { ...local.keys, BASIS_ENV: 'production' });
    expect(implied.code).toBe(2);
    expect(implied.err).toContain('add --env production');
    const typo = await basis(['account', '--env', 'prod']);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('--env must be one of local, testnet, demo, production');
    // A production URL under another environment is refused.
    const io = captureIo({ env: local.keys });
    expect(await run(['account', '--env', 'testnet', '--url', 'https://fapi.binance.com'], io)).toBe(2);
    expect(io.err()).toContain('is Binance production');
  });

  test('behavior: missing keys, a missing local exchange and an unreachable one are explained', async () => {
    const noKeys = await basis(['account'], {});
    expect(noKeys.code).toBe(2);
    expect(noKeys.err).toContain('no API key: set BASIS_API_KEY with BASIS_API_SECRET');
    expect(noKeys.err).toContain("the key and secret 'basis exchange' printed");
    const halfKeys = await basis(['account'], { BASIS_API_KEY: 'k' });
    expect(halfKeys.code).toBe(2);
    expect(halfKeys.err).toContain('BASIS_API_KEY is set without BASIS_API_SECRET');

    const noUrl = captureIo({ env: local.keys });
    expect(await run(['positions'], noUrl)).toBe(2);
    expect(noUrl.err()).toContain("start one with 'npx basis exchange'");

    const port = await closedPort();
    const down = captureIo({ env: local.keys });
    expect(await run(['account', '--url', `http://127.0.0.1:${port}`], down)).toBe(1);
    expect(down.err()).toContain(`Is the local exchange at http://127.0.0.1:${port} running?`);

    const badKey = await basis(['account'], { BASIS_API_KEY: 'nope', BASIS_API_SECRET: 'nope' });
    expect(badKey.code).toBe(1);
    expect(badKey.err).toContain('Check BASIS_API_KEY');
  });

  test('behavior: malformed arguments are usage errors that say the fix', async () => {
    const cases: [string[], string][] = [
      [['order', 'BTCUSDT', 'buy'], 'give <symbol> <side> <type> <quantity> [price]'],
      [['order', 'BTCUSDT', 'hold', 'limit', '1', '2'], '<side> must be buy or sell'],
      [['order', 'BTCUSDT', 'buy', 'iceberg', '1'], '<type> must be one of limit, market'],
      [['order', 'BTCUSDT', 'buy', 'limit', '0.002'], 'LIMIT orders need a price'],
      [['order', 'BTCUSDT', 'buy', 'market', '0.002', '60000'], 'MARKET orders take no price'],
      [['order', 'BTCUSDT', 'buy', 'stop_market', '0.002'], 'add --stop-price'],
      [['order', 'BTCUSDT', 'buy', 'limit', 'lots', '60000'], '<quantity> must be a positive decimal'],
      [['cancel', 'BTCUSDT'], 'give a symbol and what to cancel'],
      [['cancel', 'BTCUSDT', 'abc'], 'use --client-id abc'],
      [['cancel', 'BTCUSDT', '1', '--all'], 'give one of <orderId>, --client-id ID or --all'],
      [['leverage', 'BTCUSDT', '500'], '<leverage> must be an integer 1..125'],
      [['orders', '--all'], 'add --symbol'],
    ];
    for (const [args, message] of cases) {
      const result = await basis(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err, args.join(' ')).toContain(message);
    }
  });
});

/** A 127.0.0.1 port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
