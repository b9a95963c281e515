import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

// `basis backtest` in its own plain `node` process, as a user runs it: the CLI's real entry through
// the exchange's source runner, which serves the workspace's own sources and leaves every other file
// to Node. The example trend follower is TypeScript in two files (it imports `./indicators.js`), so
// Node 20 refuses it and the bot's loader has to register its TypeScript hooks and load both.

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const RUNNER = join(ROOT, 'packages/exchange/src/testing/sourceRunner.mjs');
const CLI = join(ROOT, 'packages/cli/bin/basis.js');
const out = mkdtempSync(join(tmpdir(), 'basis-backtest-cli-'));
/** The child's own user cache (`XDG_CACHE_HOME`), where the strategy's transpiled files must land. */
const cache = mkdtempSync(join(tmpdir(), 'basis-backtest-cache-'));

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

/** Runs the CLI to its end (bounded: killed after `timeoutMs`); its exit code and output. */
function runCli(args: readonly string[], timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', RUNNER, CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, XDG_CACHE_HOME: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('basis backtest (a child process)', () => {
  test('behavior: a TypeScript strategy of several files runs in plain Node', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'backtest',
        'trend-follower',
        '--synthetic',
        '--duration',
        '90m',
        '--seed',
        '3',
        '--out',
        out,
        '--json',
      ],
      120_000,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { fills: number; jsonPath: string; aborted: boolean };
    expect(result.aborted).toBe(false);
    // The strategy ran: its crossovers traded (the moving averages come from indicators.ts).
    expect(result.fills).toBeGreaterThan(0);
    expect(existsSync(result.jsonPath)).toBe(true);
    // Both files were type-stripped into the user's cache, and nothing else was.
    const cached = readdirSync(join(cache, 'basis', 'typescript')).map((file) =>
      readFileSync(join(cache, 'basis', 'typescript', file), 'utf8'),
    );
    expect(cached).toHaveLength(2);
    expect(cached.filter((source) => source.includes('export function averageClose('))).toHaveLength(1);
    expect(cached.filter((source) => source.includes("name: 'trend-follower'"))).toHaveLength(1);
  }, 150_000);
});
