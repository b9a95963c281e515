import { describe, expect, test } from 'vitest';
import { type Client, createClient } from '../clients/createClient.js';
import { type CoinmActions, coinmActions } from '../clients/decorators/coinm.js';
import { ClientConfigError } from '../errors/config.js';
import type { RequestCall } from '../request/types.js';
import { type InProcessRequest, inProcess } from '../transports/inProcess.js';
import { COINM_ALGO_BINDINGS } from './algo/coinm/bindings.testing.js';
import { COINM_ACCOUNT_BINDINGS, COINM_MARKET_BINDINGS } from './coinmBindings.testing.js';
import { COINM_TRADE_BINDINGS } from './trade/coinm/bindings.testing.js';

// The COIN-M (`/dapi`) answers the local exchange cannot produce. Every COIN-M action runs end to end
// against the exchange (coinm.exchange.test.ts, account/coinm/, trade/coinm/); here the real pipeline
// (encoding, signing, lossless JSON) meets Binance's documented examples (reference §13) where the
// exchange's answers never take that shape: a tranId beyond 2^53, user-adjusted brackets
// (`notionalCoef`). The test also checks the request that left the client.

const API_KEY = 'K'.repeat(64);

/** Binance's example answers, by `METHOD path`, for what the local exchange cannot produce. */
const answers: Record<string, unknown> = {
  'GET /dapi/v2/leverageBracket': [
    {
      symbol: 'BTCUSD_PERP',
      notionalCoef: 1.5,
      brackets: [
        { bracket: 1, initialLeverage: 125, qtyCap: 50, qtyFloor: 0, maintMarginRatio: 0.004, cum: 0.0 },
      ],
    },
  ],
  // Raw text: a tranId beyond 2^53, which a JS number literal cannot hold.
  'GET /dapi/v1/income':
    '[{"symbol":"BTCUSD_PERP","incomeType":"FUNDING_FEE","income":"-0.00000375","asset":"BTC",' +
    '"info":"FUNDING_FEE","time":1570608000000,"tranId":9007199254740993,"tradeId":""}]',
};

interface Setup {
  readonly client: Client & CoinmActions;
  readonly calls: RequestCall[];
  readonly requests: InProcessRequest[];
}

function setup(): Setup {
  const requests: InProcessRequest[] = [];
  const handler = {
    handle(request: InProcessRequest) {
      requests.push(request);
      const answer = answers[`${request.method} ${request.path}`];
      if (answer === undefined) {
        return { status: 404, headers: {}, body: '' };
      }
      const code = (answer as { code?: unknown }).code;
      const status = typeof code === 'number' && code < 0 ? 400 : 200;
      const body = typeof answer === 'string' ? answer : JSON.stringify(answer);
      return { status, headers: { 'content-type': 'application/json' }, body };
    },
  };
  const base = createClient({
    env: 'local',
    market: 'coinm',
    transport: inProcess({ handler }),
    credentials: { apiKey: API_KEY, apiSecret: 'secret' },
    timeSync: false,
  });
  const calls: RequestCall[] = [];
  const spied = {
    ...base,
    request: <T>(call: RequestCall) => {
      calls.push(call);
      return base.request<T>(call);
    },
  } as Client;
  // Bound to the spy (the spread client's own `extend` would bind the unspied base).
  return { client: { ...spied, ...coinmActions(spied) } as Client & CoinmActions, calls, requests };
}

/** What a case expects of the request. */
interface Case {
  readonly name: string;
  readonly run: (client: CoinmActions) => Promise<unknown>;
  readonly method: string;
  readonly path: string;
  /** The endpoint's parameters as sent (without timestamp, recvWindow, signature). */
  readonly params: Record<string, string>;
  readonly weight: number;
  readonly security: RequestCall['security'];
  /** A write that may be retried (settings, listen keys). */
  readonly idempotent?: true;
  readonly check: (result: never) => void;
}

const cases: Case[] = [
  {
    name: 'getLeverageBracketsV2 (getCoinmLeverageBracketsV2): notionalCoef of adjusted brackets',
    run: (c) => c.getLeverageBracketsV2({ symbol: 'BTCUSD_PERP' }),
    method: 'GET',
    path: '/dapi/v2/leverageBracket',
    params: { symbol: 'BTCUSD_PERP' },
    weight: 1,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getLeverageBracketsV2']>>) =>
      expect(r[0]).toMatchObject({ symbol: 'BTCUSD_PERP', notionalCoef: 1.5, brackets: [{ qtyFloor: 0 }] }),
  },
  {
    name: 'getIncomeHistory (getCoinmIncomeHistory): weight 20, tranId beyond 2^53 as a bigint',
    run: (c) => c.getIncomeHistory({ incomeType: 'FUNDING_FEE', limit: 5 }),
    method: 'GET',
    path: '/dapi/v1/income',
    params: { incomeType: 'FUNDING_FEE', limit: '5' },
    weight: 20,
    security: 'USER_DATA',
    check: (r: Awaited<ReturnType<CoinmActions['getIncomeHistory']>>) => {
      expect(r[0]).toMatchObject({ incomeType: 'FUNDING_FEE', asset: 'BTC', income: '-0.00000375' });
      expect(r[0]!.tranId).toBe(9007199254740993n);
    },
  },
];

/** The endpoint parameters of a request: query for GET/DELETE, form body for POST/PUT. */
function sentParams(request: InProcessRequest): URLSearchParams {
  return new URLSearchParams(
    request.method === 'GET' || request.method === 'DELETE' ? request.rawQuery : request.rawBody,
  );
}

describe('COIN-M actions: request building and parsing of documented answers the exchange cannot produce', () => {
  test('default: every COIN-M method of the decorator is covered: against the exchange or by a case below', () => {
    const { client } = setup();
    const covered = new Set<string>([
      ...COINM_MARKET_BINDINGS,
      ...COINM_ACCOUNT_BINDINGS,
      ...COINM_TRADE_BINDINGS,
      ...COINM_ALGO_BINDINGS,
      ...cases.map((c) => /c\.(\w+)\(/.exec(c.run.toString())?.[1] ?? ''),
    ]);
    expect([...covered].sort()).toEqual(Object.keys(coinmActions(client)).sort());
  });

  test.each(cases)('$name', async (testCase) => {
    const { client, calls, requests } = setup();
    const result = await testCase.run(client);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect({ method: request!.method, path: request!.path }).toEqual({
      method: testCase.method,
      path: testCase.path,
    });
    const call = calls.at(-1)!;
    expect({ weight: call.weight, security: call.security }).toEqual({
      weight: testCase.weight,
      security: testCase.security,
    });
    const params = sentParams(request!);
    const signed = testCase.security === 'TRADE' || testCase.security === 'USER_DATA';
    const endpointParams = Object.fromEntries(
      [...params].filter(([name]) => !['timestamp', 'recvWindow', 'signature'].includes(name)),
    );
    expect(endpointParams).toEqual(testCase.params);
    expect(params.has('signature')).toBe(signed);
    expect(params.has('timestamp')).toBe(signed);
    expect(request!.headers['x-mbx-apikey']).toBe(testCase.security === 'NONE' ? undefined : API_KEY);
    expect(call.kind).toBe(testCase.method === 'GET' ? 'read' : 'write');
    expect(call.idempotent === true).toBe(testCase.idempotent === true);
    (testCase.check as (r: unknown) => void)(result);
  });

  test('behavior: COIN-M-only actions refuse a USD-M client before sending', async () => {
    const usdm = createClient({ env: 'local', baseUrl: 'http://127.0.0.1:9' });
    await expect(coinmActions(usdm).getDepth({ symbol: 'BTCUSD_PERP' })).rejects.toBeInstanceOf(
      ClientConfigError,
    );
    await expect(coinmActions(usdm).getAccount()).rejects.toBeInstanceOf(ClientConfigError);
    await usdm.close();
  });
});
