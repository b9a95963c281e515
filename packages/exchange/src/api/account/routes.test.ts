import { describe, expect, test } from 'vitest';
import { userDataRoutes } from '../userData/routes.js';
import { accountRoutes } from './routes.js';

describe('accountRoutes', () => {
  test('default: each route with its security, weight (§3.4) and command flag', () => {
    const table = Object.entries(accountRoutes).map(([route, e]) => [route, e.security, e.weight, e.command]);
    expect(table).toEqual([
      ['GET /fapi/v2/account', 'USER_DATA', 5, false],
      ['GET /fapi/v3/account', 'USER_DATA', 5, false],
      ['GET /fapi/v2/balance', 'USER_DATA', 5, false],
      ['GET /fapi/v3/balance', 'USER_DATA', 5, false],
      ['GET /fapi/v2/positionRisk', 'USER_DATA', 5, false],
      ['GET /fapi/v3/positionRisk', 'USER_DATA', 5, false],
      ['GET /fapi/v1/accountConfig', 'USER_DATA', 5, false],
      ['GET /fapi/v1/symbolConfig', 'USER_DATA', 5, false],
      ['GET /fapi/v1/leverageBracket', 'USER_DATA', 1, false],
      ['GET /fapi/v1/commissionRate', 'USER_DATA', 20, false],
      ['GET /fapi/v1/income', 'USER_DATA', 30, false],
      ['GET /fapi/v1/userTrades', 'USER_DATA', 5, false],
      ['GET /fapi/v1/positionSide/dual', 'USER_DATA', 30, false],
      ['POST /fapi/v1/positionSide/dual', 'TRADE', 1, true],
      ['GET /fapi/v1/multiAssetsMargin', 'USER_DATA', 30, false],
      ['POST /fapi/v1/multiAssetsMargin', 'TRADE', 1, true],
      ['POST /fapi/v1/leverage', 'TRADE', 1, true],
      ['POST /fapi/v1/marginType', 'TRADE', 1, true],
      ['POST /fapi/v1/positionMargin', 'TRADE', 1, true],
      ['GET /fapi/v1/positionMargin/history', 'USER_DATA', 1, false],
      ['GET /fapi/v1/rateLimit/order', 'USER_DATA', 1, false],
      ['GET /fapi/v1/adlQuantile', 'USER_DATA', 5, false],
      ['GET /fapi/v1/feeBurn', 'USER_DATA', 30, false],
    ]);
  });

  test('behavior: endpoint names are unique across both tables', () => {
    const names = [...Object.values(accountRoutes), ...Object.values(userDataRoutes)].map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
