import {
  type GetAccountV3Parameters,
  type GetAccountV3ReturnType,
  getAccountV3,
} from '../../actions/account/getAccountV3.js';
import {
  type GetExchangeInfoParameters,
  type GetExchangeInfoReturnType,
  getExchangeInfo,
} from '../../actions/market/getExchangeInfo.js';
import {
  type GetServerTimeParameters,
  type GetServerTimeReturnType,
  getServerTime,
} from '../../actions/market/getServerTime.js';
import type { Client } from '../createClient.js';

/** The USD-M actions as client methods. */
export interface UsdmActions {
  /** {@inheritDoc getServerTime} */
  getServerTime(parameters?: GetServerTimeParameters): Promise<GetServerTimeReturnType>;
  /** {@inheritDoc getExchangeInfo} */
  getExchangeInfo(parameters?: GetExchangeInfoParameters): Promise<GetExchangeInfoReturnType>;
  /** {@inheritDoc getAccountV3} */
  getAccountV3(parameters?: GetAccountV3Parameters): Promise<GetAccountV3ReturnType>;
}

/**
 * Binds the USD-M actions to a client, one line each, so `client.getServerTime()` is
 * `getServerTime(client)`. A new action is added here in one line, in alphabetical order.
 *
 * @example
 * const client = createClient({ env: 'testnet' }).extend(usdmActions);
 * await client.getExchangeInfo();
 */
export function usdmActions(client: Client): UsdmActions {
  return {
    getAccountV3: (parameters) => getAccountV3(client, parameters),
    getExchangeInfo: (parameters) => getExchangeInfo(client, parameters),
    getServerTime: (parameters) => getServerTime(client, parameters),
  };
}
