/**
 * Conventions for every request-parameter type under `wire/params` and `wire/coinm/params.ts`.
 *
 * On the wire every parameter is a string in a query string or form body. The typed parameters are
 * what a caller hands the transport, which serialises them:
 * - DECIMAL (prices, quantities, rates, amounts) → `string`, the exact decimal as Binance will
 *   receive it ("0.001"); never `number`, so no binary float touches money.
 * - INT / LONG (times in ms epoch, limits, leverage, countdowns) → `number`.
 * - Ids (orderId, fromId, algoId, ...) → `Id` (`number | bigint`), sent as decimal digits.
 * - Boolean flags (`reduceOnly`, `closePosition`, `priceProtect`, `dualSidePosition`,
 *   `multiAssetsMargin`) → `BooleanString`, i.e. `'true' | 'false'`, as Binance reads them.
 * - LIST parameters (`batchOrders`, `orderIdList`, `origClientOrderIdList`) → arrays; the transport
 *   sends them as a compact JSON array, percent-encoded. Batch order items are sent with every value
 *   as a JSON string.
 * - Mandatory parameters (`*` in the reference) are required properties; everything else is optional.
 *   "Either A or B must be sent" is a union of the two shapes.
 * - `timestamp`, `recvWindow` and `signature` never appear here: the transport adds
 *   `SignedRequestExtras` (common.ts) to SIGNED endpoints.
 */
import type { Id } from '../common.js';

/** Identify an order by `orderId` or `origClientOrderId`; `orderId` wins when both are sent. */
export type OrderRef =
  | {
      /** Order id. */
      orderId: Id;
      /** Client order id. */
      origClientOrderId?: string;
    }
  | {
      /** Order id. */
      orderId?: Id;
      /** Client order id. */
      origClientOrderId: string;
    };

/** Optional time window shared by history endpoints (inclusive bounds, ms epoch). */
export interface TimeRangeParams {
  /** Window start, ms. */
  startTime?: number;
  /** Window end, ms. */
  endTime?: number;
}
