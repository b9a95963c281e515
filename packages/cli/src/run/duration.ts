import { CliUsageError } from '../cliError.js';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a duration flag: a number of seconds (`30`), or a number with a unit (`500ms`, `30s`, `5m`,
 * `2h`, `1d`).
 *
 * @throws CliUsageError naming the flag and the accepted forms.
 */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  const ms = match === null ? Number.NaN : Number(match[1]) * (UNITS[match[2] ?? 's'] ?? Number.NaN);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new CliUsageError(`--${flag} must be a positive duration like 30, 30s, 5m or 2h; got ${text}`);
  }
  return Math.round(ms);
}

/**
 * Parses a time flag: an ISO date or date-time (UTC unless it says otherwise), or epoch milliseconds.
 *
 * @throws CliUsageError naming the flag.
 */
export function parseTime(text: string, flag: string): number {
  const trimmed = text.trim();
  const ms = /^\d{10,}$/.test(trimmed)
    ? Number(trimmed)
    : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (!Number.isFinite(ms)) {
    throw new CliUsageError(
      `--${flag} must be a date (2024-03-01), a date-time (2024-03-01T08:00:00Z) or epoch ms; got ${text}`,
    );
  }
  return ms;
}
