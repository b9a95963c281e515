import type { Clock } from '@basis/core';
import type { WebSocket } from 'ws';
import type { WebSocketLimits } from './limits.js';
import { type CloseReason, ManagedSocket, type SocketFaults } from './managedSocket.js';
import type { WsApi, WsApiSession } from './wsApi.js';

/**
 * One `/ws-fapi/v1` connection: its session (logon, `returnRateLimits` from the URL) and Binance's
 * connection rules. Requests are answered in the order they arrive. The incoming-message rate is
 * not capped here: the WebSocket API is limited by request weight, shared with REST.
 */
export class WsApiConnection {
  readonly socket: ManagedSocket;
  readonly session: WsApiSession;

  constructor(
    ws: WebSocket,
    options: {
      readonly clock: Clock;
      readonly limits: WebSocketLimits;
      readonly ip: string;
      readonly api: WsApi;
      readonly returnRateLimits: boolean;
      readonly onClose: (connection: WsApiConnection, reason: CloseReason) => void;
      /** Stream fault injection on the answers; its view also scopes `clockSkew` rules. */
      readonly faults?: SocketFaults;
    },
  ) {
    const { api } = options;
    this.socket = new ManagedSocket(ws, {
      clock: options.clock,
      limits: options.limits,
      ip: options.ip,
      rateLimited: false,
      ...(options.faults === undefined ? {} : { faults: options.faults }),
      handlers: {
        onText: (text) => this.socket.send(Buffer.from(api.handle(this.session, text), 'utf8')),
        onClose: (reason) => options.onClose(this, reason),
      },
    });
    this.session = {
      ip: options.ip,
      connectedSince: this.socket.connectedSince,
      returnRateLimits: options.returnRateLimits,
      key: undefined,
      ...(options.faults === undefined ? {} : { connection: options.faults.view }),
    };
  }
}
