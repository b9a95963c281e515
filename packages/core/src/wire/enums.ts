/**
 * Binance Futures enums, spelled exactly as on the wire. Each is an `as const` array (for runtime
 * validation and iteration) plus the union type of its members. Sources: binance-futures-api.md
 * §5–§13; **[U]** marks values the reference could not confirm from an official source.
 *
 * Where the exchange accepts fewer values than it emits, there are two lists: the request list and
 * a wider response list (e.g. {@link ORDER_TYPES} vs {@link RESPONSE_ORDER_TYPES}).
 */

/** Order side (`side`, stream `S`). */
export const ORDER_SIDES = ['BUY', 'SELL'] as const;
export type OrderSide = (typeof ORDER_SIDES)[number];

/** Order types a client may send (`type`); COIN-M and `/fapi/v1/order/test` accept all seven. */
export const ORDER_TYPES = [
  'LIMIT',
  'MARKET',
  'STOP',
  'STOP_MARKET',
  'TAKE_PROFIT',
  'TAKE_PROFIT_MARKET',
  'TRAILING_STOP_MARKET',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** Order types `POST /fapi/v1/order` accepts since 2025-12-09; the others answer `-4120` (use algo orders). */
export const NEW_ORDER_TYPES = ['LIMIT', 'MARKET'] as const;
export type NewOrderType = (typeof NEW_ORDER_TYPES)[number];

/** Conditional order types, placed on USD-M through the algo service (`POST /fapi/v1/algoOrder`). */
export const ALGO_ORDER_TYPES = [
  'STOP_MARKET',
  'TAKE_PROFIT_MARKET',
  'STOP',
  'TAKE_PROFIT',
  'TRAILING_STOP_MARKET',
] as const;
export type AlgoOrderType = (typeof ALGO_ORDER_TYPES)[number];

/** Every order type that can appear in a response or stream; `LIQUIDATION` only in user-stream `o`/`ot`. */
export const RESPONSE_ORDER_TYPES = [...ORDER_TYPES, 'LIQUIDATION'] as const;
export type ResponseOrderType = (typeof RESPONSE_ORDER_TYPES)[number];

/**
 * Time in force a client may send. GTC is auto-canceled after 1 year; GTX = post-only; GTD needs
 * `goodTillDate`; RPI = retail-price-improvement post-only (UM since 2025-11-18). COIN-M: GTC IOC FOK GTX.
 */
export const TIME_IN_FORCES = ['GTC', 'IOC', 'FOK', 'GTX', 'GTD', 'RPI'] as const;
export type TimeInForce = (typeof TIME_IN_FORCES)[number];

/** COIN-M time in force (no GTD, no RPI in the CM docs). */
export const COINM_TIME_IN_FORCES = ['GTC', 'IOC', 'FOK', 'GTX'] as const;
export type CoinmTimeInForce = (typeof COINM_TIME_IN_FORCES)[number];

/** Time in force as it can appear in responses: adds server-assigned `GTE_GTC` (TP/SL close-position orders) [U as input]. */
export const RESPONSE_TIME_IN_FORCES = [...TIME_IN_FORCES, 'GTE_GTC'] as const;
export type ResponseTimeInForce = (typeof RESPONSE_TIME_IN_FORCES)[number];

/** Order status (`status`, stream `X`); `EXPIRED_IN_MATCH` = expired by self-trade prevention. */
export const ORDER_STATUSES = [
  'NEW',
  'PARTIALLY_FILLED',
  'FILLED',
  'CANCELED',
  'REJECTED',
  'EXPIRED',
  'EXPIRED_IN_MATCH',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** User-stream execution type `x`: CALCULATED = liquidation execution, AMENDMENT = order modified. */
export const EXECUTION_TYPES = ['NEW', 'CANCELED', 'CALCULATED', 'EXPIRED', 'TRADE', 'AMENDMENT'] as const;
export type ExecutionType = (typeof EXECUTION_TYPES)[number];

/** Position side: BOTH in one-way mode, LONG/SHORT in hedge mode. */
export const POSITION_SIDES = ['BOTH', 'LONG', 'SHORT'] as const;
export type PositionSide = (typeof POSITION_SIDES)[number];

/** Price that triggers conditional orders: mark price or last contract price (default). */
export const WORKING_TYPES = ['MARK_PRICE', 'CONTRACT_PRICE'] as const;
export type WorkingType = (typeof WORKING_TYPES)[number];

/** Self-trade prevention mode; the taker's mode applies. Doc default disagrees (NONE vs EXPIRE_MAKER) [U]. */
export const SELF_TRADE_PREVENTION_MODES = ['NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'] as const;
export type SelfTradePreventionMode = (typeof SELF_TRADE_PREVENTION_MODES)[number];

/** `priceMatch` values a client may send (LIMIT/STOP/TAKE_PROFIT only; never together with `price`). */
export const REQUEST_PRICE_MATCHES = [
  'OPPONENT',
  'OPPONENT_5',
  'OPPONENT_10',
  'OPPONENT_20',
  'QUEUE',
  'QUEUE_5',
  'QUEUE_10',
  'QUEUE_20',
] as const;
export type RequestPriceMatch = (typeof REQUEST_PRICE_MATCHES)[number];

/** `priceMatch` as it appears in responses and streams; `NONE` is response-only. */
export const PRICE_MATCHES = ['NONE', ...REQUEST_PRICE_MATCHES] as const;
export type PriceMatch = (typeof PRICE_MATCHES)[number];

/** `newOrderRespType`: ACK (default) or RESULT (final state for MARKET and IOC/FOK/GTX). */
export const NEW_ORDER_RESP_TYPES = ['ACK', 'RESULT'] as const;
export type NewOrderRespType = (typeof NEW_ORDER_RESP_TYPES)[number];

/** Margin type in requests (`POST marginType`) and in symbolConfig / MARGIN_CALL `mt`. */
export const MARGIN_TYPES = ['ISOLATED', 'CROSSED'] as const;
export type MarginType = (typeof MARGIN_TYPES)[number];

/** Margin type as positionRisk and ACCOUNT_UPDATE `mt` spell it. */
export const POSITION_MARGIN_TYPES = ['isolated', 'cross'] as const;
export type PositionMarginType = (typeof POSITION_MARGIN_TYPES)[number];

/** Kline intervals for REST klines and kline streams (m minutes, h hours, d days, w weeks, M months). */
export const KLINE_INTERVALS = [
  '1m',
  '3m',
  '5m',
  '15m',
  '30m',
  '1h',
  '2h',
  '4h',
  '6h',
  '8h',
  '12h',
  '1d',
  '3d',
  '1w',
  '1M',
] as const;
export type KlineInterval = (typeof KLINE_INTERVALS)[number];

/** Kline intervals including `1s`, listed in the 2026 UM common definitions; REST support [U]. */
export const EXTENDED_KLINE_INTERVALS = ['1s', ...KLINE_INTERVALS] as const;
export type ExtendedKlineInterval = (typeof EXTENDED_KLINE_INTERVALS)[number];

/** USD-M `contractType`; TRADIFI_PERPETUAL = stock/commodity perpetuals (2025-12). */
export const CONTRACT_TYPES = [
  'PERPETUAL',
  'CURRENT_MONTH',
  'NEXT_MONTH',
  'CURRENT_QUARTER',
  'NEXT_QUARTER',
  'PERPETUAL_DELIVERING',
  'TRADIFI_PERPETUAL',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** COIN-M `contractType`; the `*_DELIVERING` values only appear with DELIVERING status. */
export const COINM_CONTRACT_TYPES = [
  'PERPETUAL',
  'CURRENT_QUARTER',
  'NEXT_QUARTER',
  'CURRENT_QUARTER_DELIVERING',
  'NEXT_QUARTER_DELIVERING',
  'PERPETUAL_DELIVERING',
] as const;
export type CoinmContractType = (typeof COINM_CONTRACT_TYPES)[number];

/** `contractType` accepted by USD-M `continuousKlines` (lowercase in stream names). */
export const CONTINUOUS_CONTRACT_TYPES = [
  'PERPETUAL',
  'CURRENT_QUARTER',
  'NEXT_QUARTER',
  'TRADIFI_PERPETUAL',
] as const;
export type ContinuousContractType = (typeof CONTINUOUS_CONTRACT_TYPES)[number];

/** `contractType` accepted by COIN-M `continuousKlines`. */
export const COINM_CONTINUOUS_CONTRACT_TYPES = ['PERPETUAL', 'CURRENT_QUARTER', 'NEXT_QUARTER'] as const;
export type CoinmContinuousContractType = (typeof COINM_CONTINUOUS_CONTRACT_TYPES)[number];

/**
 * Symbol status (UM `status`, CM `contractStatus`, stream `cs`). Third-party SDKs also report
 * TRADING_HALT and TRADING_CANCEL_ONLY [U]; they are deliberately not listed.
 */
export const CONTRACT_STATUSES = [
  'PENDING_TRADING',
  'TRADING',
  'PRE_DELIVERING',
  'DELIVERING',
  'DELIVERED',
  'PRE_SETTLE',
  'SETTLING',
  'CLOSE',
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** COIN-M symbol type enum (common definitions). */
export const SYMBOL_TYPES = ['DELIVERY_CONTRACT', 'PERPETUAL_CONTRACT'] as const;
export type SymbolType = (typeof SYMBOL_TYPES)[number];

/** Market-stream `st` (2026 addition): 1 = USD-M symbol, 2 = COIN-M symbol. */
export const STREAM_SYMBOL_TYPES = [1, 2] as const;
export type StreamSymbolType = (typeof STREAM_SYMBOL_TYPES)[number];

/**
 * exchangeInfo `underlyingType`. Only `COIN` appears in the reference; the rest were seen in
 * third-party parsers of live exchangeInfo [U].
 */
export const UNDERLYING_TYPES = [
  'COIN',
  'INDEX',
  'PREMARKET',
  'COMMODITY',
  'EQUITY',
  'HK_EQUITY',
  'KR_EQUITY',
] as const;
export type UnderlyingType = (typeof UNDERLYING_TYPES)[number];

/** Symbol filter `filterType`; MAX_NUM_ALGO_ORDERS was removed from UM exchangeInfo on 2025-12-29. */
export const FILTER_TYPES = [
  'PRICE_FILTER',
  'LOT_SIZE',
  'MARKET_LOT_SIZE',
  'MAX_NUM_ORDERS',
  'MAX_NUM_ALGO_ORDERS',
  'MIN_NOTIONAL',
  'PERCENT_PRICE',
] as const;
export type FilterType = (typeof FILTER_TYPES)[number];

/** `rateLimitType`; RAW_REQUEST is mentioned in the docs but not seen in futures exchangeInfo. */
export const RATE_LIMIT_TYPES = ['REQUEST_WEIGHT', 'ORDERS', 'RAW_REQUEST'] as const;
export type RateLimitType = (typeof RATE_LIMIT_TYPES)[number];

/**
 * Rate-limit `interval` as futures uses it (ORDERS per 10 SECOND, everything per 1 MINUTE). The
 * usage-header pattern also allows h/d suffixes, but no futures limiter uses HOUR or DAY.
 */
export const RATE_LIMIT_INTERVALS = ['SECOND', 'MINUTE'] as const;
export type RateLimitInterval = (typeof RATE_LIMIT_INTERVALS)[number];

/** USD-M user-data event `e` values. */
export const USER_DATA_EVENT_TYPES = [
  'ACCOUNT_UPDATE',
  'ORDER_TRADE_UPDATE',
  'TRADE_LITE',
  'ACCOUNT_CONFIG_UPDATE',
  'MARGIN_CALL',
  'ALGO_UPDATE',
  'CONDITIONAL_ORDER_TRIGGER_REJECT',
  'STRATEGY_UPDATE',
  'GRID_UPDATE',
  'listenKeyExpired',
] as const;
export type UserDataEventType = (typeof USER_DATA_EVENT_TYPES)[number];

/**
 * COIN-M user-data event `e` values (no TRADE_LITE, CONDITIONAL_ORDER_TRIGGER_REJECT). ALGO_UPDATE
 * since the CM/UM integration of 2026-06-30 moved COIN-M conditional orders to the Algo Service.
 */
export const COINM_USER_DATA_EVENT_TYPES = [
  'ACCOUNT_UPDATE',
  'ORDER_TRADE_UPDATE',
  'ALGO_UPDATE',
  'ACCOUNT_CONFIG_UPDATE',
  'MARGIN_CALL',
  'STRATEGY_UPDATE',
  'GRID_UPDATE',
  'listenKeyExpired',
] as const;
export type CoinmUserDataEventType = (typeof COINM_USER_DATA_EVENT_TYPES)[number];

/** USD-M ACCOUNT_UPDATE reason `a.m`. */
export const ACCOUNT_UPDATE_REASONS = [
  'DEPOSIT',
  'WITHDRAW',
  'ORDER',
  'FUNDING_FEE',
  'WITHDRAW_REJECT',
  'ADJUSTMENT',
  'INSURANCE_CLEAR',
  'ADMIN_DEPOSIT',
  'ADMIN_WITHDRAW',
  'MARGIN_TRANSFER',
  'MARGIN_TYPE_CHANGE',
  'ASSET_TRANSFER',
  'OPTIONS_PREMIUM_FEE',
  'OPTIONS_SETTLE_PROFIT',
  'AUTO_EXCHANGE',
  'COIN_SWAP_DEPOSIT',
  'COIN_SWAP_WITHDRAW',
] as const;
export type AccountUpdateReason = (typeof ACCOUNT_UPDATE_REASONS)[number];

/** COIN-M ACCOUNT_UPDATE reason `a.m` (lacks WITHDRAW_REJECT, OPTIONS_*, AUTO_EXCHANGE). */
export const COINM_ACCOUNT_UPDATE_REASONS = [
  'DEPOSIT',
  'WITHDRAW',
  'ORDER',
  'FUNDING_FEE',
  'ADJUSTMENT',
  'INSURANCE_CLEAR',
  'ADMIN_DEPOSIT',
  'ADMIN_WITHDRAW',
  'MARGIN_TRANSFER',
  'MARGIN_TYPE_CHANGE',
  'ASSET_TRANSFER',
  'COIN_SWAP_DEPOSIT',
  'COIN_SWAP_WITHDRAW',
] as const;
export type CoinmAccountUpdateReason = (typeof COINM_ACCOUNT_UPDATE_REASONS)[number];

/** `GET /fapi/v1/income` `incomeType`; `DELIVERED_SETTELMENT` is Binance's spelling (sic). */
export const INCOME_TYPES = [
  'TRANSFER',
  'WELCOME_BONUS',
  'REALIZED_PNL',
  'FUNDING_FEE',
  'COMMISSION',
  'INSURANCE_CLEAR',
  'REFERRAL_KICKBACK',
  'COMMISSION_REBATE',
  'API_REBATE',
  'CONTEST_REWARD',
  'CROSS_COLLATERAL_TRANSFER',
  'OPTIONS_PREMIUM_FEE',
  'OPTIONS_SETTLE_PROFIT',
  'INTERNAL_TRANSFER',
  'AUTO_EXCHANGE',
  'DELIVERED_SETTELMENT',
  'COIN_SWAP_DEPOSIT',
  'COIN_SWAP_WITHDRAW',
  'POSITION_LIMIT_INCREASE_FEE',
  'STRATEGY_UMFUTURES_TRANSFER',
  'FEE_RETURN',
  'BFUSD_REWARD',
] as const;
export type IncomeType = (typeof INCOME_TYPES)[number];

/** `algoType` of algo orders; only CONDITIONAL exists. */
export const ALGO_TYPES = ['CONDITIONAL'] as const;
export type AlgoType = (typeof ALGO_TYPES)[number];

/**
 * `algoStatus`: NEW (waiting) → TRIGGERING (sent to the matching engine) → TRIGGERED (accepted
 * there) → FINISHED (filled or canceled there); or CANCELED (by user), REJECTED (e.g. margin check
 * failed), EXPIRED (by the system, e.g. GTE_GTC with the position closed).
 */
export const ALGO_STATUSES = [
  'NEW',
  'CANCELED',
  'TRIGGERING',
  'TRIGGERED',
  'FINISHED',
  'REJECTED',
  'EXPIRED',
] as const;
export type AlgoStatus = (typeof ALGO_STATUSES)[number];

/**
 * ORDER_TRADE_UPDATE expiry reason `er` (2025-10-23):
 *
 * | code | meaning |
 * |---|---|
 * | 0 | none (default) |
 * | 1 | expired by self-trade prevention |
 * | 2 | IOC remainder canceled |
 * | 3 | IOC remainder canceled by self-trade prevention |
 * | 4 | knocked out by a higher-priority reduce-only/market order, or would reverse the position |
 * | 5 | account liquidated |
 * | 6 | GTE condition unsatisfied |
 * | 7 | symbol delisted |
 * | 8 | initial order expired after the stop order triggered |
 * | 9 | market order remainder canceled |
 * | 10 | FOK not fully filled (COIN-M) |
 * | 11 | post-only check failed (COIN-M) |
 */
export const EXPIRY_REASONS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type ExpiryReason = (typeof EXPIRY_REASONS)[number];

/** `autoCloseType` filter of `GET /fapi/v1/forceOrders`. */
export const AUTO_CLOSE_TYPES = ['LIQUIDATION', 'ADL'] as const;
export type AutoCloseType = (typeof AUTO_CLOSE_TYPES)[number];

/** ADL quantile (positionRisk v3 `adl`, `adlQuantile` values): 0 = lowest priority … 4 = highest. */
export const ADL_QUANTILES = [0, 1, 2, 3, 4] as const;
export type AdlQuantile = (typeof ADL_QUANTILES)[number];

/** Keys of `GET /fapi/v1/adlQuantile` `adlQuantile`; HEDGE replaces BOTH for cross hedge-mode positions. */
export const ADL_QUANTILE_SIDES = ['LONG', 'SHORT', 'BOTH', 'HEDGE'] as const;
export type AdlQuantileSide = (typeof ADL_QUANTILE_SIDES)[number];

/** `GET /fapi/v1/symbolAdlRisk` `adlRisk`. */
export const ADL_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type AdlRiskLevel = (typeof ADL_RISK_LEVELS)[number];

/** `POST /fapi/v1/positionMargin` `type`: 1 = add margin, 2 = reduce margin. */
export const POSITION_MARGIN_ACTIONS = [1, 2] as const;
export type PositionMarginAction = (typeof POSITION_MARGIN_ACTIONS)[number];

/** `GET /fapi/v1/depth` `limit`; anything else is `-4021` [U]. `rpiDepth` only takes 1000. */
export const DEPTH_LIMITS = [5, 10, 20, 50, 100, 500, 1000] as const;
export type DepthLimit = (typeof DEPTH_LIMITS)[number];

/** Levels of the partial book-depth stream `<symbol>@depth<levels>`. */
export const PARTIAL_DEPTH_LEVELS = [5, 10, 20] as const;
export type PartialDepthLevel = (typeof PARTIAL_DEPTH_LEVELS)[number];

/** STRATEGY_UPDATE / GRID_UPDATE strategy status `ss`. */
export const STRATEGY_STATUSES = ['NEW', 'WORKING', 'CANCELLED', 'EXPIRED'] as const;
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];

/**
 * STRATEGY_UPDATE opCode `su.c`: 8001 params updated; 8002 user cancelled; 8003 user placed or
 * cancelled an order manually; 8004 stop limit reached; 8005 position liquidated; 8006 max open
 * orders reached; 8007 new grid order; 8008 margin not enough; 8009 price out of bounds; 8010
 * market closed or paused; 8011 close position failed; 8012 max notional at leverage exceeded;
 * 8013 KYC/jurisdiction; 8014 quantitative rules violated; 8015 position empty or liquidated.
 */
export const STRATEGY_OP_CODES = [
  8001, 8002, 8003, 8004, 8005, 8006, 8007, 8008, 8009, 8010, 8011, 8012, 8013, 8014, 8015,
] as const;
export type StrategyOpCode = (typeof STRATEGY_OP_CODES)[number];

/** Market-stream control methods (client → server JSON frames). */
export const STREAM_CONTROL_METHODS = [
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'LIST_SUBSCRIPTIONS',
  'SET_PROPERTY',
  'GET_PROPERTY',
] as const;
export type StreamControlMethod = (typeof STREAM_CONTROL_METHODS)[number];

/**
 * Market-stream control error codes: 0 unknown property; 1 invalid value type (expected Boolean);
 * 2 invalid request (bad property name, id, method, too many parameters, missing field); 3 invalid JSON.
 */
export const STREAM_CONTROL_ERROR_CODES = [0, 1, 2, 3] as const;
export type StreamControlErrorCode = (typeof STREAM_CONTROL_ERROR_CODES)[number];
