import { type CoinmOrder, parseJson, VirtualClock } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAll, ok, rest, startTrading, T0 } from '../api/coinm/trade/testing.js';
import { createExchange, type Exchange } from '../createExchange.js';
import type { RestResponse } from '../rest/handler.js';

const others: Exchange[] = [];

afterEach(async () => {
  await closeAll();
  await Promise.all(others.splice(0).map((e) => e.close()));
});

function adminGet(exchange: Exchange, path: string): RestResponse {
  return exchange.handle({
    method: 'GET',
    path,
    rawQuery: '',
    rawBody: '',
    headers: {},
    clientIp: '127.0.0.1',
  });
}

function bodyOf<T>(response: RestResponse): T {
  expect(response.status).toBe(200);
  return parseJson(response.body) as T;
}

interface AccountView {
  readonly wallets: Record<string, string>;
  readonly positions: readonly unknown[];
  readonly openOrders: readonly unknown[];
  readonly coinm?: {
    readonly dualSidePosition: boolean;
    readonly wallets: Record<string, string>;
    readonly positions: readonly unknown[];
    readonly openOrders: readonly CoinmOrder[];
  };
}

describe('admin views with COIN-M', () => {
  test('default: GET /admin/accounts/:id shows the COIN-M wallets, positions and open orders, conditional ones included', () => {
    const f = startTrading();
    rest(f, 'BTCUSD_PERP', 'SELL', '10', '50000');
    ok(f, 'POST', '/dapi/v1/order', { symbol: 'BTCUSD_PERP', side: 'BUY', type: 'MARKET', quantity: '10' });
    const limit = { type: 'LIMIT', timeInForce: 'GTC', quantity: '2', price: '49000' };
    ok(f, 'POST', '/dapi/v1/order', { symbol: 'BTCUSD_PERP', side: 'BUY', ...limit });
    ok(f, 'POST', '/dapi/v1/order', {
      symbol: 'BTCUSD_PERP',
      side: 'SELL',
      type: 'STOP_MARKET',
      quantity: '10',
      stopPrice: '45000',
      reduceOnly: 'true',
    });

    const view = bodyOf<AccountView>(adminGet(f.exchange, `/admin/accounts/${f.creds.accountId}`));
    expect(view.wallets).toEqual({ USDT: '100000', USDC: '100000' });
    expect(view.positions).toEqual([]);
    expect(view.openOrders).toEqual([]);
    // 10 BTC less the taker fee: 10 contracts × 100 USD / 50,000 = 0.02 BTC at 0.05%.
    expect(view.coinm?.wallets).toEqual({ BTC: '9.99999000', ETH: '100' });
    expect(view.coinm?.positions).toEqual([
      {
        symbol: 'BTCUSD_PERP',
        positionSide: 'BOTH',
        positionAmt: '10',
        entryPrice: '50000.0',
        isolatedWallet: '0',
      },
    ]);
    const open = ok<CoinmOrder[]>(f, 'GET', '/dapi/v1/openOrders');
    expect(open.map((o) => o.type)).toEqual(['LIMIT', 'STOP_MARKET']);
    expect(view.coinm?.openOrders).toEqual(open);
    expect(view.coinm?.dualSidePosition).toBe(false);
  });

  test('behavior: GET /admin/state lists the COIN-M contracts with their type and status', () => {
    const f = startTrading();
    const state = bodyOf<{
      symbols: { symbol: string }[];
      coinm?: {
        time: number;
        symbols: { symbol: string; pair: string; contractType: string; contractStatus: string }[];
      };
    }>(adminGet(f.exchange, '/admin/state'));
    expect(state.symbols.some((s) => s.symbol === 'BTCUSDT')).toBe(true);
    expect(state.symbols.some((s) => s.symbol === 'BTCUSD_PERP')).toBe(false);
    expect(state.coinm?.time).toBe(T0);
    expect(state.coinm?.symbols.find((s) => s.symbol === 'BTCUSD_PERP')).toMatchObject({
      pair: 'BTCUSD',
      contractType: 'PERPETUAL',
      contractStatus: 'TRADING',
      markPrice: '50000',
    });
    expect(state.coinm?.symbols.map((s) => s.contractType)).toContain('CURRENT_QUARTER');
  });

  test('behavior: with COIN-M off the views are USD-M alone', () => {
    const exchange = createExchange({ clock: new VirtualClock(T0), marketData: 'none', coinm: false });
    others.push(exchange);
    const id = exchange.defaultAccount!.accountId;
    expect(bodyOf<AccountView>(adminGet(exchange, `/admin/accounts/${id}`))).not.toHaveProperty('coinm');
    expect(bodyOf<object>(adminGet(exchange, '/admin/state'))).not.toHaveProperty('coinm');
  });
});
