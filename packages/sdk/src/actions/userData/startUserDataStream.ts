import type { ListenKeyResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';

/** `startUserDataStream` takes no parameters. */
export type StartUserDataStreamParameters = Record<string, never>;

/** `{ listenKey }`: the key of the account's user-data stream. */
export type StartUserDataStreamReturnType = ListenKeyResponse;

/** What {@link startUserDataStream} may reject with (notably `MissingCredentialsError`, `ApiKeyError`). */
export type StartUserDataStreamErrorType = RequestErrorType;

/**
 * Starts (or extends) the user-data stream: `POST /fapi/v1/listenKey` (USD-M) or
 * `POST /dapi/v1/listenKey` (COIN-M); `USER_STREAM`: the API key is sent, nothing is signed. Weight 1.
 *
 * While the account has an active key Binance returns the **same** key and extends it to 60 minutes,
 * so the call is idempotent (retried like a read). Keep it alive with `keepAliveUserDataStream` at
 * least every 60 minutes (every 30 is customary); connect to `<client.urls.stream>/ws/<listenKey>`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/startUserDataStream
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/user-data-streams/Start-User-Data-Stream
 *
 * @param client - A client of either market, with credentials (only the API key is used).
 * @param _parameters - None.
 * @returns `{ listenKey }`.
 * @throws MissingCredentialsError without credentials.
 *
 * @example
 * import { createClient, startUserDataStream } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const { listenKey } = await startUserDataStream(client);
 */
export async function startUserDataStream(
  client: Client,
  _parameters?: StartUserDataStreamParameters,
): Promise<StartUserDataStreamReturnType> {
  return client.request<ListenKeyResponse>({
    method: 'POST',
    path: `${client.apiPrefix}/v1/listenKey`,
    security: 'USER_STREAM',
    weight: 1,
    kind: 'write',
    idempotent: true,
  });
}
