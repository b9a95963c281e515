/**
 * Bundles the built `@basis/core` and `@basis/sdk` (after `tsc -b`) into one ES module each, the
 * files their package `exports` point at. Why: `import('@basis/sdk')` loaded ~200 small modules and
 * module resolution and loading dominated its cold start (bench/README.md, "footprint"); one module
 * per package loads several times faster. `@basis/core` stays external to the SDK bundle so every
 * package of a process shares one core (one `Decimal` class, one error hierarchy); undici and ws stay
 * external and are still imported only on first use. Not minified and without a source map: stack
 * traces name the real functions, and the package ships only the bundle and its `.d.ts` files.
 */
import { build } from 'esbuild';

const targets = [
  { pkg: 'core', external: [] },
  { pkg: 'sdk', external: ['@basis/core', 'undici', 'ws'] },
];

await Promise.all(
  targets.map(({ pkg, external }) =>
    build({
      entryPoints: [`packages/${pkg}/dist/index.js`],
      outfile: `packages/${pkg}/dist/index.bundle.js`,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      external,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
