import { checkRiskLimits, type RiskLimits, RiskLimitsError } from '@basis/bot';
import { CliUsageError } from '../cliError.js';
import type { ParsedFlags } from '../command.js';
import { parseDuration } from './duration.js';

/** The risk engine's limits as flags of `run`, `start` and `backtest` (on top of the strategy's own). */
export const RISK_FLAGS = {
  'max-order-notional': {
    type: 'string',
    valueName: 'N',
    description: 'deny any order above this notional (quote asset; the coin on COIN-M)',
  },
  'max-position': {
    type: 'string',
    valueName: 'Q|SYM=Q,..',
    description:
      'deny orders that would leave a larger position (base units; contracts on COIN-M), for every symbol or per symbol',
  },
  'max-leverage': { type: 'string', valueName: 'N', description: 'deny setting a leverage above N' },
  'max-open-orders': { type: 'string', valueName: 'N', description: 'deny orders beyond N open at once' },
  'order-rate': {
    type: 'string',
    valueName: 'N/D',
    description: 'deny order actions beyond N per duration D (10/1s, 100/1m)',
  },
  'max-drawdown': {
    type: 'string',
    valueName: 'F',
    description:
      'kill switch: cancel everything and flatten once equity falls this fraction below its peak (0.1)',
  },
  'max-daily-loss': {
    type: 'string',
    valueName: 'N',
    description: 'kill switch: cancel everything and flatten once the UTC day has lost this much',
  },
} as const;

/** The risk flags as parsed; a command passes its whole parsed flags. */
export type RiskFlagValues = Readonly<Partial<ParsedFlags<typeof RISK_FLAGS>>>;

/** The flag that sets a limit's field: each flag is its field in kebab case (`maxDrawdown` → `max-drawdown`). */
const flagOf = (field: string): keyof RiskFlagValues =>
  field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as keyof RiskFlagValues;

/**
 * The run's risk limits from the flags; undefined when none is given (the strategy's own apply).
 * Checked by the bot's own rules, so a flag can never hold what the engine would refuse.
 *
 * @throws CliUsageError naming the flag, the rule and the value given.
 */
export function parseRiskFlags(flags: RiskFlagValues): RiskLimits | undefined {
  const limits: {
    -readonly [K in keyof RiskLimits]: RiskLimits[K];
  } = {};
  const text = (name: keyof RiskFlagValues) => flags[name]?.trim();
  const notional = text('max-order-notional');
  if (notional !== undefined) limits.maxOrderNotional = notional;
  const position = text('max-position');
  if (position !== undefined) limits.maxPosition = parsePositions(position);
  const leverage = text('max-leverage');
  if (leverage !== undefined) limits.maxLeverage = wholeNumber(leverage);
  const open = text('max-open-orders');
  if (open !== undefined) limits.maxOpenOrders = wholeNumber(open);
  const rate = text('order-rate');
  if (rate !== undefined) limits.orderRate = parseRate(rate);
  const drawdown = text('max-drawdown');
  if (drawdown !== undefined) limits.maxDrawdown = drawdown;
  const daily = text('max-daily-loss');
  if (daily !== undefined) limits.maxDailyLoss = daily;
  if (Object.keys(limits).length === 0) return undefined;
  try {
    return checkRiskLimits(limits);
  } catch (error) {
    if (!(error instanceof RiskLimitsError)) throw error;
    const flag = flagOf(error.field.split('.')[0] ?? error.field);
    throw new CliUsageError(`--${flag} ${error.rule}; got ${flags[flag] ?? ''}`);
  }
}

/** `0.5` (every symbol) or `BTCUSDT=0.5,ETHUSDT=10`. */
function parsePositions(text: string): Record<string, string> {
  if (!text.includes('=')) return { '*': text };
  const positions: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [symbol, max, extra] = part.split('=').map((s) => s.trim());
    if (symbol === undefined || symbol === '' || max === undefined || extra !== undefined)
      throw new CliUsageError(`--max-position takes Q or SYMBOL=Q,SYMBOL=Q; got ${text}`);
    positions[symbol.toUpperCase()] = max;
  }
  return positions;
}

/** A whole number as typed; anything else goes on as NaN for the limits' own check to name. */
function wholeNumber(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** `10/1s`: N actions per duration. */
function parseRate(text: string): { count: number; perMs: number } {
  const [count, per, extra] = text.split('/').map((s) => s.trim());
  if (count === undefined || per === undefined || extra !== undefined)
    throw new CliUsageError(`--order-rate takes N/DURATION like 10/1s or 100/1m; got ${text}`);
  return { count: wholeNumber(count), perMs: parseDuration(per, 'order-rate') };
}
