import type { Market } from '../clients/environments.js';
import { ClientConfigError } from '../errors/config.js';

/**
 * Throws when an action that exists in one market only is called on a client of the other (a USD-M
 * endpoint on a COIN-M client would reach a `/fapi` path on a `/dapi` host).
 */
export function requireMarket(client: { readonly market: Market }, market: Market, action: string): void {
  if (client.market !== market) {
    throw new ClientConfigError(
      `${action} is a ${market === 'usdm' ? 'USD-M' : 'COIN-M'} endpoint; this client is ${client.market}.`,
    );
  }
}
