import type { Decimal } from '@basis/core';
import { klineOpenTime } from '../../marketData/klineIntervals.js';
import { resolveLimit } from '../../marketData/marketDataError.js';
import { apiError } from '../apiError.js';
import { defineEndpoint } from '../endpoint.js';
import { ParamReader } from '../params.js';
import { runQuery } from './query.js';

/** The periods of Binance's `/futures/data` statistics. */
export const STATISTICS_PERIODS = ['5m', '15m', '30m', '1h', '2h', '4h', '6h', '12h', '1d'] as const;

/** One of {@link STATISTICS_PERIODS}. */
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

/** One row of `GET /futures/data/takerlongshortRatio` (Binance's docs; core has no wire type for it yet). */
export interface TakerLongShortRatio {
  /** `buyVol / sellVol`, 4 decimals. */
  buySellRatio: string;
  /** Base volume bought by takers in the period, 4 decimals. */
  buyVol: string;
  /** Base volume sold by takers in the period, 4 decimals. */
  sellVol: string;
  /** Open time of the period, ms. */
  timestamp: number;
}

/** `limit`: default 30, max 500. */
const STATISTICS_LIMIT = { default: 30, max: 500 } as const;
/** Binance prints these statistics with 4 decimals (docs example: "387.3300") [U]. */
const STATISTICS_DECIMALS = 4;

function fixed4(value: Decimal): string {
  return value.toFixed(STATISTICS_DECIMALS, 'half-up');
}

/**
 * `GET /futures/data/takerlongshortRatio` — taker buy and sell volume per completed `period`, from the
 * symbol's trade klines; `limit` default 30, max 500; without `startTime`/`endTime` the most recent.
 * The period in progress is not reported (statistics are published when a period closes [U]). A
 * period without taker sells has ratio "0.0000" [U]. An invalid `period` is -1130. History reaches as
 * far back as the kline store keeps minutes (Binance: 30 days). Weight 0: Binance meters
 * `/futures/data` by a 1000/5 min/IP pool instead.
 */
export const takerLongShortRatio = defineEndpoint<TakerLongShortRatio[]>({
  name: 'takerLongShortRatio',
  security: 'NONE',
  weight: 0,
  command: false,
  handle(venue, context, raw) {
    const params = new ParamReader(raw);
    const symbol = params.requiredString('symbol');
    const period = params.requiredEnumOf('period', STATISTICS_PERIODS);
    const startTime = params.integer('startTime');
    const endTime = params.integer('endTime');
    const limit = runQuery(() => resolveLimit(params.integer('limit'), STATISTICS_LIMIT));
    const market = venue.market(symbol);
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw apiError(-1023);
    const lastClosed = klineOpenTime(period, context.now) - 1;
    const end = Math.min(endTime ?? lastClosed, lastClosed);
    if (startTime !== undefined && startTime > end) return [];
    const candles = runQuery(() =>
      market.klines.klines({ interval: period, startTime, endTime: end, limit, now: context.now }),
    );
    return candles.map((k) => {
      const buy = k.takerBuyVolume;
      const sell = k.volume.sub(buy);
      return {
        buySellRatio: sell.isZero() ? fixed4(sell) : fixed4(buy.div(sell, STATISTICS_DECIMALS, 'half-up')),
        buyVol: fixed4(buy),
        sellVol: fixed4(sell),
        timestamp: k.openTime,
      };
    });
  },
});
