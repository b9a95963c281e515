import { BasisError } from '@basis/core';
import type { SentRequest } from '../errors/request.js';

/**
 * The rules the order layer checks before anything is sent, named `FILTER.field` after the
 * exchangeInfo filter (or symbol field) that defines them. Each has the Binance code the exchange
 * would have answered (see {@link OrderValidationError.binanceCode}).
 */
export const orderValidationRules = [
  'PRECISION.pricePrecision',
  'PRECISION.quantityPrecision',
  'PRICE_FILTER.minPrice',
  'PRICE_FILTER.maxPrice',
  'PRICE_FILTER.tickSize',
  'LOT_SIZE.minQty',
  'LOT_SIZE.maxQty',
  'LOT_SIZE.stepSize',
  'MARKET_LOT_SIZE.minQty',
  'MARKET_LOT_SIZE.maxQty',
  'MARKET_LOT_SIZE.stepSize',
  'MIN_NOTIONAL.notional',
  'PERCENT_PRICE.multiplierUp',
  'PERCENT_PRICE.multiplierDown',
  'MAX_NUM_ORDERS.limit',
  'MAX_NUM_ALGO_ORDERS.limit',
  'DECIMAL',
  'REQUIRED',
  'SYMBOL',
  'ORDER_TYPE',
  'CLIENT_ORDER_ID',
  'BATCH_SIZE',
] as const;

/** One of {@link orderValidationRules}. */
export type OrderValidationRule = (typeof orderValidationRules)[number];

/** The nearest values that pass the rule (and the field's other static rules), when there are any. */
export interface NearestValid {
  /** The largest valid value below the one given. */
  readonly below?: string;
  /** The smallest valid value above the one given. */
  readonly above?: string;
}

/** What an {@link OrderValidationError} is built from. */
export interface OrderValidationErrorParameters {
  readonly rule: OrderValidationRule;
  readonly symbol: string;
  /** The parameter at fault (`quantity`, `price`, `triggerPrice`, `newClientOrderId`, ...). */
  readonly field: string;
  /** The value given (after explicit rounding, when asked), as sent on the wire. */
  readonly value: string | undefined;
  /** The limits the rule compares against, Binance's names (`{ minQty, maxQty, stepSize }`). */
  readonly limits?: Readonly<Record<string, string>>;
  readonly nearest?: NearestValid;
  /** The code Binance would have answered (-4023 for a quantity off the step...). */
  readonly binanceCode?: number;
  /** Why, in a few words (`not a multiple of 0.001`). */
  readonly reason: string;
  /** An item index in a batch. */
  readonly index?: number;
}

/**
 * An order broke a symbol rule and was **not sent**. `rule` names the rule (`'LOT_SIZE.stepSize'`),
 * `field` the parameter, `value` what was given, `limits` the rule's limits and `nearest` the closest
 * valid values below and above (quantity 0.0015 with step 0.001 → 0.001 and 0.002), so the caller can
 * pick one or ask for explicit rounding (`round: { quantity: 'down' }`).
 *
 * @example
 * try {
 *   await newOrder(client, { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.0015', price: '60000' });
 * } catch (e) {
 *   const error = e as OrderValidationErrorType;
 *   if (error.name === 'OrderValidationError' && error.rule === 'LOT_SIZE.stepSize') console.log(error.nearest);
 * }
 */
export class OrderValidationError extends BasisError {
  override name = 'OrderValidationError' as const;
  readonly rule: OrderValidationRule;
  readonly symbol: string;
  readonly field: string;
  readonly value: string | undefined;
  readonly limits: Readonly<Record<string, string>>;
  readonly nearest: NearestValid;
  /** The Binance code the exchange would have answered, when there is one. */
  readonly binanceCode: number | undefined;
  /** The item's index, for an item of a batch. */
  readonly index: number | undefined;

  constructor(parameters: OrderValidationErrorParameters) {
    const limits = parameters.limits ?? {};
    const nearest = parameters.nearest ?? {};
    const shown = parameters.value === undefined ? '(missing)' : parameters.value;
    const limitText = Object.entries(limits)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ');
    const nearestText = [
      nearest.below === undefined ? undefined : `${nearest.below} below`,
      nearest.above === undefined ? undefined : `${nearest.above} above`,
    ].filter((part): part is string => part !== undefined);
    super(
      `${parameters.field} ${shown} breaks ${parameters.rule} on ${parameters.symbol}: ${parameters.reason}. Not sent.`,
      {
        docsPath: 'sdk/orders#ordervalidationerror',
        metaMessages: [
          ...(parameters.index === undefined ? [] : [`Batch item: ${parameters.index}`]),
          ...(limitText === '' ? [] : [`Limits: ${limitText}`]),
          ...(nearestText.length === 0 ? [] : [`Nearest valid: ${nearestText.join(', ')}`]),
          ...(parameters.binanceCode === undefined
            ? []
            : [`Binance would answer ${parameters.binanceCode}.`]),
        ],
      },
    );
    this.rule = parameters.rule;
    this.symbol = parameters.symbol;
    this.field = parameters.field;
    this.value = parameters.value;
    this.limits = Object.freeze({ ...limits });
    this.nearest = Object.freeze({ ...nearest });
    this.binanceCode = parameters.binanceCode;
    this.index = parameters.index;
  }
}
export type OrderValidationErrorType = OrderValidationError & { name: 'OrderValidationError' };

/** Why an order does not fit the account's position mode. */
export const positionModeReasons = [
  /** Hedge mode: `positionSide` must be LONG or SHORT (Binance: -4061). */
  'positionSide-required',
  /** One-way mode: only BOTH (Binance: -4061). */
  'positionSide-not-allowed',
  /** Hedge mode: `reduceOnly=true` on an order that opens (BUY LONG, SELL SHORT). */
  'reduceOnly-opens',
  /** `closePosition=true` with a `quantity` (Binance: -4137). */
  'closePosition-quantity',
  /** `closePosition=true` on a type other than STOP_MARKET / TAKE_PROFIT_MARKET (Binance: -1106). */
  'closePosition-type',
  /** Hedge mode: `closePosition=true` must close its side, SELL LONG or BUY SHORT (Binance: -4062). */
  'closePosition-side',
] as const;

/** One of {@link positionModeReasons}. */
export type PositionModeReason = (typeof positionModeReasons)[number];

/**
 * The order does not fit the account's position mode (read from the account at first use) and was
 * **not sent**: a missing `positionSide` in hedge mode, LONG/SHORT in one-way mode, a reduce-only
 * order that would open in hedge mode, a close-position order that cannot close.
 */
export class PositionModeError extends BasisError {
  override name = 'PositionModeError' as const;
  readonly reason: PositionModeReason;
  /** The account's mode as the order layer read it. */
  readonly mode: 'hedge' | 'one-way';
  readonly symbol: string;
  /** The parameter at fault. */
  readonly field: 'positionSide' | 'reduceOnly' | 'closePosition';
  readonly index: number | undefined;

  constructor(parameters: {
    readonly reason: PositionModeReason;
    readonly mode: 'hedge' | 'one-way';
    readonly symbol: string;
    readonly field: 'positionSide' | 'reduceOnly' | 'closePosition';
    readonly message: string;
    readonly index?: number;
  }) {
    super(`${parameters.message} Not sent.`, {
      docsPath: 'sdk/orders#positionmodeerror',
      metaMessages: [
        `Account mode: ${parameters.mode === 'hedge' ? 'hedge (dualSidePosition=true)' : 'one-way (dualSidePosition=false)'}`,
        ...(parameters.index === undefined ? [] : [`Batch item: ${parameters.index}`]),
        'If the mode changed elsewhere, call orderLayerOf(client).refreshAccountMode().',
      ],
    });
    this.reason = parameters.reason;
    this.mode = parameters.mode;
    this.symbol = parameters.symbol;
    this.field = parameters.field;
    this.index = parameters.index;
  }
}
export type PositionModeErrorType = PositionModeError & { name: 'PositionModeError' };

/** What reconciliation did before it gave up or concluded. */
export interface ReconciliationAttempts {
  /** Queries sent (`GET order` / `GET algoOrder`). */
  readonly queries: number;
  /** Requests sent again after the first (at most the bound). */
  readonly resends: number;
}

/**
 * An order (or cancel, or modification) had an unknown outcome, and reconciliation could not learn
 * what happened within its bound: every query failed (the exchange unreachable, 5xx...). The order
 * **may be live**. `clientOrderId` is the key to look it up later (`getOrder({ symbol,
 * origClientOrderId })`, or the user-data stream); `request` is what was sent; `cause` the last failure.
 */
export class UnknownOrderStatusError extends BasisError {
  override name = 'UnknownOrderStatusError' as const;
  /** The client order id (client algo id for algo orders), when the request had one. */
  readonly clientOrderId: string | undefined;
  /** What was sent (redacted; never the signature). */
  readonly request: SentRequest;
  readonly queries: number;
  readonly resends: number;
  /** Every client order id still unresolved (several for a batch; `[clientOrderId]` otherwise). */
  readonly clientOrderIds: readonly string[];

  constructor(parameters: {
    readonly clientOrderId: string | undefined;
    readonly request: SentRequest;
    readonly attempts: ReconciliationAttempts;
    readonly cause: unknown;
    /** For a batch: every unresolved item's client order id. */
    readonly clientOrderIds?: readonly string[];
  }) {
    const { request, clientOrderId, attempts } = parameters;
    super(
      `The status of ${request.method} ${request.path}${clientOrderId === undefined ? '' : ` (client order id ${clientOrderId})`} is unknown: it may be live.`,
      {
        cause: parameters.cause,
        docsPath: 'sdk/orders#unknownorderstatuserror',
        metaMessages: [
          `Reconciliation: ${attempts.queries} queries, ${attempts.resends} resends, no answer.`,
          clientOrderId === undefined
            ? 'Query the order (or watch the user-data stream) before acting again.'
            : `Query it with origClientOrderId=${clientOrderId} (or watch the user-data stream) before acting again.`,
        ],
      },
    );
    this.clientOrderId = clientOrderId;
    this.request = request;
    this.queries = attempts.queries;
    this.resends = attempts.resends;
    this.clientOrderIds = Object.freeze(
      parameters.clientOrderIds ?? (clientOrderId === undefined ? [] : [clientOrderId]),
    );
  }
}
export type UnknownOrderStatusErrorType = UnknownOrderStatusError & { name: 'UnknownOrderStatusError' };

/**
 * An order whose outcome was unknown was **proven absent**: the exchange answered "Order does not
 * exist" after the request's `recvWindow` had closed (so it can no longer be executed), and the
 * resend bound was spent. Nothing is live under `clientOrderId`; sending the order again is safe.
 */
export class OrderNotPlacedError extends BasisError {
  override name = 'OrderNotPlacedError' as const;
  readonly clientOrderId: string | undefined;
  readonly request: SentRequest;
  readonly queries: number;
  readonly resends: number;

  constructor(parameters: {
    readonly clientOrderId: string | undefined;
    readonly request: SentRequest;
    readonly attempts: ReconciliationAttempts;
    readonly cause: unknown;
  }) {
    const { request, clientOrderId, attempts } = parameters;
    super(
      `${request.method} ${request.path}${clientOrderId === undefined ? '' : ` (client order id ${clientOrderId})`} was not executed.`,
      {
        cause: parameters.cause,
        docsPath: 'sdk/orders#ordernotplacederror',
        metaMessages: [
          `Proven absent after its recvWindow closed; ${attempts.queries} queries, ${attempts.resends} resends (the bound).`,
          'Nothing is live under this id: sending it again is safe.',
        ],
      },
    );
    this.clientOrderId = clientOrderId;
    this.request = request;
    this.queries = attempts.queries;
    this.resends = attempts.resends;
  }
}
export type OrderNotPlacedErrorType = OrderNotPlacedError & { name: 'OrderNotPlacedError' };

/**
 * A cancel whose outcome was unknown found the order already closed by something else (an algo
 * order triggered, finished or expired): the cancel did not take effect, and Binance's answer would
 * have been -2011. `order` is the order as queried.
 */
export class OrderClosedError<Order = unknown> extends BasisError {
  override name = 'OrderClosedError' as const;
  readonly status: string;
  readonly order: Order;

  constructor(parameters: { readonly status: string; readonly order: Order; readonly what: string }) {
    super(`${parameters.what} was already ${parameters.status}: the cancel did not take effect.`, {
      docsPath: 'sdk/orders#orderclosederror',
    });
    this.status = parameters.status;
    this.order = parameters.order;
  }
}
export type OrderClosedErrorType = OrderClosedError & { name: 'OrderClosedError' };
