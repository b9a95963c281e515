import { describe, expect, test } from 'vitest';
import { BUY, SELL } from '../matching/types.js';
import { DepthChanges } from './depthChanges.js';

describe('DepthChanges', () => {
  test('default: a batch covers (pu, u], the last change of a price wins, and batches chain', () => {
    const changes = new DepthChanges(100n);
    expect(changes.take()).toBeUndefined();
    changes.record(BUY, 500, 3, 101n, 1);
    changes.record(SELL, 510, 2, 102n, 2);
    changes.record(BUY, 500, 0, 103n, 3);
    const first = changes.take()!;
    expect(first).toMatchObject({ U: 101n, u: 103n, pu: 100n, T: 3 });
    expect([...first.bids]).toEqual([[500, 0]]);
    expect([...first.asks]).toEqual([[510, 2]]);
    expect(changes.take()).toBeUndefined();
    changes.record(SELL, 511, 1, 104n, 4);
    expect(changes.take()).toMatchObject({ U: 104n, u: 104n, pu: 103n });
  });

  test('behavior: changes at or before the starting id are not part of the stream', () => {
    const changes = new DepthChanges(10n);
    changes.record(BUY, 1, 1, 9n, 0);
    changes.record(BUY, 1, 1, 10n, 0);
    expect(changes.take()).toBeUndefined();
  });
});
