import type { AccountMode } from './shape.js';

/** What reconciliation concluded. */
export type ReconcileOutcome =
  /** The query found the order: the request had been executed. */
  | 'found'
  /** The order was proven absent and sent again (same client order id), successfully. */
  | 'resent'
  /** The resend answered -4116: the order existed after all, and was returned. */
  | 'duplicate'
  /** A cancel: the order is canceled (or was closed by something else first). */
  | 'canceled'
  /** A modification: the order carries the new price and quantity. */
  | 'modified'
  /** Nothing could be learned within the bound (`UnknownOrderStatusError`). */
  | 'unknown'
  /** Proven not executed, resend bound spent (`OrderNotPlacedError`). */
  | 'not-placed';

/**
 * What the order layer reports as it works, through `createOrderLayer(client, { onEvent })`.
 * Listeners must not throw; an error thrown by one is dropped.
 */
export type OrderLayerEvent =
  | {
      readonly type: 'reconciled';
      /** The action whose outcome was unknown (`newOrder`, `cancelOrder`, `batchOrders`, ...). */
      readonly action: string;
      readonly clientOrderId: string | undefined;
      readonly outcome: ReconcileOutcome;
      readonly queries: number;
      readonly resends: number;
    }
  | {
      readonly type: 'shaped';
      readonly symbol: string;
      readonly clientOrderId: string;
      readonly field: 'positionSide' | 'reduceOnly';
      readonly note: string;
    }
  | { readonly type: 'markPriceUnavailable'; readonly symbol: string; readonly error: unknown }
  | { readonly type: 'exchangeInfoLoaded'; readonly symbols: number; readonly at: number }
  | ({ readonly type: 'accountModeLoaded'; readonly at: number } & AccountMode);
