/** The designed frontal hairline: style presets, draggable handles and the curve theta(phi) on
 * the scalp chart that scalpFields turns into the hairline distance field.
 *
 * Handles are stored as OFFSETS IN CHART ANGLES (degrees) FROM THE STYLE'S LANDMARK-DEFINED
 * DEFAULTS. The defaults come from the glabella, the outer eye corners and the hair-bearing
 * outline, and the chart itself is built from the landmarks, so a dragged design carries over
 * to a smaller or larger head in proportion, and the mid-frontal point keeps its meaning: it
 * always sits `midFrontalHeightMm` along the surface above the glabella. */
import { z } from '../zod';
import { range } from '../schema';
import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import { boundaryAt } from './chart';
import { hairRegionOutline } from './region';
import { ScalpSurface } from './surface';
import { createRng } from '../rng';

type HeadLike = Pick<HeadModel, 'chart' | 'landmarks'>;

export const HAIRLINE_STYLES = ['classic', 'soft', 'natural', 'mature', 'sharp'] as const;
export type HairlineStyle = (typeof HAIRLINE_STYLES)[number];

/** Draggable handles; +x (phi > 0) is the client's left. */
export const HANDLE_IDS = ['mid', 'frontotemporalLeft', 'frontotemporalRight', 'templeLeft', 'templeRight'] as const;
export type HandleId = (typeof HANDLE_IDS)[number];
/** Where the hairline meets the hair-bearing outline at each temple: shown, never moved. */
export type FixedHandleId = 'templeEndLeft' | 'templeEndRight';

const offsetSchema = (label: string) =>
  z.object({
    dPhiDeg: range(`${label} sideways offset`, '°', -40, 40),
    dThetaDeg: range(`${label} front-to-back offset`, '°', -40, 40),
  });

/** Offsets (chart degrees) of the dragged handles from the style's default positions. The mid
 * point's height is `midFrontalHeightMm`; only its sideways offset is stored here. */
export const hairlineHandlesSchema = z.object({
  midDPhiDeg: range('Mid-frontal point sideways offset', '°', -20, 20),
  frontotemporalLeft: offsetSchema('Left frontotemporal point'),
  frontotemporalRight: offsetSchema('Right frontotemporal point'),
  templeLeft: offsetSchema('Left temple peak'),
  templeRight: offsetSchema('Right temple peak'),
});

export const hairlineSchema = z.object({
  /** Mid-frontal point above the glabella, along the forehead: 7 (aggressive) to 10 cm (conservative). */
  midFrontalHeightMm: range('Hairline height', ' mm', 60, 120),
  /** Width over which dot density builds from the sparse feathered band at the front edge to
   * full (dots/feather.ts). */
  transitionMm: range('Hairline transition', ' mm', 2, 30),
  style: z.enum(HAIRLINE_STYLES, { error: "Hairline style must be 'classic', 'soft', 'natural', 'mature' or 'sharp'" }),
  /** Amplitude of the seeded wobble of the front edge. */
  irregularityMm: range('Hairline irregularity', ' mm', 0, 5),
  symmetric: z.boolean({ error: 'Hairline symmetry must be true or false' }),
  handles: hairlineHandlesSchema.nullable(),
});

export type Hairline = z.infer<typeof hairlineSchema>;
export type HairlineHandles = z.infer<typeof hairlineHandlesSchema>;

/** What the field builder needs; older designs carry only the first two fields. */
export type HairlineSpec = Pick<Hairline, 'midFrontalHeightMm'> & Partial<Omit<Hairline, 'midFrontalHeightMm'>>;

interface StylePreset {
  /** How far the frontotemporal point sits behind the mid-frontal point's polar angle (mm along
   * the surface, about). Assumed: no published figure per style; "mature" recedes the temples,
   * "classic" and "sharp" are about level with the mid point seen from the front. */
  ftRiseMm: number;
  /** Straight distance from the outer eye corner to the temple peak (Garg et al. 2017: ~5 cm). */
  peakFromEyeMm: number;
  /** 0 straight segments between handles (crisp corners) .. 1 a smooth monotone curve. */
  roundness: number;
  transitionMm: number;
  irregularityMm: number;
  /** Shortest and longest wavelengths of the wobble (mm along the edge): short ones break the line. */
  wobbleMm: [number, number];
  /** How much of `irregularityMm` the style lets through ('sharp' is an edged-up line: none). */
  wobbleGain: number;
}

/** Style presets. All figures are illustrative assumptions (SCIENCE.md section 4 gives only the
 * mid-frontal height and the frontotemporal and temple landmarks, not per-style shapes). */
export const HAIRLINE_STYLE_PRESETS: Record<HairlineStyle, StylePreset> = {
  classic: { ftRiseMm: 9, peakFromEyeMm: 50, roundness: 0.45, transitionMm: 10, irregularityMm: 0.5, wobbleMm: [20, 60], wobbleGain: 1 },
  soft: { ftRiseMm: 13, peakFromEyeMm: 50, roundness: 1, transitionMm: 18, irregularityMm: 1, wobbleMm: [20, 60], wobbleGain: 1 },
  natural: { ftRiseMm: 13, peakFromEyeMm: 52, roundness: 1, transitionMm: 12, irregularityMm: 3, wobbleMm: [3, 25], wobbleGain: 1 },
  mature: { ftRiseMm: 26, peakFromEyeMm: 62, roundness: 0.8, transitionMm: 10, irregularityMm: 1, wobbleMm: [15, 50], wobbleGain: 1 },
  sharp: { ftRiseMm: 6, peakFromEyeMm: 50, roundness: 0, transitionMm: 3, irregularityMm: 0, wobbleMm: [20, 60], wobbleGain: 0 },
};

export function defaultHairline(): Hairline {
  return { midFrontalHeightMm: 80, transitionMm: 10, style: 'classic', irregularityMm: 0.5, symmetric: true, handles: null };
}

/** The hairline with a style's defaults: its transition and irregularity, handles reset. */
export function withStyle(hairline: Hairline, style: HairlineStyle): Hairline {
  const p = HAIRLINE_STYLE_PRESETS[style];
  return { ...hairline, style, transitionMm: p.transitionMm, irregularityMm: p.irregularityMm, handles: null };
}

/** Lowest a handle may go: 45 mm along the surface above the glabella on the midline, and the
 * hair-bearing outline elsewhere. 45 mm is the outline's own front edge (region.ts) and leaves
 * the brows (about 1-2 cm above the glabella) a forehead between them and any hairline; no
 * design hairline goes there (the schema's minimum is 60 mm, 7 cm is "aggressive"). */
export const BROW_LIMIT_MM = 45;
/** Highest: a handle 150 mm above the glabella (along the midline's chart angle) is on the crown,
 * beyond any designed hairline (10 cm is conservative). Assumption. */
const CEILING_MM = 150;
/** Handles keep this far inside the outline, so the transition zone has room (assumption). */
const EDGE_MARGIN_RAD = (1.5 * Math.PI) / 180;
/** Smallest azimuth gap between neighbouring handles: closer and the curve folds (assumption). */
const MIN_GAP_RAD = (4 * Math.PI) / 180;
const DEG = 180 / Math.PI;
const MID_RANGE_MM: [number, number] = [60, 120];

/** Control points of the curve, right temple end to left temple end, signed phi (left > 0). */
interface Controls {
  phi: Float64Array; // 7
  theta: Float64Array; // 7
}
const ORDER: (HandleId | FixedHandleId)[] = ['templeEndRight', 'templeRight', 'frontotemporalRight', 'mid', 'frontotemporalLeft', 'templeLeft', 'templeEndLeft'];

const surfaces = new WeakMap<ScalpChart, ScalpSurface>();
export function surfaceOf(chart: ScalpChart): ScalpSurface {
  let s = surfaces.get(chart);
  if (!s) surfaces.set(chart, (s = new ScalpSurface(chart)));
  return s;
}

function resolve(spec: HairlineSpec): Hairline {
  const d = defaultHairline();
  return {
    midFrontalHeightMm: spec.midFrontalHeightMm,
    transitionMm: spec.transitionMm ?? d.transitionMm,
    style: spec.style ?? d.style,
    irregularityMm: spec.irregularityMm ?? d.irregularityMm,
    symmetric: spec.symmetric ?? d.symmetric,
    handles: spec.handles ?? null,
  };
}

// ---- chart geometry -------------------------------------------------------------------

/** Polar angles (theta, signed phi) of the direction of any point from the chart centre. */
export function polarOf(chart: ScalpChart, p: Vec3): [number, number] {
  const c = chart.centerMm,
    pole = chart.poleDir,
    f = chart.frontDir;
  const sx = pole[1] * f[2] - pole[2] * f[1],
    sy = pole[2] * f[0] - pole[0] * f[2],
    sz = pole[0] * f[1] - pole[1] * f[0];
  const dx = p[0] - c[0],
    dy = p[1] - c[1],
    dz = p[2] - c[2];
  const len = Math.hypot(dx, dy, dz) || 1;
  const theta = Math.acos(Math.max(-1, Math.min(1, (dx * pole[0] + dy * pole[1] + dz * pole[2]) / len)));
  return [theta, Math.atan2(dx * sx + dy * sy + dz * sz, dx * f[0] + dy * f[1] + dz * f[2])];
}

/** Surface point at polar angles (theta, phi), written to out; false beyond the chart. */
export function surfacePointAt(chart: ScalpChart, theta: number, phi: number, out: Vec3): boolean {
  const c = chart.centerMm,
    pole = chart.poleDir,
    f = chart.frontDir;
  const side = [pole[1] * f[2] - pole[2] * f[1], pole[2] * f[0] - pole[0] * f[2], pole[0] * f[1] - pole[1] * f[0]];
  const th = Math.min(theta, chart.thetaMaxRad),
    st = Math.sin(th),
    ct = Math.cos(th);
  const s = surfaceOf(chart);
  const d = [0, 1, 2].map((a) => pole[a] * ct + (f[a] * Math.cos(phi) + side[a] * Math.sin(phi)) * st);
  if (!s.project(c[0] + d[0] * 50, c[1] + d[1] * 50, c[2] + d[2] * 50)) return false;
  out[0] = s.x;
  out[1] = s.y;
  out[2] = s.z;
  return true;
}

/** Surface points of (phi, theta) pairs, xyz mm. */
export function chartPolyline(chart: ScalpChart, phis: ArrayLike<number>, thetas: ArrayLike<number>): Float32Array {
  const out = new Float32Array(phis.length * 3);
  const p: Vec3 = [0, 0, 0];
  for (let k = 0; k < phis.length; k++) {
    surfacePointAt(chart, thetas[k], phis[k], p);
    out.set(p, 3 * k);
  }
  return out;
}

/** Surface distance above the glabella along the front midline (chart row phi = 0) per theta
 * column: the rim node is joined to the glabella by a straight chord (the chart stops ~1 cm
 * above the brow, where the forehead is nearly flat). */
const midlineCache = new WeakMap<HeadLike['landmarks'], Float64Array>();
function midlineArc(head: HeadLike): Float64Array {
  let arc = midlineCache.get(head.landmarks);
  if (arc) return arc;
  const s = head.chart.surfaceMm,
    n = head.chart.thetaSteps,
    g = head.landmarks.glabella;
  arc = new Float64Array(n + 1);
  arc[n] = Math.hypot(s[3 * n] - g[0], s[3 * n + 1] - g[1], s[3 * n + 2] - g[2]);
  for (let i = n - 1; i >= 0; i--) {
    arc[i] = arc[i + 1] + Math.hypot(s[3 * i] - s[3 * i + 3], s[3 * i + 1] - s[3 * i + 4], s[3 * i + 2] - s[3 * i + 5]);
  }
  midlineCache.set(head.landmarks, arc);
  return arc;
}

/** Polar angle of the midline point `heightMm` above the glabella along the surface. */
export function midlineTheta(head: HeadLike, heightMm: number): number {
  const arc = midlineArc(head),
    n = head.chart.thetaSteps,
    dT = head.chart.thetaMaxRad / n;
  if (heightMm <= arc[n]) return head.chart.thetaMaxRad;
  for (let i = n - 1; i >= 0; i--) {
    if (arc[i] >= heightMm) return (i + (arc[i] - heightMm) / (arc[i] - arc[i + 1])) * dT;
  }
  return 0;
}

/** Surface distance above the glabella of the midline point at polar angle theta. */
export function midlineHeightMm(head: HeadLike, theta: number): number {
  const arc = midlineArc(head),
    n = head.chart.thetaSteps;
  const fi = Math.max(0, Math.min(n, (theta / head.chart.thetaMaxRad) * n));
  const i = Math.min(n - 1, Math.floor(fi));
  return arc[i] + (arc[i + 1] - arc[i]) * (fi - i);
}

/** The surface point on the vertical line (x, y) seen from the front: a few projections,
 * each correcting x and y (the chart projects radially from its centre). */
export function pointOnVertical(chart: ScalpChart, x: number, y: number, zGuess: number): Vec3 | null {
  const s = surfaceOf(chart);
  const p: Vec3 = [x, y, zGuess];
  for (let it = 0; it < 20; it++) {
    if (!s.project(p[0], p[1], p[2])) return null;
    const ex = x - s.x,
      ey = y - s.y;
    if (Math.abs(ex) < 1e-3 && Math.abs(ey) < 1e-3) return [s.x, s.y, s.z];
    p[0] += ex;
    p[1] += ey;
    p[2] = s.z;
  }
  // Where the vertical only grazes the head (over the top) there is no such point.
  return Math.abs(x - s.x) < 0.05 && Math.abs(y - s.y) < 0.05 ? [s.x, s.y, s.z] : null;
}

/** Azimuth (0..pi/2) at which the surface at polar angle theta reaches x = xMm (bisection:
 * x grows with phi over the front-left quarter). */
function phiAtX(chart: ScalpChart, theta: number, xMm: number): number {
  const q: Vec3 = [0, 0, 0];
  let lo = 0,
    hi = Math.PI / 2;
  for (let it = 0; it < 40; it++) {
    const m = 0.5 * (lo + hi);
    surfacePointAt(chart, theta, m, q);
    if (q[0] < xMm) lo = m;
    else hi = m;
  }
  return 0.5 * (lo + hi);
}

// ---- default handles from the landmarks -------------------------------------------------

/** Left-side defaults (theta, phi > 0) of the frontotemporal point, temple peak and temple end
 * for a style at a mid-frontal height; the right side mirrors them. */
function defaultControls(head: HeadLike, style: HairlineStyle, midHeightMm: number): Controls {
  const chart = head.chart;
  const l = head.landmarks;
  const p = HAIRLINE_STYLE_PRESETS[style];
  const tMid = midlineTheta(head, midHeightMm);
  const mid: Vec3 = [0, 0, 0];
  surfacePointAt(chart, tMid, 0, mid);
  const e = l.eyeOuterLeft;
  // Frontotemporal point: on the vertical through the outer eye corner (Garg et al. 2017), at
  // the mid point's polar angle less the style's rise (equal polar angle is an equal distance
  // from the crown, as the chart's pole tilts back with the head).
  const rMid = Math.hypot(mid[0] - chart.centerMm[0], mid[1] - chart.centerMm[1], mid[2] - chart.centerMm[2]);
  let tFt = tMid - p.ftRiseMm / rMid;
  let pFt = phiAtX(chart, tFt, e[0]);
  // Temple end: where the hairline meets the hair-bearing outline at the temple (region.ts).
  const [, pEnd] = polarOf(chart, hairRegionOutline(l)[3]);
  const tEnd = boundaryAt(chart, pEnd);
  // Temple peak: on the meridian halfway from the frontotemporal point to the temple end, the
  // point `peakFromEyeMm` straight from the outer eye corner (Garg et al. 2017: ~5 cm),
  // found walking up from the outline; kept inside the outline.
  const pPeak = 0.5 * (pFt + pEnd);
  const tLow = boundaryAt(chart, pPeak) - EDGE_MARGIN_RAD;
  let tPeak = tLow;
  const q: Vec3 = [0, 0, 0];
  for (let t = tLow; t > 0.3; t -= 0.002) {
    surfacePointAt(chart, t, pPeak, q);
    tPeak = t;
    if (Math.hypot(q[0] - e[0], q[1] - e[1], q[2] - e[2]) >= p.peakFromEyeMm) break;
  }
  tFt = Math.min(tFt, boundaryAt(chart, pFt) - EDGE_MARGIN_RAD);
  pFt = Math.max(pFt, MIN_GAP_RAD);
  return {
    phi: Float64Array.from([-pEnd, -pPeak, -pFt, 0, pFt, pPeak, pEnd]),
    theta: Float64Array.from([tEnd, tPeak, tFt, tMid, tFt, tPeak, tEnd]),
  };
}

const RAD = Math.PI / 180;
const SLOT: Record<HandleId, number> = { templeRight: 1, frontotemporalRight: 2, mid: 3, frontotemporalLeft: 4, templeLeft: 5 };

/** The control points of a hairline on a head: style defaults plus the stored offsets. */
function controls(head: HeadLike, h: Hairline): Controls {
  const c = defaultControls(head, h.style, h.midFrontalHeightMm);
  const o = h.handles;
  if (!o) return c;
  // A symmetric hairline takes the left side as the master (so switching symmetry on mirrors it).
  c.phi[3] += h.symmetric ? 0 : o.midDPhiDeg * RAD;
  for (const id of ['frontotemporalLeft', 'frontotemporalRight', 'templeLeft', 'templeRight'] as const) {
    const src = h.symmetric && id.endsWith('Right') ? o[MIRROR[id]] : o[id];
    const sign = h.symmetric && id.endsWith('Right') ? -1 : 1;
    c.phi[SLOT[id]] += sign * src.dPhiDeg * RAD;
    c.theta[SLOT[id]] += src.dThetaDeg * RAD;
  }
  // Offsets made on another head stay on this one's scalp.
  const ceiling = midlineTheta(head, CEILING_MM);
  for (const k of [1, 2, 4, 5]) c.theta[k] = Math.max(ceiling, Math.min(c.theta[k], boundaryAt(head.chart, c.phi[k]) - EDGE_MARGIN_RAD));
  // The mid point's height is midFrontalHeightMm at any sideways offset.
  return c;
}

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

// ---- handles -------------------------------------------------------------------------

export interface HairlineHandle {
  id: HandleId | FixedHandleId;
  positionMm: Vec3;
  /** Signed azimuth (rad), left > 0, and polar angle (rad) on the chart. */
  phi: number;
  theta: number;
  fixed: boolean;
}

/** Every handle, right temple end to left temple end. */
export function hairlineHandles(head: HeadLike, hairline: HairlineSpec): HairlineHandle[] {
  const c = controls(head, resolve(hairline));
  return ORDER.map((id, k) => {
    const positionMm: Vec3 = [0, 0, 0];
    surfacePointAt(head.chart, c.theta[k], c.phi[k], positionMm);
    return { id, positionMm, phi: c.phi[k], theta: c.theta[k], fixed: k === 0 || k === 6 };
  });
}

export interface MoveResult {
  hairline: Hairline;
  /** Why the handle was held short of the point, or null when it went where asked. */
  warning: string | null;
}

const NAMES: Record<HandleId, string> = {
  mid: 'mid-frontal point',
  frontotemporalLeft: 'left frontotemporal point',
  frontotemporalRight: 'right frontotemporal point',
  templeLeft: 'left temple peak',
  templeRight: 'right temple peak',
};
type LateralId = Exclude<HandleId, 'mid'>;
const MIRROR: Record<LateralId, LateralId> = {
  frontotemporalLeft: 'frontotemporalRight',
  frontotemporalRight: 'frontotemporalLeft',
  templeLeft: 'templeRight',
  templeRight: 'templeLeft',
};

/** Moves a handle to the scalp point nearest `pointMm` (and its mirror image when symmetric).
 * A point off the scalp, below the brows, past a neighbouring handle or onto the crown holds
 * the handle at the nearest valid position, with the reason. Returns a new hairline. */
export function moveHandle(head: HeadLike, hairline: HairlineSpec, id: HandleId | FixedHandleId, pointMm: Vec3): MoveResult {
  const h = resolve(hairline);
  if (id === 'templeEndLeft' || id === 'templeEndRight') {
    return { hairline: h, warning: 'The temple ends sit where the hairline meets the hair-bearing outline; they do not move.' };
  }
  const chart = head.chart;
  const g = head.landmarks.glabella;
  let [theta, phi] = polarOf(chart, pointMm);
  const reasons: string[] = [];
  const name = NAMES[id];
  const onForehead = Math.abs(phi) < polarOf(chart, hairRegionOutline(head.landmarks)[2])[1];

  // 1. Onto the hair-bearing scalp.
  const floor = boundaryAt(chart, phi) - EDGE_MARGIN_RAD;
  if (theta > floor) {
    const belowBrowLine = pointMm[1] < g[1] + BROW_LIMIT_MM && pointMm[2] > 0;
    if (onForehead && belowBrowLine) {
      const held = id === 'mid' ? `${MID_RANGE_MM[0]} mm, the lowest hairline a design allows` : 'the edge of the hair-bearing scalp';
      reasons.push(`The ${name} can't go down to the eyebrows (under ${BROW_LIMIT_MM} mm above the glabella); it is held at ${held}.`);
    } else {
      reasons.push(`The ${name} was dragged off the hair-bearing scalp; it is held on its edge.`);
    }
    theta = floor;
  }
  const ceiling = midlineTheta(head, CEILING_MM);
  if (theta < ceiling) {
    reasons.push(`The ${name} can't go onto the crown (more than ${CEILING_MM} mm above the glabella); it is held in front of it.`);
    theta = ceiling;
  }

  // 2. The mid point's height is the design's midFrontalHeightMm, within its range.
  let next: Hairline = { ...h };
  const offsets: HairlineHandles = h.handles ? structuredClone(h.handles) : zeroHandles();
  if (id === 'mid') {
    let height = midlineHeightMm(head, theta);
    if (height < MID_RANGE_MM[0]) {
      if (!reasons.length) {
        reasons.push(
          height < BROW_LIMIT_MM
            ? `The mid-frontal point can't go down to the eyebrows; it is held at ${MID_RANGE_MM[0]} mm above the glabella, the lowest hairline a design allows.`
            : `The mid-frontal point is held at ${MID_RANGE_MM[0]} mm above the glabella, the lowest hairline a design allows (7 cm is already aggressive).`,
        );
      }
      height = MID_RANGE_MM[0];
    } else if (height > MID_RANGE_MM[1]) {
      reasons.push(`The mid-frontal point is held at ${MID_RANGE_MM[1]} mm above the glabella, the highest hairline a design allows.`);
      height = MID_RANGE_MM[1];
    }
    next.midFrontalHeightMm = Math.round(height * 100) / 100;
    if (h.symmetric) phi = 0;
  }

  // 3. Keep the handles in order left to right, so the curve cannot cross or fold.
  const c = controls(head, { ...next, handles: offsets });
  const slot = SLOT[id];
  const lo = c.phi[slot - 1] + MIN_GAP_RAD,
    hi = c.phi[slot + 1] - MIN_GAP_RAD;
  if (phi < lo || phi > hi) {
    phi = Math.max(lo, Math.min(hi, phi));
    const between = neighbours(id);
    reasons.push(`The ${name} must stay between the ${between[0]} and the ${between[1]}, or the hairline would cross itself; it is held there.`);
  }
  // Re-check the outline where the handle ended up.
  theta = Math.min(theta, boundaryAt(chart, phi) - EDGE_MARGIN_RAD);

  // 4. Store as offsets from the defaults (the defaults follow the mid-frontal height).
  const d = defaultControls(head, next.style, next.midFrontalHeightMm);
  if (id === 'mid') {
    offsets.midDPhiDeg = clampDeg((phi - d.phi[3]) * DEG, 20);
  } else {
    offsets[id] = { dPhiDeg: clampDeg((phi - d.phi[slot]) * DEG, 40), dThetaDeg: clampDeg((theta - d.theta[slot]) * DEG, 40) };
    if (h.symmetric) offsets[MIRROR[id]] = { dPhiDeg: -offsets[id].dPhiDeg, dThetaDeg: offsets[id].dThetaDeg };
  }
  next = { ...next, handles: offsets };
  return { hairline: next, warning: reasons.length ? reasons.join(' ') : null };
}

function neighbours(id: HandleId): [string, string] {
  switch (id) {
    case 'mid':
      return ['right frontotemporal point', 'left frontotemporal point'];
    case 'frontotemporalLeft':
      return ['mid-frontal point', 'left temple peak'];
    case 'frontotemporalRight':
      return ['right temple peak', 'mid-frontal point'];
    case 'templeLeft':
      return ['left frontotemporal point', 'left temple end'];
    case 'templeRight':
      return ['right temple end', 'right frontotemporal point'];
  }
}

function clampDeg(v: number, limit: number): number {
  return Math.round(Math.max(-limit, Math.min(limit, v)) * 1e4) / 1e4;
}

function zeroHandles(): HairlineHandles {
  const z0 = () => ({ dPhiDeg: 0, dThetaDeg: 0 });
  return { midDPhiDeg: 0, frontotemporalLeft: z0(), frontotemporalRight: z0(), templeLeft: z0(), templeRight: z0() };
}
