/**
 * The configuration of one symbol (USD-M, or COIN-M when `contractSize` is set), as plain data: decimals are Binance-style strings,
 * exactly as `exchangeInfo` and `leverageBracket` publish them. The venue parses them once.
 */
export interface SymbolSpec {
  readonly symbol: string;
  readonly pair: string;
  readonly contractType: 'PERPETUAL' | 'CURRENT_QUARTER' | 'NEXT_QUARTER';
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly marginAsset: string;
  /**
   * COIN-M only: the USD value of one contract (100 for BTC, 10 for most others). Its presence makes
   * the symbol an inverse contract: quantities in contracts, money in the margin coin.
   */
  readonly contractSize?: number;
  readonly pricePrecision: number;
  readonly quantityPrecision: number;
  readonly baseAssetPrecision: number;
  readonly quotePrecision: number;
  readonly onboardDate: number;
  readonly deliveryDate: number;
  readonly underlyingType: string;
  readonly underlyingSubType: readonly string[];
  readonly tickSize: string;
  readonly minPrice: string;
  readonly maxPrice: string;
  readonly stepSize: string;
  readonly minQty: string;
  readonly maxQty: string;
  readonly marketStepSize: string;
  readonly marketMinQty: string;
  readonly marketMaxQty: string;
  readonly minNotional: string;
  readonly maxNumOrders: number;
  readonly maxNumAlgoOrders: number;
  readonly multiplierUp: string;
  readonly multiplierDown: string;
  readonly multiplierDecimal: string;
  readonly triggerProtect: string;
  readonly liquidationFee: string;
  readonly marketTakeBound: string;
  readonly maintMarginPercent: string;
  readonly requiredMarginPercent: string;
  /** Funding interval in hours (8 by default; 4 for many altcoins). */
  readonly fundingIntervalHours: number;
  /** Funding rate cap and floor, e.g. "0.02000000" and "-0.02000000". */
  readonly fundingRateCap: string;
  readonly fundingRateFloor: string;
  /** Interest rate per funding interval (0.01% per 8 h). */
  readonly interestRate: string;
  /** Leverage tiers; `cum` is derived from them (see `deriveBrackets`). */
  readonly tiers: readonly TierSpec[];
  /** Where the synthetic market starts, and how it moves (annualised volatility, e.g. "0.55"). */
  readonly synthetic: SyntheticSpec;
}

/**
 * One leverage tier: `[notionalFloor, notionalCap, maintMarginRatio, maxLeverage]`. The maintenance
 * amount `cum` of `GET /fapi/v1/leverageBracket` follows from the tiers by Binance's rule
 * `cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}`, so it is computed, never typed in.
 */
export type TierSpec = readonly [
  notionalFloor: string,
  notionalCap: string,
  maintMarginRatio: string,
  maxLeverage: number,
];

export interface SyntheticSpec {
  readonly initialPrice: string;
  readonly annualVolatility: string;
  /** Mean taker trades per second. */
  readonly takerRate: number;
  /** Typical taker order size in base units. */
  readonly typicalTradeQty: string;
  /** Quoted depth per maker level in base units. */
  readonly levelQty: string;
  /** Half spread in ticks at the top of the synthetic book. */
  readonly halfSpreadTicks: number;
}
