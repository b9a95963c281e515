/**
 * Market-stream framing and live control messages (§9.1–§9.3), identical on fstream and dstream.
 * Control requests are JSON text frames; `id` is an unsigned integer echoed in the reply.
 */
import type { StreamControlErrorCode } from './enums.js';

/** A combined-stream frame (`/stream?streams=…`, or after `SET_PROPERTY combined true`). */
export interface CombinedStreamFrame<T> {
  /** The stream name exactly as subscribed, e.g. "btcusdt@depth@100ms" (or the listenKey). */
  stream: string;
  /** The payload as a raw `/ws` connection would receive it. */
  data: T;
}

/** `{"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}`. */
export interface SubscribeRequest {
  method: 'SUBSCRIBE';
  /** Stream names (lower-case symbols). */
  params: string[];
  /** Request id (unsigned int). */
  id: number;
}

/** `{"method":"UNSUBSCRIBE","params":["btcusdt@depth"],"id":312}`. */
export interface UnsubscribeRequest {
  method: 'UNSUBSCRIBE';
  /** Stream names to drop. */
  params: string[];
  /** Request id (unsigned int). */
  id: number;
}

/** `{"method":"LIST_SUBSCRIPTIONS","id":3}`. */
export interface ListSubscriptionsRequest {
  method: 'LIST_SUBSCRIPTIONS';
  /** Request id (unsigned int). */
  id: number;
}

/** `{"method":"SET_PROPERTY","params":["combined",true],"id":5}`. */
export interface SetPropertyRequest {
  method: 'SET_PROPERTY';
  /** Property name and value; only `combined` exists. */
  params: [property: 'combined', value: boolean];
  /** Request id (unsigned int). */
  id: number;
}

/** `{"method":"GET_PROPERTY","params":["combined"],"id":2}`. */
export interface GetPropertyRequest {
  method: 'GET_PROPERTY';
  /** Property name; only `combined` exists. */
  params: [property: 'combined'];
  /** Request id (unsigned int). */
  id: number;
}

/** Any control request, discriminated on `method`. */
export type StreamControlRequest =
  | SubscribeRequest
  | UnsubscribeRequest
  | ListSubscriptionsRequest
  | SetPropertyRequest
  | GetPropertyRequest;

/**
 * A control reply `{"result":…,"id":…}`: `null` for SUBSCRIBE/UNSUBSCRIBE/SET_PROPERTY, the stream
 * names for LIST_SUBSCRIPTIONS, the property value for GET_PROPERTY.
 */
export interface StreamControlReply<R = null | string[] | boolean> {
  /** The result. */
  result: R;
  /** The request's id. */
  id: number;
}

/**
 * A control error `{"error":{"code":N,"msg":…},"id":…}` [U wrapper shape]. Invalid JSON gets
 * `{"error":{"code":3,…}}` without an id, and the connection is closed.
 */
export interface StreamControlError {
  /** Small positive code 0–3 and a message. */
  error: {
    /** 0 unknown property, 1 bad value type, 2 invalid request, 3 invalid JSON. */
    code: StreamControlErrorCode;
    /** Message, e.g. "Invalid JSON: expected value at line 1 column 1". */
    msg: string;
  };
  /** The request's id, when it could be read. */
  id?: number | null;
}
