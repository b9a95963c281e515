import type { ListenKeyResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `keepAliveUserDataStream` takes no parameters: Binance extends the account's active key. */
export type KeepAliveUserDataStreamParameters = Record<string, never>;

/** `{ listenKey }`: the same key, now valid for 60 more minutes. */
export type KeepAliveUserDataStreamReturnType = ListenKeyResponse;

/**
 * What {@link keepAliveUserDataStream} may reject with: notably a `BinanceApiError` -1125 "This
 * listenKey does not exist." when the key expired or was closed (start a new one).
 */
export type KeepAliveUserDataStreamErrorType = RequestErrorType;

/**
 * Extends the user-data stream's key by 60 minutes: `PUT /fapi/v1/listenKey` (USD-M) or
 * `PUT /dapi/v1/listenKey` (COIN-M); `USER_STREAM`. Weight 1. Idempotent (retried like a read).
 *
 * - Docs: https://basis.dev/docs/sdk/actions/keepAliveUserDataStream
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/user-data-streams/Keepalive-User-Data-Stream
 *
 * @param client - A client of either market, with credentials (only the API key is used).
 * @param _parameters - None.
 * @returns `{ listenKey }`.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, keepAliveUserDataStream } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * setInterval(() => void keepAliveUserDataStream(client), 30 * 60_000);
 */
export async function keepAliveUserDataStream(
  client: Client,
  _parameters?: KeepAliveUserDataStreamParameters,
): Promise<KeepAliveUserDataStreamReturnType> {
  return client.request<ListenKeyResponse>({
    method: 'PUT',
    path: `${client.apiPrefix}/v1/listenKey`,
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
  });
}
