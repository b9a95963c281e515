import { describe, expect, test } from 'vitest';
import { FAULT_FLAGS, parseFaultFlag, parseFaultFlags } from './cliFlags.js';
import { FaultError } from './faultModel.js';

describe('parseFaultFlags', () => {
  test('default: no --fault, seed 1', () => {
    expect(parseFaultFlags({})).toEqual({ seed: 1, rules: [] });
    expect(parseFaultFlags({ 'fault-seed': 'abc' }).seed).toBe('abc');
    expect(FAULT_FLAGS.fault.multiple).toBe(true);
  });

  test('behavior: kind, probability, scope, count, duration and parameters', () => {
    expect(parseFaultFlags({ fault: ['http5xx', 'unknownOutcome:0.25'], 'fault-seed': '7' })).toEqual({
      seed: 7,
      rules: [{ kind: 'http5xx' }, { kind: 'unknownOutcome', probability: 0.25 }],
    });
    expect(parseFaultFlag('throttled:route=POST /fapi/v1/order,account=2')).toEqual({
      kind: 'throttled',
      scope: { route: 'POST /fapi/v1/order', accountId: 2 },
    });
    expect(parseFaultFlag('timeout:0.5:ip=[::1],executed=false,holdMs=30000:count=3,duration=2m')).toEqual({
      kind: 'timeout',
      probability: 0.5,
      scope: { ip: '::1' },
      count: 3,
      durationMs: 120_000,
      params: { executed: false, holdMs: 30_000 },
    });
    expect(parseFaultFlag('clockSkew:all:skewMs=-2500')).toEqual({
      kind: 'clockSkew',
      params: { skewMs: -2500 },
    });
    expect(parseFaultFlag('http5xx:status=502,body=html:p=0.1')).toEqual({
      kind: 'http5xx',
      probability: 0.1,
      params: { status: 502, body: 'html' },
    });
  });

  test('behavior: a bad flag is a FaultError naming it', () => {
    for (const bad of [
      '',
      'nope',
      'listenKeyExpiry',
      'http5xx:1.5',
      'http5xx:status=503',
      'clockSkew',
      'slow:delay',
      'slow:count=x',
      'slow:duration=5d',
      'throttled:acount=2',
    ]) {
      expect(() => parseFaultFlag(bad), bad).toThrow(FaultError);
    }
    expect(() => parseFaultFlags({ fault: ['http5xx:status=503'] })).toThrow('--fault http5xx:status=503:');
  });
});
