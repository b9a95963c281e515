/**
 * Random variates for the synthetic market: Gaussian returns, exponential inter-arrival times and
 * Poisson event counts. Each takes the {@link Rng} to draw from, so results are reproducible.
 * They use `Math.log`/`Math.cos`/`Math.exp`, whose last bits may in principle differ between
 * JavaScript engines; on one Node version they are exactly reproducible.
 */
import { RandomArgumentError } from './errors.js';
import type { Rng } from './rng.js';

/**
 * A normal (Gaussian) variate, by the Box–Muller transform (two uniform draws per call; the second
 * variate is discarded so no state is kept outside the `Rng`).
 *
 * @throws RandomArgumentError unless `mean` is finite and `stdDev` finite and >= 0.
 *
 * @example
 * const logReturn = normal(rng, 0, 0.0002);
 */
export function normal(rng: Rng, mean = 0, stdDev = 1): number {
  if (!Number.isFinite(mean) || !Number.isFinite(stdDev) || stdDev < 0) {
    throw new RandomArgumentError(`normal needs a finite mean and stdDev >= 0, got (${mean}, ${stdDev}).`);
  }
  const u1 = 1 - rng.next(); // (0, 1], so the log is finite
  const u2 = rng.next();
  return mean + stdDev * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * An exponential variate with the given rate (mean `1 / rate`), by inversion: the waiting time
 * until the next event of a Poisson process.
 *
 * @throws RandomArgumentError unless `rate` is finite and > 0.
 *
 * @example
 * const msToNextTrade = exponential(rng, 1 / 250); // one trade per 250 ms on average
 */
export function exponential(rng: Rng, rate: number): number {
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new RandomArgumentError(`exponential needs a finite rate > 0, got ${rate}.`);
  }
  return -Math.log(1 - rng.next()) / rate;
}

// Coefficients B(2k) / (2k (2k - 1)) of Stirling's series for ln Γ.
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360_360,
  1 / 156,
  -3617 / 122_400,
  43_867 / 244_188,
  -174_611 / 125_400,
] as const;

/**
 * ln Γ(x) for x > 0, by Stirling's series (after shifting x to at least 7 with the recurrence);
 * accurate to about 1e-14 relative. `logGamma(k + 1)` is ln k!.
 *
 * @throws RandomArgumentError unless `x` is finite and > 0.
 */
export function logGamma(x: number): number {
  if (!(x > 0) || !Number.isFinite(x))
    throw new RandomArgumentError(`logGamma needs a finite x > 0, got ${x}.`);
  let z = x;
  let shift = 0;
  while (z < 7) {
    // ln Γ(z) = ln Γ(z + 1) − ln z; at most 7 steps.
    shift += Math.log(z);
    z += 1;
  }
  const inv2 = 1 / (z * z);
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k]!;
  return series / z + 0.5 * Math.log(2 * Math.PI) + (z - 0.5) * Math.log(z) - z - shift;
}

/**
 * A Poisson variate with mean `lambda`: the number of events in a unit of time. Exact for every
 * lambda: multiplication of uniforms below 10, Hörmann's transformed rejection (PTRS, 1993) from 10
 * on, so the cost stays flat for large means.
 *
 * @throws RandomArgumentError unless `lambda` is finite and >= 0.
 *
 * @example
 * const tradesThisSecond = poisson(rng, 4.2);
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) {
    throw new RandomArgumentError(`poisson needs a finite lambda >= 0, got ${lambda}.`);
  }
  if (lambda === 0) return 0;
  if (lambda < 10) {
    // Count uniforms until their product drops to e^-lambda; expected lambda + 1 draws.
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k += 1;
      product *= rng.next();
    }
    return k;
  }
  return poissonPtrs(rng, lambda);
}

function poissonPtrs(rng: Rng, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  // Each round accepts with high probability (Hörmann 1993), so this ends after a few draws.
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <=
      -lambda + k * logLambda - logGamma(k + 1)
    ) {
      return k;
    }
  }
}
