import type { BatchResult } from '@basis/core';
import { ApiError, apiError } from '../apiError.js';
import type { RequestContext } from '../endpoint.js';
import { missing, ParamReader, type RawParams } from '../params.js';

/**
 * Reads the `batchOrders` JSON list: 1..`max` objects whose values are strings (numbers are
 * accepted and written back as their JSON text); -4082 for a bad count.
 */
export function batchItems(list: readonly unknown[], max: number): RawParams[] {
  if (list.length === 0 || list.length > max) throw apiError(-4082, [String(list.length)]);
  return list.map((item) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw apiError(-1130, ['batchOrders']);
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(item)) {
      if (typeof value === 'string') params[key] = value;
      else if (typeof value === 'number' || typeof value === 'boolean') params[key] = String(value);
      else throw apiError(-1130, ['batchOrders']);
    }
    return params;
  });
}

/**
 * Runs one batch item; a Binance rejection becomes the item's inline `{code, msg}`, as the product
 * answers it (`context.translateError`, which the transport applies to errors it answers itself).
 */
export function batchItem<T>(context: RequestContext, run: () => T): BatchResult<T> {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return (context.translateError?.(error) ?? error).toBody();
  }
}

/**
 * The batch endpoints' common body: reads `batchOrders` (required, 1..5 items) and runs `run` on each
 * item's parameters through {@link batchItem}, results in request order.
 */
export function runBatch<T>(
  context: RequestContext,
  params: RawParams,
  run: (item: ParamReader) => T,
): BatchResult<T>[] {
  const list = new ParamReader(params).jsonList('batchOrders');
  if (list === undefined) throw missing('batchOrders');
  return batchItems(list, 5).map((item) => batchItem(context, () => run(new ParamReader(item))));
}
