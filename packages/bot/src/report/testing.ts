// Test fixtures: small run records whose figures are computed by hand in the tests.

import type { FillRecord, RunRecord } from './runRecord.js';

/** A fill with defaults for the fields a test does not care about. */
export function fill(
  time: number,
  side: 'BUY' | 'SELL',
  qty: string,
  price: string,
  fee: string,
  realizedPnl: string,
  symbol = 'BTCUSDT',
): FillRecord {
  return {
    time,
    symbol,
    side,
    price,
    qty,
    fee,
    feeAsset: 'USDT',
    realizedPnl,
    orderId: `o${time}`,
    clientOrderId: `c${time}`,
    maker: false,
  };
}

/**
 * A 10-second run on BTCUSDT, small enough to compute every figure by hand (see summarize.test.ts):
 * long 1 (win), short 2 flipped to long 1 by a BUY 3 (loss), long 1 closed (loss), one funding payment.
 */
export function handRecord(): RunRecord {
  return {
    meta: {
      strategy: 'hand',
      mode: 'backtest',
      env: 'test',
      seed: 7,
      symbols: ['BTCUSDT'],
      startTime: 0,
      endTime: 10_000,
      quoteAsset: 'USDT',
      startingEquity: '1000',
    },
    equity: [
      { time: 0, equity: '1000', wallet: '1000', unrealizedPnl: '0' },
      { time: 2000, equity: '1010', wallet: '1005', unrealizedPnl: '5' },
      { time: 4000, equity: '1005', wallet: '1005', unrealizedPnl: '0' },
      { time: 5000, equity: '990', wallet: '1005', unrealizedPnl: '-15' },
      { time: 7000, equity: '1012', wallet: '990', unrealizedPnl: '22' },
      { time: 8000, equity: '990', wallet: '990', unrealizedPnl: '0' },
      { time: 10_000, equity: '983.595', wallet: '983.595', unrealizedPnl: '0' },
    ],
    prices: {
      BTCUSDT: [
        { time: 0, price: '100' },
        { time: 2000, price: '105' },
        { time: 3000, price: '110' },
        { time: 5000, price: '115' },
        { time: 6000, price: '120' },
        { time: 8000, price: '115' },
      ],
    },
    positions: {
      BTCUSDT: [
        { time: 1000, amount: '1' },
        { time: 3000, amount: '0' },
        { time: 4000, amount: '-2' },
        { time: 6000, amount: '1' },
        { time: 8000, amount: '0' },
      ],
    },
    fills: [
      fill(1000, 'BUY', '1', '100', '0.1', '0'),
      fill(3000, 'SELL', '1', '110', '0.11', '10'),
      fill(4000, 'SELL', '2', '110', '0.22', '0'),
      fill(6000, 'BUY', '3', '120', '0.36', '-20'),
      fill(8000, 'SELL', '1', '115', '0.115', '-5'),
    ],
    funding: [{ time: 5000, symbol: 'BTCUSDT', amount: '-0.5', asset: 'USDT' }],
    denials: [
      { time: 4500, rule: 'max-notional', message: 'order notional 5000 > 1000', symbol: 'BTCUSDT' },
      { time: 4600, rule: 'max-notional', message: 'order notional 5000 > 1000', symbol: 'BTCUSDT' },
    ],
  };
}

/**
 * A longer, deterministic two-symbol run (a seeded random walk on minute bars, a trade every few hundred
 * bars, including flips) for the rendering tests; `bars` above MAX_CHART_POINTS exercises downsampling.
 */
export function syntheticRecord(bars = 6000, strategy = 'synthetic'): RunRecord {
  const start = Date.UTC(2026, 0, 1);
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const symbols = ['BTCUSDT', 'ETHUSDT'] as const;
  const prices: Record<string, { time: number; price: string }[]> = { BTCUSDT: [], ETHUSDT: [] };
  const positions: Record<string, { time: number; amount: string }[]> = { BTCUSDT: [], ETHUSDT: [] };
  const fills: FillRecord[] = [];
  const equity: RunRecord['equity'][number][] = [];
  const last = { BTCUSDT: 60_000, ETHUSDT: 3000 };
  const held = { BTCUSDT: 0, ETHUSDT: 0 };
  const entry = { BTCUSDT: 0, ETHUSDT: 0 };
  let wallet = 10_000;
  for (let i = 0; i < bars; i++) {
    const time = start + i * 60_000;
    let unrealized = 0;
    for (const symbol of symbols) {
      last[symbol] = Math.round(last[symbol] * (1 + (random() - 0.5) * 0.004) * 10) / 10;
      prices[symbol]!.push({ time, price: last[symbol].toFixed(1) });
      if (i % (symbol === 'BTCUSDT' ? 400 : 700) === 100) {
        const target = [1, -1, 0, -2, 2][Math.floor(random() * 5)]! * (symbol === 'BTCUSDT' ? 0.01 : 0.1);
        const delta = Math.round((target - held[symbol]) * 1000) / 1000;
        if (delta !== 0) {
          const price = last[symbol];
          const closing =
            Math.sign(delta) !== Math.sign(held[symbol])
              ? Math.min(Math.abs(delta), Math.abs(held[symbol]))
              : 0;
          const realized = closing * (price - entry[symbol]) * Math.sign(held[symbol]);
          const fee = Math.abs(delta) * price * 0.0004;
          wallet += realized - fee;
          fills.push({
            time,
            symbol,
            side: delta > 0 ? 'BUY' : 'SELL',
            price: price.toFixed(1),
            qty: Math.abs(delta).toFixed(3),
            fee: fee.toFixed(8),
            feeAsset: 'USDT',
            realizedPnl: realized.toFixed(8),
            orderId: String(fills.length + 1),
            clientOrderId: `c${fills.length + 1}`,
            maker: random() < 0.5,
          });
          if (Math.sign(target) !== Math.sign(held[symbol]) || Math.abs(target) > Math.abs(held[symbol])) {
            entry[symbol] = price;
          }
          held[symbol] = Math.round(target * 1000) / 1000;
          positions[symbol]!.push({ time, amount: held[symbol].toFixed(3) });
        }
      }
      unrealized += held[symbol] * (last[symbol] - entry[symbol]);
    }
    equity.push({
      time,
      equity: (wallet + unrealized).toFixed(8),
      wallet: wallet.toFixed(8),
      unrealizedPnl: unrealized.toFixed(8),
    });
  }
  return {
    meta: {
      strategy,
      mode: 'backtest',
      env: 'synthetic',
      seed: 42,
      symbols: [...symbols],
      startTime: start,
      endTime: start + bars * 60_000,
      quoteAsset: 'USDT',
      startingEquity: '10000',
    },
    equity,
    prices,
    positions,
    fills,
    funding: [{ time: start + 8 * 3600_000, symbol: 'BTCUSDT', amount: '-0.12', asset: 'USDT' }],
    denials: [{ time: start + 60_000, rule: 'max-position', message: 'position 3 > 2', symbol: 'ETHUSDT' }],
  };
}

/**
 * A COIN-M run on BTCUSD_PERP in BTC: long 10 contracts at 50,000, closed at 40,000 with a made-up
 * realized PnL of 0.0012 BTC (the summary adds what the record says), while the BTC index falls
 * from 50,000 to 40,000 between the two equity samples.
 */
export function coinmRecord(): RunRecord {
  return {
    meta: {
      ...handRecord().meta,
      symbols: ['BTCUSD_PERP'],
      quoteAsset: 'BTC',
      startingEquity: '1',
      contractSizes: { BTCUSD_PERP: '100' },
    },
    equity: [
      { time: 0, equity: '1', wallet: '1', unrealizedPnl: '0', usdPrice: '50000', usdValue: '50000' },
      {
        time: 10_000,
        equity: '1.001',
        wallet: '1.001',
        unrealizedPnl: '0',
        usdPrice: '40000',
        usdValue: '40040',
      },
    ],
    prices: { BTCUSD_PERP: [{ time: 0, price: '50000' }] },
    positions: {
      BTCUSD_PERP: [
        { time: 0, amount: '10' },
        { time: 5000, amount: '0' },
      ],
    },
    fills: [
      { ...fill(0, 'BUY', '10', '50000', '0.0001', '0', 'BTCUSD_PERP'), feeAsset: 'BTC' },
      { ...fill(5000, 'SELL', '10', '40000', '0.0001', '0.0012', 'BTCUSD_PERP'), feeAsset: 'BTC' },
    ],
    funding: [],
    denials: [],
  };
}
