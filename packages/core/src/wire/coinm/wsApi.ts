/**
 * COIN-M WebSocket API (`/ws-dapi/v1`, GA 2025-02-25): same envelopes as USD-M (`wsApi.ts`), a
 * smaller method set, COIN-M shapes.
 */
import type { EmptyResponse, ListenKeyResponse } from '../common.js';
import type { CancelOrderParams, GetOrderParams } from '../params/trade.js';
import type {
  SessionLogonParams,
  SessionStatusResult,
  UserDataStreamParams,
  WsApiCall,
  WsApiOptions,
  WsApiRequest,
  WsApiSignedParams,
} from '../wsApi.js';
import type { CoinmAccount, CoinmBalance, CoinmPositionRisk } from './account.js';
import type { CoinmGetPositionRiskParams, CoinmModifyOrderParams, CoinmNewOrderParams } from './params.js';
import type { CoinmOrder } from './trade.js';

/** COIN-M WebSocket API method names. */
export const COINM_WS_API_METHODS = [
  'session.logon',
  'session.status',
  'session.logout',
  'order.place',
  'order.modify',
  'order.cancel',
  'order.status',
  'account.position',
  'account.balance',
  'account.status',
  'userDataStream.start',
  'userDataStream.ping',
  'userDataStream.stop',
] as const;
export type CoinmWsApiMethod = (typeof COINM_WS_API_METHODS)[number];

/** Method → params/result map for the COIN-M WebSocket API. */
export interface CoinmWsApiMethodMap {
  'session.logon': WsApiCall<SessionLogonParams, SessionStatusResult>;
  'session.status': WsApiCall<WsApiOptions, SessionStatusResult>;
  'session.logout': WsApiCall<WsApiOptions, SessionStatusResult>;
  'order.place': WsApiCall<CoinmNewOrderParams & WsApiSignedParams, CoinmOrder>;
  'order.modify': WsApiCall<CoinmModifyOrderParams & WsApiSignedParams, CoinmOrder>;
  'order.cancel': WsApiCall<CancelOrderParams & WsApiSignedParams, CoinmOrder>;
  'order.status': WsApiCall<GetOrderParams & WsApiSignedParams, CoinmOrder>;
  'account.position': WsApiCall<CoinmGetPositionRiskParams & WsApiSignedParams, CoinmPositionRisk[]>;
  'account.balance': WsApiCall<WsApiSignedParams, CoinmBalance[]>;
  'account.status': WsApiCall<WsApiSignedParams, CoinmAccount>;
  'userDataStream.start': WsApiCall<UserDataStreamParams, ListenKeyResponse>;
  'userDataStream.ping': WsApiCall<UserDataStreamParams, ListenKeyResponse>;
  'userDataStream.stop': WsApiCall<UserDataStreamParams, EmptyResponse>;
}

/** A COIN-M request frame for method `M`. */
export type CoinmWsApiRequest<M extends CoinmWsApiMethod> = WsApiRequest<M, CoinmWsApiMethodMap[M]['params']>;
