/** Geometry on the scalp chart: polar angles of points, surface points at polar angles, and
 * heights along the front midline above the glabella. */
import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import { ScalpSurface } from './surface';

export type HeadLike = Pick<HeadModel, 'chart' | 'landmarks'>;

const surfaces = new WeakMap<ScalpChart, ScalpSurface>();
export function surfaceOf(chart: ScalpChart): ScalpSurface {
  let s = surfaces.get(chart);
  if (!s) surfaces.set(chart, (s = new ScalpSurface(chart)));
  return s;
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
export function phiAtX(chart: ScalpChart, theta: number, xMm: number): number {
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
