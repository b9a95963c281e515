import { Decimal, VirtualClock } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { exchangesForTests, handleJson, T0 } from './createExchange.testing.js';
import { publicRequest, signedRequest } from './testing/signedRequest.js';

const { start, tempDir } = exchangesForTests({ synthetic: { backfillMinutes: 30 } });

describe('createExchange with COIN-M', () => {
  test('default: COIN-M runs beside USD-M; one account and key, coin wallets on COIN-M', () => {
    const exchange = start();
    const coinm = exchange.coinm!;
    const creds = exchange.defaultAccount!;
    expect(coinm.product).toBe('coinm');
    expect([...coinm.markets.keys()]).toContain('BTCUSD_PERP');
    const cmAccount = coinm.accounts.get(creds.accountId)!;
    const umAccount = exchange.venue.accounts.get(creds.accountId)!;
    expect(cmAccount.wallet('BTC').toString()).toBe(Decimal.parse('10').toString());
    expect(cmAccount.wallet('USDT').isZero()).toBe(true);
    expect(umAccount.wallet('BTC').isZero()).toBe(true);
    expect(handleJson(exchange, publicRequest('GET', '/dapi/v1/ping')).body).toEqual({});

    // Position mode is per product, as on Binance.
    const set = handleJson(
      exchange,
      signedRequest('POST', '/dapi/v1/positionSide/dual', { dualSidePosition: 'true' }, creds, {
        timestamp: exchange.clock.now(),
      }),
    );
    expect(set.body).toEqual({ code: 200, msg: 'success' });
    const read = (path: string) =>
      handleJson<{ dualSidePosition: boolean }>(
        exchange,
        signedRequest('GET', path, {}, creds, { timestamp: exchange.clock.now() }),
      ).body.dualSidePosition;
    expect(read('/dapi/v1/positionSide/dual')).toBe(true);
    expect(read('/fapi/v1/positionSide/dual')).toBe(false);
  });

  test('behavior: accounts created by the admin API exist in both products with the same key', () => {
    const exchange = start();
    const created = handleJson<{ accountId: number; keys: { apiKey: string; apiSecret: string }[] }>(
      exchange,
      {
        ...publicRequest('POST', '/admin/accounts'),
        rawBody: JSON.stringify({ balances: { USDT: '500', BTC: '0.5' } }),
      },
    ).body;
    const key = created.keys[0]!;
    const listenKey = handleJson<{ listenKey: string }>(
      exchange,
      signedRequest('POST', '/dapi/v1/listenKey', {}, key, { timestamp: exchange.clock.now() }),
    );
    expect(listenKey.status).toBe(200);
    expect(exchange.coinm!.accounts.get(created.accountId)!.wallet('BTC').toString()).toBe('0.5');
    expect(exchange.venue.accounts.get(created.accountId)!.wallet('USDT').toString()).toBe('500');
    // Deposits of a coin land in COIN-M; of a stablecoin in USD-M.
    exchange.admin({
      kind: 'transfer',
      accountId: created.accountId,
      asset: 'ETH',
      amount: '2',
      direction: 'DEPOSIT',
    });
    expect(exchange.coinm!.accounts.get(created.accountId)!.wallet('ETH').toString()).toBe('2');
  });

  test('behavior: a restart replays COIN-M commands onto the COIN-M venue', async () => {
    const dir = tempDir('basis-coinm-');
    const clock = new VirtualClock(T0);
    // Closed here to restart on its directory; closing again after the test does nothing.
    const first = start({ clock, stateDir: dir, fsync: 'none' });
    const creds = first.defaultAccount!;
    const answer = first.handle(
      signedRequest('POST', '/dapi/v1/marginType', { symbol: 'BTCUSD_PERP', marginType: 'ISOLATED' }, creds, {
        timestamp: clock.now(),
      }),
    );
    expect(answer.status).toBe(200);
    clock.advance(5_000);
    const before = first.coinm!.snapshot();
    await first.close();

    const second = start({ clock, stateDir: dir, fsync: 'none' });
    expect(second.coinm!.accounts.get(creds.accountId)!.settingsFor('BTCUSD_PERP').marginType).toBe(
      'ISOLATED',
    );
    expect(second.venue.accounts.get(creds.accountId)!.settingsFor('BTCUSDT').marginType).toBe('CROSSED');
    expect(second.coinm!.snapshot()).toEqual(before);
  });

  test('behavior: coinm: false serves USD-M alone', () => {
    const exchange = start({ coinm: false });
    expect(exchange.coinm).toBeUndefined();
    expect(exchange.handle(publicRequest('GET', '/dapi/v1/ping')).status).toBe(404);
  });
});

describe('createExchange with COIN-M: one market per underlying', () => {
  test('behavior: both products follow one index per asset, and moving it moves both', () => {
    const clock = new VirtualClock(T0);
    const exchange = start({ clock });
    const coinm = exchange.coinm!;
    clock.advance(30_000);
    exchange.venue.advanceTo(exchange.clock.now());
    coinm.advanceTo(exchange.clock.now());
    expect(coinm.market('BTCUSD_PERP').indexPrice.toString()).toBe(
      exchange.venue.market('BTCUSDT').indexPrice.toString(),
    );
    exchange.admin({ kind: 'setIndexPrice', symbol: 'ETHUSDT', price: '2500' });
    clock.advance(1_000);
    exchange.venue.advanceTo(exchange.clock.now());
    coinm.advanceTo(exchange.clock.now());
    expect(Number(coinm.market('ETHUSD_PERP').indexPrice.toString())).toBeCloseTo(2500, -1);
    expect(coinm.market('ETHUSD_PERP').indexPrice.toString()).toBe(
      exchange.venue.market('ETHUSDT').indexPrice.toString(),
    );
  });
});
