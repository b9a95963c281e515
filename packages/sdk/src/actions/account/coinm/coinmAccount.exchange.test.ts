import { type CoinmOrder, Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CoinmActions } from '../../../clients/decorators/coinm.js';
import { BinanceApiError } from '../../../errors/api.js';
import type { RequestCall } from '../../../request/types.js';
import { startCoinmTradingExchange, type TradingExchange } from '../../../testing/tradingExchange.js';
import { COINM_ACCOUNT_BINDINGS, recordingCoinmActions } from '../../coinmBindings.testing.js';
import {
  lastCallOf,
  readCall,
  settingCall,
  signedCallSummary,
  writeCall,
} from '../../recordingExchange.testing.js';

// Every COIN-M account action, end to end against the local exchange over a loopback socket, checked
// against the COIN-M venue's own account. The tests share one account and run in order: settings
// first, then a position opened with a MARKET order of whole contracts.

let fx: TradingExchange<CoinmActions>;
/** The account methods, recording which ones ran. */
let client: CoinmActions;
const calls: RequestCall[] = [];
const used = new Set<string>();

beforeAll(async () => {
  fx = await startCoinmTradingExchange({ seed: 13, onRequest: (call) => calls.push(call) });
  client = recordingCoinmActions(fx.client, used);
});

afterAll(async () => {
  await fx.close();
});

const SYMBOL = 'BTCUSD_PERP';
/** USD per BTCUSD contract. */
const CONTRACT_SIZE = 100;

/** The last call's endpoint, weight, security, kind and retry policy. */
const lastCall = () => signedCallSummary(lastCallOf(calls));

/** The default account as the COIN-M venue holds it. */
function venueAccount() {
  return fx.exchange.coinm!.accounts.get(fx.exchange.defaultAccount!.accountId)!;
}

/** A value in coin: contracts × contract size / price, cut to 8 decimals (reference §13.2). */
function coinValue(contracts: Decimal | string, price: string): Decimal {
  return Decimal.parse(contracts.toString()).mul(CONTRACT_SIZE).div(price, 8, 'down');
}

function sum(values: readonly (string | Decimal)[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.add(value), Decimal.ZERO);
}

describe('COIN-M account against the local exchange', () => {
  test('getBalance and getAccount: the coin wallets of the venue, agreeing with each other', async () => {
    const balances = await client.getBalance();
    expect(lastCall()).toEqual(readCall('/dapi/v1/balance', 1));
    expect(balances.map((row) => row.asset).sort()).toEqual(['BTC', 'ETH']);
    for (const row of balances) {
      expect(Decimal.parse(row.balance).eq(venueAccount().wallet(row.asset))).toBe(true);
      expect(row.accountAlias).toBe(venueAccount().alias);
    }
    expect(Decimal.parse(balances.find((row) => row.asset === 'BTC')!.balance).eq('10')).toBe(true);
    const account = await client.getAccount();
    expect(lastCall()).toEqual(readCall('/dapi/v1/account', 5));
    expect(account).toMatchObject({ canTrade: true, canDeposit: true, canWithdraw: true });
    for (const row of balances) {
      const asset = account.assets.find((a) => a.asset === row.asset)!;
      expect(Decimal.parse(asset.walletBalance).eq(row.balance)).toBe(true);
      expect(Decimal.parse(asset.availableBalance).eq(row.availableBalance)).toBe(true);
      expect(Decimal.parse(asset.maxWithdrawAmount).eq(row.withdrawAvailable)).toBe(true);
    }
    // One-way mode: a BOTH row per listed symbol, with maxQty instead of maxNotional.
    const perp = account.positions.find((p) => p.symbol === SYMBOL)!;
    expect(perp).toMatchObject({ positionSide: 'BOTH', positionAmt: '0', isolated: false });
    expect(Decimal.parse(perp.maxQty).isPositive()).toBe(true);
    expect(account.positions.map((p) => p.symbol).sort()).toEqual(
      [...fx.exchange.coinm!.markets.keys()].sort(),
    );
  });

  test('setPositionMode and getPositionMode on /dapi: idempotent; hedge mode lists LONG and SHORT rows', async () => {
    expect(await client.getPositionMode()).toEqual({ dualSidePosition: false });
    expect(lastCall()).toEqual(readCall('/dapi/v1/positionSide/dual', 30));
    expect(await client.setPositionMode({ dualSidePosition: 'true' })).toEqual({
      changed: true,
      code: 200,
      msg: 'success',
    });
    expect(lastCall()).toEqual(settingCall('/dapi/v1/positionSide/dual'));
    expect(await client.setPositionMode({ dualSidePosition: 'true' })).toMatchObject({
      changed: false,
      code: -4059,
    });
    expect(venueAccount().dualSidePosition).toBe(true);
    const hedged = (await client.getAccount()).positions.filter((p) => p.symbol === SYMBOL);
    expect(hedged.map((p) => p.positionSide).sort()).toEqual(['BOTH', 'LONG', 'SHORT']);
    // Position mode is per product: USD-M is still one-way.
    expect(fx.exchange.venue.accounts.get(venueAccount().id)!.dualSidePosition).toBe(false);
    expect(await client.setPositionMode({ dualSidePosition: 'false' })).toMatchObject({ changed: true });
    expect(await client.getPositionMode()).toEqual({ dualSidePosition: false });
  });

  test('setMarginType: -4046 is "already so"; getPositionRisk shows it', async () => {
    expect(await client.setMarginType({ symbol: SYMBOL, marginType: 'ISOLATED' })).toEqual({
      changed: true,
      code: 200,
      msg: 'success',
    });
    expect(lastCall()).toEqual(settingCall('/dapi/v1/marginType'));
    expect(await client.setMarginType({ symbol: SYMBOL, marginType: 'ISOLATED' })).toMatchObject({
      changed: false,
      code: -4046,
    });
    const rows = await client.getPositionRisk({ pair: 'BTCUSD' });
    expect(lastCall()).toEqual(readCall('/dapi/v1/positionRisk', 1));
    expect(rows.find((row) => row.symbol === SYMBOL)).toMatchObject({ marginType: 'isolated' });
    expect(rows.every((row) => row.symbol.startsWith('BTCUSD_'))).toBe(true);
  });

  test('setLeverage: maxQty in coin is the cap of the last bracket that allows it; V1 by pair and V2 by symbol agree', async () => {
    const set = await client.setLeverage({ symbol: SYMBOL, leverage: 20 });
    expect(lastCall()).toEqual(settingCall('/dapi/v1/leverage'));
    expect(set).toEqual({ leverage: 20, maxQty: expect.any(String), symbol: SYMBOL });
    expect(await client.setLeverage({ symbol: SYMBOL, leverage: 20 })).toEqual(set);
    expect(venueAccount().settingsFor(SYMBOL).leverage).toBe(20);

    const [v1] = await client.getLeverageBracketsV1({ pair: 'BTCUSD' });
    expect(lastCall()).toEqual(readCall('/dapi/v1/leverageBracket', 1));
    expect(v1!.pair).toBe('BTCUSD');
    const [v2] = await client.getLeverageBracketsV2({ symbol: SYMBOL });
    expect(lastCall()).toEqual(readCall('/dapi/v2/leverageBracket', 1));
    expect(v2!.symbol).toBe(SYMBOL);
    // The same tiers; v2 spells the floor `qtyFloor` (v1 keeps Binance's `qtylFloor`).
    expect(v2!.brackets).toEqual(
      v1!.brackets.map(({ qtylFloor, ...tier }) => ({ ...tier, qtyFloor: qtylFloor })),
    );
    // Brackets in coin, contiguous from 0, the maintenance amount accumulating tier by tier.
    const tiers = v1!.brackets;
    expect(tiers[0]).toMatchObject({ bracket: 1, qtylFloor: 0, initialLeverage: 125, cum: 0 });
    for (let i = 1; i < tiers.length; i += 1) {
      const previous = tiers[i - 1]!;
      const tier = tiers[i]!;
      expect(tier.qtylFloor).toBe(previous.qtyCap);
      const cum = Decimal.parse(String(previous.cum)).add(
        Decimal.parse(String(tier.qtylFloor)).mul(
          Decimal.parse(String(tier.maintMarginRatio)).sub(String(previous.maintMarginRatio)),
        ),
      );
      expect(cum.eq(String(tier.cum))).toBe(true);
    }
    const allowed = tiers.filter((tier) => tier.initialLeverage >= 20);
    expect(Decimal.parse(set.maxQty).eq(String(allowed.at(-1)!.qtyCap))).toBe(true);
    const [risk] = await client.getPositionRisk({ marginAsset: 'BTC' });
    expect(risk).toMatchObject({ leverage: '20', maxQty: set.maxQty });
    // Every pair when asked for none.
    const every = await client.getLeverageBracketsV1();
    expect(every.map((row) => row.pair).sort()).toEqual(['BTCUSD', 'ETHUSD']);
  });

  test('getCommissionRate: the venue account rates', async () => {
    const rate = await client.getCommissionRate({ symbol: SYMBOL });
    expect(lastCall()).toEqual(readCall('/dapi/v1/commissionRate', 20));
    expect(rate.symbol).toBe(SYMBOL);
    expect(Decimal.parse(rate.makerCommissionRate).eq(venueAccount().makerRate)).toBe(true);
    expect(Decimal.parse(rate.takerCommissionRate).eq(venueAccount().takerRate)).toBe(true);
  });

  describe('with a position (a MARKET order of 5 contracts at 20x isolated)', () => {
    let order: CoinmOrder;

    beforeAll(async () => {
      ({ order } = await client.newOrder({
        symbol: SYMBOL,
        side: 'BUY',
        type: 'MARKET',
        quantity: '5',
        newOrderRespType: 'RESULT',
      }));
      expect(order.status).toBe('FILLED');
    });

    test('getUserTrades (by symbol and by pair): contracts, their value in coin, commission in coin', async () => {
      const trades = await client.getUserTrades({ symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/dapi/v1/userTrades', 20));
      expect(trades.length).toBeGreaterThan(0);
      expect(trades.every((t) => String(t.orderId) === String(order.orderId))).toBe(true);
      expect(sum(trades.map((t) => t.qty)).eq('5')).toBe(true);
      const rate = venueAccount().takerRate;
      for (const trade of trades) {
        expect(trade).toMatchObject({
          pair: 'BTCUSD',
          marginAsset: 'BTC',
          commissionAsset: 'BTC',
          side: 'BUY',
          buyer: true,
          maker: false,
        });
        expect(Decimal.parse(trade.baseQty).eq(coinValue(trade.qty, trade.price))).toBe(true);
        const commission = Decimal.parse(trade.baseQty).mul(rate);
        expect(Decimal.parse(trade.commission).sub(commission).abs().lt('0.00000001')).toBe(true);
      }
      // The order's cumBase is the sum of its fills' value in coin.
      expect(Decimal.parse(order.cumBase).eq(sum(trades.map((t) => t.baseQty)))).toBe(true);
      expect(await client.getUserTrades({ pair: 'BTCUSD' })).toEqual(trades);
      expect(lastCall().weight).toBe(40);
    });

    test('getPositionRisk and getAccount: the position in contracts, PnL and notional in coin', async () => {
      const trades = await client.getUserTrades({ symbol: SYMBOL });
      const [risk] = (await client.getPositionRisk({ pair: 'BTCUSD' })).filter((r) => r.symbol === SYMBOL);
      expect(risk).toMatchObject({ positionAmt: '5', marginType: 'isolated', leverage: '20' });
      // Entry price: the harmonic mean of the fills (Σ contracts / Σ contracts/price).
      const entry = sum(trades.map((t) => t.qty)).div(
        sum(trades.map((t) => Decimal.parse(t.qty).div(t.price, 20, 'half-even'))),
        8,
        'half-even',
      );
      expect(Decimal.parse(risk!.entryPrice).sub(entry).abs().lte('0.1')).toBe(true);
      // Unrealized PnL in BTC: contracts × size × (1/entry − 1/mark), at the row's own mark price.
      const pnl = Decimal.parse('5')
        .mul(CONTRACT_SIZE)
        .mul(
          Decimal.parse('1')
            .div(risk!.entryPrice, 20, 'half-even')
            .sub(Decimal.parse('1').div(risk!.markPrice, 20, 'half-even')),
        );
      expect(Decimal.parse(risk!.unRealizedProfit).sub(pnl).abs().lte('0.00000001')).toBe(true);
      // Isolated margin ≈ the position's value in coin / leverage (plus nothing yet added).
      const isolated = Decimal.parse(risk!.isolatedMargin);
      const initial = coinValue('5', risk!.entryPrice).div(20, 8, 'half-even');
      expect(isolated.sub(initial).abs().lte(initial.mul('0.01'))).toBe(true);
      // notionalValue at the row's own mark, in coin: 5 × 100 / mark.
      expect(Decimal.parse(risk!.notionalValue!).eq(coinValue('5', risk!.markPrice))).toBe(true);
      // Liquidation below the entry for a long.
      expect(Decimal.parse(risk!.liquidationPrice).lt(risk!.entryPrice)).toBe(true);

      const account = await client.getAccount();
      const row = account.positions.find((p) => p.symbol === SYMBOL && p.positionSide === 'BOTH')!;
      expect(row).toMatchObject({ positionAmt: '5', isolated: true, leverage: '20' });
      expect(row.entryPrice).toBe(risk!.entryPrice);
      // notionalValue is in coin: about 5 × 100 / mark.
      expect(row.notionalValue).toBeTypeOf('string');
      const notional = Decimal.parse(row.notionalValue!);
      const expected = coinValue('5', risk!.markPrice);
      expect(notional.sub(expected).abs().lte(expected.mul('0.01'))).toBe(true);
      // The wallet paid the commission in BTC, exactly as the venue holds it.
      const btc = account.assets.find((a) => a.asset === 'BTC')!;
      const commission = sum(trades.map((t) => t.commission));
      expect(Decimal.parse(btc.walletBalance).eq(Decimal.parse('10').sub(commission))).toBe(true);
      expect(Decimal.parse(btc.walletBalance).eq(venueAccount().wallet('BTC'))).toBe(true);
    });

    test('getIncomeHistory: the initial transfer and the commission in BTC, weight 20', async () => {
      const trades = await client.getUserTrades({ symbol: SYMBOL });
      const income = await client.getIncomeHistory({ incomeType: 'COMMISSION' });
      expect(lastCall()).toEqual(readCall('/dapi/v1/income', 20));
      expect(income).toHaveLength(trades.length);
      expect(income.every((row) => row.symbol === SYMBOL && row.asset === 'BTC')).toBe(true);
      expect(sum(income.map((row) => row.income)).eq(sum(trades.map((t) => t.commission)).neg())).toBe(true);
      expect(income.map((row) => row.tradeId).sort()).toEqual(trades.map((t) => String(t.id)).sort());
      const transfers = await client.getIncomeHistory({ incomeType: 'TRANSFER' });
      // Coin amounts with 8 decimals.
      expect(transfers.map((row) => [row.asset, row.income]).sort()).toEqual([
        ['BTC', '10.00000000'],
        ['ETH', '100.00000000'],
      ]);
    });

    test('modifyPositionMargin adds coin to the isolated margin; never retried', async () => {
      const before = await client.getPositionRisk({ marginAsset: 'BTC' });
      // The wallet, not isolatedMargin: that adds the unrealized PnL, which moves with the mark.
      const margin = (rows: typeof before) =>
        Decimal.parse(rows.find((row) => row.symbol === SYMBOL)!.isolatedWallet ?? 'NaN');
      const added = await client.modifyPositionMargin({ symbol: SYMBOL, amount: '0.01', type: 1 });
      expect(lastCall()).toEqual(writeCall('/dapi/v1/positionMargin'));
      expect(added).toMatchObject({ code: 200, type: 1 });
      const after = await client.getPositionRisk({ marginAsset: 'BTC' });
      expect(margin(after).sub(margin(before)).eq('0.01')).toBe(true);
    });

    test('getPositionMarginHistory (getCoinmPositionMarginHistory): the change in BTC, without deltaType', async () => {
      const rows = await client.getPositionMarginHistory({ symbol: SYMBOL });
      expect(lastCall()).toEqual(readCall('/dapi/v1/positionMargin/history', 1));
      expect(rows).toEqual([
        {
          symbol: SYMBOL,
          type: 1,
          amount: '0.01000000',
          asset: 'BTC',
          time: expect.any(Number),
          positionSide: 'BOTH',
        },
      ]);
      expect(await client.getPositionMarginHistory({ symbol: SYMBOL, type: 2 })).toEqual([]);
    });

    test('getAdlQuantile on /dapi: the position side of the symbol with a position, weight 5', async () => {
      const rows = await client.getAdlQuantile();
      expect(lastCall()).toEqual(readCall('/dapi/v1/adlQuantile', 5));
      const row = rows.find((r) => r.symbol === SYMBOL);
      expect(row?.adlQuantile.BOTH).toEqual(expect.any(Number));
      expect(await client.getAdlQuantile({ symbol: SYMBOL })).toEqual([row]);
    });

    test('behavior: margin type and position mode cannot change with a position (not "already so")', async () => {
      const marginType = client.setMarginType({ symbol: SYMBOL, marginType: 'CROSSED' });
      await expect(marginType).rejects.toBeInstanceOf(BinanceApiError);
      await expect(marginType).rejects.toMatchObject({ code: -4048 });
      await expect(client.setPositionMode({ dualSidePosition: 'true' })).rejects.toMatchObject({
        code: -4068,
      });
      expect(await client.setMarginType({ symbol: SYMBOL, marginType: 'ISOLATED' })).toMatchObject({
        changed: false,
      });
    });
  });
});

describe('COIN-M account bindings', () => {
  test('behavior: every account method of the COIN-M client ran above', () => {
    // (newOrder opened the position.)
    expect([...used].sort()).toEqual([...COINM_ACCOUNT_BINDINGS, 'newOrder'].sort());
  });
});
