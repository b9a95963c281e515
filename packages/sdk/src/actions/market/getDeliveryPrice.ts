import type { Client } from '../../clients/createClient.js';
import type { RequestErrorType } from '../../errors/types.js';
import { requireMarket } from '../requireMarket.js';

/** Parameters of {@link getDeliveryPrice}. */
export interface GetDeliveryPriceParameters {
  /** Pair, e.g. BTCUSDT. */
  readonly pair: string;
}

/** One settled delivery (core has no wire type for it yet; Binance's field names). */
export interface DeliveryPrice {
  /** Delivery time, ms. */
  deliveryTime: number;
  /**
   * Settlement price. A JSON **number** on the wire (unlike other prices); turn it into a decimal
   * with `Decimal.parse(String(deliveryPrice))` before any arithmetic.
   */
  deliveryPrice: number;
}

/** The pair's past deliveries. */
export type GetDeliveryPriceReturnType = DeliveryPrice[];

/** What {@link getDeliveryPrice} may reject with. */
export type GetDeliveryPriceErrorType = RequestErrorType;

/**
 * Reads the settlement prices of a pair's quarterly contracts: `GET /futures/data/delivery-price`
 * (USD-M). No credentials; weight 0, drawing on the 1000 requests / 5 min / IP pool of `/futures/data`.
 *
 * - Docs: https://basis.dev/docs/sdk/actions/getDeliveryPrice
 * - Binance: https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Delivery-Price
 *
 * @param client - A USD-M client.
 * @param parameters - `pair`.
 * @returns The deliveries.
 * @throws ClientConfigError on a COIN-M client.
 *
 * @example
 * import { createClient, getDeliveryPrice } from '@basis/sdk';
 *
 * const client = createClient({ env: 'testnet' });
 * const deliveries = await getDeliveryPrice(client, { pair: 'BTCUSDT' });
 */
export async function getDeliveryPrice(
  client: Client,
  parameters: GetDeliveryPriceParameters,
): Promise<GetDeliveryPriceReturnType> {
  requireMarket(client, 'usdm', 'getDeliveryPrice');
  return client.request<DeliveryPrice[]>({
    method: 'GET',
    path: '/futures/data/delivery-price',
    params: { pair: parameters.pair },
    security: 'NONE',
    weight: 0,
    pool: 'futuresData',
    kind: 'read',
  });
}
