/** Fast deterministic draws by inverse-CDF tables: one uniform and one interpolation per draw, so a
 * million dots' parameters take milliseconds. The CDF is integrated numerically (midpoint rule on
 * FINE cells), which also copes with the beta density's integrable singularities at 0 and 1. */
import type { Rng } from '../rng';

const LEVELS = 1024;
const FINE = 16384;

/** Quantiles of a density on [lo, hi] at LEVELS + 1 evenly spaced probabilities. */
function quantileTable(pdf: (x: number) => number, lo: number, hi: number): Float64Array {
  const h = (hi - lo) / FINE;
  const cdf = new Float64Array(FINE + 1);
  for (let i = 0; i < FINE; i++) cdf[i + 1] = cdf[i] + pdf(lo + (i + 0.5) * h);
  const total = cdf[FINE];
  const q = new Float64Array(LEVELS + 1);
  let i = 0;
  for (let k = 0; k <= LEVELS; k++) {
    const p = (k / LEVELS) * total;
    while (i < FINE - 1 && cdf[i + 1] < p) i++;
    const span = cdf[i + 1] - cdf[i];
    q[k] = lo + h * (i + (span > 0 ? Math.min(1, Math.max(0, (p - cdf[i]) / span)) : 0));
  }
  return q;
}

/** A draw from a quantile table. */
export function drawFrom(q: Float64Array, rng: Rng): number {
  const u = rng.next() * LEVELS;
  const k = u | 0;
  return q[k] + (u - k) * (q[k + 1] - q[k]);
}

const betaCache = new Map<string, Float64Array>();

/** Quantile table of the beta distribution of mean `mean` and concentration alpha + beta = `kappa`. */
export function betaQuantiles(mean: number, kappa: number): Float64Array {
  const key = `${mean},${kappa}`;
  let q = betaCache.get(key);
  if (!q) {
    const a = mean * kappa,
      b = (1 - mean) * kappa;
    q = quantileTable((x) => x ** (a - 1) * (1 - x) ** (b - 1), 0, 1);
    if (betaCache.size > 32) betaCache.clear();
    betaCache.set(key, q);
  }
  return q;
}

/** Standard normal quantiles, truncated at +-5 sd. */
export const NORMAL_QUANTILES = quantileTable((x) => Math.exp(-0.5 * x * x), -5, 5);

/** Quantiles of a lognormal factor of mean 1 and log-sd `sigma`. */
export function lognormalQuantiles(sigma: number): Float64Array {
  return NORMAL_QUANTILES.map((z) => Math.exp(sigma * z - 0.5 * sigma * sigma));
}
