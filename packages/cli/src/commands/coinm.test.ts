import { describe, expect, test } from 'vitest';
import { run } from '../main.js';
import { trimDecimal } from '../table.js';
import { captureIo } from '../testing.js';
import { json, useLocalExchange } from './testing.js';

// The trading commands on COIN-M, in-process, against a local exchange that serves COIN-M under
// /dapi (REST) and /dstream (streams) on the same URL: the symbol (BTCUSD_PERP) or --market coinm
// picks the market.

const { local, basis } = useLocalExchange({
  exchange: { rateLimits: { enabled: false }, synthetic: { backfillMinutes: 1 }, log: () => {} },
  extraArgs: ['--env', 'local'],
});

/** A BTCUSD_PERP price on the tick, `fraction` of the COIN-M mark price. */
async function priceNearMark(fraction: number): Promise<string> {
  const response = await fetch(`${local.restUrl}/dapi/v1/premiumIndex?symbol=BTCUSD_PERP`);
  const [index] = (await response.json()) as { markPrice: string }[];
  const markPrice = index?.markPrice ?? '0';
  return (Math.floor(Number(markPrice) * fraction * 10) / 10).toFixed(1);
}

/** Runs `basis order BTCUSD_PERP <args>`. */
const orderPerp = (...args: string[]) => basis(['order', 'BTCUSD_PERP', ...args]);

/** The exchange's COIN-M venue and the default account on it. */
function coinmAccount() {
  const cm = local.exchange.coinm;
  const account = cm?.accounts.get(local.exchange.defaultAccount?.accountId ?? -1);
  if (cm === undefined || account === undefined) throw new Error('the exchange has no COIN-M account');
  return { cm, account };
}

describe('COIN-M: account, positions, orders, order, cancel, leverage, stream', () => {
  test('default: account --market coinm shows coin balances, as a table and as --json', async () => {
    const text = await basis(['account', '--market', 'coinm']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`Account on local at ${local.restUrl} (COIN-M)`);
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
    const filled = await orderPerp('BUY', 'MARKET', '5', '--json');
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
    const text = await orderPerp('buy', 'limit', '2', price, '--client-id', 'coinm-1');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(
      `Placed BUY LIMIT 2 contracts BTCUSD_PERP @ ${price} on local at ${local.restUrl} (COIN-M)`,
    );
    const second = json<{ order: { orderId: number } }>(
      (await orderPerp('buy', 'limit', '3', price, '--json')).out,
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

  test('default: conditional orders on BTCUSD_PERP go to the Algo Service and orders lists them as algo:<id>', async () => {
    // The long position of 5 contracts from the market order above is open; the SELL stop sits 10%
    // below the mark and the take-profit and the trailing activation 10% above, so none triggers.
    const below = await priceNearMark(0.9);
    const above = await priceNearMark(1.1);
    const { cm, account } = coinmAccount();

    const limit = await orderPerp('buy', 'limit', '2', below, '--client-id', 'cm-limit');
    expect(limit.code, limit.err).toBe(0);
    const stop = await orderPerp('sell', 'stop-market', '3', '--stop-price', below, '--client-id', 'cm-stop');
    expect(stop.code, stop.err).toBe(0);
    expect(stop.out).toContain(
      `Placed SELL STOP_MARKET 3 contracts BTCUSD_PERP trigger ${below} on local at ${local.restUrl} (COIN-M) (conditional)\n`,
    );
    const stopId = /algo id (\d+) {2}client id cm-stop {2}status NEW\n$/.exec(stop.out)?.[1];
    expect(stopId, stop.out).toMatch(/^\d+$/);

    const tp = await orderPerp(
      'sell',
      'take-profit-market',
      '4',
      '--stop-price',
      above,
      '--client-id',
      'cm-tp',
      '--json',
    );
    expect(tp.code, tp.err).toBe(0);
    const tpDoc = json<{ order: { algoId: number } }>(tp.out);
    expect(tpDoc).toMatchObject({
      market: 'coinm',
      quantityUnit: 'contracts',
      endpoint: 'algo',
      clientOrderId: 'cm-tp',
      order: {
        clientAlgoId: 'cm-tp',
        algoType: 'CONDITIONAL',
        orderType: 'TAKE_PROFIT_MARKET',
        symbol: 'BTCUSD_PERP',
        side: 'SELL',
        quantity: '4',
        triggerPrice: above,
        algoStatus: 'NEW',
      },
    });
    expect(String(tpDoc.order.algoId)).not.toBe(stopId);

    const trailing = await orderPerp(
      'sell',
      'trailing',
      '1',
      '--callback-rate',
      '1.5',
      '--activation-price',
      above,
      '--client-id',
      'cm-trail',
    );
    expect(trailing.code, trailing.err).toBe(0);
    expect(trailing.out).toContain(
      `Placed SELL TRAILING_STOP_MARKET 1 contracts BTCUSD_PERP on local at ${local.restUrl} (COIN-M) (conditional)\n`,
    );
    expect(trailing.out).toMatch(/algo id \d+ {2}client id cm-trail {2}status NEW\n$/);

    // The exchange holds them as Algo Service orders (no orderId: not the pre-integration
    // conditional-as-order flow of POST /dapi/v1/order), untriggered.
    const held = cm.algo.open(account, 'BTCUSD_PERP').map((a) => ({
      algoId: String(a.algoId),
      clientAlgoId: a.clientAlgoId,
      orderType: a.orderType,
      side: a.side,
      quantity: cm.market('BTCUSD_PERP').formatQty(a.qtySteps),
      status: a.status,
      orderId: a.orderId,
    }));
    expect(held).toEqual([
      {
        algoId: stopId,
        clientAlgoId: 'cm-stop',
        orderType: 'STOP_MARKET',
        side: 'SELL',
        quantity: '3',
        status: 'NEW',
        orderId: undefined,
      },
      {
        algoId: String(tpDoc.order.algoId),
        clientAlgoId: 'cm-tp',
        orderType: 'TAKE_PROFIT_MARKET',
        side: 'SELL',
        quantity: '4',
        status: 'NEW',
        orderId: undefined,
      },
      expect.objectContaining({
        clientAlgoId: 'cm-trail',
        orderType: 'TRAILING_STOP_MARKET',
        quantity: '1',
        status: 'NEW',
        orderId: undefined,
      }),
    ]);
    // USD-M's Algo Service holds none of them.
    expect(local.exchange.venue.algo.openCount(local.exchange.venue.accounts.get(account.id)!)).toBe(0);

    const listed = await basis(['orders', '--symbol', 'BTCUSD_PERP']);
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(
      /ID\s+CLIENT ID\s+SYMBOL\s+SIDE\s+TYPE\s+PRICE\s+TRIGGER\s+CONTRACTS\s+FILLED/,
    );
    expect(listed.out).toMatch(
      // The table prints prices without trailing zeros (86389.0 reads 86389).
      new RegExp(
        `\\n\\d+\\s+cm-limit\\s+BTCUSD_PERP\\s+BUY\\s+LIMIT GTC\\s+${trimDecimal(below)}\\s+2\\s+0\\s+NEW\\s`,
      ),
    );
    expect(listed.out).toMatch(
      new RegExp(
        `\\nalgo:${stopId}\\s+cm-stop\\s+BTCUSD_PERP\\s+SELL\\s+STOP_MARKET\\s+${trimDecimal(below)}\\s+3\\s+NEW\\s`,
      ),
    );
    expect(listed.out).toMatch(
      new RegExp(
        `\\nalgo:${tpDoc.order.algoId}\\s+cm-tp\\s+BTCUSD_PERP\\s+SELL\\s+TAKE_PROFIT_MARKET\\s+${trimDecimal(above)}\\s+4\\s+NEW\\s`,
      ),
    );
    expect(listed.out).toMatch(
      /\nalgo:\d+\s+cm-trail\s+BTCUSD_PERP\s+SELL\s+TRAILING_STOP_MARKET\s+1\s+NEW\s/,
    );

    const open = json<{
      market: string;
      quantityUnit: string;
      orders: { clientOrderId: string; origQty: string; status: string }[];
      algoOrders: Record<string, unknown>[];
    }>((await basis(['orders', '--market', 'coinm', '--json'])).out);
    expect(open).toMatchObject({ market: 'coinm', quantityUnit: 'contracts' });
    expect(open.orders).toEqual([
      expect.objectContaining({ clientOrderId: 'cm-limit', origQty: '2', price: below, status: 'NEW' }),
    ]);
    expect(open.algoOrders).toEqual([
      expect.objectContaining({
        clientAlgoId: 'cm-stop',
        orderType: 'STOP_MARKET',
        side: 'SELL',
        quantity: '3',
        triggerPrice: below,
        algoStatus: 'NEW',
        actualOrderId: '',
      }),
      expect.objectContaining({
        clientAlgoId: 'cm-tp',
        orderType: 'TAKE_PROFIT_MARKET',
        side: 'SELL',
        quantity: '4',
        triggerPrice: above,
        algoStatus: 'NEW',
      }),
      expect.objectContaining({
        clientAlgoId: 'cm-trail',
        orderType: 'TRAILING_STOP_MARKET',
        side: 'SELL',
        quantity: '1',
        activatePrice: above,
        callbackRate: '1.5',
        algoStatus: 'NEW',
      }),
    ]);
    // USD-M lists none of them.
    expect((await basis(['orders'])).out).toContain('No open orders');
  });

  test('default: cancel a conditional order by algo:<id> and by --client-id --algo, then cancel --all counts both kinds; orders --all keeps the history', async () => {
    // Continues from the previous test: cm-limit, cm-stop, cm-tp and cm-trail are open.
    const { cm, account } = coinmAccount();
    const tpId = cm.algo.open(account, 'BTCUSD_PERP').find((a) => a.clientAlgoId === 'cm-tp')?.algoId;
    expect(String(tpId)).toMatch(/^\d+$/);

    const byId = await basis(['cancel', 'BTCUSD_PERP', `algo:${String(tpId)}`]);
    expect(byId.code, byId.err).toBe(0);
    expect(byId.out).toBe(`Canceled conditional order algo:${String(tpId)} on BTCUSD_PERP.\n`);
    expect(cm.algo.get(account, { clientAlgoId: 'cm-tp' }).status).toBe('CANCELED');

    const byClientId = await basis(['cancel', 'BTCUSD_PERP', '--client-id', 'cm-trail', '--algo', '--json']);
    expect(byClientId.code, byClientId.err).toBe(0);
    expect(json<{ market: string; canceled: Record<string, unknown> }>(byClientId.out)).toMatchObject({
      market: 'coinm',
      symbol: 'BTCUSD_PERP',
      canceled: { clientAlgoId: 'cm-trail', code: '200' },
    });
    expect(cm.algo.get(account, { clientAlgoId: 'cm-trail' }).status).toBe('CANCELED');
    // Cancelling it again: it is no longer open.
    const again = await basis(['cancel', 'BTCUSD_PERP', '--client-id', 'cm-trail', '--algo']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Unknown order sent.');
    expect(again.err).toContain('DELETE /dapi/v1/algoOrder');

    expect(cm.algo.open(account, 'BTCUSD_PERP').map((a) => a.clientAlgoId)).toEqual(['cm-stop']);
    const all = await basis(['cancel', 'BTCUSD_PERP', '--all']);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toBe(
      `Canceled 1 order and 1 conditional order on BTCUSD_PERP (local at ${local.restUrl} (COIN-M)).\n`,
    );
    expect(cm.algo.open(account, 'BTCUSD_PERP')).toEqual([]);
    expect(cm.algo.get(account, { clientAlgoId: 'cm-stop' }).status).toBe('CANCELED');
    expect((await basis(['orders', '--symbol', 'BTCUSD_PERP'])).out).toContain(
      'No open orders on BTCUSD_PERP',
    );
    const nothing = await basis(['cancel', 'BTCUSD_PERP', '--all']);
    expect(nothing.out).toContain('No open orders on BTCUSD_PERP');

    const history = json<{
      market: string;
      orders: { clientOrderId: string; type: string; origQty: string; executedQty: string; status: string }[];
      algoOrders: { clientAlgoId: string; orderType: string; quantity: string; algoStatus: string }[];
    }>((await basis(['orders', '--symbol', 'BTCUSD_PERP', '--all', '--json'])).out);
    expect(history.market).toBe('coinm');
    // The conditional orders' history too: each cancelled one, with its type and contracts.
    expect(
      history.algoOrders
        .map((a) => [a.clientAlgoId, a.orderType, a.quantity, a.algoStatus])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['cm-stop', 'STOP_MARKET', '3', 'CANCELED'],
      ['cm-tp', 'TAKE_PROFIT_MARKET', '4', 'CANCELED'],
      ['cm-trail', 'TRAILING_STOP_MARKET', '1', 'CANCELED'],
    ]);
    const byClient = new Map(history.orders.map((o) => [o.clientOrderId, o]));
    expect(byClient.get('cm-limit')).toMatchObject({
      type: 'LIMIT',
      origQty: '2',
      executedQty: '0',
      status: 'CANCELED',
    });
    expect(byClient.get('coinm-1')).toMatchObject({ type: 'LIMIT', origQty: '2', status: 'CANCELED' });
    expect(history.orders.filter((o) => o.status === 'CANCELED').map((o) => o.origQty)).toEqual([
      '2',
      '3',
      '2',
    ]);
    expect(history.orders.filter((o) => o.status === 'FILLED').map((o) => [o.type, o.executedQty])).toEqual([
      ['MARKET', '5'],
    ]);
    const text = await basis(['orders', '--symbol', 'BTCUSD_PERP', '--all']);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(
      /\n\d+\s+cm-limit\s+BTCUSD_PERP\s+BUY\s+LIMIT GTC\s+[\d.]+\s+2\s+0\s+CANCELED\s/,
    );
    expect(text.out).toMatch(
      /\nalgo:\d+\s+cm-stop\s+BTCUSD_PERP\s+SELL\s+STOP_MARKET\s+[\d.]+\s+3\s+.*CANCELED/,
    );
  });

  test('behavior: a COIN-M trigger on the wrong side of the mark is rejected (-2021); off-tick triggers and fractional contracts are not sent; a priced STOP cancels with --all', async () => {
    const above = await priceNearMark(1.1);
    const below = await priceNearMark(0.9);
    const { cm, account } = coinmAccount();
    for (const [type, trigger] of [
      ['stop-market', above],
      ['take-profit-market', below],
    ] as const) {
      const rejected = await orderPerp('sell', type, '3', '--stop-price', trigger);
      expect(rejected.code, type).toBe(1);
      expect(rejected.err).toContain('Order would immediately trigger.');
      expect(rejected.err).toContain('-2021');
      expect(rejected.err).toContain('POST /dapi/v1/algoOrder');
    }
    const fractional = await orderPerp('sell', 'stop-market', '3.5', '--stop-price', below);
    expect(fractional.code).toBe(1);
    expect(fractional.err).toContain(
      'basis order: not sent: quantity 3.5 breaks PRECISION.quantityPrecision',
    );
    expect(fractional.err).toContain('nearest  3 (below), 4 (above)');
    const offTick = await orderPerp('sell', 'stop-market', '3', '--stop-price', `${below}5`);
    expect(offTick.code).toBe(1);
    expect(offTick.err).toContain(`triggerPrice ${below}5 breaks PRECISION.pricePrecision`);
    expect(cm.algo.open(account, 'BTCUSD_PERP')).toEqual([]);

    const stop = await orderPerp(
      'sell',
      'stop',
      '3',
      below,
      '--stop-price',
      below,
      '--client-id',
      'cm-stop-limit',
    );
    expect(stop.code, stop.err).toBe(0);
    expect(stop.out).toContain(
      `Placed SELL STOP 3 contracts BTCUSD_PERP @ ${below} trigger ${below} on local at ${local.restUrl} (COIN-M) (conditional)\n`,
    );
    const listed = await basis(['orders', '--symbol', 'BTCUSD_PERP']);
    expect(listed.out).toMatch(
      new RegExp(
        `\\nalgo:\\d+\\s+cm-stop-limit\\s+BTCUSD_PERP\\s+SELL\\s+STOP\\s+${trimDecimal(below)}\\s+${trimDecimal(below)}\\s+3\\s+NEW\\s`,
      ),
    );
    // Without --algo, --client-id names a regular order: DELETE /dapi/v1/order does not know it.
    const notRegular = await basis(['cancel', 'BTCUSD_PERP', '--client-id', 'cm-stop-limit']);
    expect(notRegular.code).toBe(1);
    expect(notRegular.err).toContain('DELETE /dapi/v1/order ');
    expect(cm.algo.open(account, 'BTCUSD_PERP').map((a) => [a.clientAlgoId, a.status])).toEqual([
      ['cm-stop-limit', 'NEW'],
    ]);
    const all = await basis(['cancel', 'BTCUSD_PERP', '--all', '--json']);
    expect(all.code, all.err).toBe(0);
    expect(json(all.out)).toMatchObject({
      market: 'coinm',
      symbol: 'BTCUSD_PERP',
      canceled: { orders: [], algoOrders: [{ clientAlgoId: 'cm-stop-limit' }] },
    });
    expect(cm.algo.get(account, { clientAlgoId: 'cm-stop-limit' }).status).toBe('CANCELED');
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
    const args = ['stream', 'aggTrade', 'BTCUSD_PERP', '--url', local.restUrl, '--count', '1', '--json'];
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
      const result = await basis(args, { ...local.keys, BASIS_MARKET: 'usdm' });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
  });
});
