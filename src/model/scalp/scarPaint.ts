/** Painting scar shapes onto the chart grid: each node gets the share of its cell that the
 * shape covers, with a soft edge. */
import type { ScalpChart, Vec3 } from '../head/types';
import { polarOf, surfaceOf } from './chartGeometry';
import { gridPointAt } from './scarShapes';

/** Soft edge of scar tissue: the share goes from 1 to 0 over this width across the edge. */
export const SCAR_EDGE_MM = 0.5;
const SUB = 4; // sub-samples per node cell side, so scars smaller than a cell keep their area

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
export function paintPolyline(chart: ScalpChart, field: Float32Array, pts: Float32Array, radiusMm: number): void {
  if (pts.length < 3) return;
  const pad = radiusMm + 4;
  paint(chart, field, windowOf(chart, pts, pad), (q) => distanceToPolyline(pts, q) - radiusMm, radiusMm + 3);
}

export function paintPolygon(chart: ScalpChart, field: Float32Array, pointsMm: [number, number, number][]): void {
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
