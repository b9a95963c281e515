import { describe, expect, test } from 'vitest';
import type { AlgoOrderRecord } from './algoRecord.js';
import { type TriggerEntry, TriggerIndex } from './triggerIndex.js';

function algo(version = 1): AlgoOrderRecord {
  return { status: 'NEW', version } as AlgoOrderRecord;
}

describe('TriggerIndex', () => {
  test('default: a reading pops exactly the entries it crosses', () => {
    const index = new TriggerIndex();
    const up = [100, 105, 110].map((key) => ({ key, algo: algo(), version: 1, raise: false }));
    const down = [90, 95].map((key) => ({ key, algo: algo(), version: 1, raise: false }));
    for (const e of up) index.add(e, true);
    for (const e of down) index.add(e, false);
    const out: TriggerEntry[] = [];
    index.popCrossed({ floor: 104, ceil: 105 }, out);
    expect(out.map((e) => e.key)).toEqual([100]);
    out.length = 0;
    index.popCrossed({ floor: 94, ceil: 95 }, out);
    expect(out.map((e) => e.key)).toEqual([95]);
    out.length = 0;
    index.popCrossed({ floor: 200, ceil: 200 }, out);
    expect(out.map((e) => e.key)).toEqual([105, 110]);
  });

  test('behavior: replaced entries are skipped and compacted away', () => {
    const index = new TriggerIndex();
    const a = algo();
    for (let v = 1; v <= 1000; v++) {
      a.version = v;
      index.add({ key: 100 + (v % 7), algo: a, version: v, raise: false }, true);
    }
    expect(index.size).toBeLessThan(200);
    const out: TriggerEntry[] = [];
    index.popCrossed({ floor: 1000, ceil: 1000 }, out);
    expect(out).toHaveLength(1);
    expect(out[0]!.version).toBe(1000);
  });
});
