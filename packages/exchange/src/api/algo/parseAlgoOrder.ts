import {
  ALGO_ORDER_TYPES,
  ALGO_TYPES,
  NEW_ORDER_RESP_TYPES,
  ORDER_SIDES,
  POSITION_SIDES,
  REQUEST_PRICE_MATCHES,
  SELF_TRADE_PREVENTION_MODES,
  TIME_IN_FORCES,
  type TimeInForce,
  WORKING_TYPES,
  type WorkingType,
} from '@basis/core';
import type { AlgoRef } from '../../venue/algo/algoBook.js';
import type { AlgoOrderInput } from '../../venue/algo/algoInput.js';
import { apiError } from '../apiError.js';
import { missingEither, type ParamReader } from '../params.js';

/**
 * Parses the parameters of a new conditional order (`POST /fapi/v1/algoOrder`, WebSocket API
 * `algoOrder.place`): syntax and enums here, everything that needs the market or the account in the
 * algo book. `algoType` must be CONDITIONAL (-1130); `type` one of the five conditional types
 * (-1116); an invalid `workingType` is -4031. `activationPrice`, the parameter's name before
 * 2025-12, is accepted for `activatePrice`. `timeInForces` are the values the product accepts
 * (-1115 otherwise; COIN-M has no GTD and no RPI).
 */
export function parseAlgoOrder(
  p: ParamReader,
  timeInForces: readonly TimeInForce[] = TIME_IN_FORCES,
): AlgoOrderInput {
  const algoType = p.requiredString('algoType');
  if (!(ALGO_TYPES as readonly string[]).includes(algoType)) throw apiError(-1130, ['algoType']);
  const symbol = p.requiredString('symbol');
  const side = p.requiredEnumOf('side', ORDER_SIDES);
  const type = p.requiredEnumOf('type', ALGO_ORDER_TYPES);
  return {
    symbol,
    side,
    positionSide: p.enumOf('positionSide', POSITION_SIDES),
    type,
    timeInForce: p.enumOf('timeInForce', timeInForces),
    quantity: p.decimal('quantity'),
    price: p.decimal('price'),
    triggerPrice: p.decimal('triggerPrice'),
    workingType: workingTypeOf(p),
    priceMatch: p.enumOf('priceMatch', REQUEST_PRICE_MATCHES),
    closePosition: p.boolean('closePosition'),
    priceProtect: p.boolean('priceProtect'),
    reduceOnly: p.boolean('reduceOnly'),
    activatePrice: p.has('activatePrice') ? p.decimal('activatePrice') : p.decimal('activationPrice'),
    callbackRate: p.decimal('callbackRate'),
    clientAlgoId: p.string('clientAlgoId'),
    newOrderRespType: p.enumOf('newOrderRespType', NEW_ORDER_RESP_TYPES) ?? 'ACK',
    selfTradePreventionMode: p.enumOf('selfTradePreventionMode', SELF_TRADE_PREVENTION_MODES),
    goodTillDate: p.integer('goodTillDate'),
  };
}

/** `workingType`, with its own error code -4031 "Invalid parameter working type: %s". */
function workingTypeOf(p: ParamReader): WorkingType | undefined {
  const value = p.string('workingType');
  if (value === undefined) return undefined;
  if ((WORKING_TYPES as readonly string[]).includes(value)) return value as WorkingType;
  throw apiError(-4031, [value]);
}

/** `algoId` or `clientAlgoId` (algoId wins when both are sent); -1102 when neither is. */
export function parseAlgoRef(p: ParamReader): AlgoRef {
  const algoId = p.id('algoId');
  const clientAlgoId = p.string('clientAlgoId');
  if (algoId === undefined && clientAlgoId === undefined) throw missingEither('algoId', 'clientAlgoId');
  return { algoId, clientAlgoId };
}

/** The optional `algoType` filter of the query endpoints: CONDITIONAL or -1130. */
export function checkAlgoTypeFilter(p: ParamReader): void {
  const algoType = p.string('algoType');
  if (algoType !== undefined && !(ALGO_TYPES as readonly string[]).includes(algoType)) {
    throw apiError(-1130, ['algoType']);
  }
}
