import type { Client } from '../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../clients/decorators/coinm.js';

/** The COIN-M client's market-data and listen-key methods, as `coinm.exchange.test.ts` runs them against the exchange. */
export const COINM_MARKET_BINDINGS = [
  'ping',
  'getServerTime',
  'getExchangeInfo',
  'getDepth',
  'getTrades',
  'getHistoricalTrades',
  'getAggTrades',
  'getKlines',
  'getContinuousKlines',
  'getMarkPriceKlines',
  'getIndexPriceKlines',
  'getPremiumIndexKlines',
  'getPremiumIndex',
  'getFundingRate',
  'getFundingInfo',
  'getTicker24hr',
  'getTickerPrice',
  'getBookTicker',
  'getOpenInterest',
  'startUserDataStream',
  'keepAliveUserDataStream',
  'closeUserDataStream',
] as const satisfies readonly (keyof CoinmActions)[];

/** The COIN-M client's account methods, as `account/coinm/coinmAccount.exchange.test.ts` runs them against the exchange. */
export const COINM_ACCOUNT_BINDINGS = [
  'getAccount',
  'getBalance',
  'getPositionRisk',
  'getLeverageBracketsV1',
  'getLeverageBracketsV2',
  'setLeverage',
  'getCommissionRate',
  'getIncomeHistory',
  'getUserTrades',
  'getPositionMode',
  'setPositionMode',
  'setMarginType',
  'modifyPositionMargin',
  'getPositionMarginHistory',
  'getAdlQuantile',
] as const satisfies readonly (keyof CoinmActions)[];

/** `coinmActions(client)` with each method adding its name to `used` when called (to show a suite ran every one). */
export function recordingCoinmActions(client: Client, used: Set<string>): CoinmActions {
  const actions = coinmActions(client) as unknown as Record<string, (...args: unknown[]) => unknown>;
  const recorded: Record<string, (...args: unknown[]) => unknown> = {};
  for (const [name, action] of Object.entries(actions)) {
    recorded[name] = (...args) => {
      used.add(name);
      return action(...args);
    };
  }
  return recorded as unknown as CoinmActions;
}
