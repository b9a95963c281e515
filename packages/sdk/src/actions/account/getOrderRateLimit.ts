import type { RateLimit } from '@basis/core';
import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';
import { recvWindowOf, type SignedParameters } from './signed.js';

/** Parameters of {@link getOrderRateLimit}: only `recvWindow`. */
export type GetOrderRateLimitParameters = SignedParameters;

/** The account's ORDERS limiters (per 10 seconds and per minute) with their limits. */
export type GetOrderRateLimitReturnType = RateLimit[];

/** What {@link getOrderRateLimit} may reject with (notably `ApiKeyError`, `InvalidSignatureError`, `MissingCredentialsError`). */
export type GetOrderRateLimitErrorType = RequestErrorType;

/**
 * Reads the account's order-rate limits: `GET /fapi/v1/rateLimit/order` (USD-M, `USER_DATA`, signed).
 * Weight 1.
 *
 * The rate governor's default ORDERS budgets are Binance's defaults; an account with other limits
 * can pass these to `createRateGovernor({ limits })`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getOrderRateLimit
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Query-Rate-Limit
 *
 * @param client - A USD-M client with credentials.
 * @param parameters - `recvWindow` to override the client's.
 * @returns The account's ORDERS limiters (per 10 seconds and per minute) with their limits.
 * @throws MissingCredentialsError without credentials; ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getOrderRateLimit } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet', credentials: { apiKey, apiSecret } });
 * const limits = await getOrderRateLimit(client);
 * const perMinute = limits.find((l) => l.interval === 'MINUTE')?.limit;
 */
export async function getOrderRateLimit(
  client: Client,
  parameters: GetOrderRateLimitParameters = {},
): Promise<GetOrderRateLimitReturnType> {
  requireMarket(client, 'usdm', 'getOrderRateLimit');
  return client.request<RateLimit[]>({
    method: 'GET',
    path: '/fapi/v1/rateLimit/order',
    security: 'USER_DATA',
    weight: 1,
    kind: 'read',
    ...recvWindowOf(parameters),
  });
}
