import { describe, expect, test } from 'vitest';
import { BasisError } from './baseError.js';
import {
  BINANCE_ERRORS,
  type BinanceErrorInfo,
  type BinanceMarket,
  binanceErrorCategories,
  binanceErrorRetries,
  binanceMarkets,
  defaultRetry,
  formatBinanceMessage,
  formatBinanceTemplate,
  getBinanceError,
} from './catalog.js';

/**
 * Every code in §8 of shared/reference/binance-futures-api.md, copied from its text in order (USD-M
 * list, then the COIN-M-only list). The reference writes two ranges, "-4063..-4066, -4069..-4081"
 * (options codes); they are expanded in REFERENCE_RANGES.
 */
const REFERENCE_CODES = [
  -1000, -1001, -1002, -1003, -1004, -1005, -1006, -1007, -1008, -1010, -1011, -1013, -1014, -1015, -1016,
  -1020, -1021, -1022, -1023, -1099, -1100, -1101, -1102, -1103, -1104, -1105, -1106, -1108, -1109, -1110,
  -1111, -1112, -1113, -1114, -1115, -1116, -1117, -1118, -1119, -1120, -1121, -1122, -1125, -1126, -1127,
  -1128, -1130, -1136, -2010, -2011, -2012, -2013, -2014, -2015, -2016, -2017, -2018, -2019, -2020, -2021,
  -2022, -2023, -2024, -2025, -2026, -2027, -2028, -4000, -4001, -4002, -4003, -4004, -4005, -4006, -4007,
  -4008, -4009, -4010, -4011, -4012, -4013, -4014, -4015, -4016, -4017, -4018, -4019, -4020, -4021, -4022,
  -4023, -4024, -4025, -4026, -4027, -4028, -4029, -4030, -4031, -4032, -4033, -4044, -4045, -4046, -4047,
  -4048, -4049, -4050, -4051, -4052, -4053, -4054, -4055, -4056, -4057, -4058, -4059, -4060, -4061, -4062,
  -4063, -4066, -4069, -4081, -4067, -4068, -4082, -4083, -4084, -4085, -4086, -4087, -4088, -4104, -4105,
  -4106, -4107, -4108, -4109, -4114, -4115, -4116, -4117, -4118, -4120, -4131, -4135, -4137, -4138, -4139,
  -4140, -4141, -4142, -4144, -4161, -4164, -4165, -4167, -4168, -4169, -4170, -4171, -4172, -4183, -4184,
  -4189, -4192, -4202, -4203, -4205, -4206, -4208, -4209, -4210, -4211, -4400, -4401, -4402, -4403, -4531,
  -5021, -5022, -5024, -5025, -5026, -5027, -5028, -5029, -5037, -5038, -5039, -5040, -5041, -5043,
] as const;

/** "-4063..-4066, -4069..-4081 options-related" in the reference. */
const REFERENCE_RANGES = [
  -4064, -4065, -4070, -4071, -4072, -4073, -4074, -4075, -4076, -4077, -4078, -4079, -4080,
];

/** "CM-only codes (same meaning, different numbers)" in the reference. */
const REFERENCE_COINM_ONLY = [
  -4089, -4090, -4110, -4111, -4112, -4113, -4150, -4151, -4152, -4154, -4155, -4178, -4188, -4194, -4195,
  -4196, -4197, -4198, -4199, -4200, -4201, -4220,
] as const;

/** "CM lacks the UM 50xx block and -4116/-4120/-4164." */
const REFERENCE_NOT_COINM = [
  -4116, -4120, -4164, -5021, -5022, -5024, -5025, -5026, -5027, -5028, -5029, -5037, -5038, -5039, -5040,
  -5041, -5043,
] as const;

type Match = 'exact' | 'prefix' | 'suffix';

/**
 * Messages the reference quotes, copied verbatim (§2.7, §3.3, §5, §6, §7, §8). `prefix`/`suffix` where
 * the reference elides part of the text with "...". USD-M unless marked.
 */
const REFERENCE_MESSAGES: readonly (readonly [number, string, Match?, BinanceMarket?])[] = [
  [-1001, 'Internal error; unable to process your request. Please try again.'],
  [-1002, 'You are not authorized to execute this request.'],
  [
    -1003,
    'Too many requests; current limit is %s requests per minute. Please use the websocket for live updates to avoid polling the API.',
  ],
  [-1003, 'Way too many requests; IP banned until %s. ', 'prefix'],
  [-1004, 'This IP is already on the white list'],
  [-1006, 'An unexpected response was received from the message bus. Execution status unknown.'],
  [-1007, 'Timeout waiting for response from backend server. Send status unknown; execution status unknown.'],
  [-1008, 'Server is currently overloaded with other requests. Please try again in a few minutes.'],
  [
    -1008,
    'Request throttled by system-level protection. Reduce-only/close-position orders are exempt. Please try again.',
  ],
  [-1011, 'This IP cannot access this route.'],
  [-1014, 'Unsupported order combination.'],
  [-1015, 'Too many new orders; current limit is %s orders per %s.'],
  [-1021, 'Timestamp for this request is outside of the recvWindow.'],
  [-1021, "Timestamp for this request was 1000ms ahead of the server's time."],
  [-1022, 'Signature for this request is not valid.'],
  [-1099, 'Not found, unauthenticated, or unauthorized.'],
  [-1100, "Illegal characters found in parameter '%s'; legal range is '%s'."],
  [-1101, 'Duplicate values for a parameter detected.'],
  [-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed."],
  [-1102, "Param '%s' or '%s' must be sent, but both were empty/null!"],
  [-1103, 'An unknown parameter was sent.'],
  [-1104, "Not all sent parameters were read; read '%s' parameter(s) but was sent '%s'."],
  [-1106, "Parameter '%s' sent when not required."],
  [-1110, 'Invalid symbolType.'],
  [-1111, 'Precision is over the maximum defined for this asset.'],
  [-1112, 'No orders on book for symbol.'],
  [-1114, 'TimeInForce parameter sent when not required.'],
  [-1115, 'Invalid timeInForce.'],
  [-1116, 'Invalid orderType.'],
  [-1117, 'Invalid side.'],
  [-1120, 'Invalid interval.'],
  [-1121, 'Invalid symbol.'],
  [-1125, 'This listenKey does not exist.', 'prefix'],
  [-1127, 'More than %s hours between startTime and endTime.'],
  [-1130, "Data sent for parameter '%s' is not valid."],
  [-2011, 'Unknown order sent.'],
  [-2012, 'Batch cancel failure.'],
  [-2013, 'Order does not exist.'],
  [-2014, 'API-key format invalid.'],
  [-2015, 'Invalid API-key, IP, or permissions for action.'],
  [-2018, 'Balance is insufficient.'],
  [-2019, 'Margin is insufficient.'],
  [-2020, 'Unable to fill.'],
  [-2021, 'Order would immediately trigger.'],
  [-2022, 'ReduceOnly Order is rejected.'],
  [-2023, 'User in liquidation mode now.'],
  [-2025, 'Reach max open order limit.'],
  [-2027, 'Exceeded the maximum allowable position at current leverage.'],
  [-2028, 'Leverage is smaller than permitted: insufficient margin balance.'],
  [-4003, 'Quantity less than zero.'],
  [-4004, 'Quantity less than min quantity.'],
  [-4005, 'Quantity greater than max quantity.'],
  [-4013, 'Price less than min price.'],
  [-4014, 'Price not increased by tick size.'],
  [-4015, 'Client order id is not valid.'],
  [-4015, 'Client order id length should not be more than 36 chars'],
  [-4016, 'Price is higher than mark price multiplier cap.'],
  [-4020, "Target strategy invalid for orderType '%s',reduceOnly '%b'."],
  [-4021, "'%s' is not valid depth limit."],
  [-4023, 'Qty not increased by step size.'],
  [-4024, 'Price is lower than mark price multiplier floor.'],
  // The reference prints "Leverage `%s` is not valid": the backticks are markdown code formatting.
  [-4028, 'Leverage %s is not valid'],
  [-4045, 'Reach max stop order limit.'],
  [-4047, 'Margin type cannot be changed if there exists open orders.'],
  [-4048, 'if there exists position.', 'suffix'],
  [-4061, "Order's position side does not match user's setting."],
  [-4062, 'Invalid or improper reduceOnly value.'],
  [-4082, 'Invalid number of batch place orders: %s'],
  [-4087, 'User can only place reduce only order'],
  [-4116, 'clientOrderId is duplicated'],
  [-4117, 'stop order is triggering'],
  [-4120, 'Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.'],
  [-4131, "The counterparty's best price does not meet the PERCENT_PRICE filter limit"],
  [-4138, 'Reduce only must be true with closePosition equals true'],
  [-4142, 'REJECT: take profit or stop order will be triggered immediately'],
  [-4164, "Order's notional must be no smaller than %s (unless you choose reduce only)"],
  [-4164, "Order's notional must be no smaller than 5.0 (unless you choose reduce only)"],
  [-4165, 'Maximum time interval is %s days'],
  [-4183, 'Price is higher than stop price multiplier cap.'],
  [-4183, "Limit price can't be higher than %s."],
  [-4209, 'max leverage limit is %sx', 'suffix'],
  [-4403, 'up to %sx in your region', 'suffix'],
  [-5027, 'No need to modify the order.'],
  [-5028, 'Timestamp for this request is outside of the ME recvWindow.'],
  [-5038, 'Price match only supports order type: LIMIT, STOP AND TAKE_PROFIT'],
  [-5041, 'No depth matches this BBO order'],
  [-4188, 'Timestamp for this request is outside of the ME recvWindow.', 'exact', 'coinm'],
];

function messagesOf(info: BinanceErrorInfo): readonly string[] {
  return [info.message, ...(info.altMessages ?? [])];
}

function entriesFor(market: BinanceMarket): BinanceErrorInfo[] {
  return BINANCE_ERRORS.filter((info) => info.market === market || info.market === 'both');
}

describe('BINANCE_ERRORS', () => {
  test('default', () => {
    // 229 codes; ten of them mean or read differently in COIN-M and have one entry per market.
    expect(BINANCE_ERRORS).toHaveLength(239);
    expect(getBinanceError(-2019)).toEqual({
      code: -2019,
      name: 'MARGIN_NOT_SUFFICIEN',
      message: 'Margin is insufficient.',
      messageKnown: true,
      http: 400,
      category: 'margin',
      retry: 'never',
      market: 'both',
    });
  });

  test('behavior: codes are unique per market', () => {
    for (const market of binanceMarkets) {
      const codes = entriesFor(market).map((info) => info.code);
      expect(new Set(codes).size, market).toBe(codes.length);
    }
  });

  test('behavior: names are unique per market', () => {
    for (const market of binanceMarkets) {
      const names = entriesFor(market).map((info) => info.name);
      expect(
        names.filter((name, index) => names.indexOf(name) !== index),
        market,
      ).toEqual([]);
    }
  });

  test('behavior: every code of the reference is present', () => {
    const has = (code: number) => getBinanceError(code, 'usdm') ?? getBinanceError(code, 'coinm');
    for (const code of [...REFERENCE_CODES, ...REFERENCE_RANGES])
      expect(has(code), String(code)).toBeDefined();
    for (const code of [...REFERENCE_CODES, ...REFERENCE_RANGES]) {
      expect(getBinanceError(code, 'usdm'), String(code)).toBeDefined();
    }
    for (const code of REFERENCE_COINM_ONLY)
      expect(getBinanceError(code, 'coinm'), String(code)).toBeDefined();
    for (const code of REFERENCE_NOT_COINM)
      expect(getBinanceError(code, 'coinm'), String(code)).toBeUndefined();
    const reference = new Set<number>([...REFERENCE_CODES, ...REFERENCE_RANGES, ...REFERENCE_COINM_ONLY]);
    expect([...new Set(BINANCE_ERRORS.map((info) => info.code))].sort((a, b) => b - a)).toEqual(
      [...reference].sort((a, b) => b - a),
    );
  });

  test('behavior: messages the reference quotes match verbatim', () => {
    expect(REFERENCE_MESSAGES.length).toBeGreaterThanOrEqual(40);
    for (const [code, text, match = 'exact', market = 'usdm'] of REFERENCE_MESSAGES) {
      const info = getBinanceError(code, market);
      expect(info, String(code)).toBeDefined();
      const messages = info === undefined ? [] : messagesOf(info);
      const found = messages.some((message) =>
        match === 'exact'
          ? message === text
          : match === 'prefix'
            ? message.startsWith(text)
            : message.endsWith(text),
      );
      expect(found, `${code}: ${text}\n in ${JSON.stringify(messages)}`).toBe(true);
    }
    expect(formatBinanceMessage(-1102, 'timestamp')).toBe(
      "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.",
    );
    expect(formatBinanceMessage(-1106, 'reduceonly')).toBe("Parameter 'reduceonly' sent when not required.");
  });

  test('behavior: messages carry no markdown from the docs', () => {
    for (const info of BINANCE_ERRORS) {
      for (const message of messagesOf(info)) {
        expect(message, String(info.code)).not.toMatch(/`|\\_|\\-/);
        expect(message.trim(), String(info.code)).toBe(message);
        expect(message.length, String(info.code)).toBeGreaterThan(0);
      }
    }
  });

  test('behavior: categories, retries and statuses are consistent', () => {
    for (const info of BINANCE_ERRORS) {
      const label = `${info.code} ${info.name}`;
      expect(binanceErrorCategories, label).toContain(info.category);
      expect(binanceErrorRetries, label).toContain(info.retry);
      expect([400, 401, 408, 429, 503], label).toContain(info.http);
      expect(info.code, label).toBeLessThan(0);
      if (info.category === 'unknown-outcome') expect(info.retry, label).toBe('after-reconcile');
      if (['validation', 'request', 'filter', 'margin'].includes(info.category))
        expect(info.retry, label).toBe('never');
      if (info.category === 'rate-limit') expect(info.retry, label).not.toBe('never');
      if (info.retry !== defaultRetry(info.category))
        expect(info.note, `${label} explains its retry`).toBeDefined();
      if (info.http !== 400) expect(info.note ?? '', `${label} sources its HTTP status`).not.toBe('');
    }
    const byStatus = (status: number) =>
      BINANCE_ERRORS.filter((info) => info.http === status)
        .map((info) => info.code)
        .sort((a, b) => b - a);
    expect(byStatus(401)).toEqual([-1002, -2014, -2015]);
    expect(byStatus(429)).toEqual([-1003, -1015]);
    expect(byStatus(503)).toEqual([-1001, -1008]);
    expect(byStatus(408)).toEqual([-1007]);
    expect(getBinanceError(-1006)?.retry).toBe('after-reconcile');
    expect(getBinanceError(-1007)?.retry).toBe('after-reconcile');
    expect(getBinanceError(-1001)?.retry).toBe('safe');
    expect(getBinanceError(-1003)?.retry).toBe('safe');
    expect(getBinanceError(-1021)?.retry).toBe('safe');
  });

  test('behavior: only unpublished messages are marked unknown', () => {
    expect(BINANCE_ERRORS.filter((info) => !info.messageKnown).map((info) => info.code)).toEqual([
      -4108, -4531,
    ]);
  });

  test('behavior: entries are immutable', () => {
    expect(Object.isFrozen(BINANCE_ERRORS)).toBe(true);
    for (const info of BINANCE_ERRORS) {
      expect(Object.isFrozen(info)).toBe(true);
      if (info.altMessages !== undefined) expect(Object.isFrozen(info.altMessages)).toBe(true);
    }
  });
});

describe('getBinanceError', () => {
  test('default', () => {
    expect(getBinanceError(-1121)?.message).toBe('Invalid symbol.');
    expect(getBinanceError(-1121, 'coinm')?.message).toBe('Invalid symbol.');
  });

  test('behavior: codes whose meaning differs by market', () => {
    expect(getBinanceError(-4087)?.name).toBe('REDUCE_ONLY_ORDER_PERMISSION');
    expect(getBinanceError(-4087, 'coinm')?.name).toBe('INVALID_PAIR');
    expect(getBinanceError(-4088)?.name).toBe('NO_PLACE_ORDER_PERMISSION');
    expect(getBinanceError(-4088, 'coinm')?.name).toBe('INVALID_TIME_INTERVAL');
    expect(getBinanceError(-4202)?.name).toBe('ADJUST_LEVERAGE_KYC_FAILED');
    expect(getBinanceError(-4202, 'coinm')?.name).toBe('ADJUST_LEVERAGE_ACCOUNT_SYMBOL_FAILED');
    expect(getBinanceError(-4135)?.message).toBe('Invalid activation price');
    expect(getBinanceError(-4135, 'coinm')?.message).toBe('Invalid activation price.');
  });

  test('behavior: unknown codes and codes a market does not use', () => {
    expect(getBinanceError(-9999)).toBeUndefined();
    expect(getBinanceError(0)).toBeUndefined();
    expect(getBinanceError(-5021, 'coinm')).toBeUndefined();
    expect(getBinanceError(-4178)).toBeUndefined();
    expect(getBinanceError(-4178, 'coinm')?.name).toBe('MIN_NOTIONAL');
  });
});

describe('formatBinanceMessage', () => {
  test('default', () => {
    expect(formatBinanceMessage(-4164, '5.0')).toBe(
      "Order's notional must be no smaller than 5.0 (unless you choose reduce only)",
    );
  });

  test('behavior: %b, numbers, several arguments', () => {
    expect(formatBinanceMessage(-4020, 'MARKET', true)).toBe(
      "Target strategy invalid for orderType 'MARKET',reduceOnly 'true'.",
    );
    expect(formatBinanceMessage(-1015, 300, '10s')).toBe(
      'Too many new orders; current limit is 300 orders per 10s.',
    );
    expect(formatBinanceMessage(-1003, 2400n)).toContain('current limit is 2400 requests per minute');
  });

  test('behavior: missing arguments leave placeholders; extra ones are ignored', () => {
    expect(formatBinanceMessage(-1015, 300)).toBe('Too many new orders; current limit is 300 orders per %s.');
    expect(formatBinanceMessage(-2019, 'ignored')).toBe('Margin is insufficient.');
  });

  test('behavior: an entry from another market', () => {
    const info = getBinanceError(-4178, 'coinm');
    expect(info && formatBinanceMessage(info, 1)).toBe(
      "Order's notional must be no smaller than 1 (unless you choose reduce only)",
    );
  });

  test('behavior: unknown codes throw a BasisError', () => {
    expect(() => formatBinanceMessage(-9999)).toThrowError(BasisError);
    expect(() => formatBinanceMessage(-9999)).toThrowErrorMatchingInlineSnapshot(`
      [BasisError: Unknown Binance error code -9999.

      Pass a BinanceErrorInfo from getBinanceError(code, market) for COIN-M codes.

      Version: @basis/core@0.1.0]
    `);
  });
});

describe('formatBinanceTemplate', () => {
  test('default', () => {
    expect(formatBinanceTemplate('IP banned until %s.', 1591702613943)).toBe(
      'IP banned until 1591702613943.',
    );
  });

  test('behavior: substituted text is not scanned again', () => {
    expect(formatBinanceTemplate("'%s' or '%s'", '%s', 'b')).toBe("'%s' or 'b'");
    expect(formatBinanceTemplate('duplicate options id %d for user %d', 7, 9)).toBe(
      'duplicate options id 7 for user 9',
    );
  });
});
