import { type CoinmKline, Decimal, type Kline } from '@basis/core';

/**
 * The fields at positions 0 to 6, laid out alike in USD-M and COIN-M klines (only the unit of
 * `volume` differs, and each kline type says which).
 */
interface KlineOpening {
  readonly openTime: number;
  readonly open: Decimal;
  readonly high: Decimal;
  readonly low: Decimal;
  readonly close: Decimal;
  readonly volume: Decimal;
  readonly closeTime: number;
}

/** A USD-M kline with named fields: decimals as exact `Decimal`s, times (ms) and the count as numbers. */
export interface ParsedKline extends KlineOpening {
  /** Base-asset volume ("0" for mark, index and premium-index klines). */
  readonly volume: Decimal;
  readonly quoteAssetVolume: Decimal;
  /** Trades (for mark, index and premium-index klines: samples). */
  readonly numberOfTrades: number;
  readonly takerBuyBaseAssetVolume: Decimal;
  readonly takerBuyQuoteAssetVolume: Decimal;
}

/** A COIN-M kline with named fields: volumes in contracts and in the base asset (no quote volume). */
export interface ParsedCoinmKline extends KlineOpening {
  /** Volume in contracts. */
  readonly volume: Decimal;
  readonly baseAssetVolume: Decimal;
  readonly numberOfTrades: number;
  /** Taker buy volume in contracts. */
  readonly takerBuyVolume: Decimal;
  readonly takerBuyBaseAssetVolume: Decimal;
}

/** Positions 0 to 6 of either product's kline, first so the parsed keys keep the array's order. */
function parseOpening(row: Kline | CoinmKline): KlineOpening {
  return {
    openTime: row[0],
    open: Decimal.parse(row[1]),
    high: Decimal.parse(row[2]),
    low: Decimal.parse(row[3]),
    close: Decimal.parse(row[4]),
    volume: Decimal.parse(row[5]),
    closeTime: row[6],
  };
}

/**
 * Names the fields of one of Binance's 12-element kline arrays (`getKlines`, `getContinuousKlines`,
 * `getMarkPriceKlines`, `getIndexPriceKlines`, `getPremiumIndexKlines`). Decimal strings become
 * `Decimal`s with their scale kept (`'95996.20'` prints back as `'95996.20'`); nothing passes through a
 * float. The trailing "ignore" field is dropped.
 *
 * @throws DecimalError (core) when a decimal field is not a decimal string.
 *
 * @example
 * const [row] = await getKlines(client, { symbol: 'BTCUSDT', interval: '1m', limit: 1 });
 * const { open, close } = parseKline(row!);
 * const change = close.sub(open); // exact
 */
export function parseKline(row: Kline): ParsedKline {
  return {
    ...parseOpening(row),
    quoteAssetVolume: Decimal.parse(row[7]),
    numberOfTrades: row[8],
    takerBuyBaseAssetVolume: Decimal.parse(row[9]),
    takerBuyQuoteAssetVolume: Decimal.parse(row[10]),
  };
}

/**
 * Names the fields of a COIN-M kline array (`getCoinmKlines`, `getCoinmContinuousKlines`), where
 * index 7 is the base-asset volume and 9 the taker buy volume in contracts.
 *
 * @example
 * const [row] = await getCoinmKlines(client, { symbol: 'BTCUSD_PERP', interval: '1m', limit: 1 });
 * const { baseAssetVolume } = parseCoinmKline(row!);
 */
export function parseCoinmKline(row: CoinmKline): ParsedCoinmKline {
  return {
    ...parseOpening(row),
    baseAssetVolume: Decimal.parse(row[7]),
    numberOfTrades: row[8],
    takerBuyVolume: Decimal.parse(row[9]),
    takerBuyBaseAssetVolume: Decimal.parse(row[10]),
  };
}
