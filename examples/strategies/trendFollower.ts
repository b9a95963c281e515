/**
 * Example: a trend follower on klines, with a stop-loss and a take-profit as algo orders.
 *
 * The idea, for newcomers: compare a fast moving average of closing prices with a slow one. When the
 * fast one crosses above the slow one, the price is rising faster than it used to: go long. When it
 * crosses below: go short. Each position is protected at once by two conditional orders that the
 * exchange watches for us (Binance's Algo Service):
 *   - a STOP_MARKET below the entry (long) that closes the position if the trade goes wrong, and
 *   - a TAKE_PROFIT_MARKET above it that closes the position when the target is reached.
 * Whichever triggers first closes the position; the strategy then cancels the other one.
 *
 * It trades the run's first symbol, USDⓈ-M or COIN-M: on COIN-M (BTCUSD_PERP) sizes are whole
 * contracts of 100 USD (default 10) and the stop and target are conditional orders on the order
 * endpoint, as COIN-M has them.
 *
 * Run it:   basis backtest trend-follower
 *           basis backtest trend-follower --symbols BTCUSD_PERP
 */
import { defineStrategy, type StrategyContext } from '@basis/bot';
import { Decimal } from '@basis/core';
import { averageClose } from './indicators.js';

export interface TrendFollowerParams {
  /** The symbol to trade (default: the run's first symbol, BTCUSDT unless told). */
  readonly symbol: string;
  /** Position size in base units (default 0.01), or contracts on COIN-M (default 10). */
  readonly size: string;
  /** Bars in the fast and slow averages (default 3 and 8). */
  readonly fast: number;
  readonly slow: number;
  /** Stop-loss and take-profit distances from the entry, as fractions (default 0.15% and 0.25%). */
  readonly stopLoss: string;
  readonly takeProfit: string;
  /** Also trade downtrends (default true). */
  readonly allowShort: boolean;
}

export default defineStrategy<TrendFollowerParams>((params) => {
  // The symbol and size are settled in onStart, once the run's symbols and their rules are known.
  let symbol = params.symbol ?? 'BTCUSDT';
  let size = Decimal.ZERO;
  const fast = params.fast ?? 3;
  const slow = params.slow ?? 8;
  const stopLoss = Decimal.parse(params.stopLoss ?? '0.0015');
  const takeProfit = Decimal.parse(params.takeProfit ?? '0.0025');
  const allowShort = params.allowShort ?? true;

  /** Places the protective stop and target around a fresh position's entry price. */
  function protect(ctx: StrategyContext, amount: Decimal, entry: Decimal): void {
    const long = amount.isPositive();
    const exit = long ? 'SELL' : 'BUY';
    const stop = entry.mul(long ? Decimal.ONE.sub(stopLoss) : Decimal.ONE.add(stopLoss));
    const target = entry.mul(long ? Decimal.ONE.add(takeProfit) : Decimal.ONE.sub(takeProfit));
    // closePosition: the order closes whatever the position is when it triggers.
    ctx.submitAlgoOrder({
      symbol,
      side: exit,
      type: 'STOP_MARKET',
      triggerPrice: ctx.roundPrice(symbol, stop),
      closePosition: true,
      workingType: 'MARK_PRICE',
    });
    ctx.submitAlgoOrder({
      symbol,
      side: exit,
      type: 'TAKE_PROFIT_MARKET',
      triggerPrice: ctx.roundPrice(symbol, target),
      closePosition: true,
      workingType: 'MARK_PRICE',
    });
  }

  return {
    name: 'trend-follower',
    symbols: [symbol],
    bars: ['1m'],
    barHistory: slow + 2,

    onStart(ctx) {
      symbol = params.symbol ?? ctx.symbols[0] ?? symbol;
      // A COIN-M (inverse) contract has a contract size: the size is then whole contracts.
      const inverse = ctx.instrument(symbol).contractSize !== undefined;
      size = Decimal.parse(params.size ?? (inverse ? '10' : '0.01'));
    },

    // A bar closed: look for a crossover of the averages.
    onBar(ctx, bar) {
      if (bar.symbol !== symbol) return;
      const bars = ctx.bars(symbol, '1m');
      if (bars.length < slow + 1) return;
      const before = bars.slice(0, -1);
      const wasAbove = averageClose(before, fast).gt(averageClose(before, slow));
      const isAbove = averageClose(bars, fast).gt(averageClose(bars, slow));
      const flat = ctx.position(symbol).amount.isZero();
      if (!flat || wasAbove === isAbove) return;
      if (isAbove) ctx.submitOrder({ symbol, side: 'BUY', type: 'MARKET', quantity: size });
      else if (allowShort) ctx.submitOrder({ symbol, side: 'SELL', type: 'MARKET', quantity: size });
    },

    // The position changed: protect a new one; clean up after a closed one.
    onPositionChange(ctx, change) {
      if (change.symbol !== symbol) return;
      if (change.amount.isZero()) {
        ctx.cancelAllAlgoOrders(symbol);
      } else if (ctx.openAlgoOrders(symbol).length === 0) {
        protect(ctx, change.amount, change.entryPrice);
      }
    },

    onAlgoUpdate(ctx, update) {
      if (update.status === 'TRIGGERED') ctx.log(`${update.type} triggered at ${ctx.markPrice(symbol)}`);
    },
  };
});
