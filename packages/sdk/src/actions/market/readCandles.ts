import type { Kline } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import { klineWeight } from './weights.js';

/** A candle endpoint's parameters: its own (`symbol` or `pair`, ...) with the shared `interval` and `limit`. */
interface CandleParams {
  readonly interval: string;
  readonly limit?: number | undefined;
  readonly [name: string]: string | number | undefined;
}

/**
 * A candle read (`klines`, `markPriceKlines`, `continuousKlines`, ...): GET, no credentials, the
 * weight by `limit` that every candle endpoint shares. `params` are the endpoint's, Binance's names.
 */
export function readCandles<Row = Kline>(client: Client, path: string, params: CandleParams): Promise<Row[]> {
  return client.request<Row[]>({
    method: 'GET',
    path,
    params,
    security: 'NONE',
    weight: klineWeight(params.limit),
    kind: 'read',
  });
}
