import { Decimal, type Order } from '@basis/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createClient } from '../../clients/createClient.js';
import { BinanceApiError } from '../../errors/api.js';
import { ClientConfigError } from '../../errors/config.js';
import {
  readCall,
  settingCall,
  signedCallSummary,
  useRecordingExchange,
  writeCall,
} from '../recordingExchange.testing.js';
import {
  getAccountConfig,
  getAccountV2,
  getAccountV3,
  getAdlQuantile,
  getBalanceV2,
  getBalanceV3,
  getCommissionRate,
  getFeeBurn,
  getIncomeHistory,
  getLeverageBrackets,
  getMultiAssetsMode,
  getOrderRateLimit,
  getPositionMarginHistory,
  getPositionMode,
  getPositionRiskV2,
  getPositionRiskV3,
  getSymbolConfig,
  getUserTrades,
  modifyPositionMargin,
  setLeverage,
  setMarginType,
  setMultiAssetsMode,
  setPositionMode,
} from './index.js';

// Every USD-M account action, end to end against the local exchange over a loopback socket. The
// tests share one account and run in order: settings first, then a position opened with a raw order.

const local = useRecordingExchange({ seed: 11, backfillMinutes: 5 });

/** The last call's endpoint, weight, security, kind and retry policy. */
const lastCall = () => signedCallSummary(local.lastCall());

const SYMBOL = 'BTCUSDT';

describe('USD-M account against the local exchange', () => {
  test('getAccountConfig, getPositionMode, getMultiAssetsMode, getFeeBurn: a fresh account', async () => {
    expect(await getAccountConfig(local.client)).toMatchObject({
      canTrade: true,
      dualSidePosition: false,
      multiAssetsMargin: false,
      feeTier: expect.any(Number),
    });
    expect(lastCall()).toEqual(readCall('/fapi/v1/accountConfig', 5));
    expect(await getPositionMode(local.client)).toEqual({ dualSidePosition: false });
    expect(lastCall()).toEqual(readCall('/fapi/v1/positionSide/dual', 30));
    expect(await getMultiAssetsMode(local.client)).toEqual({ multiAssetsMargin: false });
    expect(lastCall()).toEqual(readCall('/fapi/v1/multiAssetsMargin', 30));
    expect(await getFeeBurn(local.client)).toEqual({ feeBurn: false });
    expect(lastCall()).toEqual(readCall('/fapi/v1/feeBurn', 30));
  });

  test('getBalanceV2, getBalanceV3, getAccountV2, getAccountV3: balances agree across endpoints', async () => {
    const v2 = await getBalanceV2(local.client);
    expect(lastCall()).toEqual(readCall('/fapi/v2/balance', 5));
    const v3 = await getBalanceV3(local.client);
    expect(lastCall()).toEqual(readCall('/fapi/v3/balance', 5));
    const usdt = v3.find((row) => row.asset === 'USDT')!;
    expect(Decimal.parse(usdt.balance).eq('100000')).toBe(true);
    expect(Decimal.parse(usdt.availableBalance).eq('100000')).toBe(true);
    expect(v2.map((row) => [row.asset, row.balance])).toEqual(v3.map((row) => [row.asset, row.balance]));
    const account3 = await getAccountV3(local.client);
    const account2 = await getAccountV2(local.client);
    expect(lastCall()).toEqual(readCall('/fapi/v2/account', 5));
    for (const row of v3) {
      const asset = account3.assets.find((a) => a.asset === row.asset)!;
      expect(Decimal.parse(asset.walletBalance).eq(row.balance)).toBe(true);
      expect(Decimal.parse(asset.availableBalance).eq(row.availableBalance)).toBe(true);
      expect(Decimal.parse(asset.crossWalletBalance).eq(row.crossWalletBalance)).toBe(true);
    }
    expect(Decimal.parse(account3.totalWalletBalance).eq('100000')).toBe(true);
    expect(account2.totalWalletBalance).toBe(account3.totalWalletBalance);
    expect(account2).toMatchObject({ canTrade: true, feeBurn: false, multiAssetsMargin: false });
    // v2 lists every symbol (BOTH in one-way mode); v3 only those with a position or open orders.
    expect(account2.positions.find((p) => p.symbol === SYMBOL)).toMatchObject({ positionSide: 'BOTH' });
    expect(account3.positions).toEqual([]);
  });

  test('setPositionMode: idempotent; -4059 resolves as "already so"', async () => {
    expect(await setPositionMode(local.client, { dualSidePosition: 'true' })).toEqual({
      changed: true,
      code: 200,
      msg: 'success',
    });
    expect(lastCall()).toEqual(settingCall('/fapi/v1/positionSide/dual'));
    const again = await setPositionMode(local.client, { dualSidePosition: 'true' });
    expect(again).toMatchObject({ changed: false, code: -4059 });
    expect(again.msg).toMatch(/No need to change position side/);
    expect(await getPositionMode(local.client)).toEqual({ dualSidePosition: true });
    expect((await getAccountConfig(local.client)).dualSidePosition).toBe(true);
    expect(await setPositionMode(local.client, { dualSidePosition: 'false' })).toMatchObject({
      changed: true,
    });
    expect(await getPositionMode(local.client)).toEqual({ dualSidePosition: false });
  });

  test('setMultiAssetsMode: idempotent; -4171 resolves as "already so"', async () => {
    expect(await setMultiAssetsMode(local.client, { multiAssetsMargin: 'true' })).toMatchObject({
      changed: true,
      code: 200,
    });
    expect(lastCall()).toEqual(settingCall('/fapi/v1/multiAssetsMargin'));
    expect(await setMultiAssetsMode(local.client, { multiAssetsMargin: 'true' })).toMatchObject({
      changed: false,
      code: -4171,
    });
    expect(await getMultiAssetsMode(local.client)).toEqual({ multiAssetsMargin: true });
    expect(await setMultiAssetsMode(local.client, { multiAssetsMargin: 'false' })).toMatchObject({
      changed: true,
    });
    expect(await getMultiAssetsMode(local.client)).toEqual({ multiAssetsMargin: false });
  });

  test('setMarginType: idempotent; -4046 resolves as "already so"; getSymbolConfig shows it', async () => {
    expect(await setMarginType(local.client, { symbol: SYMBOL, marginType: 'ISOLATED' })).toEqual({
      changed: true,
      code: 200,
      msg: 'success',
    });
    expect(lastCall()).toEqual(settingCall('/fapi/v1/marginType'));
    const again = await setMarginType(local.client, { symbol: SYMBOL, marginType: 'ISOLATED' });
    expect(again).toMatchObject({ changed: false, code: -4046 });
    expect(again.msg).toMatch(/No need to change margin type/);
    const [config] = await getSymbolConfig(local.client, { symbol: SYMBOL });
    expect(lastCall()).toEqual(readCall('/fapi/v1/symbolConfig', 5));
    expect(config).toMatchObject({ symbol: SYMBOL, marginType: 'ISOLATED', isAutoAddMargin: false });
  });

  test('setLeverage then getSymbolConfig shows it; a repeat gives the same answer; brackets agree', async () => {
    const set = await setLeverage(local.client, { symbol: SYMBOL, leverage: 10 });
    expect(lastCall()).toEqual(settingCall('/fapi/v1/leverage'));
    expect(set).toMatchObject({ symbol: SYMBOL, leverage: 10 });
    expect(Decimal.parse(String(set.maxNotionalValue)).isPositive()).toBe(true);
    expect(await setLeverage(local.client, { symbol: SYMBOL, leverage: 10 })).toEqual(set);
    const [config] = await getSymbolConfig(local.client, { symbol: SYMBOL });
    expect(config).toMatchObject({ symbol: SYMBOL, leverage: 10, marginType: 'ISOLATED' });
    expect(Decimal.parse(String(config!.maxNotionalValue)).eq(String(set.maxNotionalValue))).toBe(true);
    const all = await getSymbolConfig(local.client);
    expect(all.find((row) => row.symbol === 'ETHUSDT')).toMatchObject({ marginType: 'CROSSED' });

    const brackets = await getLeverageBrackets(local.client, { symbol: SYMBOL });
    expect(lastCall()).toEqual(readCall('/fapi/v1/leverageBracket', 1));
    expect(brackets.symbol).toBe(SYMBOL);
    expect(brackets.brackets[0]).toMatchObject({ bracket: 1, notionalFloor: 0 });
    // The notional cap at 10x is the cap of the last tier that still allows 10x.
    const allowed = brackets.brackets.filter((tier) => tier.initialLeverage >= 10);
    expect(Number(set.maxNotionalValue)).toBe(allowed.at(-1)!.notionalCap);
    const every = await getLeverageBrackets(local.client);
    expect(every.map((row) => row.symbol)).toContain('ETHUSDT');
  });

  test('getCommissionRate and getOrderRateLimit', async () => {
    const rate = await getCommissionRate(local.client, { symbol: SYMBOL });
    expect(lastCall()).toEqual(readCall('/fapi/v1/commissionRate', 20));
    expect(rate.symbol).toBe(SYMBOL);
    const maker = Decimal.parse(rate.makerCommissionRate);
    const taker = Decimal.parse(rate.takerCommissionRate);
    expect(taker.gte(maker) && taker.isPositive()).toBe(true);
    const limits = await getOrderRateLimit(local.client);
    expect(lastCall()).toEqual(readCall('/fapi/v1/rateLimit/order', 1));
    expect(limits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10 }),
        expect.objectContaining({ rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1 }),
      ]),
    );
  });

  describe('with a position (a raw MARKET order of 0.01 BTCUSDT)', () => {
    let order: Order;

    beforeAll(async () => {
      order = await local.client.request<Order>({
        method: 'POST',
        path: '/fapi/v1/order',
        params: {
          symbol: SYMBOL,
          side: 'BUY',
          type: 'MARKET',
          quantity: '0.010',
          newOrderRespType: 'RESULT',
        },
        security: 'TRADE',
        weight: 0,
        orders: { tenSeconds: 1, minute: 1 },
        kind: 'order',
      });
      expect(order.status).toBe('FILLED');
    });

    test('getPositionRiskV3, getPositionRiskV2, getAccountV3: the position at 10x isolated', async () => {
      const [v3] = await getPositionRiskV3(local.client, { symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/fapi/v3/positionRisk', 5));
      expect(v3).toMatchObject({ symbol: SYMBOL, positionSide: 'BOTH', marginAsset: 'USDT' });
      expect(Decimal.parse(v3!.positionAmt).eq('0.01')).toBe(true);
      expect(Decimal.parse(v3!.entryPrice).eq(order.avgPrice)).toBe(true);
      expect(Decimal.parse(v3!.isolatedMargin).isPositive()).toBe(true);
      const notional = Decimal.parse(v3!.notional);
      expect(notional.sub(Decimal.parse(v3!.markPrice).mul('0.01')).abs().lt('0.01')).toBe(true);

      const v2 = await getPositionRiskV2(local.client, { symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/fapi/v2/positionRisk', 5));
      expect(v2).toHaveLength(1);
      expect(v2[0]).toMatchObject({ symbol: SYMBOL, leverage: '10', marginType: 'isolated' });
      expect(Decimal.parse(v2[0]!.positionAmt).eq('0.01')).toBe(true);

      const account = await getAccountV3(local.client);
      expect(account.positions.map((p) => p.symbol)).toEqual([SYMBOL]);
      expect(Decimal.parse(account.positions[0]!.positionAmt).eq('0.01')).toBe(true);
    });

    test('getUserTrades and getIncomeHistory: the fill and its commission', async () => {
      const trades = await getUserTrades(local.client, { symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/fapi/v1/userTrades', 5));
      expect(trades.length).toBeGreaterThan(0);
      expect(trades.every((t) => String(t.orderId) === String(order.orderId))).toBe(true);
      const qty = trades.reduce((sum, t) => sum.add(t.qty), Decimal.ZERO);
      expect(qty.eq('0.01')).toBe(true);
      const commission = trades.reduce((sum, t) => sum.add(t.commission), Decimal.ZERO);
      expect(commission.isPositive()).toBe(true);
      expect(trades[0]).toMatchObject({ side: 'BUY', buyer: true, maker: false, commissionAsset: 'USDT' });

      const income = await getIncomeHistory(local.client, { symbol: SYMBOL, incomeType: 'COMMISSION' });
      expect(lastCall()).toEqual(readCall('/fapi/v1/income', 30));
      expect(income.length).toBe(trades.length);
      const charged = income.reduce((sum, row) => sum.add(row.income), Decimal.ZERO);
      expect(charged.eq(commission.neg())).toBe(true);
      expect(income[0]).toMatchObject({ symbol: SYMBOL, incomeType: 'COMMISSION', asset: 'USDT' });
    });

    test('getAdlQuantile: the symbol with its quantiles', async () => {
      const rows = await getAdlQuantile(local.client, { symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/fapi/v1/adlQuantile', 5));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ symbol: SYMBOL, adlQuantile: expect.any(Object) });
    });

    test('modifyPositionMargin then getPositionMarginHistory; never retried', async () => {
      const before = Decimal.parse(
        (await getPositionRiskV3(local.client, { symbol: SYMBOL }))[0]!.isolatedMargin,
      );
      const added = await modifyPositionMargin(local.client, { symbol: SYMBOL, amount: '5', type: 1 });
      expect(lastCall()).toEqual(writeCall('/fapi/v1/positionMargin'));
      expect(added).toMatchObject({ code: 200, amount: 5, type: 1 });
      const after = Decimal.parse(
        (await getPositionRiskV3(local.client, { symbol: SYMBOL }))[0]!.isolatedMargin,
      );
      expect(after.sub(before).eq('5')).toBe(true);
      const history = await getPositionMarginHistory(local.client, { symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/fapi/v1/positionMargin/history', 1));
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ symbol: SYMBOL, type: 1, asset: 'USDT', positionSide: 'BOTH' });
      expect(Decimal.parse(history[0]!.amount).eq('5')).toBe(true);
    });

    test('behavior: margin type and position mode cannot change with a position (not "already so")', async () => {
      const marginType = setMarginType(local.client, { symbol: SYMBOL, marginType: 'CROSSED' });
      await expect(marginType).rejects.toBeInstanceOf(BinanceApiError);
      await expect(marginType).rejects.toMatchObject({ code: -4048 });
      await expect(setPositionMode(local.client, { dualSidePosition: 'true' })).rejects.toMatchObject({
        code: -4068,
      });
      // Asking for what is already so still succeeds.
      expect(await setMarginType(local.client, { symbol: SYMBOL, marginType: 'ISOLATED' })).toMatchObject({
        changed: false,
      });
      expect(await setPositionMode(local.client, { dualSidePosition: 'false' })).toMatchObject({
        changed: false,
      });
    });
  });

  test('behavior: USD-M-only actions refuse a COIN-M client before sending', async () => {
    const coinm = createClient({ env: 'local', market: 'coinm', baseUrl: 'http://127.0.0.1:9' });
    await expect(getAccountV2(coinm)).rejects.toBeInstanceOf(ClientConfigError);
    await expect(setLeverage(coinm, { symbol: 'BTCUSD_PERP', leverage: 5 })).rejects.toBeInstanceOf(
      ClientConfigError,
    );
    await coinm.close();
  });
});
