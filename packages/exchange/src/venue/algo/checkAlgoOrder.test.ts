import { describe, expect, test } from 'vitest';
import type { AlgoOrderInput } from './algoInput.js';
import {
  type AlgoOrderFields,
  algoFixture,
  algoOrder,
  btcOrder,
  CLOSE_POSITION,
  codeOf,
  errorOf,
  T0,
} from './testing.js';

const stopMarket = (extra: AlgoOrderFields = {}): AlgoOrderInput =>
  btcOrder('SELL', 'STOP_MARKET', { triggerPrice: '95000.00', ...extra });

describe('placement checks', () => {
  test('default: a valid order is accepted with Binance defaults', () => {
    const { algo, trader } = algoFixture();
    const placed = algo.place(trader, stopMarket());
    expect(placed).toMatchObject({
      status: 'NEW',
      positionSide: 'BOTH',
      timeInForce: 'GTC',
      workingType: 'CONTRACT_PRICE',
      priceMatch: 'NONE',
      selfTradePreventionMode: 'EXPIRE_MAKER',
      createTime: T0,
      triggerTime: 0,
      goodTillDate: 0,
    });
    expect(placed.clientAlgoId).toMatch(/^[A-Za-z0-9]{22}$/);
  });

  test('behavior: mandatory parameters per type are -1102', () => {
    const { algo, trader } = algoFixture();
    const message = (input: AlgoOrderInput): string => errorOf(() => algo.place(trader, input)).msg;
    expect(message(stopMarket({ triggerPrice: undefined }))).toBe(
      "Mandatory parameter 'triggerPrice' was not sent, was empty/null, or malformed.",
    );
    expect(message(stopMarket({ quantity: undefined }))).toContain("'quantity'");
    expect(message(btcOrder('SELL', 'STOP', { triggerPrice: '95000.00' }))).toContain("'price'");
    expect(message(btcOrder('SELL', 'TRAILING_STOP_MARKET'))).toContain("'callbackRate'");
    expect(message(stopMarket({ timeInForce: 'GTD' }))).toContain("'goodTillDate'");
  });

  test('behavior: closePosition rules: -1106, -4137, -4138, -4062', () => {
    const { algo, trader } = algoFixture();
    const code = (input: AlgoOrderInput): number => codeOf(() => algo.place(trader, input));
    expect(code(stopMarket({ closePosition: true }))).toBe(-4137);
    expect(code(stopMarket({ ...CLOSE_POSITION, reduceOnly: true }))).toBe(-1106);
    expect(code(stopMarket({ ...CLOSE_POSITION, reduceOnly: false }))).toBe(-4138);
    expect(
      code(btcOrder('SELL', 'STOP', { ...CLOSE_POSITION, price: '95000.00', triggerPrice: '95000.00' })),
    ).toBe(-1106);
    expect(code(btcOrder('SELL', 'TRAILING_STOP_MARKET', { ...CLOSE_POSITION, callbackRate: '1' }))).toBe(
      -1106,
    );
    trader.dualSidePosition = true;
    expect(code(stopMarket({ ...CLOSE_POSITION, positionSide: 'SHORT' }))).toBe(-4062);
    expect(
      code(
        btcOrder('BUY', 'STOP_MARKET', { ...CLOSE_POSITION, triggerPrice: '97000.00', positionSide: 'LONG' }),
      ),
    ).toBe(-4062);
    expect(algo.place(trader, stopMarket({ ...CLOSE_POSITION, positionSide: 'LONG' })).closePosition).toBe(
      true,
    );
    expect(algo.openCount(trader)).toBe(1);
  });

  test('behavior: position mode: -4061 for the wrong side, -1106 for reduceOnly in hedge mode', () => {
    const { algo, trader } = algoFixture();
    expect(codeOf(() => algo.place(trader, stopMarket({ positionSide: 'LONG' })))).toBe(-4061);
    trader.dualSidePosition = true;
    expect(codeOf(() => algo.place(trader, stopMarket()))).toBe(-4061);
    expect(
      errorOf(() => algo.place(trader, stopMarket({ positionSide: 'LONG', reduceOnly: false }))).msg,
    ).toBe("Parameter 'reduceonly' sent when not required.");
  });

  test('behavior: price parameters: -1106 and -5038 on market types, filters on trigger and limit prices', () => {
    const { algo, trader } = algoFixture();
    const code = (input: AlgoOrderInput): number => codeOf(() => algo.place(trader, input));
    expect(code(stopMarket({ price: '95000.00' }))).toBe(-1106);
    expect(code(stopMarket({ priceMatch: 'OPPONENT' }))).toBe(-5038);
    expect(code(stopMarket({ triggerPrice: '0' }))).toBe(-4006);
    expect(code(stopMarket({ triggerPrice: '900000.00' }))).toBe(-4007);
    expect(code(stopMarket({ triggerPrice: '95000.05' }))).toBe(-4014);
    expect(code(stopMarket({ triggerPrice: '95000.001' }))).toBe(-1111);
    expect(code(stopMarket({ triggerPrice: '200.00' }))).toBe(-4013);
    expect(code(stopMarket({ quantity: '0.0001' }))).toBe(-1111);
    expect(code(stopMarket({ quantity: '200' }))).toBe(-4005); // MARKET_LOT_SIZE max 120
    const stop = (price: string, extra: AlgoOrderFields = {}) =>
      btcOrder('SELL', 'STOP', { price, triggerPrice: '95000.00', ...extra });
    expect(code(stop('95000.05'))).toBe(-4014);
    expect(code(stop('95000.00', { priceMatch: 'QUEUE' }))).toBe(-1106);
    expect(algo.place(trader, stop('0', { price: undefined, priceMatch: 'QUEUE' })).priceMatch).toBe('QUEUE');
  });

  test('behavior: a stop-limit price stays within the band around its trigger: -4183 / -4184', () => {
    const { algo, trader } = algoFixture();
    // Binance: "Limit price can't be higher than 82.42" for a trigger of 78.5 (× 1.05, down to the tick).
    const buy = btcOrder('BUY', 'STOP', { triggerPrice: '97000.50', price: '101850.60' });
    const high = errorOf(() => algo.place(trader, buy));
    expect([high.code, high.msg]).toEqual([-4183, "Limit price can't be higher than 101850.50."]);
    const sell = btcOrder('SELL', 'STOP', { triggerPrice: '95000.30', price: '90250.20' });
    const low = errorOf(() => algo.place(trader, sell));
    expect([low.code, low.msg]).toEqual([-4184, "Limit price can't be lower than 90250.30."]);
    expect(algo.place(trader, { ...buy, price: buy.price!.sub('0.10') }).status).toBe('NEW');
  });

  test('behavior: callbackRate outside 0.1–10 is -2007; a bad activation price is -4135', () => {
    const { algo, trader } = algoFixture();
    const trailing = (callbackRate: string, activatePrice?: string) =>
      btcOrder('SELL', 'TRAILING_STOP_MARKET', {
        callbackRate,
        ...(activatePrice === undefined ? {} : { activatePrice }),
      });
    const rate = errorOf(() => algo.place(trader, trailing('0.09')));
    expect([rate.code, rate.msg]).toEqual([-2007, 'Invalid callBack rate.']);
    expect(codeOf(() => algo.place(trader, trailing('10.01')))).toBe(-2007);
    expect(codeOf(() => algo.place(trader, trailing('1', '0')))).toBe(-4135);
    expect(codeOf(() => algo.place(trader, trailing('1', '900000.00')))).toBe(-4135);
    expect(codeOf(() => algo.place(trader, trailing('1', '97000.05')))).toBe(-4014);
    expect(algo.place(trader, trailing('0.1')).status).toBe('NEW');
    expect(algo.place(trader, trailing('10')).status).toBe('NEW');
  });

  test('behavior: time in force: RPI is -1115, GTD bounds are -5040, closePosition shows GTE_GTC', () => {
    const { algo, trader } = algoFixture();
    expect(codeOf(() => algo.place(trader, stopMarket({ timeInForce: 'RPI' })))).toBe(-1115);
    expect(
      codeOf(() => algo.place(trader, stopMarket({ timeInForce: 'GTD', goodTillDate: T0 + 600_000 }))),
    ).toBe(-5040);
    expect(algo.place(trader, stopMarket({ timeInForce: 'IOC' })).timeInForce).toBe('IOC');
  });

  test('behavior: clientAlgoId: -4015 for a bad one, -4116 while another open order uses it', () => {
    const { algo, trader, venue } = algoFixture();
    expect(codeOf(() => algo.place(trader, stopMarket({ clientAlgoId: 'bad id' })))).toBe(-4015);
    const long = errorOf(() => algo.place(trader, stopMarket({ clientAlgoId: 'x'.repeat(37) })));
    expect([long.code, long.msg]).toEqual([-4015, 'Client order id length should not be more than 36 chars']);
    const first = algo.place(trader, stopMarket({ clientAlgoId: 'my-stop' }));
    expect(codeOf(() => algo.place(trader, stopMarket({ clientAlgoId: 'my-stop' })))).toBe(-4116);
    // Another account may use the same id.
    const other = venue.createAccount({ balances: { USDT: '1000' } });
    expect(algo.place(other, stopMarket({ clientAlgoId: 'my-stop' })).status).toBe('NEW');
    algo.cancel(trader, { algoId: BigInt(first.algoId) });
    expect(algo.place(trader, stopMarket({ clientAlgoId: 'my-stop' })).status).toBe('NEW');
  });

  test('behavior: MIN_NOTIONAL at the limit or trigger price, waived for reduce-only', () => {
    const { algo, trader } = algoFixture();
    expect(codeOf(() => algo.place(trader, stopMarket({ quantity: '0.001' })))).toBe(-4164);
    expect(algo.place(trader, stopMarket({ quantity: '0.001', reduceOnly: true })).reduceOnly).toBe(true);
  });

  test('behavior: 200 open conditional orders per account, across symbols: -4045', () => {
    const { algo, trader, venue } = algoFixture({ maxOpen: 200 });
    for (let i = 0; i < 200; i++) {
      const symbol = i % 2 === 0 ? 'BTCUSDT' : 'ETHUSDT';
      const input =
        symbol === 'BTCUSDT'
          ? stopMarket()
          : algoOrder('ETHUSDT', 'SELL', 'STOP_MARKET', { quantity: '1', triggerPrice: '3000.00' });
      algo.place(trader, input);
    }
    const full = errorOf(() => algo.place(trader, stopMarket()));
    expect([full.code, full.msg]).toEqual([-4045, 'Reach max stop order limit.']);
    const other = venue.createAccount({ balances: { USDT: '1000' } });
    expect(algo.place(other, stopMarket()).status).toBe('NEW');
    algo.cancel(trader, { algoId: BigInt(algo.open(trader)[0]!.algoId) });
    expect(algo.place(trader, stopMarket()).status).toBe('NEW');
  });

  test('behavior: a rejected placement changes nothing', () => {
    const { algo, trader, venue, statuses } = algoFixture();
    const before = venue.algoIds.peek();
    codeOf(() => algo.place(trader, stopMarket({ triggerPrice: '97000.00' }))); // -2021
    codeOf(() => algo.place(trader, stopMarket({ quantity: '0.0001' })));
    expect(venue.algoIds.peek()).toBe(before);
    expect(algo.openCount(trader)).toBe(0);
    expect(algo.history(trader, 'BTCUSDT')).toEqual([]);
    expect(statuses()).toEqual([]);
  });
});
