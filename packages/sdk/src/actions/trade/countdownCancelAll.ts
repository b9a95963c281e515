import type { CountdownCancelAllParams, CountdownCancelAllResponse } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import type { SignedParameters } from '../account/signed.js';
import { countdownCancelAllOf } from './readCalls.js';

/** Parameters of {@link countdownCancelAll}: `symbol`, `countdownTime` (ms; 0 disables), and `recvWindow`. */
export type CountdownCancelAllParameters = CountdownCancelAllParams & SignedParameters;

/** `{ symbol, countdownTime }` (`countdownTime` as a string). */
export type CountdownCancelAllReturnType = CountdownCancelAllResponse;

/** What {@link countdownCancelAll} may reject with. */
export type CountdownCancelAllErrorType = RequestErrorType;

/**
 * Arms the dead-man switch: `POST /fapi/v1/countdownCancelAll` (USD-M, `TRADE`, signed). Weight 10.
 *
 * When `countdownTime` ms pass without another call, every open order of the symbol is canceled;
 * each call resets the timer, 0 disarms it. Setting the same countdown twice lands on the same state,
 * so the call is retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/countdownCancelAll
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/trade/rest-api/Auto-Cancel-All-Open-Orders
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `symbol`, `countdownTime`, and `recvWindow` to override the client's.
 * @returns The symbol and the countdown set.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { countdownCancelAll, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * setInterval(() => countdownCancelAll(client, { symbol: 'BTCUSDT', countdownTime: 120_000 }), 60_000);
 */
export async function countdownCancelAll(
  client: Client,
  parameters: CountdownCancelAllParameters,
): Promise<CountdownCancelAllReturnType> {
  return countdownCancelAllOf(client, 'usdm', 'countdownCancelAll', parameters);
}
