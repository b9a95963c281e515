import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The inlined charting library and the notice its license asks for. */
export interface ChartLibrary {
  /** The standalone production build (defines `window.LightweightCharts`), safe inside `<script>`. */
  readonly script: string;
  readonly version: string;
  /** e.g. `TradingView Lightweight Charts™ v5.2.1` / `Copyright (c) 2026 TradingView, Inc.` */
  readonly notice: readonly string[];
}

const STANDALONE_BUILD = 'dist/lightweight-charts.standalone.production.js';

let cached: ChartLibrary | undefined;

/**
 * Reads TradingView's `lightweight-charts` standalone build from node_modules (resolved from this module, so
 * it works from `src` and from `dist`). The package's `exports` do not list the standalone file, so it is
 * found next to the package's `package.json`. Read once per process.
 */
export function loadChartLibrary(): ChartLibrary {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve('lightweight-charts/package.json');
  const { version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string };
  const source = readFileSync(join(dirname(packageJsonPath), STANDALONE_BUILD), 'utf8');
  const notice = [`TradingView Lightweight Charts™ v${version}`];
  const copyright = /Copyright \(c\) \d{4}(?:-\d{4})? TradingView, Inc\./i.exec(source.slice(0, 1000));
  notice.push(copyright?.[0] ?? 'Copyright (c) TradingView, Inc.');
  cached = { script: escapeInlineScript(source), version, notice };
  return cached;
}

/**
 * Makes JavaScript source safe to place between `<script>` and `</script>`: `</script` and `<!--` (which
 * can end or confuse the HTML script data state) become `<\/script` and `<\!--`, equivalent inside JS string,
 * template and regular-expression literals, the only places such text can occur in valid code.
 */
export function escapeInlineScript(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
