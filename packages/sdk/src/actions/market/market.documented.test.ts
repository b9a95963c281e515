import { Decimal } from '@basis/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Client, createClient } from '../../clients/createClient.js';
import { type UsdmActions, usdmActions } from '../../clients/decorators/usdm.js';
import type { RequestCall } from '../../request/types.js';
import { serveHandler } from '../../testing/servers.js';
import type { InProcessRequest } from '../../transports/inProcess.js';

// The USD-M market-data endpoints the local exchange does not serve (index constituents, asset index,
// insurance fund, trading schedule and the `/futures/data` statistics except takerlongshortRatio):
// over a loopback socket to a handler that answers with Binance's documented examples, checking the
// request (path, query, no API key) and the call's weight and pool.

const answers: Record<string, unknown> = {
  'GET /fapi/v1/constituents': {
    symbol: 'BTCUSDT',
    time: 1745401553408,
    constituents: [
      { exchange: 'binance', symbol: 'BTCUSDT', price: '94057.03000000', weight: '0.51282051' },
      { exchange: 'coinbase', symbol: 'BTC-USDT', price: '94140.58000000', weight: '0.15384615' },
    ],
  },
  'GET /fapi/v1/assetIndex': {
    symbol: 'ADAUSD',
    time: 1635740268004,
    index: '1.92957370',
    bidBuffer: '0.10000000',
    askBuffer: '0.10000000',
    bidRate: '1.73661633',
    askRate: '2.12253107',
    autoExchangeBidBuffer: '0.05000000',
    autoExchangeAskBuffer: '0.05000000',
    autoExchangeBidRate: '1.83309501',
    autoExchangeAskRate: '2.02605238',
  },
  'GET /fapi/v1/insuranceBalance': {
    symbols: ['BNBUSDT', 'BTCUSDT', 'ETHUSDT'],
    assets: [
      { asset: 'USDC', marginBalance: '793930579.315263', updateTime: 1745366402000 },
      { asset: 'USDT', marginBalance: '1451295049.04544', updateTime: 1745366402000 },
    ],
  },
  'GET /fapi/v1/tradingSchedule': {
    updateTime: 1761286643918,
    marketSchedules: {
      EQUITY: {
        sessions: [
          { startTime: 1761177600000, endTime: 1761206400000, type: 'OVERNIGHT' },
          { startTime: 1761206400000, endTime: 1761226200000, type: 'PRE_MARKET' },
        ],
      },
    },
  },
  'GET /futures/data/openInterestHist': [
    {
      symbol: 'BTCUSDT',
      sumOpenInterest: '20403.63700000',
      sumOpenInterestValue: '150570784.07809979',
      CMCCirculatingSupply: '165880.538',
      timestamp: 1583127900000,
    },
  ],
  'GET /futures/data/topLongShortAccountRatio': [
    {
      symbol: 'BTCUSDT',
      longShortRatio: '1.8105',
      longAccount: '0.6442',
      shortAccount: '0.3558',
      timestamp: 1583139600000,
    },
  ],
  'GET /futures/data/topLongShortPositionRatio': [
    {
      symbol: 'BTCUSDT',
      longShortRatio: '1.4342',
      longAccount: '0.5891',
      shortAccount: '0.4108',
      timestamp: 1583139600000,
    },
  ],
  'GET /futures/data/globalLongShortAccountRatio': [
    {
      symbol: 'BTCUSDT',
      longShortRatio: '0.1960',
      longAccount: '0.1639',
      shortAccount: '0.8361',
      timestamp: 1583139600000,
    },
  ],
  'GET /futures/data/basis': [
    {
      indexPrice: '34400.15945055',
      contractType: 'PERPETUAL',
      basisRate: '0.0004',
      futuresPrice: '34414.10',
      annualizedBasisRate: '',
      basis: '13.94054945',
      pair: 'BTCUSDT',
      timestamp: 1698742800000,
    },
  ],
  // Raw text: Binance prints the delivery price as a JSON number with trailing zeros.
  'GET /futures/data/delivery-price':
    '[{"deliveryTime":1695945600000,"deliveryPrice":27103.00000000},{"deliveryTime":1688083200000,"deliveryPrice":30733.60000000}]',
};

const requests: InProcessRequest[] = [];
const calls: RequestCall[] = [];
let server: Awaited<ReturnType<typeof serveHandler>>;
let client: Client & UsdmActions;

beforeAll(async () => {
  server = await serveHandler({
    handle(request) {
      requests.push(request);
      const answer = answers[`${request.method} ${request.path}`];
      if (answer === undefined) return { status: 404, headers: {}, body: '' };
      const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
      return { status: 200, headers: { 'content-type': 'application/json' }, body };
    },
  });
  const base = createClient({ env: 'local', baseUrl: server.url });
  const spied = {
    ...base,
    request: <T>(call: RequestCall) => {
      calls.push(call);
      return base.request<T>(call);
    },
  } as Client;
  client = { ...spied, ...usdmActions(spied) } as Client & UsdmActions;
});

afterAll(async () => {
  await client.close();
  await server.close();
});

interface Case {
  readonly name: string;
  readonly run: (client: UsdmActions) => Promise<unknown>;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly weight: number;
  readonly pool?: 'futuresData';
  readonly check: (result: never) => void;
}

const d = (text: string) => Decimal.parse(text);
const stats = { symbol: 'BTCUSDT', period: '5m' };

const cases: Case[] = [
  {
    name: 'getIndexConstituents',
    run: (c) => c.getIndexConstituents({ symbol: 'BTCUSDT' }),
    path: '/fapi/v1/constituents',
    query: { symbol: 'BTCUSDT' },
    weight: 2,
    check: (r: Awaited<ReturnType<UsdmActions['getIndexConstituents']>>) => {
      expect(r.constituents).toHaveLength(2);
      const total = r.constituents.reduce((sum, row) => sum.add(row.weight), Decimal.ZERO);
      expect(total.lte(1)).toBe(true);
      expect(r.constituents[1]).toMatchObject({ exchange: 'coinbase', symbol: 'BTC-USDT' });
    },
  },
  {
    name: 'getAssetIndex: one asset pair, weight 1',
    run: (c) => c.getAssetIndex({ symbol: 'ADAUSD' }),
    path: '/fapi/v1/assetIndex',
    query: { symbol: 'ADAUSD' },
    weight: 1,
    check: (r: Awaited<ReturnType<UsdmActions['getAssetIndex']>>) => {
      const row = r as { index: string; bidBuffer: string; bidRate: string };
      // bidRate = index × (1 − bidBuffer), to the 8 decimals Binance prints.
      const expected = d(row.index).mul(d('1').sub(row.bidBuffer));
      expect(expected.sub(row.bidRate).abs().lt('0.00000001')).toBe(true);
    },
  },
  {
    name: 'getAssetIndex: all, weight 10',
    run: (c) => c.getAssetIndex(),
    path: '/fapi/v1/assetIndex',
    query: {},
    weight: 10,
    check: () => {},
  },
  {
    name: 'getInsuranceBalance',
    run: (c) => c.getInsuranceBalance({ symbol: 'BTCUSDT' }),
    path: '/fapi/v1/insuranceBalance',
    query: { symbol: 'BTCUSDT' },
    weight: 1,
    check: (r: Awaited<ReturnType<UsdmActions['getInsuranceBalance']>>) => {
      const fund = r as { symbols: string[]; assets: { asset: string; marginBalance: string }[] };
      expect(fund.symbols).toContain('BTCUSDT');
      expect(d(fund.assets[1]!.marginBalance).toString()).toBe('1451295049.04544');
    },
  },
  {
    name: 'getTradingSchedule',
    run: (c) => c.getTradingSchedule(),
    path: '/fapi/v1/tradingSchedule',
    query: {},
    weight: 5,
    check: (r: Awaited<ReturnType<UsdmActions['getTradingSchedule']>>) => {
      const sessions = r.marketSchedules.EQUITY!.sessions;
      expect(sessions.map((s) => s.type)).toEqual(['OVERNIGHT', 'PRE_MARKET']);
      expect(sessions[0]!.endTime).toBe(sessions[1]!.startTime);
    },
  },
  {
    name: 'getOpenInterestHistory',
    run: (c) => c.getOpenInterestHistory({ symbol: 'BTCUSDT', period: '5m' }),
    path: '/futures/data/openInterestHist',
    query: stats,
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getOpenInterestHistory']>>) => {
      expect(r[0]).toMatchObject({
        symbol: 'BTCUSDT',
        CMCCirculatingSupply: '165880.538',
        timestamp: 1583127900000,
      });
      expect(d(r[0]!.sumOpenInterestValue).gt(r[0]!.sumOpenInterest)).toBe(true);
    },
  },
  {
    name: 'getTopLongShortAccountRatio',
    run: (c) => c.getTopLongShortAccountRatio({ symbol: 'BTCUSDT', period: '5m' }),
    path: '/futures/data/topLongShortAccountRatio',
    query: stats,
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getTopLongShortAccountRatio']>>) => {
      const row = r[0]!;
      expect(d(row.longAccount).add(row.shortAccount).eq(1)).toBe(true);
      // Binance's ratio is long / short to 4 decimals (its own rounding: within one unit of the last place).
      const ratio = d(row.longAccount).div(row.shortAccount, 6, 'half-even');
      expect(ratio.sub(row.longShortRatio).abs().lte('0.0001')).toBe(true);
    },
  },
  {
    name: 'getTopLongShortPositionRatio',
    run: (c) => c.getTopLongShortPositionRatio({ symbol: 'BTCUSDT', period: '1h', limit: 2 }),
    path: '/futures/data/topLongShortPositionRatio',
    query: { symbol: 'BTCUSDT', period: '1h', limit: '2' },
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getTopLongShortPositionRatio']>>) =>
      expect(r[0]).toMatchObject({ longShortRatio: '1.4342', timestamp: 1583139600000 }),
  },
  {
    name: 'getGlobalLongShortAccountRatio',
    run: (c) =>
      c.getGlobalLongShortAccountRatio({ symbol: 'BTCUSDT', period: '5m', startTime: 1583139600000 }),
    path: '/futures/data/globalLongShortAccountRatio',
    query: { ...stats, startTime: '1583139600000' },
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getGlobalLongShortAccountRatio']>>) =>
      expect(d(r[0]!.longShortRatio).lt(1)).toBe(true),
  },
  {
    name: 'getBasis',
    run: (c) => c.getBasis({ pair: 'BTCUSDT', contractType: 'PERPETUAL', period: '5m' }),
    path: '/futures/data/basis',
    query: { pair: 'BTCUSDT', contractType: 'PERPETUAL', period: '5m', limit: '30' },
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getBasis']>>) => {
      const row = r[0]!;
      expect(d(row.futuresPrice).sub(row.indexPrice).sub(row.basis).abs().lt('0.00000001')).toBe(true);
      expect(row.annualizedBasisRate).toBe('');
    },
  },
  {
    name: 'getDeliveryPrice: the price is a JSON number on the wire',
    run: (c) => c.getDeliveryPrice({ pair: 'BTCUSDT' }),
    path: '/futures/data/delivery-price',
    query: { pair: 'BTCUSDT' },
    weight: 0,
    pool: 'futuresData',
    check: (r: Awaited<ReturnType<UsdmActions['getDeliveryPrice']>>) => {
      expect(r).toEqual([
        { deliveryTime: 1695945600000, deliveryPrice: 27103 },
        { deliveryTime: 1688083200000, deliveryPrice: 30733.6 },
      ]);
      expect(Decimal.parse(String(r[1]!.deliveryPrice)).eq('30733.6')).toBe(true);
    },
  },
];

describe('USD-M market data the local exchange does not serve: documented answers', () => {
  test.each(cases)('$name', async (testCase) => {
    const before = requests.length;
    const result = await testCase.run(client);
    expect(requests.length).toBe(before + 1);
    const request = requests.at(-1)!;
    expect({ method: request.method, path: request.path }).toEqual({ method: 'GET', path: testCase.path });
    expect(Object.fromEntries(new URLSearchParams(request.rawQuery))).toEqual(testCase.query);
    expect(request.headers['x-mbx-apikey']).toBeUndefined();
    const call = calls.at(-1)!;
    expect({ weight: call.weight, security: call.security, kind: call.kind, pool: call.pool }).toEqual({
      weight: testCase.weight,
      security: 'NONE',
      kind: 'read',
      pool: testCase.pool,
    });
    (testCase.check as (r: unknown) => void)(result);
  });
});
