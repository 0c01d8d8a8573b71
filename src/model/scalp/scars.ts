/** Scars on the scalp: a strip (FUT) scar across the back of the head, punctate (FUE) scars in
 * the donor area, and free shapes. `scarField` gives the scar-tissue share (0..1) on the chart
 * grid; the lead renders scar skin lighter and smoother from it, hair does not grow where it is
 * 1, and `dotsOnScar` flags the dots placed on scar tissue (which holds pigment less evenly). */
import { z } from '../zod';
import { range } from '../schema';
import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import type { DotSet } from '../dots/types';
import { createRng } from '../rng';
import { boundaryAt, rhoAt } from './chart';
import { polarOf, surfaceOf } from './chartGeometry';
import type { ScalpSurface } from './surface';

type HeadLike = Pick<HeadModel, 'chart' | 'landmarks'>;

export const MAX_SCARS = 20;
const id = z.string().min(1, { error: 'A scar needs an id' }).max(40, { error: 'A scar id has at most 40 characters' });

/** A linear donor scar left by strip harvesting, centred on the back midline. */
export const stripScarSchema = z.object({
  id,
  kind: z.literal('strip'),
  /** End to end, along the surface. FUT strips run up to ear to ear (~25-30 cm). */
  lengthMm: range('Strip scar length', ' mm', 20, 350),
  /** Healed width: a fine line of 1-2 mm to a stretched scar of a centimetre or more. */
  widthMm: range('Strip scar width', ' mm', 0.5, 20),
  /** Height of its centre line above the inion (vertical). */
  heightAboveInionMm: range('Strip scar height above the inion', ' mm', -40, 80),
});

/** Round white dots left by follicular unit extraction punches, spread over the donor area. */
export const punctateScarsSchema = z.object({
  id,
  kind: z.literal('punctate'),
  count: z
    .number({ error: 'Number of FUE scars must be a number' })
    .int({ error: 'Number of FUE scars must be a whole number' })
    .min(1, { error: 'Number of FUE scars must be at least 1' })
    .max(5000, { error: 'Number of FUE scars must be at most 5000' }),
  /** Punches are 0.7-1.2 mm; the scar is about the punch's size. */
  diameterMm: range('FUE scar diameter', ' mm', 0.3, 2),
});

/** Any other scar: a closed polygon of points on the scalp (projected onto it), mm. */
export const freeScarSchema = z.object({
  id,
  kind: z.literal('free'),
  pointsMm: z
    .array(z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]), { error: 'A free scar is a list of [x, y, z] points in mm' })
    .min(3, { error: 'A free scar needs at least 3 points' })
    .max(64, { error: 'A free scar has at most 64 points' }),
});

export const scarSchema = z.discriminatedUnion('kind', [stripScarSchema, punctateScarsSchema, freeScarSchema], {
  error: "A scar's kind must be 'strip', 'punctate' or 'free'",
});
export const scarsSchema = z.array(scarSchema).max(MAX_SCARS, { error: `A design has at most ${MAX_SCARS} scars` });

export type Scar = z.infer<typeof scarSchema>;
export type StripScar = z.infer<typeof stripScarSchema>;
export type PunctateScars = z.infer<typeof punctateScarsSchema>;

/** A client without scars. */
export function defaultScars(): Scar[] {
  return [];
}

/** A new scar of each kind, as the controls add it. Figures are typical, not measured: a
 * 20 cm x 2 mm fine-line FUT scar 4 cm above the inion; 1,500 FUE grafts of 0.9 mm; a
 * 2.4 x 1 cm oval on the right parietal scalp (placed for the 50th percentile head and
 * projected onto any other). */
export function defaultScar(kind: Scar['kind'], scarId: string = kind): Scar {
  if (kind === 'strip') return { id: scarId, kind, lengthMm: 200, widthMm: 2, heightAboveInionMm: 40 };
  if (kind === 'punctate') return { id: scarId, kind, count: 1500, diameterMm: 0.9 };
  const pointsMm: [number, number, number][] = [];
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    pointsMm.push([-55, 105 + 5 * Math.sin(a), -10 + 12 * Math.cos(a)]);
  }
  return { id: scarId, kind, pointsMm };
}

/** Soft edge of scar tissue: the share goes from 1 to 0 over this width across the edge. */
export const SCAR_EDGE_MM = 0.5;
/** Donor area for FUE scars (assumption, the usual "safe donor zone"): behind the temples
 * (azimuth 75-285 degrees from the front), from 15 mm above the nape hairline to 60 mm above
 * the tragi. */
const DONOR_PHI: [number, number] = [(75 * Math.PI) / 180, (285 * Math.PI) / 180];
const STREAM = 0x5c00; // + scar index
const SUB = 4; // sub-samples per node cell side, so scars smaller than a cell keep their area

/** Scar-tissue share per chart grid node (layout of ScalpChart.rhoMm): the share of the node's
 * cell that scar covers, with a soft edge of SCAR_EDGE_MM. Overlapping scars take the larger. */
export function scarField(head: HeadLike, scars: Scar[], seed: number): Float32Array {
  const chart = head.chart;
  const cols = chart.thetaSteps + 1;
  const field = new Float32Array((chart.phiSteps + 1) * cols);
  scars.forEach((scar, k) => {
    if (scar.kind === 'strip') paintPolyline(chart, field, stripCentreline(head, scar), scar.widthMm / 2);
    else if (scar.kind === 'punctate') {
      const centres = punctateCentres(head, scar, createRng(seed, STREAM + k));
      for (let c = 0; c < centres.length; c += 3) paintPolyline(chart, field, centres.subarray(c, c + 3), scar.diameterMm / 2);
    } else paintPolygon(chart, field, scar.pointsMm);
  });
  // Rows 0 and phiSteps are the same azimuth.
  const last = chart.phiSteps * cols;
  for (let i = 0; i < cols; i++) field[i] = field[last + i] = Math.max(field[i], field[last + i]);
  return field;
}

/** Scar area (mm^2): the share integrated over the chart, whose area equals surface area. */
export function scarAreaMm2(chart: ScalpChart, field: Float32Array): number {
  const cols = chart.thetaSteps + 1;
  const dPhi = (2 * Math.PI) / chart.phiSteps;
  let area = 0;
  for (let j = 0; j < chart.phiSteps; j++) {
    for (let i = 0; i < cols; i++) {
      const s = field[j * cols + i];
      if (s === 0) continue;
      const r = chart.rhoMm,
        k = j * cols + i;
      const lo = i > 0 ? 0.5 * (r[k - 1] ** 2 + r[k] ** 2) : 0;
      const hi = i < cols - 1 ? 0.5 * (r[k] ** 2 + r[k + 1] ** 2) : r[k] ** 2;
      area += s * 0.5 * (hi - lo) * dPhi;
    }
  }
  return area;
}

/** True when the last projection of `surface` lies on scar tissue (share at least a half). */
export function isOnScar(field: Float32Array, surface: ScalpSurface): boolean {
  return surface.sampleGrid(field) >= 0.5;
}

/** Per dot: 1 on scar tissue (share at least a half), else 0. */
export function dotsOnScar(head: HeadLike, field: Float32Array, dots: Pick<DotSet, 'count' | 'positions'>): Uint8Array {
  const s = surfaceOf(head.chart);
  const out = new Uint8Array(dots.count);
  const p = dots.positions;
  for (let i = 0; i < dots.count; i++) {
    if (s.project(p[3 * i], p[3 * i + 1], p[3 * i + 2]) && s.sampleGrid(field) >= 0.5) out[i] = 1;
  }
  return out;
}

// ---- shapes ----------------------------------------------------------------------------

/** The strip's centre line, xyz mm: the surface curve at its height around the back of the
 * head, (length - width) long, so that with round ends the scar is `lengthMm` end to end.
 * It stops where it would leave the hair-bearing region (over the ears at low heights). */
export function stripCentreline(head: HeadLike, scar: StripScar): Float32Array {
  const y0 = head.landmarks.inion[1] + scar.heightAboveInionMm;
  const zc = head.chart.centerMm[2];
  const half = Math.max(0, (scar.lengthMm - scar.widthMm) / 2);
  const sides: number[][] = [[], []];
  for (const [n, sign] of [
    [0, 1],
    [1, -1],
  ] as const) {
    let arc = 0;
    let prev: Vec3 | null = null;
    for (let a = 0; a < Math.PI; a += Math.PI / 720) {
      const q = backPoint(head.chart, sign * a, y0, zc);
      if (!q) break;
      if (prev) {
        const step = Math.hypot(q[0] - prev[0], q[1] - prev[1], q[2] - prev[2]);
        if (arc + step >= half) {
          const t = (half - arc) / step;
          sides[n].push(prev[0] + (q[0] - prev[0]) * t, prev[1] + (q[1] - prev[1]) * t, prev[2] + (q[2] - prev[2]) * t);
          break;
        }
        arc += step;
      }
      sides[n].push(...q);
      prev = q;
    }
  }
  // Right side reversed, then the left side without its repeated midline point.
  const right = sides[1];
  const pts: number[] = [];
  for (let k = right.length - 3; k >= 0; k -= 3) pts.push(right[k], right[k + 1], right[k + 2]);
  pts.push(...sides[0].slice(3));
  return Float32Array.from(pts);
}

/** Surface point at height y0 in the horizontal direction `a` from the back midline (a > 0
 * toward the left ear); null off the hair-bearing region. */
function backPoint(chart: ScalpChart, a: number, y0: number, zc: number): Vec3 | null {
  const s = surfaceOf(chart);
  const dx = Math.sin(a),
    dz = -Math.cos(a);
  let r = 90,
    y = y0;
  for (let it = 0; it < 10; it++) {
    if (!s.project(dx * r, y, zc + dz * r)) return null;
    r = Math.hypot(s.x, s.z - zc);
    y += y0 - s.y;
  }
  const [theta, phi] = polarOf(chart, [s.x, s.y, s.z]);
  if (theta > boundaryAt(chart, phi)) return null;
  return [s.x, s.y, s.z];
}

/** Seeded, area-uniform FUE scar centres in the donor area, xyz mm. */
export function punctateCentres(head: HeadLike, scar: PunctateScars, rng: { next(): number }): Float32Array {
  const chart = head.chart;
  const l = head.landmarks;
  const yLo = l.nape[1] + 15,
    yHi = l.tragusLeft[1] + 60;
  const out = new Float32Array(scar.count * 3);
  const R = chart.extentMm;
  const q: Vec3 = [0, 0, 0];
  let n = 0;
  // Uniform in the chart plane is uniform on the surface (the chart preserves area).
  for (let tries = 0; n < scar.count && tries < scar.count * 200; tries++) {
    const X = (rng.next() * 2 - 1) * R,
      Y = (rng.next() * 2 - 1) * R;
    const rho = Math.hypot(X, Y);
    let phi = Math.atan2(Y, X);
    if (phi < 0) phi += 2 * Math.PI;
    if (phi < DONOR_PHI[0] || phi > DONOR_PHI[1]) continue;
    const theta = thetaOfRho(chart, rho, phi);
    if (theta < 0 || theta > boundaryAt(chart, phi)) continue;
    gridPointAt(chart, (theta / chart.thetaMaxRad) * chart.thetaSteps, (phi / (2 * Math.PI)) * chart.phiSteps, q);
    if (q[1] < yLo || q[1] > yHi) continue;
    out.set(q, 3 * n++);
  }
  return out.subarray(0, 3 * n);
}

/** Polar angle where the chart radius along azimuth phi reaches rho; -1 beyond the chart. */
function thetaOfRho(chart: ScalpChart, rho: number, phi: number): number {
  let lo = 0,
    hi = chart.thetaMaxRad;
  if (rhoAt(chart, hi, phi) < rho) return -1;
  for (let it = 0; it < 30; it++) {
    const m = 0.5 * (lo + hi);
    if (rhoAt(chart, m, phi) < rho) lo = m;
    else hi = m;
  }
  return 0.5 * (lo + hi);
}

/** Surface point at fractional grid indices (bilinear in the chart's surface grid). */
function gridPointAt(chart: ScalpChart, fi: number, fj: number, out: Vec3): void {
  const cols = chart.thetaSteps + 1;
  fi = Math.max(0, Math.min(chart.thetaSteps, fi));
  fj = ((fj % chart.phiSteps) + chart.phiSteps) % chart.phiSteps;
  const i0 = Math.min(chart.thetaSteps - 1, Math.floor(fi)),
    j0 = Math.floor(fj);
  const ti = fi - i0,
    tj = fj - j0;
  const s = chart.surfaceMm;
  const k = (j0 * cols + i0) * 3,
    kc = k + cols * 3;
  for (let c = 0; c < 3; c++) {
    out[c] = (s[k + c] * (1 - ti) + s[k + 3 + c] * ti) * (1 - tj) + (s[kc + c] * (1 - ti) + s[kc + 3 + c] * ti) * tj;
  }
}

/** Grid window (node indices, j unwrapped) around points, padded by padMm. */
function windowOf(chart: ScalpChart, pts: ArrayLike<number>, padMm: number): [number, number, number, number] {
  const ti = chart.thetaSteps / chart.thetaMaxRad,
    tj = chart.phiSteps / (2 * Math.PI);
  let i0 = Infinity,
    i1 = -Infinity,
    j0 = Infinity,
    j1 = -Infinity;
  let ref = NaN;
  const c = chart.centerMm;
  for (let k = 0; k < pts.length; k += 3) {
    const p: Vec3 = [pts[k], pts[k + 1], pts[k + 2]];
    let [theta, phi] = polarOf(chart, p);
    // Keep azimuths of one shape together across the front midline (phi = 0 = 2 pi).
    if (phi < 0) phi += 2 * Math.PI;
    if (Number.isNaN(ref)) ref = phi;
    if (phi - ref > Math.PI) phi -= 2 * Math.PI;
    else if (ref - phi > Math.PI) phi += 2 * Math.PI;
    const r = Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]);
    const di = (padMm / r) * ti,
      dj = (padMm / (r * Math.max(0.2, Math.sin(theta)))) * tj;
    i0 = Math.min(i0, theta * ti - di);
    i1 = Math.max(i1, theta * ti + di);
    j0 = Math.min(j0, phi * tj - dj);
    j1 = Math.max(j1, phi * tj + dj);
  }
  return [Math.max(0, Math.floor(i0)), Math.min(chart.thetaSteps, Math.ceil(i1)), Math.floor(j0), Math.ceil(j1)];
}

/** Paints the union of discs of radius `radiusMm` around a polyline (a capsule chain; a single
 * point gives a disc): node share = mean soft coverage over SUB x SUB points of its cell. */
function paintPolyline(chart: ScalpChart, field: Float32Array, pts: Float32Array, radiusMm: number): void {
  if (pts.length < 3) return;
  const pad = radiusMm + 4;
  paint(chart, field, windowOf(chart, pts, pad), (q) => distanceToPolyline(pts, q) - radiusMm, radiusMm + 3);
}

function paintPolygon(chart: ScalpChart, field: Float32Array, pointsMm: [number, number, number][]): void {
  const s = surfaceOf(chart);
  // Project the corners onto the scalp and work in the tangent plane at their centroid:
  // free scars are small against the head's curvature (assumption).
  const pts = new Float32Array(pointsMm.length * 3);
  const cen = [0, 0, 0];
  pointsMm.forEach((p, k) => {
    if (s.project(p[0], p[1], p[2])) pts.set([s.x, s.y, s.z], 3 * k);
    else pts.set(p, 3 * k);
    for (let c = 0; c < 3; c++) cen[c] += pts[3 * k + c] / pointsMm.length;
  });
  if (!s.project(cen[0], cen[1], cen[2])) return;
  const o: Vec3 = [s.x, s.y, s.z],
    n: Vec3 = [s.nx, s.ny, s.nz];
  const t1 = normalize(Math.abs(n[0]) < 0.9 ? [0, n[2], -n[1]] : [-n[2], 0, n[0]]);
  const t2: Vec3 = [n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]];
  const m = pointsMm.length;
  const poly = new Float64Array(2 * m);
  let reach = 0;
  for (let k = 0; k < m; k++) {
    const d = [pts[3 * k] - o[0], pts[3 * k + 1] - o[1], pts[3 * k + 2] - o[2]];
    poly[2 * k] = d[0] * t1[0] + d[1] * t1[1] + d[2] * t1[2];
    poly[2 * k + 1] = d[0] * t2[0] + d[1] * t2[1] + d[2] * t2[2];
    reach = Math.max(reach, Math.hypot(poly[2 * k], poly[2 * k + 1]));
  }
  paint(
    chart,
    field,
    windowOf(chart, pts, 4),
    (q) => {
      const d = [q[0] - o[0], q[1] - o[1], q[2] - o[2]];
      if (d[0] * n[0] + d[1] * n[1] + d[2] * n[2] < -reach) return Infinity; // far side of the head
      return signedPolygonDistance(poly, d[0] * t1[0] + d[1] * t1[1] + d[2] * t1[2], d[0] * t2[0] + d[1] * t2[1] + d[2] * t2[2]);
    },
    3,
  );
}

/** Visits nodes in the window; where the node's own signed distance is under `nearMm`,
 * averages the soft coverage clamp(0.5 - d / edge) over sub-samples of its cell. */
function paint(chart: ScalpChart, field: Float32Array, [i0, i1, j0, j1]: number[], dist: (q: Vec3) => number, nearMm: number): void {
  const cols = chart.thetaSteps + 1;
  const q: Vec3 = [0, 0, 0];
  for (let jj = j0; jj <= j1; jj++) {
    const j = ((jj % chart.phiSteps) + chart.phiSteps) % chart.phiSteps;
    for (let i = i0; i <= i1; i++) {
      gridPointAt(chart, i, j, q);
      if (dist(q) > nearMm) continue;
      let sum = 0;
      for (let a = 0; a < SUB; a++) {
        for (let b = 0; b < SUB; b++) {
          gridPointAt(chart, i + (a + 0.5) / SUB - 0.5, j + (b + 0.5) / SUB - 0.5, q);
          const cover = 0.5 - dist(q) / SCAR_EDGE_MM;
          sum += cover <= 0 ? 0 : cover >= 1 ? 1 : cover;
        }
      }
      const k = j * cols + i;
      const share = sum / (SUB * SUB);
      if (share > field[k]) field[k] = share;
    }
  }
}

function distanceToPolyline(pts: Float32Array, q: Vec3): number {
  let best = Infinity;
  const n = pts.length / 3;
  if (n === 1) return Math.hypot(q[0] - pts[0], q[1] - pts[1], q[2] - pts[2]);
  for (let k = 0; k < n - 1; k++) {
    const ax = pts[3 * k],
      ay = pts[3 * k + 1],
      az = pts[3 * k + 2];
    const ux = pts[3 * k + 3] - ax,
      uy = pts[3 * k + 4] - ay,
      uz = pts[3 * k + 5] - az;
    const wx = q[0] - ax,
      wy = q[1] - ay,
      wz = q[2] - az;
    const len2 = ux * ux + uy * uy + uz * uz;
    const t = len2 > 0 ? Math.max(0, Math.min(1, (wx * ux + wy * uy + wz * uz) / len2)) : 0;
    const dx = wx - ux * t,
      dy = wy - uy * t,
      dz = wz - uz * t;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/** Signed distance (negative inside) from (x, y) to a closed 2D polygon (even-odd rule). */
function signedPolygonDistance(poly: Float64Array, x: number, y: number): number {
  const m = poly.length / 2;
  let best = Infinity;
  let inside = false;
  for (let k = 0, p = m - 1; k < m; p = k++) {
    const ax = poly[2 * p],
      ay = poly[2 * p + 1],
      bx = poly[2 * k],
      by = poly[2 * k + 1];
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
    const ux = bx - ax,
      uy = by - ay;
    const len2 = ux * ux + uy * uy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - ax) * ux + (y - ay) * uy) / len2)) : 0;
    best = Math.min(best, Math.hypot(x - ax - ux * t, y - ay - uy * t));
  }
  return inside ? -best : best;
}

function normalize(v: number[]): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}
