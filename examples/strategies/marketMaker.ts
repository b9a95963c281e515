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
 * It quotes the run's first symbol, USDⓈ-M or COIN-M: on COIN-M (BTCUSD_PERP) quantities are whole
 * contracts of 100 USD each, so the default size is 1 contract and PnL is in BTC.
 *
 * Run it:   basis backtest market-maker     (or npm start, which runs it on the local exchange)
 *           basis backtest market-maker --symbols BTCUSD_PERP
 */
import { defineStrategy, type StrategyContext } from '@basis/bot';
import { Decimal } from '@basis/core';

export interface MarketMakerParams {
  /** The symbol to quote (default: the run's first symbol, BTCUSDT unless told). */
  readonly symbol: string;
  /** Quantity of each quote, in base units (default 0.002 BTC), or contracts on COIN-M (default 1). */
  readonly size: string;
  /** Distance of each quote from the mid, in ticks (default 30). */
  readonly halfSpreadTicks: number;
  /** The largest position, long or short, the strategy will build (default five quotes' size). */
  readonly maxInventory: string;
  /** Requote when the mid moved this many ticks from where the quotes were placed (default 10). */
  readonly requoteTicks: number;
}

export default defineStrategy<MarketMakerParams>((params) => {
  // Parameters, with defaults. Money and sizes are exact decimals, never JavaScript floats.
  // The symbol and sizes are settled in onStart, once the run's symbols and their rules are known.
  let symbol = params.symbol ?? 'BTCUSDT';
  let size = Decimal.ZERO;
  let maxInventory = Decimal.ZERO;
  const halfSpreadTicks = params.halfSpreadTicks ?? 30;
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

    onStart(ctx) {
      symbol = params.symbol ?? ctx.symbols[0] ?? symbol;
      // A COIN-M (inverse) contract has a contract size: sizes are then whole contracts.
      const inverse = ctx.instrument(symbol).contractSize !== undefined;
      size = Decimal.parse(params.size ?? (inverse ? '1' : '0.002'));
      maxInventory = params.maxInventory === undefined ? size.mul(5) : Decimal.parse(params.maxInventory);
    },

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
