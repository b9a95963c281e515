import { describe, expect, expectTypeOf, test } from 'vitest';
import { COINM_WS_API_METHODS } from './coinm/wsApi.js';
import * as enums from './enums.js';
import {
  ACCOUNT_UPDATE_REASONS,
  ALGO_ORDER_TYPES,
  COINM_ACCOUNT_UPDATE_REASONS,
  COINM_CONTINUOUS_CONTRACT_TYPES,
  COINM_TIME_IN_FORCES,
  COINM_USER_DATA_EVENT_TYPES,
  CONTINUOUS_CONTRACT_TYPES,
  CONTRACT_TYPES,
  EXPIRY_REASONS,
  EXTENDED_KLINE_INTERVALS,
  type ExpiryReason,
  INCOME_TYPES,
  type IncomeType,
  KLINE_INTERVALS,
  NEW_ORDER_TYPES,
  ORDER_STATUSES,
  ORDER_TYPES,
  type OrderSide,
  PRICE_MATCHES,
  REQUEST_PRICE_MATCHES,
  RESPONSE_ORDER_TYPES,
  RESPONSE_TIME_IN_FORCES,
  type ResponseOrderType,
  TIME_IN_FORCES,
  USER_DATA_EVENT_TYPES,
} from './enums.js';
import { WS_API_METHODS } from './wsApi.js';

/** Every `as const` array this folder exports, by name. */
const allLists: Record<string, readonly (string | number)[]> = {
  ...Object.fromEntries(Object.entries(enums).filter(([, value]) => Array.isArray(value))),
  WS_API_METHODS,
  COINM_WS_API_METHODS,
};

const isSubset = (sub: readonly unknown[], whole: readonly unknown[]): boolean =>
  sub.every((member) => whole.includes(member));

describe('wire enums', () => {
  test('default', () => {
    expect(Object.keys(allLists).length).toBeGreaterThan(40);
    for (const [name, list] of Object.entries(allLists)) {
      expect(list.length, name).toBeGreaterThan(0);
      expect(new Set(list).size, `${name} has duplicates`).toBe(list.length);
    }
  });

  test('behavior: income types match the reference list, keeping the sic spelling', () => {
    expect(INCOME_TYPES).toEqual([
      'TRANSFER',
      'WELCOME_BONUS',
      'REALIZED_PNL',
      'FUNDING_FEE',
      'COMMISSION',
      'INSURANCE_CLEAR',
      'REFERRAL_KICKBACK',
      'COMMISSION_REBATE',
      'API_REBATE',
      'CONTEST_REWARD',
      'CROSS_COLLATERAL_TRANSFER',
      'OPTIONS_PREMIUM_FEE',
      'OPTIONS_SETTLE_PROFIT',
      'INTERNAL_TRANSFER',
      'AUTO_EXCHANGE',
      'DELIVERED_SETTELMENT',
      'COIN_SWAP_DEPOSIT',
      'COIN_SWAP_WITHDRAW',
      'POSITION_LIMIT_INCREASE_FEE',
      'STRATEGY_UMFUTURES_TRANSFER',
      'FEE_RETURN',
      'BFUSD_REWARD',
    ]);
    expectTypeOf<'DELIVERED_SETTELMENT'>().toExtend<IncomeType>();
    expectTypeOf<'DELIVERED_SETTLEMENT'>().not.toExtend<IncomeType>();
  });

  test('behavior: kline intervals are 1m..1M, with 1s only in the extended list', () => {
    expect(KLINE_INTERVALS).toEqual([
      '1m',
      '3m',
      '5m',
      '15m',
      '30m',
      '1h',
      '2h',
      '4h',
      '6h',
      '8h',
      '12h',
      '1d',
      '3d',
      '1w',
      '1M',
    ]);
    expect(EXTENDED_KLINE_INTERVALS).toEqual(['1s', ...KLINE_INTERVALS]);
  });

  test('behavior: order enums match the reference', () => {
    expect(ORDER_TYPES).toEqual([
      'LIMIT',
      'MARKET',
      'STOP',
      'STOP_MARKET',
      'TAKE_PROFIT',
      'TAKE_PROFIT_MARKET',
      'TRAILING_STOP_MARKET',
    ]);
    expect(RESPONSE_ORDER_TYPES).toEqual([...ORDER_TYPES, 'LIQUIDATION']);
    expect(TIME_IN_FORCES).toEqual(['GTC', 'IOC', 'FOK', 'GTX', 'GTD', 'RPI']);
    expect(RESPONSE_TIME_IN_FORCES).toContain('GTE_GTC');
    expect(ORDER_STATUSES).toContain('EXPIRED_IN_MATCH');
    expect(PRICE_MATCHES).toEqual(['NONE', ...REQUEST_PRICE_MATCHES]);
    expectTypeOf<OrderSide>().toEqualTypeOf<'BUY' | 'SELL'>();
    expectTypeOf<'LIQUIDATION'>().toExtend<ResponseOrderType>();
  });

  test('behavior: request lists are subsets of the lists responses may carry', () => {
    expect(isSubset(NEW_ORDER_TYPES, ORDER_TYPES)).toBe(true);
    expect(isSubset(ALGO_ORDER_TYPES, ORDER_TYPES)).toBe(true);
    expect(isSubset([...NEW_ORDER_TYPES, ...ALGO_ORDER_TYPES], ORDER_TYPES)).toBe(true);
    expect(NEW_ORDER_TYPES.length + ALGO_ORDER_TYPES.length).toBe(ORDER_TYPES.length);
    expect(isSubset(TIME_IN_FORCES, RESPONSE_TIME_IN_FORCES)).toBe(true);
    expect(isSubset(COINM_TIME_IN_FORCES, TIME_IN_FORCES)).toBe(true);
    expect(isSubset(REQUEST_PRICE_MATCHES, PRICE_MATCHES)).toBe(true);
    expect(isSubset(CONTINUOUS_CONTRACT_TYPES, CONTRACT_TYPES)).toBe(true);
    expect(isSubset(COINM_CONTINUOUS_CONTRACT_TYPES, CONTINUOUS_CONTRACT_TYPES)).toBe(true);
  });

  test('behavior: COIN-M lists are USD-M lists minus what dapi lacks', () => {
    expect(isSubset(COINM_ACCOUNT_UPDATE_REASONS, ACCOUNT_UPDATE_REASONS)).toBe(true);
    expect(
      ACCOUNT_UPDATE_REASONS.filter((r) => !(COINM_ACCOUNT_UPDATE_REASONS as readonly string[]).includes(r)),
    ).toEqual(['WITHDRAW_REJECT', 'OPTIONS_PREMIUM_FEE', 'OPTIONS_SETTLE_PROFIT', 'AUTO_EXCHANGE']);
    expect(
      USER_DATA_EVENT_TYPES.filter((e) => !(COINM_USER_DATA_EVENT_TYPES as readonly string[]).includes(e)),
    ).toEqual(['TRADE_LITE', 'CONDITIONAL_ORDER_TRIGGER_REJECT']);
    expect(isSubset(COINM_WS_API_METHODS, WS_API_METHODS)).toBe(true);
    expect(COINM_WS_API_METHODS.some((m) => m.startsWith('algoOrder.') || m.startsWith('v2/'))).toBe(false);
  });

  test('behavior: expiry reasons are the contiguous codes 0..11', () => {
    expect(EXPIRY_REASONS).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expectTypeOf<ExpiryReason>().toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11>();
  });
});
