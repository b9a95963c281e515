/**
 * `GET /fapi/v1/exchangeInfo` (§5.1) and its symbol filters (§7). Filters form a union
 * discriminated on `filterType`; decimal fields are strings, and a "0" disables that rule.
 */
import type { RateLimit } from './common.js';
import type { ContractStatus, ContractType, OrderType, TimeInForce, UnderlyingType } from './enums.js';

/** Price bounds and tick for `price` and `stopPrice`: (price − minPrice) % tickSize == 0. */
export interface PriceFilter {
  filterType: 'PRICE_FILTER';
  /** Minimum price; "0" disables. */
  minPrice: string;
  /** Maximum price; "0" disables. */
  maxPrice: string;
  /** Price increment; "0" disables. */
  tickSize: string;
}

/** Quantity bounds and step for non-MARKET orders. */
export interface LotSizeFilter {
  filterType: 'LOT_SIZE';
  /** Minimum quantity. */
  minQty: string;
  /** Maximum quantity. */
  maxQty: string;
  /** Quantity increment. */
  stepSize: string;
}

/** Quantity bounds and step for MARKET orders (maxQty usually smaller than LOT_SIZE's). */
export interface MarketLotSizeFilter {
  filterType: 'MARKET_LOT_SIZE';
  /** Minimum quantity. */
  minQty: string;
  /** Maximum quantity. */
  maxQty: string;
  /** Quantity increment. */
  stepSize: string;
}

/** Maximum open orders per symbol (algo and normal orders both count). */
export interface MaxNumOrdersFilter {
  filterType: 'MAX_NUM_ORDERS';
  /** Open-order limit, e.g. 200. */
  limit: number;
}

/** Maximum open conditional orders per symbol; removed from UM exchangeInfo on 2025-12-29. */
export interface MaxNumAlgoOrdersFilter {
  filterType: 'MAX_NUM_ALGO_ORDERS';
  /** Open algo-order limit, e.g. 10 or 100. */
  limit: number;
}

/** Minimum notional price × qty (MARKET orders use the mark price); waived for reduce-only. UM only. */
export interface MinNotionalFilter {
  filterType: 'MIN_NOTIONAL';
  /** Minimum notional, e.g. "5.0". */
  notional: string;
}

/** Price band around the mark price: BUY ≤ mark × up, SELL ≥ mark × down. */
export interface PercentPriceFilter {
  filterType: 'PERCENT_PRICE';
  /** Upper multiplier, e.g. "1.0500". */
  multiplierUp: string;
  /** Lower multiplier, e.g. "0.9500". */
  multiplierDown: string;
  /** Decimal places of the multipliers; a string since 2025-06 (older payloads sent an int). */
  multiplierDecimal: string;
}

/** Any symbol filter, discriminated on `filterType`. */
export type SymbolFilter =
  | PriceFilter
  | LotSizeFilter
  | MarketLotSizeFilter
  | MaxNumOrdersFilter
  | MaxNumAlgoOrdersFilter
  | MinNotionalFilter
  | PercentPriceFilter;

/** exchangeInfo `assets[]`: multi-assets mode margin information. */
export interface ExchangeAsset {
  /** Asset, e.g. USDT. */
  asset: string;
  /** Whether the asset can be used as margin in multi-assets mode. */
  marginAvailable: boolean;
  /** Auto-exchange threshold in multi-assets mode; null when not applicable. */
  autoAssetExchange: string | null;
}

/** One USD-M symbol in exchangeInfo `symbols[]`. */
export interface SymbolInfo {
  /** Symbol, e.g. BTCUSDT or delivery `BTCUSDT_210625`. */
  symbol: string;
  /** Underlying pair, e.g. BTCUSDT. */
  pair: string;
  /** Contract type. */
  contractType: ContractType;
  /** Delivery time, ms; perpetuals use 4133404800000 (2100-12-25) until delisted. */
  deliveryDate: number;
  /** Listing time, ms. */
  onboardDate: number;
  /** Trading status. */
  status: ContractStatus;
  /** Ignore (legacy). */
  maintMarginPercent: string;
  /** Ignore (legacy). */
  requiredMarginPercent: string;
  /** Base asset. */
  baseAsset: string;
  /** Quote asset. */
  quoteAsset: string;
  /** Margin asset. */
  marginAsset: string;
  /** Price decimals; not the tick size (use PRICE_FILTER). */
  pricePrecision: number;
  /** Quantity decimals; not the step size (use LOT_SIZE). */
  quantityPrecision: number;
  /** Base asset precision. */
  baseAssetPrecision: number;
  /** Quote asset precision. */
  quotePrecision: number;
  /** Underlying kind. */
  underlyingType: UnderlyingType;
  /** Underlying tags, e.g. ["PoW"]. */
  underlyingSubType: string[];
  /** Settlement plan. */
  settlePlan: number;
  /** Max mark-vs-last deviation allowed when a `priceProtect` order triggers. */
  triggerProtect: string;
  /** Liquidation fee rate. */
  liquidationFee: string;
  /** Max ratio (to mark price) a MARKET order may sweep. */
  marketTakeBound: string;
  /** Trading rules. */
  filters: SymbolFilter[];
  /** Order types (connector-js renamed the key from `OrderType` in 2026-03). */
  orderTypes: OrderType[];
  /** Accepted time-in-force values (live lists may add GTD [U]). */
  timeInForce: TimeInForce[];
  /** Max modifications per minute [U: extra live field]. */
  maxMoveOrderLimit?: number;
  /** Permission sets [U: extra live field]. */
  permissionSet?: string[];
}

/** `GET /fapi/v1/exchangeInfo`. */
export interface ExchangeInfo {
  /** Always "UTC". */
  timezone: string;
  /** Server time, ms; ignore (use `/time`). */
  serverTime: number;
  /** IP and order limiters. */
  rateLimits: RateLimit[];
  /** Exchange-level filters; always empty on futures. */
  exchangeFilters: unknown[];
  /** Margin assets (multi-assets mode information). */
  assets: ExchangeAsset[];
  /** Every symbol. */
  symbols: SymbolInfo[];
}
