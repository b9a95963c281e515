import type { EmptyResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `closeUserDataStream` takes no parameters: Binance closes the account's active key. */
export type CloseUserDataStreamParameters = Record<string, never>;

/** `{}`. */
export type CloseUserDataStreamReturnType = EmptyResponse;

/** What {@link closeUserDataStream} may reject with. */
export type CloseUserDataStreamErrorType = RequestErrorType;

/**
 * Closes the user-data stream: `DELETE /fapi/v1/listenKey` (USD-M) or `DELETE /dapi/v1/listenKey`
 * (COIN-M); `USER_STREAM`. Weight 1. Idempotent (retried like a read); the stream's socket receives
 * `listenKeyExpired` and is closed.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/closeUserDataStream
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/user-data-streams/Close-User-Data-Stream
 *
 * @param client - A client of either market, with credentials (only the API key is used).
 * @param _parameters - None.
 * @returns `{}`.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { closeUserDataStream, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * await closeUserDataStream(client);
 */
export async function closeUserDataStream(
  client: Client,
  _parameters?: CloseUserDataStreamParameters,
): Promise<CloseUserDataStreamReturnType> {
  return client.request<EmptyResponse>({
    method: 'DELETE',
    path: `${client.apiPrefix}/v1/listenKey`,
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
  });
}
