import { join, resolve } from 'node:path';

/** Where a run's report goes unless `--out` says: `./runs/<mode>-<strategy>-<UTC time>`. */
export function reportDir(out: string | undefined, mode: string, strategy: string, now: number): string {
  if (out !== undefined) return resolve(out);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return resolve(join('runs', `${mode}-${fileSafeName(strategy)}-${stamp}`));
}

/**
 * Where a live run keeps its kill switch's state unless `--risk-state` says: one file per
 * environment and strategy, `./runs/state/<env>-<strategy>.json`, which every restart reads.
 */
export function riskStatePath(file: string | undefined, env: string, strategy: string): string {
  return resolve(file ?? join('runs', 'state', `${env}-${fileSafeName(strategy)}.json`));
}

/** A strategy name as a file name part: letters, digits, `_` and `-`, at most 40. */
function fileSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
}
