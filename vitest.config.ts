import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

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
    include: ['packages/*/src/**/*.test.ts', 'examples/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    benchmark: {
      include: ['packages/*/src/**/*.bench.ts', 'bench/**/*.bench.ts'],
    },
  },
});
