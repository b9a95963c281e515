/**
 * Example: a market maker quoting around the mid price, with inventory limits.
 *
 * The idea, for newcomers: a market maker rests a buy (bid) just below the middle of the book and a
 * sell (ask) just above it. When both fill, it earns the spread between them (plus the maker
 * rebate, if any). The risk is inventory: if the price trends, one side keeps filling and the
 * position grows. So this strategy
 *   - stops quoting the side that would grow the position beyond `maxInventory`, and
 *   - skews both quotes away from its inventory (long → quotes lower, to sell more easily).
 *
 * Run it:   basis backtest market-maker     (or npm start, which runs it on the local exchange)
 */
import { defineStrategy, type StrategyContext } from '@basis/bot';
import { Decimal } from '@basis/core';

export interface MarketMakerParams {
  /** The symbol to quote (default BTCUSDT). */
  readonly symbol: string;
  /** Quantity of each quote, in base units (default 0.002 BTC). */
  readonly size: string;
  /** Distance of each quote from the mid, in ticks (default 30). */
  readonly halfSpreadTicks: number;
  /** The largest position, long or short, the strategy will build (default 0.01). */
  readonly maxInventory: string;
  /** Requote when the mid moved this many ticks from where the quotes were placed (default 10). */
  readonly requoteTicks: number;
}

export default defineStrategy<MarketMakerParams>((params) => {
  // Parameters, with defaults. Money and sizes are exact decimals, never JavaScript floats.
  const symbol = params.symbol ?? 'BTCUSDT';
  const size = Decimal.parse(params.size ?? '0.002');
  const halfSpreadTicks = params.halfSpreadTicks ?? 30;
  const maxInventory = Decimal.parse(params.maxInventory ?? '0.01');
  const requoteTicks = params.requoteTicks ?? 10;

  // State lives inside the factory: every run gets its own.
  let quotedMid: Decimal | undefined;

  /** Cancels the old quotes and places new ones around `mid`. */
  function requote(ctx: StrategyContext, mid: Decimal): void {
    const tick = ctx.instrument(symbol).tickSize;
    const position = ctx.position(symbol).amount;
    // Skew: with a full long inventory, both quotes move down by one half spread.
    const skewTicks = position.mul(halfSpreadTicks).div(maxInventory, 0, 'half-even');
    const center = mid.sub(tick.mul(skewTicks));
    const bid = ctx.roundPrice(symbol, center.sub(tick.mul(halfSpreadTicks)), 'floor');
    const ask = ctx.roundPrice(symbol, center.add(tick.mul(halfSpreadTicks)), 'ceil');

    ctx.cancelAllOrders(symbol);
    // GTX = post-only: the exchange refuses the order rather than let it take liquidity.
    if (position.add(size).lte(maxInventory)) {
      ctx.submitOrder({ symbol, side: 'BUY', type: 'LIMIT', timeInForce: 'GTX', quantity: size, price: bid });
    }
    if (position.sub(size).gte(maxInventory.neg())) {
      ctx.submitOrder({
        symbol,
        side: 'SELL',
        type: 'LIMIT',
        timeInForce: 'GTX',
        quantity: size,
        price: ask,
      });
    }
    quotedMid = mid;
  }

  return {
    name: 'market-maker',
    symbols: [symbol],

    // The best bid or ask changed: requote when the mid moved far enough.
    onBookTicker(ctx, ticker) {
      if (ticker.symbol !== symbol) return;
      const mid = ticker.bidPrice.add(ticker.askPrice).div(2, 8, 'half-even');
      const tick = ctx.instrument(symbol).tickSize;
      if (quotedMid !== undefined && mid.sub(quotedMid).abs().lt(tick.mul(requoteTicks))) return;
      requote(ctx, mid);
    },

    // A quote filled: the inventory changed, so requote at the next book update.
    onFill(ctx, fill) {
      ctx.log(`${fill.side} ${fill.qty} @ ${fill.price} (position ${ctx.position(symbol).amount})`);
      quotedMid = undefined;
    },

    // On stop, leave nothing resting on the exchange.
    onStop(ctx) {
      ctx.cancelAllOrders(symbol);
    },
  };
});
