import type { CoinmActions } from '../../clients/decorators/coinm.js';
import type { UsdmActions } from '../../clients/decorators/usdm.js';

// What the USD-M and COIN-M trade tests share: the methods both clients bind, and the bounded wait
// for a change the exchange makes on its own clock.

/** The trade methods both markets' clients bind under the same names (USD-M adds `testOrder`). */
export const TRADE_BINDINGS = [
  'newOrder',
  'batchOrders',
  'modifyOrder',
  'modifyBatchOrders',
  'getOrder',
  'getOpenOrder',
  'getOpenOrders',
  'getAllOrders',
  'getForceOrders',
  'getOrderAmendment',
  'cancelOrder',
  'cancelBatchOrders',
  'cancelAllOpenOrders',
  'countdownCancelAll',
] as const satisfies readonly (keyof UsdmActions & keyof CoinmActions)[];

/**
 * Reads an order's status every 50 ms while it is NEW, at most 40 times (2 s), and returns the last
 * status read: bounded, so an exchange that never acts fails the test instead of hanging it.
 */
export async function statusOnceNotNew(readStatus: () => Promise<string>): Promise<string> {
  let status = 'NEW';
  for (let poll = 0; poll < 40 && status === 'NEW'; poll++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    status = await readStatus();
  }
  return status;
}
