import { describe, expect, test } from 'vitest';
import {
  CsvFields,
  decimalToSteps,
  parseAggTradeRow,
  parseKlineRow,
  parseTradeRow,
  REPLAY_COLUMNS,
} from './csvRows.js';

function fields(line: string): CsvFields {
  const f = new CsvFields();
  const buffer = Buffer.from(`xx${line}yy`, 'latin1'); // offsets inside a larger buffer, as in a chunk
  f.split(buffer, 2, 2 + line.length);
  return f;
}

describe('replay CSV rows', () => {
  test('default', () => {
    const row = '2218433405,66224.90,0.003,5067812560,5067812562,1718409600059,false';
    expect(parseAggTradeRow(fields(row), 'BTCUSDT')).toEqual({
      kind: 'aggTrade',
      symbol: 'BTCUSDT',
      time: 1718409600059,
      aggId: 2218433405,
      price: '66224.90',
      qty: '0.003',
      firstTradeId: 5067812560,
      lastTradeId: 5067812562,
      isBuyerMaker: false,
    });
    expect(
      parseTradeRow(fields('5067812560,66224.90,0.003,198.67470,1718409600059,true'), 'BTCUSDT'),
    ).toEqual({
      kind: 'trade',
      symbol: 'BTCUSDT',
      time: 1718409600059,
      id: 5067812560,
      price: '66224.90',
      qty: '0.003',
      quoteQty: '198.67470',
      isBuyerMaker: true,
    });
    const kline =
      '1718409600000,66224.90,66260.00,66200.10,66250.00,312.456,1718409659999,20697611.12340,4521,180.123,11930000.55550,0';
    expect(parseKlineRow(fields(kline), 'BTCUSDT', 'klines', '1m')).toEqual({
      kind: 'kline',
      dataType: 'klines',
      symbol: 'BTCUSDT',
      interval: '1m',
      time: 1718409659999,
      openTime: 1718409600000,
      open: '66224.90',
      high: '66260.00',
      low: '66200.10',
      close: '66250.00',
      volume: '312.456',
      closeTime: 1718409659999,
      quoteVolume: '20697611.12340',
      count: 4521,
      takerBuyVolume: '180.123',
      takerBuyQuoteVolume: '11930000.55550',
    });
    expect(REPLAY_COLUMNS.klines).toBe(12);
  });

  test('behavior: headers are recognised by their first byte', () => {
    expect(
      fields(
        'agg_trade_id,price,quantity,first_trade_id,last_trade_id,transact_time,is_buyer_maker',
      ).isHeader(),
    ).toBe(true);
    expect(
      fields(
        'open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore',
      ).isHeader(),
    ).toBe(true);
    expect(fields('1718409600000,1,1,1,1,0,1718409659999,0,60,0,0,0').isHeader()).toBe(false);
    expect(fields('-0.00010000,x').isHeader()).toBe(false);
  });

  test('behavior: microsecond timestamps are detected by magnitude and floored to ms', () => {
    const row = '1735689600000000,1,1,1,1,0,1735689659999999,0,60,0,0,0';
    const k = parseKlineRow(fields(row), 'BTCUSDT', 'markPriceKlines', '1m');
    expect(k).toMatchObject({ openTime: 1735689600000, closeTime: 1735689659999, time: 1735689659999 });
    expect(fields('1,1718409600059123').time(1)).toBe(1718409600059);
    expect(fields('1,1718409600059').time(1)).toBe(1718409600059);
  });

  test('behavior: ids beyond 2^53 become bigints', () => {
    const row = '9007199254740993,1.0,1,9007199254740993,9007199254740994,1718409600059,True';
    expect(parseAggTradeRow(fields(row), 'X')).toMatchObject({
      aggId: 9007199254740993n,
      firstTradeId: 9007199254740993n,
      lastTradeId: 9007199254740994n,
      isBuyerMaker: true,
    });
  });

  test('behavior: malformed rows name the first bad column', () => {
    expect(parseAggTradeRow(fields('1,2,3,4,5,6'), 'X')).toEqual({ column: '7 columns (got 6)' });
    expect(parseAggTradeRow(fields('1,2,3,4,5,6,maybe'), 'X')).toEqual({ column: 'is_buyer_maker' });
    expect(parseTradeRow(fields('1,2,3,4,12x,true'), 'X')).toEqual({ column: 'time' });
    expect(parseTradeRow(fields('1,,3,4,5,true'), 'X')).toEqual({ column: 'price' });
    // Prices and quantities must be numbers, not merely present.
    expect(parseAggTradeRow(fields('1,66224.9O,3,4,5,6,true'), 'X')).toEqual({ column: 'price' });
    expect(parseAggTradeRow(fields('1,1.5,-3,4,5,6,true'), 'X')).toEqual({ column: 'quantity' });
    expect(parseTradeRow(fields('1,2,3.,4,5,true'), 'X')).toEqual({ column: 'qty' });
    expect(parseKlineRow(fields('0,1,1,1,1,0,4,n/a,60,0,0,0'), 'X', 'klines', '1m')).toEqual({
      column: 'quote_volume',
    });
    // Premium index values are signed; exponent forms are numbers too.
    expect(
      parseKlineRow(fields('0,-0.0001,1e-4,-0.0002,0,0,4,0,12,0,0,0'), 'X', 'premiumIndexKlines', '1m'),
    ).toMatchObject({ open: '-0.0001', high: '1e-4' });
    expect(parseKlineRow(fields('0,-0.0001,1,1,1,0,4,0,12,0,0,0'), 'X', 'klines', '1m')).toEqual({
      column: 'open',
    });
    expect(parseKlineRow(fields('5,1,1,1,1,0,4,0,60,0,0,0'), 'X', 'klines', '1m')).toEqual({
      column: 'close_time',
    });
  });

  test('behavior: decimalToSteps converts exact decimal strings to integer steps', () => {
    expect(decimalToSteps('63123.40', 10, 2)).toBe(631234); // tick 0.10
    expect(decimalToSteps('63123.4', 10, 2)).toBe(631234);
    expect(decimalToSteps('63123', 10, 2)).toBe(631230);
    expect(decimalToSteps('0.003', 1, 3)).toBe(3); // step 0.001
    expect(decimalToSteps('0.0030000', 1, 3)).toBe(3);
    expect(decimalToSteps('63123.45', 10, 2)).toBeUndefined(); // not a multiple of the tick
    expect(decimalToSteps('0.0031', 1, 3)).toBeUndefined();
    expect(decimalToSteps('1e-3', 1, 3)).toBeUndefined();
    expect(decimalToSteps('.5', 1, 1)).toBeUndefined();
    expect(decimalToSteps('', 1, 1)).toBeUndefined();
    expect(decimalToSteps('-1', 1, 0)).toBeUndefined();
  });
});
