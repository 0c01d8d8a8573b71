/** Touch-up planning: when the design's look has faded enough to need a touch-up, over a horizon.
 *
 * Due when, once a session has healed (HEALED_YEARS after it), visible contrast falls below
 * `touchUp.contrastShare` x its healed value, or the mean dot colour differs from the stubble by
 * more than `touchUp.stubbleMismatchDeltaE00` (CIEDE2000) while being lighter than it (L*): fading
 * only lightens dots and a touch-up only darkens them, so dots darker than the stubble are a shade
 * choice to change, not a touch-up (`mismatchAtHealed` flags a healed design over the threshold).
 * A touch-up restores every dot's pigment to a freshly placed session's, which heals and fades
 * again from then (same per-dot parameters); spreading is not undone (the old pigment stays
 * where it has diffused), so the diameter keeps growing from the first session.
 *
 * Speed: the figures are area averages, so the plan works on a deterministic, even subsample of at
 * most `maxDots` dots (every k-th dot; dots are stored session by session, each in sampling order,
 * so striding takes every session in proportion), scaled up to the whole set; each sampled dot's
 * healing and fading are drawn for it alone, so the dots left out cost nothing. Prices: SCIENCE.md
 * section 1 [I]. */
import type { Design } from '../design';
import { FadeInputError } from './errors';
import { evaluateRange, SUM_SIZE } from './evaluate';
import { HEALED_YEARS } from './params';
import { fadeSetup, figuresOf, type FadeDots, type FadeHead } from './simulate';
import type { FadeScenario } from './scenario';

export const MAX_HORIZON_YEARS = 50;
export const PLAN_MAX_DOTS = 20000;

export interface TouchUpOptions {
  maxDots?: number;
  /** When `dots` are already a planSample: how many dots there are in all. */
  totalDots?: number;
  samplesPerYear?: number;
  onScar?: Uint8Array;
}

export type Range = [low: number, high: number];

export interface TouchUpCost {
  currency: string;
  treatment: Range;
  touchUps: number;
  touchUpEach: Range;
  touchUpsTotal: Range;
  total: Range;
}

export interface TouchUpPlan {
  /** Years after the first treatment when a touch-up is due. */
  schedule: number[];
  /** Why each touch-up is due. */
  reasons: ('contrast' | 'stubble')[];
  /** The curve for a chart: sample times (years), visible contrast and dot-vs-stubble CIEDE2000,
   * each value before any touch-up at that sample. */
  years: Float32Array;
  contrastDeltaE00: Float32Array;
  stubbleDeltaE00: Float32Array;
  healedContrastDeltaE00: number;
  /** The contrast below which a touch-up is due (the threshold line). */
  thresholdDeltaE00: number;
  healedStubbleDeltaE00: number;
  mismatchAtHealed: boolean;
  cost: TouchUpCost;
  /** Dots the plan was computed on, of `totalDots`. */
  sampledDots: number;
  totalDots: number;
}

/** Every `stride`-th of `n` values of `size` numbers each. */
function strided<T extends Float32Array | Uint8Array>(src: T, n: number, stride: number, size = 1): T {
  const out = new (src.constructor as new (length: number) => T)(n * size);
  for (let j = 0; j < n; j++) for (let c = 0; c < size; c++) out[j * size + c] = src[j * stride * size + c];
  return out;
}

/** The dots a plan is computed on: every k-th of them, at most `maxDots` (dots are stored session
 * by session, each in sampling order, so striding takes every session in proportion). The app
 * sends only these to the fade worker, with `totalDots`; the plan is the same as from all of them. */
export function planSample<D extends FadeDots & { positions?: Float32Array }>(dots: D, maxDots = PLAN_MAX_DOTS, onScar?: Uint8Array): { dots: D; onScar?: Uint8Array } {
  const stride = Math.max(1, Math.ceil(dots.count / maxDots));
  if (stride === 1) return { dots, onScar };
  const n = Math.ceil(dots.count / stride);
  const sample = {
    ...dots,
    count: n,
    normals: strided(dots.normals, n, stride, 3),
    diameterMm: strided(dots.diameterMm, n, stride),
    shade: strided(dots.shade, n, stride),
    ...(dots.positions ? { positions: strided(dots.positions, n, stride, 3) } : {}),
  };
  return { dots: sample, onScar: onScar && strided(onScar, n, stride) };
}

export function touchUpCost(prices: FadeScenario['prices'], touchUps: number): TouchUpCost {
  const each: Range = [prices.touchUpLow, prices.touchUpHigh];
  const sum: Range = [touchUps * each[0], touchUps * each[1]];
  return {
    currency: prices.currency,
    treatment: [prices.treatmentLow, prices.treatmentHigh],
    touchUps,
    touchUpEach: each,
    touchUpsTotal: sum,
    total: [prices.treatmentLow + sum[0], prices.treatmentHigh + sum[1]],
  };
}

/** The touch-up schedule over `horizonYears` (1-50; clinics plan 10-20), its contrast curve and its
 * cost. Throws FadeInputError naming the field for bad input. */
export function planTouchUps(head: FadeHead, design: Design, dots: FadeDots, scenario: unknown, horizonYears: number, options: TouchUpOptions = {}): TouchUpPlan {
  if (typeof horizonYears !== 'number' || !Number.isFinite(horizonYears) || horizonYears < 1 || horizonYears > MAX_HORIZON_YEARS) {
    throw new FadeInputError('horizonYears', `horizonYears must be a number from 1 to ${MAX_HORIZON_YEARS} (got ${String(horizonYears)})`);
  }
  const spy = options.samplesPerYear ?? 12;
  if (!Number.isInteger(spy) || spy < 1 || spy > 365) throw new FadeInputError('samplesPerYear', `samplesPerYear must be a whole number from 1 to 365 (got ${spy})`);
  void head; // the sky is +y; see FadeHead
  const totalDots = options.totalDots ?? dots.count;
  const sample = planSample(dots, options.maxDots ?? PLAN_MAX_DOTS, options.onScar);
  const setup = fadeSetup(design, sample.dots, scenario, sample.onScar);
  const s = setup.scenario;
  const a = setup.arrays;
  const scale = a.count > 0 ? totalDots / a.count : 1;
  const acc = new Float64Array(SUM_SIZE);
  const at = (tPigment: number, tSpread: number) => {
    acc.fill(0);
    evaluateRange(a, 0, a.count, tPigment, tSpread, setup.ramp, acc, 0, null, null, 0);
    return figuresOf(setup, acc, 0, scale);
  };
  const healed = at(HEALED_YEARS, HEALED_YEARS);
  const threshold = s.touchUp.contrastShare * healed.contrast;
  const mismatchAtHealed = healed.stubble > s.touchUp.stubbleMismatchDeltaE00;
  const samples = Math.round(horizonYears * spy) + 1;
  const years = new Float32Array(samples);
  const contrast = new Float32Array(samples);
  const stubble = new Float32Array(samples);
  const schedule: number[] = [];
  const reasons: ('contrast' | 'stubble')[] = [];
  let session = 0;
  for (let k = 0; k < samples; k++) {
    const t = k / spy;
    const f = at(t - session, t);
    years[k] = t;
    contrast[k] = f.contrast;
    stubble[k] = f.stubble;
    if (t - session < HEALED_YEARS - 1e-9) continue;
    const faded = f.contrast < threshold;
    const mismatch = f.stubble > s.touchUp.stubbleMismatchDeltaE00 && f.dot.L > setup.stubble.L;
    if (faded || mismatch) {
      schedule.push(t);
      reasons.push(faded ? 'contrast' : 'stubble');
      session = t;
    }
  }
  return {
    schedule,
    reasons,
    years,
    contrastDeltaE00: contrast,
    stubbleDeltaE00: stubble,
    healedContrastDeltaE00: healed.contrast,
    thresholdDeltaE00: threshold,
    healedStubbleDeltaE00: healed.stubble,
    mismatchAtHealed,
    cost: touchUpCost(s.prices, schedule.length),
    sampledDots: a.count,
    totalDots,
  };
}
