// Small helpers the plain benchmark scripts under bench/ share: command-line checks, children killed
// on every exit path, percentiles and medians, and the number formats of their reports.

/**
 * `fail`, `positiveInt` and `list` for `script`'s command line: a bad option prints
 * `<script>: <message>` on stderr and exits with code 2.
 */
export function argumentChecks(script) {
  const fail = (message) => {
    process.stderr.write(`${script}: ${message}\n`);
    process.exit(2);
  };
  const positiveInt = (name, text) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) fail(`--${name} must be positive integers`);
    return value;
  };
  // A comma list whose items must all be in `allowed`.
  const list = (name, text, allowed) => {
    const items = text.split(',').filter((item) => item !== '');
    for (const item of items)
      if (!allowed.includes(item)) fail(`--${name}: '${item}' is not one of ${allowed.join(', ')}`);
    return items;
  };
  return { fail, positiveInt, list };
}

/**
 * A set for the script's child processes (the script removes each when it exits): every child still
 * in it is SIGKILLed when the script exits, by any path; SIGINT and SIGTERM exit with code 130.
 */
export function childrenKilledOnExit() {
  const children = new Set();
  const killAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
  return children;
}

/** Nearest-rank percentile of a sorted sample; NaN for an empty one. */
export function percentile(sorted, q) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** The lower median. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** `{ [field]: median of runs[i][field] }` for each of `fields`, in that order. */
export function medians(runs, fields) {
  return Object.fromEntries(fields.map((field) => [field, median(runs.map((run) => run[field]))]));
}

export function fmt(value, digits) {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function pct(share) {
  return `${Math.round(share * 100)}%`;
}

export function ms(value) {
  return `${value.toFixed(2)} ms`;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
