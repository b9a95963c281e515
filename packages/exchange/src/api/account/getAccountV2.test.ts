import { Decimal } from '@basis/core';
import { describe, expect, test } from 'vitest';
import { getAccountV2 } from './getAccountV2.js';
import { accountVenue, call, limitOrder, setMark, trade } from './testing.js';

describe('getAccountV2', () => {
  test('default: the worked example of §2.13, through real orders', () => {
    const { venue, counterparty, trader } = accountVenue();
    trader.makerRate = Decimal.ZERO;
    trader.takerRate = Decimal.ZERO;
    trade(venue, counterparty, trader, 'BTCUSDT', 'BUY', '1', '60000');
    setMark(venue, 'BTCUSDT', '61000');
    venue.placeOrder(trader, limitOrder('BTCUSDT', 'BUY', '0.5', '59000'));
    const body = call(getAccountV2, venue, trader);
    expect(body).toMatchObject({
      feeTier: 0,
      canTrade: true,
      multiAssetsMargin: false,
      tradeGroupId: -1,
      totalWalletBalance: '10000.00000000',
      totalUnrealizedProfit: '1000.00000000',
      totalMarginBalance: '11000.00000000',
      totalPositionInitialMargin: '3050.00000000',
      totalOpenOrderInitialMargin: '1475.00000000',
      totalInitialMargin: '4525.00000000',
      totalMaintMargin: '255.00000000',
      totalCrossWalletBalance: '10000.00000000',
      totalCrossUnPnl: '1000.00000000',
      availableBalance: '6475.00000000',
      maxWithdrawAmount: '6475.00000000',
    });
    expect(body.assets[0]).toMatchObject({
      asset: 'USDT',
      availableBalance: '6475.00000000',
      marginAvailable: true,
    });
    expect(body.positions).toHaveLength(venue.markets.size);
    expect(body.positions.find((p) => p.symbol === 'BTCUSDT')).toMatchObject({
      positionAmt: '1.000',
      openOrderInitialMargin: '1475.00000000',
      maintMargin: '255.00000000',
    });
  });
});
