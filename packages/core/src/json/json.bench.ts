import { bench, describe } from 'vitest';
import { parseJson, parseJsonBytes } from './parse.js';
import { stringifyJson } from './stringify.js';
import { mayHoldUnsafeInteger } from './unsafeInteger.js';

/** A tiny seeded LCG (Numerical Recipes constants), so every run parses the same payloads. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = lcg(20240601);
const pick = (max: number): number => Math.floor(random() * max);
const qty = (): string => `${pick(3)}.${String(pick(1000)).padStart(3, '0')}`;
const T0 = 1718000000000;

// (1) GET /fapi/v1/depth?limit=1000: 1000 levels per side, prices and quantities as decimal strings.
function depthSnapshot(levels: number, lastUpdateId: number | string): string {
  const bids: [string, string][] = [];
  const asks: [string, string][] = [];
  for (let i = 0; i < levels; i++) {
    bids.push([((6312340 - i * 10) / 100).toFixed(2), qty()]);
    asks.push([((6312350 + i * 10) / 100).toFixed(2), qty()]);
  }
  const body = JSON.stringify({ lastUpdateId: 0, E: T0 + 123, T: T0 + 120, bids, asks });
  return body.replace('"lastUpdateId":0', `"lastUpdateId":${lastUpdateId}`);
}

// (2) GET /fapi/v2/account: 10 assets, 200 positions (one-way mode lists every symbol).
function accountBody(): string {
  const balance = (): string => `${pick(100_000)}.${String(pick(1e8)).padStart(8, '0')}`;
  const assets = Array.from({ length: 10 }, (_, i) => {
    const wallet = balance();
    return {
      asset: ['USDT', 'USDC', 'BTC', 'ETH', 'BNB', 'FDUSD', 'BFUSD', 'XRP', 'SOL', 'DOGE'][i],
      walletBalance: wallet,
      unrealizedProfit: '0.00000000',
      marginBalance: wallet,
      maintMargin: '0.00000000',
      initialMargin: '0.00000000',
      positionInitialMargin: '0.00000000',
      openOrderInitialMargin: '0.00000000',
      crossWalletBalance: wallet,
      crossUnPnl: '0.00000000',
      availableBalance: wallet,
      maxWithdrawAmount: wallet,
      marginAvailable: true,
      updateTime: T0 + pick(1e6),
    };
  });
  const positions = Array.from({ length: 200 }, (_, i) => {
    const open = i % 10 === 0;
    return {
      symbol: `SYM${i}USDT`,
      initialMargin: open ? '12.34567890' : '0',
      maintMargin: open ? '0.49382715' : '0',
      unrealizedProfit: open ? '-1.23456789' : '0.00000000',
      positionInitialMargin: open ? '12.34567890' : '0',
      openOrderInitialMargin: '0',
      leverage: String(1 + pick(125)),
      isolated: i % 7 === 0,
      entryPrice: open ? '63123.4' : '0.0',
      maxNotional: '250000',
      bidNotional: '0',
      askNotional: '0',
      positionSide: 'BOTH',
      positionAmt: open ? qty() : '0',
      updateTime: open ? T0 + pick(1e6) : 0,
    };
  });
  return JSON.stringify({
    feeTier: 0,
    feeBurn: true,
    canTrade: true,
    canDeposit: true,
    canWithdraw: true,
    updateTime: 0,
    multiAssetsMargin: false,
    tradeGroupId: -1,
    totalInitialMargin: '246.91357800',
    totalMaintMargin: '9.87654300',
    totalWalletBalance: '103845.12345678',
    totalUnrealizedProfit: '-24.69135780',
    totalMarginBalance: '103820.43209898',
    totalPositionInitialMargin: '246.91357800',
    totalOpenOrderInitialMargin: '0.00000000',
    totalCrossWalletBalance: '103845.12345678',
    totalCrossUnPnl: '-24.69135780',
    availableBalance: '103573.51852098',
    maxWithdrawAmount: '103573.51852098',
    assets,
    positions,
  });
}

// (3) 1000 combined-stream frames: aggTrade, bookTicker and depthUpdate, interleaved.
function streamFrames(count: number): string[] {
  const frames: string[] = [];
  let updateId = 8543251234567;
  for (let i = 0; i < count; i++) {
    const E = T0 + i * 7;
    const price = ((6312340 + pick(200) - 100) / 100).toFixed(2);
    updateId += 1 + pick(5);
    if (i % 3 === 0) {
      frames.push(
        JSON.stringify({
          stream: 'btcusdt@aggTrade',
          data: {
            e: 'aggTrade',
            E,
            a: 2345678901 + i,
            s: 'BTCUSDT',
            p: price,
            q: qty(),
            nq: qty(),
            f: 5012345678 + 2 * i,
            l: 5012345679 + 2 * i,
            T: E - 2,
            m: i % 2 === 0,
          },
        }),
      );
    } else if (i % 3 === 1) {
      frames.push(
        JSON.stringify({
          stream: 'btcusdt@bookTicker',
          data: {
            e: 'bookTicker',
            u: updateId,
            E,
            T: E - 1,
            s: 'BTCUSDT',
            b: price,
            B: qty(),
            a: price,
            A: qty(),
          },
        }),
      );
    } else {
      const levels = (): [string, string][] =>
        Array.from({ length: 1 + pick(6) }, () => [((6312340 + pick(400) - 200) / 100).toFixed(2), qty()]);
      frames.push(
        JSON.stringify({
          stream: 'btcusdt@depth@100ms',
          data: {
            e: 'depthUpdate',
            E,
            T: E - 1,
            s: 'BTCUSDT',
            U: updateId - 3,
            u: updateId,
            pu: updateId - 4,
            b: levels(),
            a: levels(),
          },
        }),
      );
    }
  }
  return frames;
}

// (4) GET /fapi/v1/allOrders with 500 orders whose ids are above 2^53: the slow path.
function allOrdersWithUnsafeIds(count: number): string {
  const orders: string[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = (2n ** 60n + BigInt(i * 977)).toString();
    const time = T0 + i * 1000;
    orders.push(
      `{"avgPrice":"63123.40000","clientOrderId":"web_${i}_x8k2m","cumQuote":"189.37020","executedQty":"0.003","orderId":${orderId},"origQty":"0.003","origType":"LIMIT","price":"63123.40","reduceOnly":false,"side":"BUY","positionSide":"BOTH","status":"FILLED","stopPrice":"0","closePosition":false,"symbol":"BTCUSDT","time":${time},"timeInForce":"GTC","type":"LIMIT","updateTime":${time + 5},"workingType":"CONTRACT_PRICE","priceProtect":false,"priceMatch":"NONE","selfTradePreventionMode":"EXPIRE_MAKER","goodTillDate":0}`,
    );
  }
  return `[${orders.join(',')}]`;
}

const depth = depthSnapshot(1000, 8543251234567);
const account = accountBody();
const frames = streamFrames(1000);
const frameBytes = frames.map((frame) => Buffer.from(frame));
const allOrders = allOrdersWithUnsafeIds(500);

// Families (1)-(3) must measure the fast path and (4) the slow one; fail loudly if a payload drifts.
if ([depth, account, ...frames].some(mayHoldUnsafeInteger) || !mayHoldUnsafeInteger(allOrders)) {
  throw new Error('json.bench.ts: a payload is on the wrong path');
}

const order = {
  orderId: 8886774,
  symbol: 'BTCUSDT',
  status: 'NEW',
  clientOrderId: 'x-basis-7f3a9c1e2b4d4e6f8a0b',
  price: '63123.40',
  avgPrice: '0.00',
  origQty: '0.003',
  executedQty: '0',
  cumQty: '0',
  cumQuote: '0.00000',
  timeInForce: 'GTC',
  type: 'LIMIT',
  reduceOnly: false,
  closePosition: false,
  side: 'BUY',
  positionSide: 'BOTH',
  stopPrice: '0.00',
  workingType: 'CONTRACT_PRICE',
  priceProtect: false,
  origType: 'LIMIT',
  priceMatch: 'NONE',
  selfTradePreventionMode: 'EXPIRE_MAKER',
  goodTillDate: 0,
  updateTime: T0,
};
const bigIdOrder = { ...order, orderId: 2n ** 60n };
// Longer than vitest's 500 ms default: the ratios of interest are within a few percent.
const options = { time: 1500, warmupTime: 300 };
const bigIdOrderAsNumber = { ...order, orderId: 2 ** 60 };

describe(`parse (1) depth snapshot, 1000 levels per side, ${depth.length} chars`, () => {
  bench(
    'basis parseJson',
    () => {
      parseJson(depth);
    },
    options,
  );
  bench(
    'JSON.parse',
    () => {
      JSON.parse(depth);
    },
    options,
  );
});

describe(`parse (2) /fapi/v2/account, 10 assets + 200 positions, ${account.length} chars`, () => {
  bench(
    'basis parseJson',
    () => {
      parseJson(account);
    },
    options,
  );
  bench(
    'JSON.parse',
    () => {
      JSON.parse(account);
    },
    options,
  );
});

describe('parse (3) 1000 combined-stream frames (aggTrade, bookTicker, depthUpdate), one by one', () => {
  bench(
    'basis parseJson',
    () => {
      for (const frame of frames) parseJson(frame);
    },
    options,
  );
  bench(
    'JSON.parse',
    () => {
      for (const frame of frames) JSON.parse(frame);
    },
    options,
  );
});

describe('parse (3b) the same 1000 frames as bytes', () => {
  const decoder = new TextDecoder();
  bench(
    'basis parseJsonBytes',
    () => {
      for (const bytes of frameBytes) parseJsonBytes(bytes);
    },
    options,
  );
  bench(
    'JSON.parse(TextDecoder.decode)',
    () => {
      for (const bytes of frameBytes) JSON.parse(decoder.decode(bytes));
    },
    options,
  );
});

describe(`parse (4) /fapi/v1/allOrders, 500 orders with ids above 2^53 (slow path), ${allOrders.length} chars`, () => {
  bench(
    'basis parseJson',
    () => {
      parseJson(allOrders);
    },
    options,
  );
  bench(
    'JSON.parse (lossy)',
    () => {
      JSON.parse(allOrders);
    },
    options,
  );
});

describe('stringify an order, orderId 8886774', () => {
  bench(
    'basis stringifyJson',
    () => {
      stringifyJson(order);
    },
    options,
  );
  bench(
    'JSON.stringify',
    () => {
      JSON.stringify(order);
    },
    options,
  );
});

describe('stringify an order, orderId 2^60 as bigint (JSON.stringify gets it as a lossy number)', () => {
  bench(
    'basis stringifyJson',
    () => {
      stringifyJson(bigIdOrder);
    },
    options,
  );
  bench(
    'JSON.stringify',
    () => {
      JSON.stringify(bigIdOrderAsNumber);
    },
    options,
  );
});
