import { Decimal, type OrderType, type SymbolInfo, type TimeInForce } from '@basis/core';

/** A quantity filter (LOT_SIZE or MARKET_LOT_SIZE) in exact values; a zero disables its rule. */
export interface QuantityRule {
  readonly minQty: Decimal;
  readonly maxQty: Decimal;
  readonly stepSize: Decimal;
}

/**
 * One symbol's trading rules, parsed once from exchangeInfo into exact values. A filter the symbol
 * does not publish is `undefined` (its rule is not checked); inside a filter a zero disables that
 * field's rule, as Binance documents.
 */
export interface SymbolRules {
  readonly symbol: string;
  readonly status: string;
  /** Decimals a price may have (-1111 beyond). */
  readonly pricePrecision: number;
  /** Decimals a quantity may have (-1111 beyond). */
  readonly quantityPrecision: number;
  readonly price:
    | { readonly minPrice: Decimal; readonly maxPrice: Decimal; readonly tickSize: Decimal }
    | undefined;
  readonly lotSize: QuantityRule | undefined;
  readonly marketLotSize: QuantityRule | undefined;
  /** MIN_NOTIONAL `notional` (USD-M). */
  readonly minNotional: Decimal | undefined;
  readonly percentPrice: { readonly multiplierUp: Decimal; readonly multiplierDown: Decimal } | undefined;
  readonly maxNumOrders: number | undefined;
  readonly maxNumAlgoOrders: number | undefined;
  readonly orderTypes: readonly OrderType[];
  readonly timeInForce: readonly TimeInForce[];
}

function decimal(value: unknown): Decimal {
  // exchangeInfo values are decimal strings; an unreadable one disables its rule rather than block trading.
  return (typeof value === 'string' ? Decimal.tryParse(value) : undefined) ?? Decimal.ZERO;
}

function quantityRule(filter: { minQty: string; maxQty: string; stepSize: string }): QuantityRule {
  return {
    minQty: decimal(filter.minQty),
    maxQty: decimal(filter.maxQty),
    stepSize: decimal(filter.stepSize),
  };
}

/**
 * Parses one exchangeInfo symbol (USD-M or COIN-M: the filters share their shapes) into
 * {@link SymbolRules}. Unknown filter types are ignored.
 */
export function parseSymbolRules(info: SymbolInfo): SymbolRules {
  let price: SymbolRules['price'];
  let lotSize: QuantityRule | undefined;
  let marketLotSize: QuantityRule | undefined;
  let minNotional: Decimal | undefined;
  let percentPrice: SymbolRules['percentPrice'];
  let maxNumOrders: number | undefined;
  let maxNumAlgoOrders: number | undefined;
  for (const filter of info.filters ?? []) {
    switch (filter.filterType) {
      case 'PRICE_FILTER':
        price = {
          minPrice: decimal(filter.minPrice),
          maxPrice: decimal(filter.maxPrice),
          tickSize: decimal(filter.tickSize),
        };
        break;
      case 'LOT_SIZE':
        lotSize = quantityRule(filter);
        break;
      case 'MARKET_LOT_SIZE':
        marketLotSize = quantityRule(filter);
        break;
      case 'MIN_NOTIONAL':
        minNotional = decimal(filter.notional);
        break;
      case 'PERCENT_PRICE':
        percentPrice = {
          multiplierUp: decimal(filter.multiplierUp),
          multiplierDown: decimal(filter.multiplierDown),
        };
        break;
      case 'MAX_NUM_ORDERS':
        maxNumOrders = Number(filter.limit);
        break;
      case 'MAX_NUM_ALGO_ORDERS':
        maxNumAlgoOrders = Number(filter.limit);
        break;
    }
  }
  return {
    symbol: info.symbol,
    status: info.status ?? (info as { contractStatus?: string }).contractStatus ?? 'TRADING',
    pricePrecision: info.pricePrecision,
    quantityPrecision: info.quantityPrecision,
    price,
    lotSize,
    marketLotSize: marketLotSize ?? lotSize,
    minNotional,
    percentPrice,
    maxNumOrders,
    maxNumAlgoOrders,
    orderTypes: info.orderTypes ?? [],
    timeInForce: info.timeInForce ?? [],
  };
}
