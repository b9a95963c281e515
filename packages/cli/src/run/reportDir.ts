import { join, resolve } from 'node:path';

/** Where a run's report goes unless `--out` says: `./runs/<mode>-<strategy>-<UTC time>`. */
export function reportDir(out: string | undefined, mode: string, strategy: string, now: number): string {
  if (out !== undefined) return resolve(out);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const name = strategy.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 40);
  return resolve(join('runs', `${mode}-${name}-${stamp}`));
}
