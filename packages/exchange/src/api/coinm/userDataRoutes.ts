import type { RouteTable } from '../endpoint.js';
import { closeUserDataStream } from '../userData/closeUserDataStream.js';
import { keepaliveUserDataStream } from '../userData/keepaliveUserDataStream.js';
import { startUserDataStream } from '../userData/startUserDataStream.js';

/** COIN-M's user-data stream keys: the same endpoints as USD-M's, on COIN-M's venue. */
export const coinmUserDataRoutes = {
  'POST /dapi/v1/listenKey': startUserDataStream,
  'PUT /dapi/v1/listenKey': keepaliveUserDataStream,
  'DELETE /dapi/v1/listenKey': closeUserDataStream,
} as const satisfies RouteTable;
