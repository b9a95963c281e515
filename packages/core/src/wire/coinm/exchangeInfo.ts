/**
 * `GET /dapi/v1/exchangeInfo` (§13.1): `contractStatus` instead of `status`, plus `contractSize`
 * and `equalQtyPrecision`; no `assets`, no `settlePlan`, no MIN_NOTIONAL filter in the example.
 */
import type { RateLimit } from '../common.js';
import type { CoinmContractType, ContractStatus, OrderType, TimeInForce, UnderlyingType } from '../enums.js';
import type { SymbolFilter } from '../exchangeInfo.js';

/** One COIN-M symbol in exchangeInfo `symbols[]`. */
export interface CoinmSymbolInfo {
  /** Symbol, e.g. BTCUSD_PERP or BTCUSD_200925. */
  symbol: string;
  /** Pair, e.g. BTCUSD. */
  pair: string;
  /** Contract type. */
  contractType: CoinmContractType;
  /** Delivery time, ms (08:00 UTC on the expiry day). */
  deliveryDate: number;
  /** Listing time, ms. */
  onboardDate: number;
  /** Trading status. */
  contractStatus: ContractStatus;
  /** USD value of one contract (100 for BTC, 10 for most others [U]). */
  contractSize: number;
  /** Quote asset (USD). */
  quoteAsset: string;
  /** Base asset. */
  baseAsset: string;
  /** Margin asset (the base coin). */
  marginAsset: string;
  /** Price decimals; not the tick size. */
  pricePrecision: number;
  /** Quantity decimals (0: contracts). */
  quantityPrecision: number;
  /** Base asset precision. */
  baseAssetPrecision: number;
  /** Quote asset precision. */
  quotePrecision: number;
  /** Precision of base-equivalent quantities. */
  equalQtyPrecision: number;
  /** Max mark-vs-last deviation for `priceProtect` triggers. */
  triggerProtect: string;
  /** Ignore (legacy). */
  maintMarginPercent: string;
  /** Ignore (legacy). */
  requiredMarginPercent: string;
  /** Underlying kind. */
  underlyingType: UnderlyingType;
  /** Underlying tags. */
  underlyingSubType: string[];
  /** Trading rules. */
  filters: SymbolFilter[];
  /** Order types. */
  orderTypes: OrderType[];
  /** Accepted time-in-force values. */
  timeInForce: TimeInForce[];
  /** Liquidation fee rate. */
  liquidationFee: string;
  /** Max ratio (to mark) a MARKET order may sweep. */
  marketTakeBound: string;
}

/** `GET /dapi/v1/exchangeInfo`. */
export interface CoinmExchangeInfo {
  /** Always "UTC". */
  timezone: string;
  /** Server time, ms; ignore. */
  serverTime: number;
  /** Limiters (the example shows 6000/min for both [U]). */
  rateLimits: RateLimit[];
  /** Always empty. */
  exchangeFilters: unknown[];
  /** Every symbol. */
  symbols: CoinmSymbolInfo[];
}
