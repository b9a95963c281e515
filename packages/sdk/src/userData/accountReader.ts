import type { Id } from '@basis/core';
import { getCoinmBalance } from '../actions/account/coinm/getCoinmBalance.js';
import { getCoinmPositionRisk } from '../actions/account/coinm/getCoinmPositionRisk.js';
import { getCoinmUserTrades } from '../actions/account/coinm/getCoinmUserTrades.js';
import { getBalanceV3 } from '../actions/account/getBalanceV3.js';
import { getPositionRiskV3 } from '../actions/account/getPositionRiskV3.js';
import { getUserTrades } from '../actions/account/getUserTrades.js';
import { getCoinmAlgoOrder } from '../actions/algo/coinm/getCoinmAlgoOrder.js';
import { getCoinmAllAlgoOrders } from '../actions/algo/coinm/getCoinmAllAlgoOrders.js';
import { getCoinmOpenAlgoOrders } from '../actions/algo/coinm/getCoinmOpenAlgoOrders.js';
import { getAlgoOrder } from '../actions/algo/getAlgoOrder.js';
import { getAllAlgoOrders } from '../actions/algo/getAllAlgoOrders.js';
import { getOpenAlgoOrders } from '../actions/algo/getOpenAlgoOrders.js';
import { getCoinmAllOrders } from '../actions/trade/coinm/getCoinmAllOrders.js';
import { getCoinmOpenOrders } from '../actions/trade/coinm/getCoinmOpenOrders.js';
import { getCoinmOrder } from '../actions/trade/coinm/getCoinmOrder.js';
import { getAllOrders } from '../actions/trade/getAllOrders.js';
import { getOpenOrders } from '../actions/trade/getOpenOrders.js';
import { getOrder } from '../actions/trade/getOrder.js';
import type { Client } from '../clients/createClient.js';
import {
  type AlgoOrderView,
  algoFromRest,
  type BalanceView,
  balanceFromRest,
  type OrderView,
  orderFromRest,
  type PositionView,
  positionFromRest,
  type TradeView,
  tradeFromRest,
} from './views.js';

/** Where a page of trade history starts: a time (the first page) or a trade id (the next ones). */
export type TradePage = { readonly startTime: number } | { readonly fromId: Id };

/**
 * The REST reads a user-data stream reconciles from, as views: the only part of the stream that
 * differs between USD-M (`/fapi`: v3 balance and positionRisk) and COIN-M (`/dapi`: coin balances,
 * positions in contracts). Both markets have the algo service (COIN-M's since the CM/UM
 * integration), so both readers read algo orders.
 */
export interface AccountReader {
  openOrders(): Promise<OrderView[]>;
  openAlgoOrders(): Promise<AlgoOrderView[]>;
  /** Every position row REST lists (flat ones included where it lists them). */
  positions(): Promise<PositionView[]>;
  balances(): Promise<BalanceView[]>;
  /** One order; rejects with -2013 when it is archived or unknown. */
  order(symbol: string, orderId: Id): Promise<OrderView>;
  /** One algo order; rejects with -2013 when it is unknown. */
  algoOrder(algoId: Id): Promise<AlgoOrderView>;
  /** A symbol's orders updated since `startTime`, at most `limit`. */
  orders(symbol: string, startTime: number, limit: number): Promise<OrderView[]>;
  /** A symbol's algo orders since `startTime`, at most `limit`. */
  algoOrders(symbol: string, startTime: number, limit: number): Promise<AlgoOrderView[]>;
  /** One page of a symbol's trades, oldest first, at most `limit`. */
  trades(symbol: string, page: TradePage, limit: number): Promise<TradeView[]>;
}

/** USD-M's reads (`/fapi`). */
export function usdmAccountReader(client: Client): AccountReader {
  return {
    openOrders: async () => (await getOpenOrders(client)).map(orderFromRest),
    openAlgoOrders: async () => (await getOpenAlgoOrders(client)).map(algoFromRest),
    positions: async () => (await getPositionRiskV3(client)).map(positionFromRest),
    balances: async () => (await getBalanceV3(client)).map(balanceFromRest),
    order: async (symbol, orderId) => orderFromRest(await getOrder(client, { symbol, orderId })),
    algoOrder: async (algoId) => algoFromRest(await getAlgoOrder(client, { algoId })),
    orders: async (symbol, startTime, limit) =>
      (await getAllOrders(client, { symbol, startTime, limit })).map(orderFromRest),
    algoOrders: async (symbol, startTime, limit) =>
      (await getAllAlgoOrders(client, { symbol, startTime, limit })).map(algoFromRest),
    trades: async (symbol, page, limit) =>
      (await getUserTrades(client, { symbol, ...page, limit })).map(tradeFromRest),
  };
}

/** COIN-M's reads (`/dapi`). */
export function coinmAccountReader(client: Client): AccountReader {
  return {
    openOrders: async () => (await getCoinmOpenOrders(client)).map(orderFromRest),
    openAlgoOrders: async () => (await getCoinmOpenAlgoOrders(client)).map(algoFromRest),
    positions: async () => (await getCoinmPositionRisk(client)).map(positionFromRest),
    balances: async () => (await getCoinmBalance(client)).map(balanceFromRest),
    order: async (symbol, orderId) => orderFromRest(await getCoinmOrder(client, { symbol, orderId })),
    algoOrder: async (algoId) => algoFromRest(await getCoinmAlgoOrder(client, { algoId })),
    orders: async (symbol, startTime, limit) =>
      (await getCoinmAllOrders(client, { symbol, startTime, limit })).map(orderFromRest),
    algoOrders: async (symbol, startTime, limit) =>
      (await getCoinmAllAlgoOrders(client, { symbol, startTime, limit })).map(algoFromRest),
    trades: async (symbol, page, limit) =>
      (await getCoinmUserTrades(client, { symbol, ...page, limit })).map(tradeFromRest),
  };
}

/** The reader of the client's market. */
export function accountReaderOf(client: Client): AccountReader {
  return client.market === 'coinm' ? coinmAccountReader(client) : usdmAccountReader(client);
}
