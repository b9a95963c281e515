import type { CoinmActions } from '../../../clients/decorators/coinm.js';

/** The COIN-M client's algo methods (`coinmActions`), as `coinmAlgo.exchange.test.ts` runs them against the exchange. */
export const COINM_ALGO_BINDINGS = [
  'newAlgoOrder',
  'cancelAlgoOrder',
  'cancelAllAlgoOpenOrders',
  'getAlgoOrder',
  'getOpenAlgoOrders',
  'getAllAlgoOrders',
] as const satisfies readonly (keyof CoinmActions)[];
