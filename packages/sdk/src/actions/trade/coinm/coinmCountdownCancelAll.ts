import type { CountdownCancelAllParams, CountdownCancelAllResponse } from '@basis/core';
import type { Client } from '../../../clients/createClient.js';
import type { RequestErrorType } from '../../../errors/types.js';
import type { SignedParameters } from '../../account/signed.js';
import { countdownCancelAllOf } from '../readCalls.js';

/** Parameters of {@link coinmCountdownCancelAll}: `symbol`, `countdownTime` (ms; 0 disables), and `recvWindow`. */
export type CoinmCountdownCancelAllParameters = CountdownCancelAllParams & SignedParameters;

/** `{ symbol, countdownTime }` (`countdownTime` as a string). */
export type CoinmCountdownCancelAllReturnType = CountdownCancelAllResponse;

/** What {@link coinmCountdownCancelAll} may reject with. */
export type CoinmCountdownCancelAllErrorType = RequestErrorType;

/**
 * Arms the dead-man switch: `POST /dapi/v1/countdownCancelAll` (COIN-M, `TRADE`, signed). Weight 10.
 *
 * When `countdownTime` ms pass without another call, every open order of the symbol is canceled;
 * each call resets the timer, 0 disarms it. Setting the same countdown twice lands on the same state,
 * so the call is retried like a read on transient failures.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/coinm/coinmCountdownCancelAll
 * - Binance: https://developers.binance.com/docs/derivatives/coin-margined-futures/trade/rest-api/Auto-Cancel-All-Open-Orders
 *
 * @param client - A COIN-M client with credentials.
 * @param parameters - `symbol`, `countdownTime`, and `recvWindow` to override the client's.
 * @returns The symbol and the countdown set.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a USD-M client.
 *
 * @example
 * import { coinmCountdownCancelAll, createClient } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * setInterval(() => coinmCountdownCancelAll(client, { symbol: 'BTCUSD_PERP', countdownTime: 120_000 }), 60_000);
 */
export async function coinmCountdownCancelAll(
  client: Client,
  parameters: CoinmCountdownCancelAllParameters,
): Promise<CoinmCountdownCancelAllReturnType> {
  return countdownCancelAllOf(client, 'coinm', 'coinmCountdownCancelAll', parameters);
}
