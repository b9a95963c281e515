import {
  countDecimals,
  Decimal,
  type OrderSide,
  type OrderType,
  type RequestPriceMatch,
  type RoundingMode,
} from '@basis/core';
import { type NearestValid, OrderValidationError, type OrderValidationRule } from './errors.js';
import type { QuantityRule, SymbolRules } from './symbolRules.js';

/** Explicit rounding: nothing is rounded unless a mode is given for it. */
export interface RoundOptions {
  /** Mode for `price` (and for the trigger and activation prices unless `triggerPrice` is given). */
  readonly price?: RoundingMode;
  /** Mode for `quantity`, to the step of LOT_SIZE (MARKET_LOT_SIZE for market types). */
  readonly quantity?: RoundingMode;
  /** Mode for `stopPrice` / `triggerPrice` / `activationPrice` / `activatePrice` (default: `price`'s). */
  readonly triggerPrice?: RoundingMode;
}

/**
 * An order as the validator sees it: exact values, with the parameter names the caller used (the
 * trigger price is `stopPrice` on `/order` and `triggerPrice` on `/algoOrder`).
 */
export interface OrderDraft {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly quantity: Decimal | undefined;
  readonly price: Decimal | undefined;
  readonly trigger: { readonly field: string; readonly value: Decimal } | undefined;
  readonly activate: { readonly field: string; readonly value: Decimal } | undefined;
  readonly callbackRate: Decimal | undefined;
  readonly priceMatch: RequestPriceMatch | undefined;
  readonly timeInForce: string | undefined;
  readonly closePosition: boolean;
  /** Whether the order can only reduce (reduce-only, a hedge-mode closing side, close-position): MIN_NOTIONAL is waived. */
  readonly reducing: boolean;
}

/** What the checks compare against besides the symbol's rules. */
export interface ValidationContext {
  /** `order` (POST /order), `algo` (POST /algoOrder) or `modify` (PUT /order). */
  readonly endpoint: 'order' | 'algo' | 'modify';
  /** The mark price; PERCENT_PRICE and MARKET's MIN_NOTIONAL are skipped without it. */
  readonly markPrice: Decimal | undefined;
  /** Open orders the caller knows of on the symbol, for MAX_NUM_ORDERS; unchecked when undefined. */
  readonly openOrders: number | undefined;
  /** USD-M or COIN-M (COIN-M has no MIN_NOTIONAL and other codes). */
  readonly market: 'usdm' | 'coinm';
  /** The item's index, for a batch. */
  readonly index?: number;
}

/** Order types priced at market when they execute (MARKET_LOT_SIZE applies). */
export function isMarketType(type: OrderType): boolean {
  return (
    type === 'MARKET' ||
    type === 'STOP_MARKET' ||
    type === 'TAKE_PROFIT_MARKET' ||
    type === 'TRAILING_STOP_MARKET'
  );
}

/** A grid of valid values: `base + k × step` within `[min, max]` (an undefined bound is open). */
interface Grid {
  readonly base: Decimal;
  readonly step: Decimal;
  readonly min: Decimal | undefined;
  readonly max: Decimal | undefined;
}

function floorTo(value: Decimal, grid: Grid): Decimal {
  return value.sub(grid.base).roundToStep(grid.step, 'floor').add(grid.base);
}

function ceilTo(value: Decimal, grid: Grid): Decimal {
  return value.sub(grid.base).roundToStep(grid.step, 'ceil').add(grid.base);
}

function roundTo(value: Decimal, grid: Grid, mode: RoundingMode): Decimal {
  return value.sub(grid.base).roundToStep(grid.step, mode).add(grid.base);
}

/** The nearest grid values below and above `value` that lie within the bounds (and are positive). */
function nearestOnGrid(value: Decimal, grid: Grid): NearestValid {
  const lowest = grid.min?.isPositive() ? ceilTo(grid.min, grid) : grid.step;
  let below: Decimal | undefined =
    grid.max !== undefined && value.gt(grid.max) ? floorTo(grid.max, grid) : floorTo(value, grid);
  let above: Decimal | undefined = value.lt(lowest) ? lowest : ceilTo(value, grid);
  if (below.lt(lowest) || !below.isPositive() || below.eq(value)) below = undefined;
  if ((grid.max !== undefined && above.gt(grid.max)) || above.eq(value)) above = undefined;
  return {
    ...(below === undefined ? {} : { below: below.toString() }),
    ...(above === undefined ? {} : { above: above.toString() }),
  };
}

function positive(value: Decimal | undefined): Decimal | undefined {
  return value?.isPositive() ? value : undefined;
}

function priceGrid(rules: SymbolRules): Grid {
  const filter = rules.price;
  const tick = positive(filter?.tickSize) ?? Decimal.fromUnits(1n, Math.max(0, rules.pricePrecision));
  return {
    base: positive(filter?.minPrice) ?? Decimal.ZERO,
    step: tick,
    min: positive(filter?.minPrice),
    max: positive(filter?.maxPrice),
  };
}

function quantityGrid(rule: QuantityRule | undefined, precision: number): Grid {
  return {
    base: Decimal.ZERO,
    step: positive(rule?.stepSize) ?? Decimal.fromUnits(1n, Math.max(0, precision)),
    min: positive(rule?.minQty),
    max: positive(rule?.maxQty),
  };
}

function quantityFilter(
  rules: SymbolRules,
  type: OrderType,
): { name: 'LOT_SIZE' | 'MARKET_LOT_SIZE'; rule: QuantityRule | undefined } {
  return isMarketType(type)
    ? { name: 'MARKET_LOT_SIZE', rule: rules.marketLotSize }
    : { name: 'LOT_SIZE', rule: rules.lotSize };
}

/**
 * Rounds the draft's prices and quantity to the symbol's grid, only where a mode is given. Prices go
 * to the tick (counted from `minPrice`, as Binance defines PRICE_FILTER), quantities to the step of
 * LOT_SIZE or, for market types, MARKET_LOT_SIZE. The result is then validated like any input.
 */
export function roundOrder(rules: SymbolRules, draft: OrderDraft, round: RoundOptions): OrderDraft {
  const prices = priceGrid(rules);
  const triggerMode = round.triggerPrice ?? round.price;
  const { rule } = quantityFilter(rules, draft.type);
  return {
    ...draft,
    price:
      draft.price === undefined || round.price === undefined
        ? draft.price
        : roundTo(draft.price, prices, round.price),
    trigger:
      draft.trigger === undefined || triggerMode === undefined
        ? draft.trigger
        : { field: draft.trigger.field, value: roundTo(draft.trigger.value, prices, triggerMode) },
    activate:
      draft.activate === undefined || triggerMode === undefined
        ? draft.activate
        : { field: draft.activate.field, value: roundTo(draft.activate.value, prices, triggerMode) },
    quantity:
      draft.quantity === undefined || round.quantity === undefined
        ? draft.quantity
        : roundTo(draft.quantity, quantityGrid(rule, rules.quantityPrecision), round.quantity),
  };
}

/** Throws the violation; every check below ends here. */
function fail(
  rules: SymbolRules,
  context: ValidationContext,
  parameters: {
    readonly rule: OrderValidationRule;
    readonly field: string;
    readonly value: Decimal | undefined;
    readonly reason: string;
    readonly limits?: Readonly<Record<string, string>>;
    readonly nearest?: NearestValid;
    readonly binanceCode?: number;
  },
): never {
  throw new OrderValidationError({
    rule: parameters.rule,
    symbol: rules.symbol,
    field: parameters.field,
    value: parameters.value?.toString(),
    reason: parameters.reason,
    ...(parameters.limits === undefined ? {} : { limits: parameters.limits }),
    ...(parameters.nearest === undefined ? {} : { nearest: parameters.nearest }),
    ...(parameters.binanceCode === undefined ? {} : { binanceCode: parameters.binanceCode }),
    ...(context.index === undefined ? {} : { index: context.index }),
  });
}

type PriceKind = 'price' | 'trigger' | 'activate';

/** Binance's codes for a price field, by kind: ≤ 0, > max, < min, off tick. */
const PRICE_CODES: Record<PriceKind, { zero: number; max: number; min: number; tick: number }> = {
  price: { zero: -4001, max: -4002, min: -4013, tick: -4014 },
  trigger: { zero: -4006, max: -4007, min: -4013, tick: -4014 },
  activate: { zero: -4135, max: -4135, min: -4135, tick: -4014 },
};

/** Precision, then PRICE_FILTER (min, max, tick) for one price field. */
function checkPrice(
  rules: SymbolRules,
  context: ValidationContext,
  field: string,
  value: Decimal,
  kind: PriceKind,
): void {
  const grid = priceGrid(rules);
  const filter = rules.price;
  const limits = {
    minPrice: filter?.minPrice.toString() ?? '0',
    maxPrice: filter?.maxPrice.toString() ?? '0',
    tickSize: filter?.tickSize.toString() ?? '0',
  };
  const codes = PRICE_CODES[kind];
  if (countDecimals(value.normalize().toString()) > rules.pricePrecision) {
    fail(rules, context, {
      rule: 'PRECISION.pricePrecision',
      field,
      value,
      reason: `more than ${rules.pricePrecision} decimals`,
      limits: { pricePrecision: String(rules.pricePrecision), tickSize: limits.tickSize },
      nearest: nearestOnGrid(value, grid),
      binanceCode: -1111,
    });
  }
  if (!value.isPositive() || (grid.min !== undefined && value.lt(grid.min))) {
    fail(rules, context, {
      rule: 'PRICE_FILTER.minPrice',
      field,
      value,
      reason: value.isPositive() ? `below minPrice ${limits.minPrice}` : 'not above zero',
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: value.isPositive() ? codes.min : codes.zero,
    });
  }
  if (grid.max !== undefined && value.gt(grid.max)) {
    fail(rules, context, {
      rule: 'PRICE_FILTER.maxPrice',
      field,
      value,
      reason: `above maxPrice ${limits.maxPrice}`,
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: codes.max,
    });
  }
  if (filter?.tickSize.isPositive() && !value.sub(grid.base).isMultipleOf(grid.step)) {
    fail(rules, context, {
      rule: 'PRICE_FILTER.tickSize',
      field,
      value,
      reason: `not on the ${limits.tickSize} tick`,
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: codes.tick,
    });
  }
}

/** Precision, then LOT_SIZE or MARKET_LOT_SIZE (min, max, step) for the quantity. */
function checkQuantity(
  rules: SymbolRules,
  context: ValidationContext,
  type: OrderType,
  value: Decimal,
): void {
  const { name, rule } = quantityFilter(rules, type);
  const grid = quantityGrid(rule, rules.quantityPrecision);
  const limits = {
    minQty: rule?.minQty.toString() ?? '0',
    maxQty: rule?.maxQty.toString() ?? '0',
    stepSize: rule?.stepSize.toString() ?? '0',
  };
  if (countDecimals(value.normalize().toString()) > rules.quantityPrecision) {
    fail(rules, context, {
      rule: 'PRECISION.quantityPrecision',
      field: 'quantity',
      value,
      reason: `more than ${rules.quantityPrecision} decimals`,
      limits: { quantityPrecision: String(rules.quantityPrecision), stepSize: limits.stepSize },
      nearest: nearestOnGrid(value, grid),
      binanceCode: -1111,
    });
  }
  if (!value.isPositive() || (grid.min !== undefined && value.lt(grid.min))) {
    fail(rules, context, {
      rule: `${name}.minQty`,
      field: 'quantity',
      value,
      reason: value.isPositive() ? `below minQty ${limits.minQty}` : 'not above zero',
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: value.isPositive() ? -4004 : -4003,
    });
  }
  if (grid.max !== undefined && value.gt(grid.max)) {
    fail(rules, context, {
      rule: `${name}.maxQty`,
      field: 'quantity',
      value,
      reason: `above maxQty ${limits.maxQty}`,
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: -4005,
    });
  }
  if (rule?.stepSize.isPositive() && !value.isMultipleOf(rule.stepSize)) {
    fail(rules, context, {
      rule: `${name}.stepSize`,
      field: 'quantity',
      value,
      reason: `not a multiple of ${limits.stepSize}`,
      limits,
      nearest: nearestOnGrid(value, grid),
      binanceCode: -4023,
    });
  }
}

/** Mandatory parameters per type (reference §6.2); -1102 when one is missing. */
function checkRequired(rules: SymbolRules, context: ValidationContext, draft: OrderDraft): void {
  // A modification's parameters are enforced by its types (COIN-M takes either quantity or price).
  if (context.endpoint === 'modify') return;
  const missing = (field: string) =>
    fail(rules, context, {
      rule: 'REQUIRED',
      field,
      value: undefined,
      reason: `${draft.type} needs ${field}`,
      binanceCode: -1102,
    });
  const type = draft.type;
  const trailing = type === 'TRAILING_STOP_MARKET';
  const limitLike = type === 'LIMIT' || type === 'STOP' || type === 'TAKE_PROFIT';
  if (draft.quantity === undefined && !draft.closePosition) missing('quantity');
  if (limitLike && draft.price === undefined && draft.priceMatch === undefined) missing('price');
  if (type === 'LIMIT' && draft.timeInForce === undefined) missing('timeInForce');
  if (type !== 'LIMIT' && type !== 'MARKET' && !trailing && draft.trigger === undefined) {
    missing(context.endpoint === 'algo' ? 'triggerPrice' : 'stopPrice');
  }
  if (trailing && draft.callbackRate === undefined) missing('callbackRate');
}

/** The price MIN_NOTIONAL values the order at: its limit price, else its trigger or activation price, else the mark. */
function notionalPrice(
  draft: OrderDraft,
  markPrice: Decimal | undefined,
): { readonly name: string; readonly value: Decimal } | undefined {
  const mark = markPrice === undefined ? undefined : { name: 'markPrice', value: markPrice };
  if (draft.type === 'MARKET') return mark;
  if (draft.price !== undefined) return { name: 'price', value: draft.price };
  const reference = draft.trigger ?? draft.activate;
  return reference === undefined ? mark : { name: reference.field, value: reference.value };
}

/**
 * Checks an order against its symbol's rules, in Binance's order: required parameters, precision
 * (-1111), PRICE_FILTER for the price, trigger and activation prices, LOT_SIZE or MARKET_LOT_SIZE,
 * the stop-limit band (algo), PERCENT_PRICE against the mark, MIN_NOTIONAL (at the limit price; at the
 * mark for MARKET; waived when the order can only reduce), MAX_NUM_ORDERS / MAX_NUM_ALGO_ORDERS
 * against the caller's count. The first violation throws an {@link OrderValidationError}.
 */
export function validateOrder(rules: SymbolRules, draft: OrderDraft, context: ValidationContext): void {
  checkRequired(rules, context, draft);
  if (draft.price !== undefined) checkPrice(rules, context, 'price', draft.price, 'price');
  if (draft.trigger !== undefined)
    checkPrice(rules, context, draft.trigger.field, draft.trigger.value, 'trigger');
  if (draft.activate !== undefined)
    checkPrice(rules, context, draft.activate.field, draft.activate.value, 'activate');
  if (draft.quantity !== undefined) checkQuantity(rules, context, draft.type, draft.quantity);

  const grid = priceGrid(rules);
  const band = rules.percentPrice;
  // A stop-limit's price stays within the PERCENT_PRICE band around its own trigger price (-4183/-4184).
  if (
    band !== undefined &&
    draft.price !== undefined &&
    draft.trigger !== undefined &&
    !isMarketType(draft.type)
  ) {
    checkBand(rules, context, draft.side, draft.price, draft.trigger.value, draft.trigger.field, grid, {
      up: context.market === 'usdm' ? -4183 : -4151,
      down: context.market === 'usdm' ? -4184 : -4152,
    });
  }
  // PERCENT_PRICE: a limit price against the mark.
  if (
    band !== undefined &&
    context.markPrice !== undefined &&
    draft.price !== undefined &&
    (draft.type === 'LIMIT' || context.endpoint === 'modify')
  ) {
    checkBand(rules, context, draft.side, draft.price, context.markPrice, 'markPrice', grid, {
      up: -4016,
      down: -4024,
    });
  }

  if (rules.minNotional?.isPositive() && !draft.reducing && draft.quantity !== undefined) {
    const valuedAt = notionalPrice(draft, context.markPrice);
    const at = valuedAt?.value;
    if (valuedAt && at?.isPositive() && draft.quantity.mul(at).lt(rules.minNotional)) {
      const { rule } = quantityFilter(rules, draft.type);
      const qtyGrid = quantityGrid(rule, rules.quantityPrecision);
      const steps = rules.minNotional.div(qtyGrid.step.mul(at), 0, 'ceil');
      const least = qtyGrid.step.mul(steps);
      const above = qtyGrid.max === undefined || least.lte(qtyGrid.max) ? least.toString() : undefined;
      fail(rules, context, {
        rule: 'MIN_NOTIONAL.notional',
        field: 'quantity',
        value: draft.quantity,
        reason: `notional ${draft.quantity.mul(at).toString()} below ${rules.minNotional.toString()}`,
        limits: { notional: rules.minNotional.toString(), [valuedAt.name]: at.toString() },
        ...(above === undefined ? {} : { nearest: { above } }),
        binanceCode: context.endpoint === 'modify' ? -5029 : -4164,
      });
    }
  }

  if (context.openOrders !== undefined && !isMarketOrder(draft)) {
    const algo = context.endpoint === 'algo';
    const limit = algo ? (rules.maxNumAlgoOrders ?? rules.maxNumOrders) : rules.maxNumOrders;
    if (context.endpoint !== 'modify' && limit !== undefined && context.openOrders >= limit) {
      fail(rules, context, {
        rule:
          algo && rules.maxNumAlgoOrders !== undefined ? 'MAX_NUM_ALGO_ORDERS.limit' : 'MAX_NUM_ORDERS.limit',
        field: 'openOrders',
        value: Decimal.from(context.openOrders),
        reason: `${context.openOrders} open orders already, the limit is ${limit}`,
        limits: { limit: String(limit) },
        binanceCode: algo ? -4045 : -2025,
      });
    }
  }
}

function isMarketOrder(draft: OrderDraft): boolean {
  return draft.type === 'MARKET';
}

/** BUY price ≤ reference × multiplierUp, SELL price ≥ reference × multiplierDown. */
function checkBand(
  rules: SymbolRules,
  context: ValidationContext,
  side: OrderSide,
  price: Decimal,
  reference: Decimal,
  referenceName: string,
  grid: Grid,
  codes: { readonly up: number; readonly down: number },
): void {
  const band = rules.percentPrice!;
  if (side === 'BUY' && band.multiplierUp.isPositive()) {
    const cap = reference.mul(band.multiplierUp);
    if (price.gt(cap)) {
      const below = floorTo(cap, grid);
      fail(rules, context, {
        rule: 'PERCENT_PRICE.multiplierUp',
        field: 'price',
        value: price,
        reason: `above ${referenceName} ${reference.toString()} × ${band.multiplierUp.toString()}`,
        limits: { multiplierUp: band.multiplierUp.toString(), [referenceName]: reference.toString() },
        nearest: below.isPositive() ? { below: below.toString() } : {},
        binanceCode: codes.up,
      });
    }
  }
  if (side === 'SELL' && band.multiplierDown.isPositive()) {
    const floor = reference.mul(band.multiplierDown);
    if (price.lt(floor)) {
      const above = ceilTo(floor, grid);
      fail(rules, context, {
        rule: 'PERCENT_PRICE.multiplierDown',
        field: 'price',
        value: price,
        reason: `below ${referenceName} ${reference.toString()} × ${band.multiplierDown.toString()}`,
        limits: { multiplierDown: band.multiplierDown.toString(), [referenceName]: reference.toString() },
        nearest: grid.max === undefined || above.lte(grid.max) ? { above: above.toString() } : {},
        binanceCode: codes.down,
      });
    }
  }
}
