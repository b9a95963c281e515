import { describe, expect, test } from 'vitest';
import { marketRoutes } from './routes.js';

describe('marketRoutes', () => {
  test('default: every market-data route', () => {
    expect(Object.keys(marketRoutes)).toMatchInlineSnapshot(`
      [
        "GET /fapi/v1/ping",
        "GET /fapi/v1/time",
        "GET /fapi/v1/exchangeInfo",
        "GET /fapi/v1/depth",
        "GET /fapi/v1/rpiDepth",
        "GET /fapi/v1/trades",
        "GET /fapi/v1/historicalTrades",
        "GET /fapi/v1/aggTrades",
        "GET /fapi/v1/klines",
        "GET /fapi/v1/continuousKlines",
        "GET /fapi/v1/markPriceKlines",
        "GET /fapi/v1/indexPriceKlines",
        "GET /fapi/v1/premiumIndexKlines",
        "GET /fapi/v1/premiumIndex",
        "GET /fapi/v1/fundingRate",
        "GET /fapi/v1/fundingInfo",
        "GET /fapi/v1/ticker/24hr",
        "GET /fapi/v1/ticker/price",
        "GET /fapi/v2/ticker/price",
        "GET /fapi/v1/ticker/bookTicker",
        "GET /fapi/v1/openInterest",
        "GET /fapi/v1/symbolAdlRisk",
        "GET /fapi/v1/indexInfo",
        "GET /futures/data/takerlongshortRatio",
      ]
    `);
  });

  test('behavior: read-only, anonymous except historicalTrades (MARKET_DATA), names unique per endpoint', () => {
    const endpoints = new Set(Object.values(marketRoutes));
    for (const [route, endpoint] of Object.entries(marketRoutes)) {
      expect(route.startsWith('GET /')).toBe(true);
      expect(endpoint.command).toBe(false);
      expect(endpoint.orders).toBeUndefined();
      expect(endpoint.security).toBe(route === 'GET /fapi/v1/historicalTrades' ? 'MARKET_DATA' : 'NONE');
    }
    expect(new Set([...endpoints].map((e) => e.name)).size).toBe(endpoints.size);
  });
});
