import type { WireRequest } from '../transports/transport.js';

/** `GET /fapi/v1/time` as a transport receives it: unsigned, no parameters, a 5 s limit. */
export const TIME_REQUEST: WireRequest = {
  method: 'GET',
  path: '/fapi/v1/time',
  query: '',
  body: '',
  headers: {},
  timeoutMs: 5000,
};
