import { type AlgoOrderDetail, Decimal, type PremiumIndex, type SymbolFilter } from '@basis/core';
import {
  type CancelAlgoOrderParameters,
  type CancelAllAlgoOpenOrdersParameters,
  type CancelAllOpenOrdersParameters,
  type CancelOrderParameters,
  type Client,
  cancelAlgoOrder,
  cancelAllAlgoOpenOrders,
  cancelAllOpenOrders,
  cancelCoinmAlgoOrder,
  cancelCoinmAllAlgoOpenOrders,
  cancelCoinmAllOpenOrders,
  cancelCoinmOrder,
  cancelOrder,
  coinmCountdownCancelAll,
  countdownCancelAll,
  getCoinmExchangeInfo,
  getCoinmKlines,
  getCoinmOpenAlgoOrders,
  getCoinmPositionRisk,
  getCoinmPremiumIndex,
  getExchangeInfo,
  getKlines,
  getOpenAlgoOrders,
  getPremiumIndex,
  getSymbolConfig,
  type ModifyOrderParameters,
  modifyCoinmOrder,
  modifyOrder,
  type NewAlgoOrderParameters,
  type NewOrderParameters,
  newAlgoOrder,
  newCoinmAlgoOrder,
  newCoinmOrder,
  newOrder,
  setCoinmLeverage,
  setLeverage,
} from '@basis/sdk';
import type { Instrument } from '../data/dataClient.js';
import type { KlineRow } from '../data/klineBars.js';
import type { Product } from '../product/runProduct.js';

/**
 * What the live clients call, per product: USDⓈ-M's actions (`/fapi`) or COIN-M's (`/dapi`). The
 * user-data stream, the market streams, aggregate trades and margin type are market-aware in the SDK
 * and need no entry here; the rest differ in name (and a little in shape: COIN-M's exchangeInfo has
 * `contractSize` and no MIN_NOTIONAL, its premium index is always a list, its leverage comes with the
 * position rows). Conditional orders go to each product's algo service.
 */
export interface LiveProduct {
  readonly product: Product;
  instruments(client: Client): Promise<Instrument[]>;
  premiumIndex(client: Client, symbol: string): Promise<PremiumIndex>;
  klines(client: Client, params: { symbol: string; interval: string; limit: number }): Promise<KlineRow[]>;
  /** Places a LIMIT or MARKET order; the venue's order id. */
  newOrder(
    client: Client,
    params: NewOrderParameters,
  ): Promise<{ readonly orderId: number | bigint | string }>;
  modifyOrder(client: Client, params: ModifyOrderParameters): Promise<unknown>;
  cancelOrder(client: Client, params: CancelOrderParameters): Promise<unknown>;
  cancelAllOpenOrders(client: Client, params: CancelAllOpenOrdersParameters): Promise<unknown>;
  newAlgoOrder(client: Client, params: NewAlgoOrderParameters): Promise<unknown>;
  cancelAlgoOrder(client: Client, params: CancelAlgoOrderParameters): Promise<unknown>;
  cancelAllAlgoOpenOrders(client: Client, params: CancelAllAlgoOpenOrdersParameters): Promise<unknown>;
  /** Arms (or with 0 disarms) Binance's dead-man switch on `symbol`: its open orders are canceled after `countdownTime` ms without another call. */
  countdownCancelAll(client: Client, params: { symbol: string; countdownTime: number }): Promise<unknown>;
  openAlgoOrders(client: Client): Promise<AlgoOrderDetail[]>;
  /** Each symbol's leverage (empty when the venue does not say). */
  leverages(client: Client): Promise<Map<string, number>>;
  setLeverage(client: Client, params: { symbol: string; leverage: number }): Promise<number>;
}

const dec = (text: string | undefined): Decimal =>
  text === undefined || text === '' ? Decimal.ZERO : (Decimal.tryParse(text) ?? Decimal.ZERO);

/** An exchange-info symbol as the bot's instrument: its assets and the filters orders are checked against. */
function instrumentOf(s: {
  readonly symbol: string;
  readonly baseAsset: string;
  readonly quoteAsset: string;
  readonly marginAsset: string;
  readonly filters: readonly SymbolFilter[];
}) {
  return {
    symbol: s.symbol,
    baseAsset: s.baseAsset,
    quoteAsset: s.quoteAsset,
    marginAsset: s.marginAsset,
    ...filtersOf(s.filters),
  };
}

function filtersOf(filters: readonly SymbolFilter[]) {
  let tickSize = '0';
  let stepSize = '0';
  let minQty = '0';
  let minNotional = '0';
  for (const f of filters) {
    if (f.filterType === 'PRICE_FILTER') tickSize = f.tickSize;
    else if (f.filterType === 'LOT_SIZE') {
      stepSize = f.stepSize;
      minQty = f.minQty;
    } else if (f.filterType === 'MIN_NOTIONAL') minNotional = f.notional;
  }
  return {
    tickSize: dec(tickSize),
    stepSize: dec(stepSize),
    minQty: dec(minQty),
    minNotional: dec(minNotional),
  };
}

export const USDM_LIVE: LiveProduct = {
  product: 'usdm',
  async instruments(client) {
    const info = await getExchangeInfo(client);
    return info.symbols.map(instrumentOf);
  },
  premiumIndex: (client, symbol) => getPremiumIndex(client, { symbol }),
  klines: async (client, params) =>
    (await getKlines(client, params as Parameters<typeof getKlines>[1])) as readonly unknown[] as KlineRow[],
  newOrder: async (client, params) => {
    const placed = await newOrder(client, params);
    return { orderId: placed.endpoint === 'order' ? placed.order.orderId : placed.order.algoId };
  },
  modifyOrder,
  cancelOrder,
  cancelAllOpenOrders,
  newAlgoOrder,
  cancelAlgoOrder,
  cancelAllAlgoOpenOrders,
  countdownCancelAll,
  openAlgoOrders: (client) => getOpenAlgoOrders(client),
  async leverages(client) {
    const configs = await getSymbolConfig(client).catch(() => []);
    return new Map(configs.map((c) => [c.symbol, c.leverage]));
  },
  setLeverage: async (client, params) => Number((await setLeverage(client, params)).leverage),
};

export const COINM_LIVE: LiveProduct = {
  product: 'coinm',
  async instruments(client) {
    const info = await getCoinmExchangeInfo(client);
    return info.symbols.map((s) => ({
      ...instrumentOf(s),
      contractSize: Decimal.parse(String(s.contractSize)),
    }));
  },
  async premiumIndex(client, symbol) {
    const [row] = await getCoinmPremiumIndex(client, { symbol });
    if (row === undefined) throw new Error(`no premium index for ${symbol} on ${client.env}`);
    return row;
  },
  klines: async (client, params) =>
    (await getCoinmKlines(
      client,
      params as Parameters<typeof getCoinmKlines>[1],
    )) as readonly unknown[] as KlineRow[],
  newOrder: async (client, params) => {
    const placed = await newCoinmOrder(client, params);
    return { orderId: placed.endpoint === 'order' ? placed.order.orderId : placed.order.algoId };
  },
  modifyOrder: modifyCoinmOrder,
  cancelOrder: cancelCoinmOrder,
  cancelAllOpenOrders: cancelCoinmAllOpenOrders,
  newAlgoOrder: newCoinmAlgoOrder,
  cancelAlgoOrder: cancelCoinmAlgoOrder,
  cancelAllAlgoOpenOrders: cancelCoinmAllAlgoOpenOrders,
  countdownCancelAll: coinmCountdownCancelAll,
  openAlgoOrders: (client) => getCoinmOpenAlgoOrders(client),
  async leverages(client) {
    // COIN-M has no symbolConfig: the leverage is on each position row (one per symbol in one-way mode).
    const rows = await getCoinmPositionRisk(client).catch(() => []);
    const leverage = new Map<string, number>();
    for (const r of rows) if (!leverage.has(r.symbol)) leverage.set(r.symbol, Number(r.leverage));
    return leverage;
  },
  setLeverage: async (client, params) => Number((await setCoinmLeverage(client, params)).leverage),
};

export function liveProduct(product: Product): LiveProduct {
  return product === 'coinm' ? COINM_LIVE : USDM_LIVE;
}
