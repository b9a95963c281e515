/**
 * Bundles the built `@basis/core` and `@basis/sdk` (after `tsc -b`) into one ES module and one
 * declaration file each, the files their package `exports` point at. Why: `import('@basis/sdk')`
 * loaded ~200 small modules and module resolution and loading dominated its cold start
 * (bench/README.md, "footprint"); one module per package loads several times faster. `@basis/core`
 * stays external to the SDK bundle so every package of a process shares one core (one `Decimal`
 * class, one error hierarchy); ws and undici stay external and are imported only on first use. Not
 * minified and without a source map: stack traces name the real functions, and the package ships
 * only the two bundles.
 *
 * The declarations are bundled too (rollup-plugin-dts): what the entry exports, with its docs, in
 * one file instead of ~270, without the import/export lines between them or source-map comments.
 * Inside the workspace, `tsc -b` resolves the packages to their per-file declarations through the
 * `basis-workspace` condition (tsconfig.base.json), so building never needs a bundle first. Each
 * bundle is then type-checked as a consumer sees it, and the build fails if it does not compile.
 */
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';
import { checkTypesBundles } from './checkTypesBundles.mjs';

const targets = [
  { pkg: 'core', external: [] },
  // undici (an optional peer, for proxies only) is imported on demand, never bundled.
  { pkg: 'sdk', external: ['@basis/core', 'ws', 'undici'] },
];

async function bundleCode({ pkg, external }) {
  const { metafile } = await build({
    entryPoints: [`packages/${pkg}/dist/index.js`],
    outfile: `packages/${pkg}/dist/index.bundle.js`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  // Dependencies are installed beside the package, never copied into it.
  const copied = Object.keys(metafile.inputs).filter((input) => input.includes('node_modules'));
  if (copied.length > 0) {
    throw new Error(`The @basis/${pkg} bundle took in installed packages: ${copied.slice(0, 5).join(', ')}.`);
  }
}

async function bundleTypes({ pkg, external }) {
  const bundle = await rollup({
    input: `packages/${pkg}/dist/index.d.ts`,
    plugins: [dts()],
    external: (id) =>
      id.startsWith('node:') || external.some((name) => id === name || id.startsWith(`${name}/`)),
    onwarn(warning) {
      throw new Error(`Bundling the declarations of @basis/${pkg}: ${warning.message}`);
    },
  });
  await bundle.write({ file: `packages/${pkg}/dist/index.bundle.d.ts`, format: 'es' });
  await bundle.close();
}

await Promise.all(targets.flatMap((target) => [bundleCode(target), bundleTypes(target)]));
checkTypesBundles(targets.map(({ pkg }) => pkg));
