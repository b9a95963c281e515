import type { AccountConfig, ExchangeInfo, PositionModeResponse, PremiumIndex } from '@basis/core';
import type { Client } from '../clients/createClient.js';
import type { AccountMode } from './shape.js';

// The order layer's own reads, one request each, on either market. They are the endpoints the
// market and account actions also expose; the layer calls the pipeline directly so it depends on
// nothing but the client.

/** `GET /fapi/v1/exchangeInfo` or `/dapi/v1/exchangeInfo` (weight 1). */
export function readExchangeInfo(client: Client): Promise<ExchangeInfo> {
  return client.request<ExchangeInfo>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/exchangeInfo`,
    security: 'NONE',
    weight: 1,
    kind: 'read',
  });
}

/**
 * The position mode and multi-assets mode: USD-M `GET /fapi/v1/accountConfig` (weight 5, both in one
 * call); COIN-M `GET /dapi/v1/positionSide/dual` (weight 30; COIN-M has no multi-assets mode).
 */
export async function readAccountMode(client: Client): Promise<AccountMode> {
  if (client.market === 'coinm') {
    const mode = await client.request<PositionModeResponse>({
      method: 'GET',
      path: '/dapi/v1/positionSide/dual',
      security: 'USER_DATA',
      weight: 30,
      kind: 'read',
    });
    return { dualSidePosition: mode.dualSidePosition === true, multiAssetsMargin: false };
  }
  const config = await client.request<AccountConfig>({
    method: 'GET',
    path: '/fapi/v1/accountConfig',
    security: 'USER_DATA',
    weight: 5,
    kind: 'read',
  });
  return {
    dualSidePosition: config.dualSidePosition === true,
    multiAssetsMargin: config.multiAssetsMargin === true,
  };
}

/** The mark price of one symbol: `GET /fapi/v1/premiumIndex?symbol=` (weight 1) or the COIN-M form (an array, weight 10). */
export async function readMarkPrice(client: Client, symbol: string): Promise<string | undefined> {
  const coinm = client.market === 'coinm';
  const answer = await client.request<PremiumIndex | PremiumIndex[]>({
    method: 'GET',
    path: `${client.apiPrefix}/v1/premiumIndex`,
    params: { symbol },
    security: 'NONE',
    weight: coinm ? 10 : 1,
    kind: 'read',
  });
  const row = Array.isArray(answer) ? answer.find((item) => item.symbol === symbol) : answer;
  return row?.markPrice;
}
