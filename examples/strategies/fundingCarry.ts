/**
 * Example: a funding-rate strategy.
 *
 * The idea, for newcomers: perpetual futures have no expiry, so the exchange keeps their price near
 * the spot index with *funding*: every few hours (8 h on BTCUSDT), longs pay shorts when the
 * funding rate is positive, and shorts pay longs when it is negative. Payment = position notional ×
 * rate. This strategy takes the side that *receives* funding shortly before the settlement, holds
 * through it, and closes right after the payment arrives. It only bothers when the rate is large
 * enough to beat the trading fees.
 *
 * (A real carry trade hedges the price risk with the opposite spot position; this example keeps to
 * one futures account and keeps the holding time short instead.)
 *
 * It trades the run's first symbol, USDⓈ-M or COIN-M: on COIN-M (BTCUSD_PERP) the size is whole
 * contracts of 100 USD (default 50) and the funding is paid in BTC.
 *
 * Run it:   basis backtest funding-carry
 */
import { defineStrategy } from '@basis/bot';
import { Decimal } from '@basis/core';

export interface FundingCarryParams {
  /** The symbol to trade (default: the run's first symbol, BTCUSDT unless told). */
  readonly symbol: string;
  /** Position size in base units (default 0.05), or contracts on COIN-M (default 50). */
  readonly size: string;
  /** Smallest |funding rate| worth trading (default 0.00005 = 0.005%). */
  readonly minRate: string;
  /** Enter this long before the settlement, ms (default 5 minutes). */
  readonly enterBeforeMs: number;
}

export default defineStrategy<FundingCarryParams>((params) => {
  // The symbol and size are settled in onStart, once the run's symbols and their rules are known.
  let symbol = params.symbol ?? 'BTCUSDT';
  let size = Decimal.ZERO;
  const minRate = Decimal.parse(params.minRate ?? '0.00005');
  const enterBeforeMs = params.enterBeforeMs ?? 5 * 60_000;
  /** The settlement we entered for, so we enter once per settlement. */
  let enteredFor = 0;

  return {
    name: 'funding-carry',
    symbols: [symbol],

    onStart(ctx) {
      symbol = params.symbol ?? ctx.symbols[0] ?? symbol;
      // A COIN-M (inverse) contract has a contract size: the size is then whole contracts.
      const inverse = ctx.instrument(symbol).contractSize !== undefined;
      size = Decimal.parse(params.size ?? (inverse ? '50' : '0.05'));
    },

    // Every mark price update carries the running funding rate and the next settlement time.
    onMarkPrice(ctx, mark) {
      if (mark.symbol !== symbol || enteredFor === mark.nextFundingTime) return;
      const untilFunding = mark.nextFundingTime - mark.time;
      if (untilFunding > enterBeforeMs || untilFunding < 10_000) return;
      if (mark.fundingRate.abs().lt(minRate) || !ctx.position(symbol).amount.isZero()) return;
      // Positive rate: longs pay shorts, so be short. Negative: be long.
      const side = mark.fundingRate.isPositive() ? 'SELL' : 'BUY';
      ctx.log(
        `funding rate ${mark.fundingRate}: ${side} ${size} before ${new Date(mark.nextFundingTime).toISOString()}`,
      );
      ctx.submitOrder({ symbol, side, type: 'MARKET', quantity: size });
      enteredFor = mark.nextFundingTime;
    },

    // The payment arrived (positive: received): the trade is done, close the position.
    onFunding(ctx, payment) {
      if (payment.symbol !== symbol) return;
      ctx.log(`funding ${payment.amount} ${payment.asset}`);
      const amount = ctx.position(symbol).amount;
      if (amount.isZero()) return;
      ctx.submitOrder({
        symbol,
        side: amount.isPositive() ? 'SELL' : 'BUY',
        type: 'MARKET',
        quantity: amount.abs(),
        reduceOnly: true,
      });
    },
  };
});
