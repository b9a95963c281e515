import { COINM_ROUTES, ROUTES, type RouteTable } from '@basis/exchange';
import type { Product } from '../product/runProduct.js';

/**
 * What the local clients need to know of a product: its route table and the routes they call.
 * The two products differ in little else: COIN-M places conditional orders through its order
 * endpoint (no algo service, reference §13.3) and reads the account at `/dapi/v1/account`; the
 * account and open-order shapes the clients read are the same.
 */
export interface LocalProduct {
  readonly product: Product;
  readonly routes: RouteTable;
  readonly order: string;
  readonly modifyOrder: string;
  readonly cancelOrder: string;
  readonly cancelAllOrders: string;
  readonly openOrders: string;
  readonly account: string;
  readonly income: string;
  readonly leverage: string;
  readonly marginType: string;
  readonly klines: string;
  readonly depth: string;
  /**
   * How conditional orders (stop, take-profit, trailing) are placed: `algo` through the algo
   * service (`POST /fapi/v1/algoOrder`, ALGO_UPDATE events), `order` as ordinary orders with a
   * `stopPrice` (ORDER_TRADE_UPDATE events under the order's own id).
   */
  readonly conditional:
    | { readonly via: 'algo'; readonly place: string; readonly cancel: string; readonly cancelAll: string }
    | { readonly via: 'order' };
}

function profile(product: Product, routes: RouteTable, base: string, account: string): LocalProduct {
  return {
    product,
    routes,
    order: `POST ${base}/order`,
    modifyOrder: `PUT ${base}/order`,
    cancelOrder: `DELETE ${base}/order`,
    cancelAllOrders: `DELETE ${base}/allOpenOrders`,
    openOrders: `GET ${base}/openOrders`,
    account,
    income: `GET ${base}/income`,
    leverage: `POST ${base}/leverage`,
    marginType: `POST ${base}/marginType`,
    klines: `GET ${base}/klines`,
    depth: `GET ${base}/depth`,
    conditional:
      product === 'usdm'
        ? {
            via: 'algo',
            place: `POST ${base}/algoOrder`,
            cancel: `DELETE ${base}/algoOrder`,
            cancelAll: `DELETE ${base}/algoOpenOrders`,
          }
        : { via: 'order' },
  };
}

export const USDM_LOCAL: LocalProduct = profile('usdm', ROUTES, '/fapi/v1', 'GET /fapi/v2/account');
export const COINM_LOCAL: LocalProduct = profile('coinm', COINM_ROUTES, '/dapi/v1', 'GET /dapi/v1/account');

export function localProduct(product: Product): LocalProduct {
  return product === 'coinm' ? COINM_LOCAL : USDM_LOCAL;
}
