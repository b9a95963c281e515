import type {
  BooleanString,
  Decimal,
  Id,
  NewOrderRespType,
  OrderSide,
  OrderType,
  PositionSide,
  RequestPriceMatch,
  SelfTradePreventionMode,
  TimeInForce,
  WorkingType,
} from '@basis/core';
import type { Client } from '../clients/createClient.js';
import { ClientConfigError } from '../errors/config.js';
import { isValidClientOrderId } from './clientOrderId.js';
import { type DecimalLike, parseDecimalLike } from './decimals.js';
import { OrderValidationError } from './errors.js';
import type { OrderLayer } from './orderLayer.js';
import { shapeOrder } from './shape.js';
import type { SymbolRules } from './symbolRules.js';
import { type OrderDraft, type RoundOptions, roundOrder, validateOrder } from './validate.js';

/**
 * What the order layer does before sending, per call. Defaults: validate and shape, round nothing,
 * reconcile unknown outcomes.
 */
export interface OrderLayerCallOptions {
  /**
   * Check the symbol's filters (and precision) before sending (default true); a violation throws an
   * `OrderValidationError` and nothing is sent. `false` sends the values exactly as given.
   */
  readonly validate?: boolean;
  /** Round to the symbol's tick and step with these explicit modes before validating. Nothing is rounded otherwise. */
  readonly round?: RoundOptions;
  /** Shape `positionSide` / `reduceOnly` to the account's position mode (default true). */
  readonly shape?: boolean;
  /** The mark price for PERCENT_PRICE and MARKET's MIN_NOTIONAL (default: the layer's cache, else premiumIndex). */
  readonly markPrice?: DecimalLike;
  /** Open orders the caller knows of on the symbol, for MAX_NUM_ORDERS (unchecked when absent). */
  readonly openOrders?: number;
  /** Reconcile an unknown outcome by client order id (default true); `false` rethrows the `UnknownOutcomeError`. */
  readonly reconcile?: boolean;
  /** `recvWindow` of this request, ms (default: the client's). A shorter window also shortens the wait before a proven-absent resend. */
  readonly recvWindow?: number;
}

/** The new-order fields the layer reads, in both spellings (`/order`: stopPrice, activationPrice, newClientOrderId; `/algoOrder`: triggerPrice, activatePrice, clientAlgoId). */
export interface OrderInput {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly positionSide?: PositionSide;
  readonly timeInForce?: TimeInForce;
  readonly quantity?: DecimalLike;
  readonly reduceOnly?: BooleanString;
  readonly price?: DecimalLike;
  readonly newClientOrderId?: string;
  readonly clientAlgoId?: string;
  readonly stopPrice?: DecimalLike;
  readonly triggerPrice?: DecimalLike;
  readonly closePosition?: BooleanString;
  readonly activationPrice?: DecimalLike;
  readonly activatePrice?: DecimalLike;
  readonly callbackRate?: DecimalLike;
  readonly workingType?: WorkingType;
  readonly priceProtect?: BooleanString;
  readonly newOrderRespType?: NewOrderRespType;
  readonly priceMatch?: RequestPriceMatch;
  readonly selfTradePreventionMode?: SelfTradePreventionMode;
  readonly goodTillDate?: number;
}

/** Wire parameters in Binance's order, ready for `client.request`. */
export type WireParams = Record<string, string | number>;

/** An order ready to send. */
export interface PreparedOrder {
  readonly symbol: string;
  /** The client order id it carries (`newClientOrderId`, or `clientAlgoId` for algo orders). */
  readonly clientOrderId: string;
  readonly params: WireParams;
}

/** Names of the fields that differ between `/order` and `/algoOrder`. */
const FIELDS = {
  order: { trigger: 'stopPrice', activate: 'activationPrice', id: 'newClientOrderId' },
  algo: { trigger: 'triggerPrice', activate: 'activatePrice', id: 'clientAlgoId' },
} as const;

/** Parses one decimal field; a number or a non-decimal string is an `OrderValidationError` ('DECIMAL'). */
function decimalField(
  symbol: string,
  field: string,
  raw: unknown,
  index: number | undefined,
): Decimal | undefined {
  if (raw === undefined) return undefined;
  const value = parseDecimalLike(raw);
  if (value !== undefined) return value;
  throw new OrderValidationError({
    rule: 'DECIMAL',
    symbol,
    field,
    value: String(raw),
    reason:
      typeof raw === 'number'
        ? 'a number is a binary float; pass the exact decimal as a string or a Decimal'
        : 'not a decimal number',
    binanceCode: -1100,
    ...(index === undefined ? {} : { index }),
  });
}

/** Whether the checks will want the mark price. */
function needsMark(rules: SymbolRules, draft: OrderDraft, endpoint: 'order' | 'algo' | 'modify'): boolean {
  if (
    rules.percentPrice !== undefined &&
    draft.price !== undefined &&
    (draft.type === 'LIMIT' || endpoint === 'modify')
  ) {
    return true;
  }
  if (rules.minNotional === undefined || draft.reducing || draft.quantity === undefined) return false;
  if (draft.type === 'MARKET') return true;
  return (
    endpoint !== 'modify' &&
    draft.price === undefined &&
    draft.trigger === undefined &&
    draft.activate === undefined
  );
}

/** The symbol's rules, or an `OrderValidationError` ('SYMBOL', Binance -1121) for an unknown symbol. */
async function rulesOf(layer: OrderLayer, symbol: string, index: number | undefined): Promise<SymbolRules> {
  const rules = await layer.symbolRules(symbol);
  if (rules !== undefined) return rules;
  throw new OrderValidationError({
    rule: 'SYMBOL',
    symbol,
    field: 'symbol',
    value: symbol,
    reason: 'not in exchangeInfo',
    binanceCode: -1121,
    ...(index === undefined ? {} : { index }),
  });
}

/** Rounds (when asked) and validates a draft; returns the values to send. */
async function checked(
  client: Client,
  layer: OrderLayer,
  draft: OrderDraft,
  endpoint: 'order' | 'algo' | 'modify',
  options: OrderLayerCallOptions,
  index: number | undefined,
): Promise<OrderDraft> {
  if (options.validate === false) {
    if (options.round !== undefined) {
      throw new ClientConfigError(
        'round needs validation: drop validate: false, or round the values yourself.',
      );
    }
    return draft;
  }
  const rules = await rulesOf(layer, draft.symbol, index);
  const rounded = options.round === undefined ? draft : roundOrder(rules, draft, options.round);
  const given = decimalField(draft.symbol, 'markPrice', options.markPrice, index);
  const markPrice =
    given ?? (needsMark(rules, rounded, endpoint) ? await layer.markPrice(draft.symbol) : undefined);
  validateOrder(rules, rounded, {
    endpoint,
    markPrice,
    openOrders: options.openOrders,
    market: client.market,
    ...(index === undefined ? {} : { index }),
  });
  return rounded;
}

/**
 * Prepares a new order for `POST /order` (`endpoint: 'order'`) or `POST /algoOrder` (`'algo'`):
 * decimals parsed (numbers refused), a client order id generated when absent (and checked against
 * Binance's pattern), `positionSide`/`reduceOnly` shaped to the account's mode, rounding when asked,
 * then validation against the symbol's rules. Throws before anything is sent.
 */
export async function prepareOrder(
  client: Client,
  layer: OrderLayer,
  input: OrderInput,
  endpoint: 'order' | 'algo',
  options: OrderLayerCallOptions = {},
  index?: number,
): Promise<PreparedOrder> {
  const names = FIELDS[endpoint];
  const { symbol } = input;
  const quantity = decimalField(symbol, 'quantity', input.quantity, index);
  const price = decimalField(symbol, 'price', input.price, index);
  const trigger = decimalField(symbol, names.trigger, input[names.trigger], index);
  const activate = decimalField(symbol, names.activate, input[names.activate], index);
  const callbackRate = decimalField(symbol, 'callbackRate', input.callbackRate, index);

  const clientOrderId = input[names.id] ?? layer.nextClientOrderId();
  if (!isValidClientOrderId(clientOrderId)) {
    throw new OrderValidationError({
      rule: 'CLIENT_ORDER_ID',
      symbol,
      field: names.id,
      value: clientOrderId,
      reason: 'not 1–36 characters of A-Z a-z 0-9 . : / _ -',
      binanceCode: -4015,
      ...(index === undefined ? {} : { index }),
    });
  }

  let positionSide = input.positionSide;
  let reduceOnly = input.reduceOnly;
  let reducing = reduceOnly === 'true' || input.closePosition === 'true';
  if (options.shape !== false) {
    const shaped = shapeOrder(
      {
        symbol,
        side: input.side,
        type: input.type,
        positionSide,
        reduceOnly,
        closePosition: input.closePosition,
        hasQuantity: quantity !== undefined,
        ...(index === undefined ? {} : { index }),
      },
      await layer.accountMode(),
    );
    positionSide = shaped.positionSide;
    reduceOnly = shaped.reduceOnly;
    reducing = shaped.reducing;
    for (const { field, note } of shaped.notes)
      layer.emit({ type: 'shaped', symbol, clientOrderId, field, note });
  }

  const draft = await checked(
    client,
    layer,
    {
      symbol,
      side: input.side,
      type: input.type,
      quantity,
      price,
      trigger: trigger === undefined ? undefined : { field: names.trigger, value: trigger },
      activate: activate === undefined ? undefined : { field: names.activate, value: activate },
      callbackRate,
      priceMatch: input.priceMatch,
      timeInForce: input.timeInForce,
      closePosition: input.closePosition === 'true',
      reducing,
    },
    endpoint,
    options,
    index,
  );

  const values: Record<string, string | number | undefined> =
    endpoint === 'algo'
      ? {
          algoType: 'CONDITIONAL',
          symbol,
          side: input.side,
          positionSide,
          type: input.type,
          timeInForce: input.timeInForce,
          quantity: draft.quantity?.toString(),
          price: draft.price?.toString(),
          triggerPrice: draft.trigger?.value.toString(),
          workingType: input.workingType,
          priceMatch: input.priceMatch,
          closePosition: input.closePosition,
          priceProtect: input.priceProtect,
          reduceOnly,
          activatePrice: draft.activate?.value.toString(),
          callbackRate: draft.callbackRate?.toString(),
          clientAlgoId: clientOrderId,
          newOrderRespType: input.newOrderRespType,
          selfTradePreventionMode: input.selfTradePreventionMode,
          goodTillDate: input.goodTillDate,
        }
      : {
          symbol,
          side: input.side,
          positionSide,
          type: input.type,
          timeInForce: input.timeInForce,
          quantity: draft.quantity?.toString(),
          reduceOnly,
          price: draft.price?.toString(),
          newClientOrderId: clientOrderId,
          stopPrice: draft.trigger?.value.toString(),
          closePosition: input.closePosition,
          activationPrice: draft.activate?.value.toString(),
          callbackRate: draft.callbackRate?.toString(),
          workingType: input.workingType,
          priceProtect: input.priceProtect,
          newOrderRespType: input.newOrderRespType,
          priceMatch: input.priceMatch,
          selfTradePreventionMode: input.selfTradePreventionMode,
          goodTillDate: input.goodTillDate,
        };
  return { symbol, clientOrderId, params: compact(values) };
}

/** The modification fields the layer reads. */
export interface ModifyInput {
  readonly symbol: string;
  readonly side: OrderSide;
  readonly orderId?: Id;
  readonly origClientOrderId?: string;
  readonly quantity?: DecimalLike;
  readonly price?: DecimalLike;
  readonly priceMatch?: RequestPriceMatch;
  readonly modifyId?: Id;
}

/**
 * Prepares `PUT /order`: decimals parsed, rounding when asked, then precision, PRICE_FILTER,
 * LOT_SIZE and PERCENT_PRICE (MIN_NOTIONAL is not checked: whether the order is reduce-only, which
 * waives it, is not in the request).
 */
export async function prepareModify(
  client: Client,
  layer: OrderLayer,
  input: ModifyInput,
  options: OrderLayerCallOptions = {},
  index?: number,
): Promise<{
  readonly params: WireParams;
  readonly quantity: Decimal | undefined;
  readonly price: Decimal | undefined;
}> {
  const { symbol } = input;
  const draft = await checked(
    client,
    layer,
    {
      symbol,
      side: input.side,
      type: 'LIMIT',
      quantity: decimalField(symbol, 'quantity', input.quantity, index),
      price: decimalField(symbol, 'price', input.price, index),
      trigger: undefined,
      activate: undefined,
      callbackRate: undefined,
      priceMatch: input.priceMatch,
      timeInForce: undefined,
      closePosition: false,
      reducing: true,
    },
    'modify',
    options,
    index,
  );
  return {
    quantity: draft.quantity,
    price: draft.price,
    params: compact({
      orderId: input.orderId === undefined ? undefined : String(input.orderId),
      origClientOrderId: input.origClientOrderId,
      symbol,
      side: input.side,
      quantity: draft.quantity?.toString(),
      price: draft.price?.toString(),
      priceMatch: input.priceMatch,
      modifyId: input.modifyId === undefined ? undefined : String(input.modifyId),
    }),
  };
}

/** Drops undefined values, keeping the order of the rest. */
function compact(values: Record<string, string | number | undefined>): WireParams {
  const out: WireParams = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/** Whether `type` is one of the five conditional types (the algo service's on USD-M). */
export function isConditionalType(type: OrderType): boolean {
  return type !== 'LIMIT' && type !== 'MARKET';
}
