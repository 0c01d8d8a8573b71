import type { Landmark, ScalpChart, Vec3 } from '../head/types';
import { hairRegionOutline } from './region';

export type DistanceFn = (x: number, y: number, z: number) => number;

const THETA_STEPS = 256;
const PHI_STEPS = 256;
/** The chart reaches this far past the hair-bearing boundary, so dots at the edge bake whole. */
const MARGIN_RAD = (6 * Math.PI) / 180;
/** A mesh point further than this from the charted surface along its ray is not on the chart. */
const OFF_SURFACE_MM = 1.5;

/** Builds the area-preserving polar chart of the scalp (see ScalpChart).
 * Rays leave a point inside the cranium; the surface they hit gives the area density
 * a(theta, phi) = |dP/dtheta x dP/dphi|, and rho^2 / 2 = integral of a over theta makes chart
 * area equal surface area along every azimuth, so dot density per chart area is density per mm^2. */
export function buildScalpChart(distance: DistanceFn, landmarks: Record<Landmark, Vec3>): ScalpChart {
  const { centerMm, poleDir, frontDir } = chartFrame(landmarks);
  const sideDir = cross(poleDir, frontDir);
  const frame: Frame = { c: centerMm, pole: poleDir, front: frontDir, side: sideDir };

  const outline = hairRegionOutline(landmarks);
  const boundaryThetaRad = new Float32Array(PHI_STEPS + 1);
  const outlinePolar = outline.map((p) => toPolar(frame, p[0], p[1], p[2])).sort((a, b) => a[1] - b[1]);
  for (let j = 0; j <= PHI_STEPS; j++) {
    boundaryThetaRad[j] = interpolatePeriodic(outlinePolar, (j / PHI_STEPS) * 2 * Math.PI);
  }
  let maxBoundary = 0;
  for (let j = 0; j < PHI_STEPS; j++) maxBoundary = Math.max(maxBoundary, boundaryThetaRad[j]);
  const thetaMaxRad = Math.min(Math.PI * 0.95, maxBoundary + MARGIN_RAD);

  // Surface points on the (phi, theta) grid.
  const rows = PHI_STEPS + 1;
  const cols = THETA_STEPS + 1;
  const pts = new Float64Array(rows * cols * 3);
  const dir: Vec3 = [0, 0, 0];
  for (let j = 0; j < rows; j++) {
    const phi = (j / PHI_STEPS) * 2 * Math.PI;
    let t = 0;
    for (let i = 0; i < cols; i++) {
      const theta = (i / THETA_STEPS) * thetaMaxRad;
      direction(frame, theta, phi, dir);
      t = hitAlongRay(distance, centerMm, dir, t);
      const k = (j * cols + i) * 3;
      pts[k] = centerMm[0] + dir[0] * t;
      pts[k + 1] = centerMm[1] + dir[1] * t;
      pts[k + 2] = centerMm[2] + dir[2] * t;
    }
  }

  // rho^2 / 2 = cumulative area per radian of phi, by the trapezoid rule.
  const dTheta = thetaMaxRad / THETA_STEPS;
  const dPhi = (2 * Math.PI) / PHI_STEPS;
  const rhoMm = new Float32Array(rows * cols);
  for (let j = 0; j < PHI_STEPS; j++) {
    const jm = (j + PHI_STEPS - 1) % PHI_STEPS;
    const jp = (j + 1) % PHI_STEPS;
    let integral = 0;
    let prevA = 0;
    for (let i = 0; i < cols; i++) {
      const a = areaDensity(pts, cols, j, jm, jp, i, dTheta, dPhi);
      if (i > 0) integral += 0.5 * (a + prevA) * dTheta;
      prevA = a;
      rhoMm[j * cols + i] = Math.sqrt(2 * integral);
    }
  }
  rhoMm.copyWithin(PHI_STEPS * cols, 0, cols);

  let extentMm = 0;
  for (let k = 0; k < rhoMm.length; k++) extentMm = Math.max(extentMm, rhoMm[k]);

  const chart: ScalpChart = {
    centerMm,
    poleDir,
    frontDir,
    thetaSteps: THETA_STEPS,
    phiSteps: PHI_STEPS,
    thetaMaxRad,
    rhoMm,
    surfaceMm: Float32Array.from(pts),
    extentMm: extentMm * 1.002,
    boundaryThetaRad,
    regionAreaMm2: 0,
  };
  let area = 0;
  for (let j = 0; j < PHI_STEPS; j++) {
    const rho = rhoAt(chart, boundaryThetaRad[j], (j / PHI_STEPS) * 2 * Math.PI);
    area += 0.5 * rho * rho * dPhi;
  }
  chart.regionAreaMm2 = area;
  return chart;
}

/** Chart coordinates of a point: polar angles and the chart position in mm (x, y about the
 * chart centre) and in texture space (u, v in [0, 1]). */
export interface ChartPoint {
  thetaRad: number;
  phiRad: number;
  xMm: number;
  yMm: number;
  u: number;
  v: number;
  inRegion: boolean;
}

/** Returns false outside the chart. */
export function toChart(chart: ScalpChart, x: number, y: number, z: number, out: ChartPoint): boolean {
  const f = frameOf(chart);
  const [theta, phi] = toPolar(f, x, y, z);
  out.thetaRad = theta;
  out.phiRad = phi;
  if (theta > chart.thetaMaxRad) return false;
  // Points off the charted surface along their ray (the ears, which overhang the scalp) are not on the chart.
  const r = Math.hypot(x - chart.centerMm[0], y - chart.centerMm[1], z - chart.centerMm[2]);
  if (Math.abs(r - surfaceDistanceAt(chart, theta, phi)) > OFF_SURFACE_MM) return false;
  const rho = rhoAt(chart, theta, phi);
  out.xMm = rho * Math.cos(phi);
  out.yMm = rho * Math.sin(phi);
  out.u = 0.5 + out.xMm / (2 * chart.extentMm);
  out.v = 0.5 + out.yMm / (2 * chart.extentMm);
  out.inRegion = theta <= boundaryAt(chart, phi);
  return true;
}

/** True when a point on the head lies in the hair-bearing region. */
export function inHairRegion(chart: ScalpChart, x: number, y: number, z: number): boolean {
  return toChart(chart, x, y, z, scratch) && scratch.inRegion;
}
const scratch: ChartPoint = { thetaRad: 0, phiRad: 0, xMm: 0, yMm: 0, u: 0, v: 0, inRegion: false };

/** Per-vertex texture coordinates on the chart; -1, -1 outside it. */
export function chartUvForPositions(chart: ScalpChart, positions: Float32Array): Float32Array {
  const n = positions.length / 3;
  const uv = new Float32Array(n * 2);
  const p: ChartPoint = { thetaRad: 0, phiRad: 0, xMm: 0, yMm: 0, u: 0, v: 0, inRegion: false };
  for (let k = 0; k < n; k++) {
    if (toChart(chart, positions[3 * k], positions[3 * k + 1], positions[3 * k + 2], p)) {
      uv[2 * k] = p.u;
      uv[2 * k + 1] = p.v;
    } else {
      uv[2 * k] = -1;
      uv[2 * k + 1] = -1;
    }
  }
  return uv;
}

export function rhoAt(chart: ScalpChart, theta: number, phi: number): number {
  const cols = chart.thetaSteps + 1;
  const dTheta = chart.thetaMaxRad / chart.thetaSteps;
  const fi = Math.min(theta / chart.thetaMaxRad, 1) * chart.thetaSteps;
  const fj = (wrapPhi(phi) / (2 * Math.PI)) * chart.phiSteps;
  const i0 = Math.min(Math.floor(fi), chart.thetaSteps - 1);
  const j0 = Math.min(Math.floor(fj), chart.phiSteps - 1);
  // rho^2 grows like 1 - cos(theta) (exactly so on a sphere), so interpolate in that variable:
  // linear interpolation in theta would distort the cells around the pole.
  const c0 = Math.cos(i0 * dTheta);
  const ti = (c0 - Math.cos(theta)) / (c0 - Math.cos((i0 + 1) * dTheta));
  const tj = fj - j0;
  const r = chart.rhoMm;
  const a = r[j0 * cols + i0] ** 2 * (1 - ti) + r[j0 * cols + i0 + 1] ** 2 * ti;
  const b = r[(j0 + 1) * cols + i0] ** 2 * (1 - ti) + r[(j0 + 1) * cols + i0 + 1] ** 2 * ti;
  return Math.sqrt(Math.max(0, a * (1 - tj) + b * tj));
}

/** Distance from the chart centre to the chart's surface along the direction (theta, phi). */
export function surfaceDistanceAt(chart: ScalpChart, theta: number, phi: number): number {
  const cols = chart.thetaSteps + 1;
  const fi = Math.min(theta / chart.thetaMaxRad, 1) * chart.thetaSteps;
  const fj = (wrapPhi(phi) / (2 * Math.PI)) * chart.phiSteps;
  const i0 = Math.min(Math.floor(fi), chart.thetaSteps - 1);
  const j0 = Math.min(Math.floor(fj), chart.phiSteps - 1);
  const ti = fi - i0,
    tj = fj - j0;
  const s = chart.surfaceMm,
    c = chart.centerMm;
  const dist = (k: number) => Math.hypot(s[3 * k] - c[0], s[3 * k + 1] - c[1], s[3 * k + 2] - c[2]);
  const k = j0 * cols + i0;
  return (dist(k) * (1 - ti) + dist(k + 1) * ti) * (1 - tj) + (dist(k + cols) * (1 - ti) + dist(k + cols + 1) * ti) * tj;
}

export function boundaryAt(chart: ScalpChart, phi: number): number {
  const fj = (wrapPhi(phi) / (2 * Math.PI)) * chart.phiSteps;
  const j0 = Math.min(Math.floor(fj), chart.phiSteps - 1);
  const t = fj - j0;
  return chart.boundaryThetaRad[j0] * (1 - t) + chart.boundaryThetaRad[j0 + 1] * t;
}

interface Frame {
  c: Vec3;
  pole: Vec3;
  front: Vec3;
  side: Vec3;
}

const frameCache = new WeakMap<ScalpChart, Frame>();
function frameOf(chart: ScalpChart): Frame {
  let f = frameCache.get(chart);
  if (!f) {
    f = { c: chart.centerMm, pole: chart.poleDir, front: chart.frontDir, side: cross(chart.poleDir, chart.frontDir) };
    frameCache.set(chart, f);
  }
  return f;
}

/** Centre inside the cranium, pole tilted back so the forehead and the nape lie at similar
 * polar angles (the hair-bearing region reaches much lower at the back than at the front). */
function chartFrame(l: Record<Landmark, Vec3>): { centerMm: Vec3; poleDir: Vec3; frontDir: Vec3 } {
  const midZ = 0.5 * (l.glabella[2] + l.opisthocranion[2]);
  const centerMm: Vec3 = [0, 0.35 * l.vertex[1], midZ];
  const tilt = (35 * Math.PI) / 180;
  const poleDir: Vec3 = [0, Math.cos(tilt), -Math.sin(tilt)];
  const frontDir: Vec3 = [0, Math.sin(tilt), Math.cos(tilt)];
  return { centerMm, poleDir, frontDir };
}

function toPolar(f: Frame, x: number, y: number, z: number): [number, number] {
  const dx = x - f.c[0];
  const dy = y - f.c[1];
  const dz = z - f.c[2];
  const len = Math.hypot(dx, dy, dz) || 1;
  const cp = (dx * f.pole[0] + dy * f.pole[1] + dz * f.pole[2]) / len;
  const theta = Math.acos(Math.max(-1, Math.min(1, cp)));
  const phi = Math.atan2(dx * f.side[0] + dy * f.side[1] + dz * f.side[2], dx * f.front[0] + dy * f.front[1] + dz * f.front[2]);
  return [theta, wrapPhi(phi)];
}

function direction(f: Frame, theta: number, phi: number, out: Vec3): void {
  const st = Math.sin(theta);
  const ct = Math.cos(theta);
  const cf = Math.cos(phi) * st;
  const sf = Math.sin(phi) * st;
  for (let k = 0; k < 3; k++) out[k] = f.pole[k] * ct + f.front[k] * cf + f.side[k] * sf;
}

/** Distance along the ray to the first surface crossing, starting from a nearby guess. */
function hitAlongRay(distance: DistanceFn, c: Vec3, d: Vec3, guess: number): number {
  const at = (t: number) => distance(c[0] + d[0] * t, c[1] + d[1] * t, c[2] + d[2] * t);
  // Step back to a point inside (the previous sample's hit is a good neighbour).
  let lo = Math.max(0, guess - 4);
  while (lo > 0 && at(lo) >= 0) lo = Math.max(0, lo - 8);
  // March outward; each step is bounded by the distance to the surface, so none is skipped.
  let dLo = at(lo);
  let hi = lo;
  for (let n = 0; n < 400; n++) {
    const step = Math.max(-dLo, 0.05);
    hi = lo + step;
    const dHi = at(hi);
    if (dHi >= 0) break;
    lo = hi;
    dLo = dHi;
  }
  for (let n = 0; n < 24 && hi - lo > 1e-4; n++) {
    const mid = 0.5 * (lo + hi);
    if (at(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function areaDensity(pts: Float64Array, cols: number, j: number, jm: number, jp: number, i: number, dTheta: number, dPhi: number): number {
  const iPrev = i > 0 ? i - 1 : i;
  const iNext = i < cols - 1 ? i + 1 : i;
  const kt0 = (j * cols + iPrev) * 3;
  const kt1 = (j * cols + iNext) * 3;
  const kp0 = (jm * cols + i) * 3;
  const kp1 = (jp * cols + i) * 3;
  const ht = (iNext - iPrev) * dTheta;
  const tx = (pts[kt1] - pts[kt0]) / ht;
  const ty = (pts[kt1 + 1] - pts[kt0 + 1]) / ht;
  const tz = (pts[kt1 + 2] - pts[kt0 + 2]) / ht;
  const px = (pts[kp1] - pts[kp0]) / (2 * dPhi);
  const py = (pts[kp1 + 1] - pts[kp0 + 1]) / (2 * dPhi);
  const pz = (pts[kp1 + 2] - pts[kp0 + 2]) / (2 * dPhi);
  return Math.hypot(ty * pz - tz * py, tz * px - tx * pz, tx * py - ty * px);
}

/** Linear interpolation of theta over phi through outline points sorted by phi. */
function interpolatePeriodic(sorted: [number, number][], phi: number): number {
  const n = sorted.length;
  for (let k = 0; k < n; k++) {
    const a = sorted[k];
    const b = k + 1 < n ? sorted[k + 1] : [sorted[0][0], sorted[0][1] + 2 * Math.PI];
    let p = phi;
    if (p < a[1]) p += 2 * Math.PI;
    if (p >= a[1] && p <= b[1]) {
      const t = (p - a[1]) / (b[1] - a[1] || 1);
      return a[0] * (1 - t) + b[0] * t;
    }
  }
  return sorted[0][0];
}

function wrapPhi(phi: number): number {
  const tau = 2 * Math.PI;
  return ((phi % tau) + tau) % tau;
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
