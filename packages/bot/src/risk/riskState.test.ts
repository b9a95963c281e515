import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from '@basis/core';
import { afterEach, describe, expect, test } from 'vitest';
import { KillSwitch } from './killSwitch.js';
import { type RiskState, RiskStateError, RiskStateFile } from './riskState.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempPath = (name = 'state.json') => {
  const dir = mkdtempSync(join(tmpdir(), 'basis-risk-state-'));
  dirs.push(dir);
  return join(dir, 'nested', name);
};

const DAY = 86_400_000;
const d = (text: string) => Decimal.parse(text);

describe('KillSwitch state', () => {
  test('default: a restored peak and day start keep guarding the next run on the same day', () => {
    const first = new KillSwitch({ maxDrawdown: '0.1', maxDailyLoss: '300' });
    const t0 = 20_000 * DAY + 3_600_000;
    first.observe(t0, d('10000'));
    first.observe(t0 + 1000, d('12000'));
    expect(first.observe(t0 + 2000, d('11900'))).toBeUndefined();
    const saved = first.state();
    expect(saved).toEqual({ peak: '12000', day: 20_000, dayStart: '10000' });

    // A fresh kill switch would take 11,000 as its peak and its day start; the restored one does not.
    const restarted = new KillSwitch({ maxDrawdown: '0.1', maxDailyLoss: '3000' });
    restarted.restore(saved);
    expect(restarted.observe(t0 + 60_000, d('10700'))?.rule).toBe('maxDrawdown'); // 12,000 − 10%
    const daily = new KillSwitch({ maxDailyLoss: '300' });
    daily.restore(saved);
    expect(daily.observe(t0 + 60_000, d('9650'))?.rule).toBe('maxDailyLoss'); // 10,000 − 300
  });

  test('behavior: on a new UTC day the day start moves to that day, the peak stays', () => {
    const ks = new KillSwitch({ maxDrawdown: '0.5', maxDailyLoss: '300' });
    ks.restore({ peak: '12000', day: 20_000, dayStart: '10000' });
    expect(ks.observe(20_001 * DAY + 5, d('9000'))).toBeUndefined();
    expect(ks.state()).toEqual({ peak: '12000', day: 20_001, dayStart: '9000' });
  });
});

describe('RiskStateFile', () => {
  const state: RiskState = {
    version: 1,
    killSwitch: { peak: '10250.5', day: 20_416, dayStart: '10000' },
    halt: { rule: 'maxDailyLoss', message: 'lost 301.2 today, more than 300', time: 1_764_000_000_000 },
  };

  test('default: no file is no state; a saved state loads back, written whole (no temporary left)', () => {
    const path = tempPath();
    const file = new RiskStateFile(path);
    expect(file.load()).toBeUndefined();
    file.save(state);
    expect(file.load()).toEqual(state);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    file.save({ version: 1, killSwitch: {} });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, killSwitch: {} });
    file.clear();
    expect(file.load()).toBeUndefined();
  });

  test('error: a damaged or foreign file stops the run with the fix, never a silent reset', () => {
    const path = tempPath();
    const file = new RiskStateFile(path);
    file.save(state);
    const damaged = [
      '{"version":1,"killSwitch":{"peak":"12',
      '{"version":2,"killSwitch":{}}',
      '{"version":1,"killSwitch":{"peak":"lots"}}',
      '{"version":1,"killSwitch":{"day":20416}}',
      '{"version":1,"killSwitch":{},"halt":{"rule":"bored","message":"x","time":1}}',
      '[]',
    ];
    for (const text of damaged) {
      writeFileSync(path, text);
      expect(() => file.load()).toThrow(RiskStateError);
      expect(() => file.load()).toThrow(/fix it, or delete it \(or pass --reset-kill-switch\)/);
    }
  });
});
