/**
 * COIN-M order and trade responses (§13.3): `cumBase` (base-coin filled value) instead of
 * `cumQuote`, an added `pair`, no `goodTillDate`.
 */
import type { BatchResult } from '../common.js';
import type { Order, UserTrade } from '../trade.js';

/** The COIN-M order object (`/dapi/v1/order`, `openOrders`, `allOrders`, batch items). */
export type CoinmOrder = Omit<Order, 'cumQuote' | 'goodTillDate'> & {
  /** Pair, e.g. BTCUSD. */
  pair: string;
  /** Filled value in base coin. */
  cumBase: string;
};

/** One item of `POST/PUT/DELETE /dapi/v1/batchOrders`. */
export type CoinmBatchOrderResult = BatchResult<CoinmOrder>;

/** One row of `GET /dapi/v1/userTrades`: adds `pair`, `marginAsset`, `baseQty`; no `quoteQty`. */
export type CoinmUserTrade = Omit<UserTrade, 'quoteQty'> & {
  /** Pair. */
  pair: string;
  /** Margin asset. */
  marginAsset: string;
  /** Quantity in base asset (`qty` is contracts). */
  baseQty: string;
};

/** One row of `GET /dapi/v1/forceOrders` (COIN-M order shape) [U: CM example not in the reference]. */
export type CoinmForceOrder = Pick<
  CoinmOrder,
  | 'orderId'
  | 'symbol'
  | 'pair'
  | 'status'
  | 'clientOrderId'
  | 'price'
  | 'avgPrice'
  | 'origQty'
  | 'executedQty'
  | 'cumBase'
  | 'timeInForce'
  | 'type'
  | 'reduceOnly'
  | 'closePosition'
  | 'side'
  | 'positionSide'
  | 'stopPrice'
  | 'workingType'
  | 'origType'
  | 'updateTime'
> & {
  /** Creation time, ms. */
  time: number;
};
