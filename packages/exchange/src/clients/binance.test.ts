import { USDMClient } from 'binance';
import { describe, expect, test } from 'vitest';
import {
  binanceRestClient,
  expectBinanceBookAndKlines,
  expectBinanceLeverageAndModes,
  expectBinanceRejection,
  expectBinanceSignedRequestErrors,
  runBinanceOrderWorkflow,
} from './binanceChecks.testing.js';
import { useClientExchange } from './testing.js';

// The `binance` npm package's USDMClient, unchanged but for its base URL, runs a full trading
// workflow against the local exchange over loopback HTTP and gets Binance's error bodies.

const local = useClientExchange(12, binanceRestClient(USDMClient));
const symbol = 'ETHUSDT';

function roundTo(price: number, tick: number): string {
  return (Math.round(price / tick) * tick).toFixed(2);
}

describe('binance USDMClient against the local exchange', () => {
  test('markets, ticker, order book and klines', async () => {
    const { client } = local;
    const info = await client.getExchangeInfo();
    const eth = info.symbols.find((s) => s.symbol === symbol);
    expect(eth).toMatchObject({ contractType: 'PERPETUAL', marginAsset: 'USDT', status: 'TRADING' });
    const ticker = await client.get24hrChangeStatistics({ symbol });
    expect(Number((ticker as { lastPrice: string }).lastPrice)).toBeGreaterThan(100);
    await expectBinanceBookAndKlines(client, symbol);
    const mark = await client.getMarkPrice({ symbol });
    expect(Number((mark as { markPrice: string }).markPrice)).toBeGreaterThan(0);
  });

  test('balance, positions, leverage, margin type and position mode', async () => {
    const { client } = local;
    const balances = await client.getBalanceV3();
    expect(Number(balances.find((b) => b.asset === 'USDT')?.availableBalance)).toBeGreaterThan(0);
    const account = await client.getAccountInformationV3();
    expect(Number(account.totalWalletBalance)).toBeGreaterThan(0);
    await expectBinanceLeverageAndModes(client, symbol);
    expect(await client.getPositionsV3({ symbol })).toEqual([]);
  });

  test('limit, market and reduce-only orders; modify, cancel, open orders', async () => {
    const { client } = local;
    await runBinanceOrderWorkflow(client, {
      symbol,
      priceDecimals: 2,
      quantityDecimals: 3,
      limitQuantity: 0.1,
      modifiedQuantity: 0.2,
      positionQuantity: 0.05,
      expectShort: async () => {
        const positions = await client.getPositionsV3({ symbol });
        expect(positions[0]).toMatchObject({ symbol, positionAmt: '-0.050' });
      },
      // USD-M's v3 positions leave out the symbols without a position.
      expectFlat: async () => expect(await client.getPositionsV3({ symbol })).toEqual([]),
    });
  });

  test('a conditional order through the algo endpoints', async () => {
    const { client } = local;
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const ask = Number(book.asks[0]![0]);
    const algo = await client.submitNewAlgoOrder({
      algoType: 'CONDITIONAL',
      symbol,
      side: 'BUY',
      type: 'STOP_MARKET',
      quantity: '0.050',
      triggerPrice: roundTo(ask * 1.05, 0.01),
    } as Parameters<USDMClient['submitNewAlgoOrder']>[0]);
    expect(algo).toMatchObject({ algoStatus: 'NEW', orderType: 'STOP_MARKET', symbol });
    const open = await client.getOpenAlgoOrders({ symbol } as Parameters<USDMClient['getOpenAlgoOrders']>[0]);
    expect(open.map((o: { algoId: unknown }) => o.algoId)).toContain(algo.algoId);
    const canceled = await client.cancelAlgoOrder({ algoId: algo.algoId } as Parameters<
      USDMClient['cancelAlgoOrder']
    >[0]);
    expect(canceled).toMatchObject({ algoId: algo.algoId, code: '200' });
  });

  test("Binance's error codes come back as Binance sends them", async () => {
    const { client } = local;
    await expectBinanceRejection(client.get24hrChangeStatistics({ symbol: 'NOPEUSDT' }), -1121);
    await expectBinanceRejection(
      client.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 0.0001234 }),
      -1111,
    );
    const book = await client.getOrderBook({ symbol, limit: 5 });
    const bid = Number(book.bids[0]![0]);
    await expectBinanceRejection(
      client.submitNewOrder({
        symbol,
        side: 'BUY',
        type: 'LIMIT',
        timeInForce: 'GTC',
        quantity: 0.001,
        price: Number(roundTo(bid * 0.99, 0.01)),
      }),
      -4164,
    );
    // -2019, -1022, -1021; the poor account's 20 USDT cannot margin 1 ETH.
    await expectBinanceSignedRequestErrors(local, USDMClient, {
      poorBalances: { USDT: '20' },
      overspend: (poor) => poor.submitNewOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: 1 }),
      signedRead: (client) => client.getBalanceV3(),
    });
  });
});
