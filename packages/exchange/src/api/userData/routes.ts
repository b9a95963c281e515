import type { RouteTable } from '../endpoint.js';
import { closeUserDataStream } from './closeUserDataStream.js';
import { keepaliveUserDataStream } from './keepaliveUserDataStream.js';
import { startUserDataStream } from './startUserDataStream.js';

/** The user-data stream key routes (§5.5). */
export const userDataRoutes = {
  'POST /fapi/v1/listenKey': startUserDataStream,
  'PUT /fapi/v1/listenKey': keepaliveUserDataStream,
  'DELETE /fapi/v1/listenKey': closeUserDataStream,
} as const satisfies RouteTable;
