/** The designed frontal hairline: style presets, draggable handles and the curve theta(phi) on
 * the scalp chart that scalpFields turns into the hairline distance field.
 * The stored design and its style presets are in hairlineSchema.ts, the handles in
 * hairlineHandles.ts and the chart geometry they share in chartGeometry.ts; the curve is here. */
import { boundaryAt } from './chart';
import { chartPolyline, type HeadLike } from './chartGeometry';
import { controls } from './hairlineHandles';
import { HAIRLINE_STYLE_PRESETS, resolve, type HairlineSpec } from './hairlineSchema';
import { createRng } from '../rng';

export { HAIRLINE_STYLES, HANDLE_IDS, hairlineHandlesSchema, hairlineSchema, HAIRLINE_STYLE_PRESETS, defaultHairline, withStyle } from './hairlineSchema';
export type { HairlineStyle, HandleId, FixedHandleId, Hairline, HairlineHandles, HairlineSpec } from './hairlineSchema';
export { surfaceOf, polarOf, surfacePointAt, chartPolyline, midlineTheta, midlineHeightMm, pointOnVertical } from './chartGeometry';
export { BROW_LIMIT_MM, hairlineHandles, moveHandle } from './hairlineHandles';
export type { HairlineHandle, MoveResult } from './hairlineHandles';

// ---- the curve -----------------------------------------------------------------------

export interface HairlineCurve {
  /** Signed azimuths (left > 0), increasing, right temple end to left. */
  phis: Float64Array;
  thetas: Float64Array;
  phiMin: number;
  phiMax: number;
}

const STREAM = 0x4a11; // hairline wobble's random stream
const SAMPLES = 360; // ~0.7 mm apart along a 25 cm edge: finer than the shortest wobble

/** The hairline as theta(phi): through the handles (a blend of straight segments and a
 * monotone cubic, so it never overshoots past a handle), plus the seeded wobble. */
export function hairlineThetaByPhi(head: HeadLike, spec: HairlineSpec, seed = 0): HairlineCurve {
  const h = resolve(spec);
  const c = controls(head, h);
  const preset = HAIRLINE_STYLE_PRESETS[h.style];
  const phiMin = c.phi[0],
    phiMax = c.phi[6];
  const phis = new Float64Array(SAMPLES + 1);
  const thetas = new Float64Array(SAMPLES + 1);
  const slopes = monotoneSlopes(c.phi, c.theta);
  for (let k = 0; k <= SAMPLES; k++) {
    const phi = phiMin + ((phiMax - phiMin) * k) / SAMPLES;
    phis[k] = phi;
    thetas[k] = hermite(c.phi, c.theta, slopes, phi, preset.roundness);
  }
  const amp = h.irregularityMm * preset.wobbleGain;
  if (amp > 0) addWobble(head, phis, thetas, amp, preset.wobbleMm, seed);
  for (let k = 0; k <= SAMPLES; k++) thetas[k] = Math.min(thetas[k], boundaryAt(head.chart, phis[k]));
  return { phis, thetas, phiMin, phiMax };
}

/** Sum of sines with seeded wavelengths and phases, scaled to peak at `ampMm`, tapered to zero
 * at the fixed temple ends, turned into polar angle by the local distance to the chart centre. */
function addWobble(head: HeadLike, phis: Float64Array, thetas: Float64Array, ampMm: number, [short, long]: [number, number], seed: number): void {
  const n = phis.length;
  const pts = chartPolyline(head.chart, phis, thetas);
  const arc = new Float64Array(n);
  for (let k = 1; k < n; k++) {
    arc[k] = arc[k - 1] + Math.hypot(pts[3 * k] - pts[3 * k - 3], pts[3 * k + 1] - pts[3 * k - 2], pts[3 * k + 2] - pts[3 * k - 1]);
  }
  const rng = createRng(seed, STREAM);
  const TERMS = 6;
  const waves: number[] = [];
  for (let t = 0; t < TERMS; t++) {
    // Log-uniform wavelengths; amplitude grows with wavelength (a smooth, 1/f-like edge).
    const lambda = short * Math.pow(long / short, rng.next());
    waves.push((2 * Math.PI) / lambda, rng.next() * 2 * Math.PI, Math.sqrt(lambda / long));
  }
  const w = new Float64Array(n);
  let peak = 0;
  for (let k = 0; k < n; k++) {
    let v = 0;
    for (let t = 0; t < TERMS; t++) v += waves[3 * t + 2] * Math.sin(waves[3 * t] * arc[k] + waves[3 * t + 1]);
    const taper = Math.min(1, arc[k] / 10, (arc[n - 1] - arc[k]) / 10);
    w[k] = v * taper;
    peak = Math.max(peak, Math.abs(w[k]));
  }
  if (peak === 0) return;
  const c = head.chart.centerMm;
  for (let k = 0; k < n; k++) {
    const r = Math.hypot(pts[3 * k] - c[0], pts[3 * k + 1] - c[1], pts[3 * k + 2] - c[2]);
    thetas[k] += ((w[k] / peak) * ampMm) / r;
  }
}

/** Fritsch-Carlson slopes: the cubic through them is monotone wherever the data are. */
function monotoneSlopes(x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  const d = new Float64Array(n - 1);
  for (let k = 0; k < n - 1; k++) d[k] = (y[k + 1] - y[k]) / (x[k + 1] - x[k]);
  const m = new Float64Array(n);
  m[0] = d[0];
  m[n - 1] = d[n - 2];
  for (let k = 1; k < n - 1; k++) m[k] = d[k - 1] * d[k] <= 0 ? 0 : (2 * d[k - 1] * d[k]) / (d[k - 1] + d[k]);
  return m;
}

function hermite(x: Float64Array, y: Float64Array, m: Float64Array, at: number, roundness: number): number {
  let k = 0;
  while (k < x.length - 2 && at > x[k + 1]) k++;
  const h = x[k + 1] - x[k];
  const t = Math.max(0, Math.min(1, (at - x[k]) / h));
  const t2 = t * t,
    t3 = t2 * t;
  const cubic = (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * h * m[k] + (-2 * t3 + 3 * t2) * y[k + 1] + (t3 - t2) * h * m[k + 1];
  return roundness * cubic + (1 - roundness) * (y[k] * (1 - t) + y[k + 1] * t);
}

/** The hairline as surface points, xyz mm, right temple to left. */
export function hairlinePolyline(head: HeadLike, hairline: HairlineSpec, seed = 0): Float32Array {
  const c = hairlineThetaByPhi(head, hairline, seed);
  return chartPolyline(head.chart, c.phis, c.thetas);
}
