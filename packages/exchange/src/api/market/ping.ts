import type { EmptyResponse } from '@basis/core';
import { defineEndpoint } from '../endpoint.js';

/** `GET /fapi/v1/ping` — connectivity test: `{}`. */
export const ping = defineEndpoint<EmptyResponse>({
  name: 'ping',
  security: 'NONE',
  weight: 1,
  command: false,
  handle() {
    return {};
  },
});
