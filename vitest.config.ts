import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

const TESTS = ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'];
/** Test files that mock modules (`vi.mock`); they run isolated. */
const MOCKING_TESTS = ['packages/exchange/src/store/store.faults.test.ts'];

export default defineConfig({
  resolve: {
    // Tests and benchmarks run the TypeScript sources directly; the built dist/ is for the CLI and users.
    alias: {
      '@basis/core': pkg('core'),
      '@basis/exchange': pkg('exchange'),
      '@basis/sdk': pkg('sdk'),
      '@basis/bot': pkg('bot'),
      '@basis/cli': pkg('cli'),
    },
  },
  test: {
    reporters: ['default', './test/summaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two workers even on a 2-core machine (vitest's default there is one): most tests wait on
    // sockets and timers, not the CPU.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: TESTS,
          exclude: MOCKING_TESTS,
          // Files share a worker's module cache instead of re-importing everything per file (the
          // imports were half the suite's time). Safe because no module holds mutable global state.
          isolate: false,
        },
      },
      // Files that replace a module with vi.mock need a module cache of their own.
      {
        extends: true,
        test: {
          name: 'isolated',
          include: MOCKING_TESTS,
          // Benchmarks run in the unit project alone, so `vitest bench` runs each once.
          benchmark: { exclude: ['**'] },
        },
      },
    ],
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts', 'bench/**/*.bench.ts'],
    },
  },
});
