import { Decimal } from '@basis/core';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inverse, LINEAR } from './contract.js';
import {
  assumedMarketPrice,
  type MarginCheckInput,
  marginCheck,
  marginRequirement,
  openLoss,
  orderCost,
  orderValue,
} from './orderMargin.js';
import { positionInitialMargin, positionNotional } from './position.js';

const d = Decimal.parse;
const BTCUSD = inverse(d('100'));

describe('marginRequirement', () => {
  test('default', () => {
    // §2.14.1 ✓ FAQ: long 0.5 BTC at mark 20,000, bid 0.1 @ 19,000, ask 0.1 @ 22,000, 2× → 5,950.
    const exposure = { positionNotional: d('10000'), bidValue: d('1900'), askValue: d('2200') };
    expect(marginRequirement([exposure], 2).toString()).toBe('5950.00000000');
  });

  test('behavior: hedge mode adds the LONG and the SHORT side', () => {
    const long = { positionNotional: d('10000'), bidValue: d('1900'), askValue: d('0') };
    const short = { positionNotional: d('-5000'), bidValue: d('0'), askValue: d('3000') };
    expect(marginRequirement([long, short], 2).toString()).toBe('9950.00000000'); // (11,900 + 8,000) / 2
  });

  test('behavior: §2.13 worked account: max(|61,000 + 29,500|, |61,000 − 0|) / 20 = 4,525', () => {
    const exposure = { positionNotional: d('61000'), bidValue: d('29500'), askValue: d('0') };
    expect(marginRequirement([exposure], 20).toString()).toBe('4525.00000000');
  });

  test('behavior: orders opposite to the position net against it; nothing held needs nothing', () => {
    expect(
      marginRequirement(
        [{ positionNotional: d('10000'), bidValue: d('0'), askValue: d('10000') }],
        10,
      ).toString(),
    ).toBe('1000.00000000');
    expect(marginRequirement([], 10).isZero()).toBe(true);
  });

  test('behavior: the requirement is never below the position initial margin (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.integer({ min: 1, max: 125 }),
        (p, b, a, leverage) => {
          const exposure = {
            positionNotional: Decimal.fromUnits(p, 2),
            bidValue: Decimal.fromUnits(b, 2),
            askValue: Decimal.fromUnits(a, 2),
          };
          const requirement = marginRequirement([exposure], leverage);
          const positionIm = positionInitialMargin(LINEAR, Decimal.fromUnits(p, 2), Decimal.ONE, leverage);
          if (requirement.lt(positionIm)) throw new Error(`${requirement} < ${positionIm}`);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});

describe('orderValue', () => {
  test('default', () => {
    expect(orderValue(LINEAR, d('0.5'), d('59000')).toString()).toBe('29500.00000000');
    expect(orderValue(BTCUSD, d('100'), d('50000')).toString()).toBe('0.20000000');
  });
});

describe('openLoss and orderCost', () => {
  test('default', () => {
    // §2.14.2 ✓ FAQ: 1 BTC @ 9,253.30, 20×, mark 9,259.84.
    const sell = orderCost(LINEAR, { side: 'SELL', qty: d('1'), price: d('9253.30') }, d('9259.84'), 20);
    const buy = orderCost(LINEAR, { side: 'BUY', qty: d('1'), price: d('9253.30') }, d('9259.84'), 20);
    expect([sell.initialMargin.toString(), sell.openLoss.toString(), sell.cost.toString()]).toEqual([
      '462.66500000',
      '6.54000000',
      '469.20500000',
    ]);
    expect(buy.cost.toString()).toBe('462.66500000');
    // The FAQ prints cents, cut: 462.66, 469.20.
    expect([buy.cost.round(2, 'down').toString(), sell.cost.round(2, 'down').toString()]).toEqual([
      '462.66',
      '469.20',
    ]);
  });

  test('behavior: a buy above mark loses at once; inverse open loss is in coin', () => {
    expect(openLoss(LINEAR, { side: 'BUY', qty: d('2'), price: d('101') }, d('100')).toString()).toBe(
      '2.00000000',
    );
    expect(openLoss(LINEAR, { side: 'SELL', qty: d('2'), price: d('101') }, d('100')).toString()).toBe(
      '0.00000000',
    );
    // 100 contracts bought at 50,500, mark 50,000: 10,000 × (1/50,000 − 1/50,500) = 0.00198019…
    expect(openLoss(BTCUSD, { side: 'BUY', qty: d('100'), price: d('50500') }, d('50000')).toString()).toBe(
      '0.00198019',
    );
    expect(
      orderCost(BTCUSD, { side: 'SELL', qty: d('100'), price: d('50000') }, d('50000'), 10).cost.toString(),
    ).toBe('0.02000000');
  });
});

describe('assumedMarketPrice', () => {
  test('default', () => {
    const book = { bestBid: d('59990'), bestAsk: d('60000'), markPrice: d('59995') };
    expect(assumedMarketPrice({ side: 'BUY', ...book }).toString()).toBe('60030.0000');
    expect(assumedMarketPrice({ side: 'SELL', ...book }).toString()).toBe('59995');
  });

  test('behavior: the premium is a parameter; an empty side falls back to the mark price', () => {
    const book = { bestBid: undefined, bestAsk: undefined, markPrice: d('100') };
    expect(assumedMarketPrice({ side: 'BUY', ...book, buyPremium: d('0.0015') }).toString()).toBe('100.1500');
    expect(assumedMarketPrice({ side: 'SELL', ...book }).toString()).toBe('100');
    expect(
      assumedMarketPrice({
        side: 'SELL',
        bestBid: d('101'),
        bestAsk: undefined,
        markPrice: d('100'),
      }).toString(),
    ).toBe('101');
  });
});

describe('marginCheck', () => {
  const base: MarginCheckInput = {
    contract: LINEAR,
    leverage: 20,
    markPrice: d('60000'),
    availableBalance: d('3000'),
    positionAmount: d('0'),
    openBuyQty: d('0'),
    openSellQty: d('0'),
    bidValue: d('0'),
    askValue: d('0'),
    order: { side: 'BUY', qty: d('1'), price: d('60000') },
  };

  test('default', () => {
    const r = marginCheck(base);
    expect(r).toEqual({
      checked: true,
      openingQty: d('1'),
      initialMargin: d('3000.00000000'),
      openLoss: d('0.00000000'),
      requiredMargin: d('3000.00000000'),
      passes: true,
    });
    expect(marginCheck({ ...base, availableBalance: d('2999.99999999') }).passes).toBe(false);
  });

  test('behavior: a market buy pays the open loss of its assumed price', () => {
    const price = assumedMarketPrice({
      side: 'BUY',
      bestBid: d('59990'),
      bestAsk: d('60000'),
      markPrice: d('60000'),
    });
    const r = marginCheck({
      ...base,
      availableBalance: d('10000'),
      order: { side: 'BUY', qty: d('1'), price },
    });
    expect([r.initialMargin.toString(), r.openLoss.toString(), r.requiredMargin.toString()]).toEqual([
      '3001.50000000',
      '30.00000000',
      '3031.50000000',
    ]);
  });

  test('behavior: orders that only reduce are not checked', () => {
    const r = marginCheck({
      ...base,
      positionAmount: d('1'),
      availableBalance: d('0'),
      order: { side: 'SELL', qty: d('0.5'), price: d('60000') },
    });
    expect([r.checked, r.passes, r.requiredMargin.isZero()]).toEqual([false, true, true]);
    const closeAll = marginCheck({
      ...base,
      availableBalance: d('0'),
      order: { side: 'BUY', qty: d('1'), price: d('60000'), closePosition: true },
    });
    expect([closeAll.checked, closeAll.passes]).toEqual([false, true]);
  });

  test('behavior: a buy against a short opens only beyond |short| − resting buys, and nets', () => {
    const input = {
      ...base,
      positionAmount: d('-1'),
      openBuyQty: d('0.3'),
      bidValue: d('18000'),
      availableBalance: d('0'),
    };
    const r = marginCheck({ ...input, order: { side: 'BUY', qty: d('1'), price: d('60000') } });
    expect([r.checked, r.openingQty.toString(), r.requiredMargin.toString(), r.passes]).toEqual([
      true,
      '0.3',
      '0.00000000',
      true,
    ]);
    const big = marginCheck({
      ...input,
      availableBalance: d('1000'),
      order: { side: 'BUY', qty: d('2'), price: d('60000') },
    });
    // Bids 18,000 + 120,000 against −60,000: max(78,000, 60,000) / 20 = 3,900 vs 3,000 before.
    expect([big.initialMargin.toString(), big.passes]).toEqual(['900.00000000', true]);
    expect(marginCheck({ ...input, order: { side: 'BUY', qty: d('0.7'), price: d('60000') } }).checked).toBe(
      false,
    );
  });

  test('behavior: a sell against a long mirrors it; COIN-M works in coin', () => {
    const r = marginCheck({
      ...base,
      positionAmount: d('1'),
      openSellQty: d('1'),
      askValue: d('60000'),
      order: { side: 'SELL', qty: d('1.5'), price: d('60000') },
    });
    // Asks 150,000 against +60,000: max(60,000, 90,000) / 20 = 4,500 vs 3,000 before.
    expect([r.checked, r.openingQty.toString(), r.initialMargin.toString()]).toEqual([
      true,
      '1.5',
      '1500.00000000',
    ]);
    const coin = marginCheck({
      ...base,
      contract: BTCUSD,
      leverage: 10,
      markPrice: d('50000'),
      availableBalance: d('0.02'),
      order: { side: 'SELL', qty: d('100'), price: d('50000') },
    });
    expect([coin.requiredMargin.toString(), coin.passes]).toEqual(['0.02000000', true]);
  });

  test('behavior: the requirement increase equals the change of marginRequirement (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 125 }),
        (amount, buys, sells, qty, buy, leverage) => {
          const mark = d('100');
          const positionAmount = Decimal.from(amount);
          const bidValue = Decimal.from(buys * 99);
          const askValue = Decimal.from(sells * 101);
          const input: MarginCheckInput = {
            ...base,
            leverage,
            markPrice: mark,
            positionAmount,
            openBuyQty: Decimal.from(buys),
            openSellQty: Decimal.from(sells),
            bidValue,
            askValue,
            order: { side: buy ? 'BUY' : 'SELL', qty: Decimal.from(qty), price: mark },
          };
          const r = marginCheck(input);
          if (!r.checked) return;
          const value = Decimal.from(qty * 100);
          const p = positionNotional(LINEAR, positionAmount, mark);
          const before = marginRequirement([{ positionNotional: p, bidValue, askValue }], leverage);
          const after = marginRequirement(
            [
              {
                positionNotional: p,
                bidValue: buy ? bidValue.add(value) : bidValue,
                askValue: buy ? askValue : askValue.add(value),
              },
            ],
            leverage,
          );
          if (r.initialMargin.sub(after.sub(before)).abs().gt('0.00000001'))
            throw new Error(`${r.initialMargin} vs ${after.sub(before)}`);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
