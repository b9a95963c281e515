import { describe, expect, test } from 'vitest';
import { userDataRoutes } from './routes.js';

describe('userDataRoutes', () => {
  test('default: POST, PUT and DELETE /fapi/v1/listenKey, USER_STREAM, weight 1, journaled', () => {
    expect(
      Object.entries(userDataRoutes).map(([route, e]) => [route, e.security, e.weight, e.command]),
    ).toEqual([
      ['POST /fapi/v1/listenKey', 'USER_STREAM', 1, true],
      ['PUT /fapi/v1/listenKey', 'USER_STREAM', 1, true],
      ['DELETE /fapi/v1/listenKey', 'USER_STREAM', 1, true],
    ]);
  });
});
