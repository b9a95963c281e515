import { DecimalError, type Kline } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { parseCoinmKline, parseKline } from './parseKline.js';

// One wire row serves both products: their kline arrays carry the same types at the same positions.
// Each position holds a distinct value, so a field read from the wrong index shows; the decimals
// carry trailing zeros, so a lost scale shows.
const row: Kline = [
  1_700_000_000_000,
  '95996.20',
  '96010.00',
  '95980.10',
  '96001.30',
  '12.345',
  1_700_000_059_999,
  '1185000.50',
  42,
  '6.100',
  '585000.25',
  '0',
];

/** The name each product gives each position (the trailing "ignore" is dropped). */
const NAMES: readonly (readonly [usdm: string, coinm: string])[] = [
  ['openTime', 'openTime'],
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['volume', 'volume'],
  ['closeTime', 'closeTime'],
  ['quoteAssetVolume', 'baseAssetVolume'],
  ['numberOfTrades', 'numberOfTrades'],
  ['takerBuyBaseAssetVolume', 'takerBuyVolume'],
  ['takerBuyQuoteAssetVolume', 'takerBuyBaseAssetVolume'],
];

/** A parsed kline's keys in order, each with its value (a `Decimal` printed back). */
const printed = (parsed: object) =>
  Object.entries(parsed).map(([key, value]) => [key, typeof value === 'number' ? value : String(value)]);

/** What `printed` must show: the product's name for each position, with the row's value there. */
const expected = (product: 'usdm' | 'coinm') =>
  NAMES.map(([usdm, coinm], position) => [product === 'usdm' ? usdm : coinm, row[position]]);

describe('parseKline', () => {
  test('default: names the USD-M fields by position, keeps the decimals exact, drops "ignore"', () => {
    expect(printed(parseKline(row))).toEqual(expected('usdm'));
  });

  test('behavior: a decimal field that is not a decimal string throws DecimalError', () => {
    const bad: Kline = [...row];
    bad[4] = 'not a number';
    expect(() => parseKline(bad)).toThrow(DecimalError);
  });
});

describe('parseCoinmKline', () => {
  test('default: names the COIN-M fields by position (7 base-asset volume, 9 taker buy contracts)', () => {
    expect(printed(parseCoinmKline(row))).toEqual(expected('coinm'));
  });
});
