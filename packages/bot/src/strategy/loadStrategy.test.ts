import { describe, expect, test } from 'vitest';
import { EXAMPLE_STRATEGIES, examplePath, loadStrategy } from './loadStrategy.js';

describe('loadStrategy', () => {
  test('default: loads an example by name and builds a fresh strategy per call', async () => {
    const factory = await loadStrategy('market-maker');
    const a = factory({});
    const b = factory({ symbol: 'ETHUSDT' });
    expect(a.name).toBe('market-maker');
    expect(a.symbols).toEqual(['BTCUSDT']);
    expect(b.symbols).toEqual(['ETHUSDT']);
    expect(a).not.toBe(factory({}));
  });

  test('behavior: every example name resolves to a file; unknown paths say what exists', async () => {
    for (const name of Object.keys(EXAMPLE_STRATEGIES))
      expect(examplePath(name)).toMatch(/examples\/strategies\/\w+\.ts$/);
    await expect(loadStrategy('no-such-strategy')).rejects.toThrow(/market-maker/);
  });
});
