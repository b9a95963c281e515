import { getBinanceError } from '@basis/core';
import { type ApiError, apiError } from '../apiError.js';

/**
 * USD-M codes the shared venue code throws whose COIN-M counterpart has another number (reference §8,
 * "CM-only codes"; COIN-M lacks the USD-M 50xx block and -4116/-4120/-4164).
 */
const COINM_CODES: ReadonlyMap<number, number> = new Map([
  [-4131, -4113], // MARKET order beyond PERCENT_PRICE
  [-4164, -4178], // MIN_NOTIONAL
  [-4183, -4151], // stop-limit price above the band around the stop price
  [-4184, -4152], // … below it
  [-4210, -4154], // stop price above the price band
  [-4211, -4155], // … below it
  [-4118, -4112], // reduce-only margin check
  [-4161, -4150], // isolated leverage reduction with a position
  [-4165, -4088], // INVALID_TIME_INTERVAL
  [-5024, -4199], // modify: symbol not trading
  [-5025, -4196], // modify: LIMIT orders only
  [-5026, -4198], // modify: too many modifications
  [-5027, -4197], // modify: nothing to change
  [-5028, -4188], // matching engine recvWindow
  // [U] COIN-M's answer to a client order id already open is not documented (no -4116 there); the
  // generic new-order rejection is the closest code it has.
  [-4116, -2010],
]);

/**
 * An error thrown by the venue code USD-M and COIN-M share, as COIN-M answers it: its COIN-M number
 * (see {@link COINM_CODES}) and COIN-M's wording of the message (often with a final full stop). Codes
 * COIN-M has no counterpart for are left as they are. The COIN-M transports (REST under `/dapi`, the
 * WebSocket API at `/ws-dapi/v1`) apply it to every rejection they answer, batch items' included (see
 * `RequestContext.translateError`), so no endpoint calls it itself.
 */
export function toCoinmError(error: ApiError): ApiError {
  const mapped = COINM_CODES.get(error.code);
  // A message of our own wording (apiErrorWithMessage) stays as it is.
  if (mapped === undefined && !inCatalogWords(error)) return error;
  const code = mapped ?? error.code;
  const info = getBinanceError(code, 'coinm');
  if (info === undefined) return error;
  const templates = 1 + (info.altMessages?.length ?? 0);
  return apiError(code, error.args, {
    market: 'coinm',
    template: error.template < templates ? error.template : 0,
    httpStatus: error.httpStatus,
  });
}

/** Whether the error carries the USD-M catalog's message for its code and arguments. */
function inCatalogWords(error: ApiError): boolean {
  if (getBinanceError(error.code, 'usdm') === undefined) return false;
  return apiError(error.code, error.args, { template: error.template }).msg === error.msg;
}
