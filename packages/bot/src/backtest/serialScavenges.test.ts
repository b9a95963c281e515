import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const RUNNER = fileURLToPath(new URL('../../../exchange/src/testing/sourceRunner.mjs', import.meta.url));
// The built path; the source runner serves it from this package's TypeScript source.
const MODULE = new URL('../../dist/backtest/serialScavenges.js', import.meta.url).href;

/**
 * Runs, in a fresh `node --trace-gc-nvp`, `preferSerialScavenges(cores)` and then a loop that
 * keeps 200,000 objects alive in turn (so each scavenge has survivors to copy). Answers what the
 * call returned and the helper threads' time of each scavenge V8 traced after it.
 */
async function scavengesAfter(cores: number): Promise<{ applied: boolean; helperMs: number[] }> {
  const script = [
    `const { preferSerialScavenges } = await import(${JSON.stringify(MODULE)});`,
    `const applied = preferSerialScavenges(${cores});`,
    "process.stdout.write('applied=' + applied + '\\n');",
    'const ring = new Array(200_000);',
    'for (let i = 0; i < 3_000_000; i++) ring[i % ring.length] = { i, list: [i, i + 1] };',
  ].join('\n');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--trace-gc-nvp', '--import', RUNNER, '--input-type=module', '-e', script],
    { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = stdout.split('\n');
  const marker = lines.findIndex((line) => line.startsWith('applied='));
  expect(marker).toBeGreaterThanOrEqual(0);
  const helperMs = lines
    .slice(marker + 1)
    .filter((line) => line.includes('gc=s '))
    .map((line) => Number(/background\.scavenge\.parallel=([0-9.]+)/.exec(line)?.[1]));
  return { applied: lines[marker] === 'applied=true', helperMs };
}

describe('preferSerialScavenges', () => {
  test('on two cores, the scavenges that follow run on the main thread alone', async () => {
    const { applied, helperMs } = await scavengesAfter(2);
    expect(applied).toBe(true);
    expect(helperMs.length).toBeGreaterThan(3);
    expect(helperMs.every((ms) => ms === 0)).toBe(true);
  });

  test("on more cores, V8's parallel scavenger is left as it is", async () => {
    const { applied, helperMs } = await scavengesAfter(64);
    expect(applied).toBe(false);
    expect(helperMs.length).toBeGreaterThan(3);
    // V8's default hands scavenges to helper threads (its platform has them on any machine).
    expect(helperMs.some((ms) => ms > 0)).toBe(true);
  });
});
