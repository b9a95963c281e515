import { describe, expect, test } from 'vitest';
import { run } from './main.js';
import { captureIo } from './testing.js';

describe('basis', () => {
  test('default: --help lists every command', async () => {
    const io = captureIo();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: basis <command> [flags]');
    expect(io.out()).toContain('version');
    expect(io.out()).toContain('start');
  });

  test('behavior: an unknown command exits 2 and says how to find the commands', async () => {
    const io = captureIo();
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(io.err()).toMatchInlineSnapshot(`
      "basis: unknown command 'frobnicate'.
      Run 'basis --help' to see the commands.
      "
    `);
  });

  test('behavior: an unknown flag exits 2 with the fix', async () => {
    const io = captureIo();
    expect(await run(['version', '--bogus'], io)).toBe(2);
    expect(io.err()).toContain("Unknown option '--bogus'");
    expect(io.err()).toContain("Run 'basis version --help' for usage.");
  });

  test('behavior: <command> --help prints the command flags', async () => {
    const io = captureIo();
    expect(await run(['version', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--json');
  });

  test('behavior: version --json prints every package version', async () => {
    const io = captureIo();
    expect(await run(['version', '--json'], io)).toBe(0);
    const versions = JSON.parse(io.out()) as Record<string, string>;
    expect(Object.keys(versions).sort()).toEqual([
      '@basis/bot',
      '@basis/cli',
      '@basis/core',
      '@basis/exchange',
      '@basis/sdk',
      'node',
    ]);
  });
});
