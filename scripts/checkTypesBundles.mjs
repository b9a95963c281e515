/**
 * Checks each package's bundled declarations (`dist/index.bundle.d.ts`) as a consumer of the package
 * sees them: resolved by package name without the workspace's `basis-workspace` condition, checked in
 * full (no `skipLibCheck`, strict), and exporting exactly the names the per-file declarations export.
 * Throws with TypeScript's diagnostics otherwise, so a bundle that lost or broke a type fails the build.
 */
import { resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const CONSUMER = resolve(ROOT, '__basis_types_consumer__.ts');

/** Names exported by the module a file declares. */
function exportedNames(checker, sourceFile) {
  const symbol = checker.getSymbolAtLocation(sourceFile);
  if (symbol === undefined) throw new Error(`${sourceFile.fileName} declares no module.`);
  return checker
    .getExportsOfModule(symbol)
    .map((entry) => entry.name)
    .sort();
}

export function checkTypesBundles(packages) {
  const options = {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2023,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    exactOptionalPropertyTypes: true,
  };
  const consumer = packages.map((pkg) => `export * as ${pkg} from '@basis/${pkg}';`).join('\n');
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => (file === CONSUMER ? consumer : readFile(file));
  host.fileExists = (file) => file === CONSUMER || fileExists(file);
  host.getSourceFile = (file, language, ...rest) =>
    file === CONSUMER
      ? ts.createSourceFile(file, consumer, language)
      : getSourceFile(file, language, ...rest);
  const perFile = packages.map((pkg) => resolve(ROOT, `packages/${pkg}/dist/index.d.ts`));
  const program = ts.createProgram({ rootNames: [CONSUMER, ...perFile], options, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const text = ts.formatDiagnostics(diagnostics.slice(0, 20), {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => ROOT,
      getNewLine: () => '\n',
    });
    throw new Error(`The bundled declarations do not compile for a consumer:\n${text}`);
  }
  const checker = program.getTypeChecker();
  for (const pkg of packages) {
    const bundle = program.getSourceFile(resolve(ROOT, `packages/${pkg}/dist/index.bundle.d.ts`));
    if (bundle === undefined) {
      throw new Error(`'@basis/${pkg}' did not resolve to dist/index.bundle.d.ts for a consumer.`);
    }
    const bundled = exportedNames(checker, bundle);
    const declared = exportedNames(
      checker,
      program.getSourceFile(resolve(ROOT, `packages/${pkg}/dist/index.d.ts`)),
    );
    const missing = declared.filter((name) => !bundled.includes(name));
    const extra = bundled.filter((name) => !declared.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      throw new Error(
        `The bundled declarations of @basis/${pkg} export other names than its sources: missing ${missing.join(', ') || 'none'}; extra ${extra.join(', ') || 'none'}.`,
      );
    }
  }
}
