/**
 * Indicators shared by the example strategies. A strategy may span several files: `basis run` and
 * `basis backtest` load the `.ts` files it imports (`./indicators.js` names this file, as TypeScript
 * compiles it).
 */
import type { Bar } from '@basis/bot';
import { Decimal } from '@basis/core';

/** The simple moving average of the last `n` closes (or of all bars when fewer), exact to 8 decimals. */
export function averageClose(bars: readonly Bar[], n: number): Decimal {
  const last = bars.slice(-n);
  if (last.length === 0) throw new RangeError('averageClose needs at least one bar');
  const total = last.reduce((sum, bar) => sum.add(bar.close), Decimal.ZERO);
  return total.div(last.length, 8, 'half-even');
}
