import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import { boundaryAt } from './chart';
import { hairRegionOutline } from './region';
import { ScalpSurface } from './surface';

export interface HairlineSpec {
  /** Mid-frontal point, measured along the forehead's surface above the glabella (mm). */
  midFrontalHeightMm: number;
}

/** Signed surface distances on the chart grid (same layout as ScalpChart.rhoMm), positive on
 * the treated side: behind the hairline, and inside the hair-bearing outline. */
export interface ScalpFields {
  hairlineMm: Float32Array;
  outlineMm: Float32Array;
  /** The hairline as surface points, xyz mm, front to temples. */
  hairlinePolyline: Float32Array;
}

const FAR_MM = 1e4;
export function scalpFields(head: Pick<HeadModel, 'chart' | 'landmarks'>, spec: HairlineSpec): ScalpFields {
  const chart = head.chart;
  const surface = new ScalpSurface(chart);
  const hairline = hairlineThetaByPhi(head, surface, spec);
  const hairPts = polyline(chart, surface, hairline.phis, hairline.thetas);
  const outlinePhis: number[] = [];
  const outlineThetas: number[] = [];
  for (let k = 0; k <= 720; k++) {
    const phi = (k / 720) * 2 * Math.PI;
    outlinePhis.push(phi);
    outlineThetas.push(boundaryAt(chart, phi));
  }
  const outlinePts = polyline(chart, surface, outlinePhis, outlineThetas);

  const { phiMin, phiMax } = hairline;
  const thetaOf = (i: number) => (i / chart.thetaSteps) * chart.thetaMaxRad;
  const phiOf = (j: number) => (j / chart.phiSteps) * 2 * Math.PI;
  const inFront = (phi: number) => (phiMin < 0 ? phi >= phiMin + 2 * Math.PI || phi <= phiMax : phi >= phiMin && phi <= phiMax);
  const outlineMm = signedDistances(chart, outlinePts, (i, j) => thetaOf(i) <= chart.boundaryThetaRad[j], (d) => Math.abs(d) < 12);
  // Ramps use the hairline field from -10 mm (offsets) to 50 mm (offset + transition).
  const hairlineMm = signedDistances(
    chart,
    hairPts,
    (i, j) => thetaOf(i) <= interpolate(hairline.phis, hairline.thetas, unwrap(phiOf(j), phiMin)),
    (d) => d > -16 && d < 56,
  );
  const cols = chart.thetaSteps + 1;
  for (let j = 0; j <= chart.phiSteps; j++) if (!inFront(phiOf(j))) hairlineMm.fill(FAR_MM, j * cols, (j + 1) * cols);
  return { hairlineMm, outlineMm, hairlinePolyline: hairPts };
}

/** Signed distance (mm, positive where `inside`) from each chart grid node to a polyline on
 * the surface. Exact on a lattice of every STRIDE-th node; elsewhere interpolated from it, and
 * computed exactly only where the interpolated value falls in `band` (where it is used). The
 * field is 1-Lipschitz, so interpolation is off by at most half a lattice cell (~5 mm). */
function signedDistances(chart: ScalpChart, pts: Float32Array, inside: (i: number, j: number) => boolean, band: (d: number) => boolean): Float32Array {
  const cols = chart.thetaSteps + 1;
  const rows = chart.phiSteps + 1;
  const s = chart.surfaceMm;
  const out = new Float32Array(rows * cols);
  const exact = (i: number, j: number) => {
    const k = j * cols + i;
    const d = nearest(pts, s[3 * k], s[3 * k + 1], s[3 * k + 2]);
    return inside(i, j) ? d : -d;
  };
  const lattice = (n: number, last: number) => Math.min(n, last);
  for (let j = 0; j < rows; j += STRIDE) for (let i = 0; i < cols; i += STRIDE) out[j * cols + i] = exact(i, j);
  const lastI = cols - 1, lastJ = rows - 1;
  const iLast = Math.floor(lastI / STRIDE) * STRIDE, jLast = Math.floor(lastJ / STRIDE) * STRIDE;
  for (let j = 0; j < rows; j++) {
    const j0 = Math.min(Math.floor(j / STRIDE) * STRIDE, jLast);
    const j1 = lattice(j0 + STRIDE, jLast);
    const tj = j1 > j0 ? (j - j0) / (j1 - j0) : 0;
    for (let i = 0; i < cols; i++) {
      if (i % STRIDE === 0 && j % STRIDE === 0) continue;
      const i0 = Math.min(Math.floor(i / STRIDE) * STRIDE, iLast);
      const i1 = lattice(i0 + STRIDE, iLast);
      const ti = i1 > i0 ? (i - i0) / (i1 - i0) : 0;
      const guess =
        (out[j0 * cols + i0] * (1 - ti) + out[j0 * cols + i1] * ti) * (1 - tj) +
        (out[j1 * cols + i0] * (1 - ti) + out[j1 * cols + i1] * ti) * tj;
      out[j * cols + i] = band(guess) || i > iLast || j > jLast ? exact(i, j) : guess;
    }
  }
  return out;
}

const STRIDE = 4;

/** The hairline as theta(phi) over the front of the chart: the mid-frontal point, the
 * frontotemporal points above the outer eye corners (SCIENCE.md section 4) a little higher
 * and further back, and the temples, where it meets the hair-bearing outline. */
function hairlineThetaByPhi(head: Pick<HeadModel, 'chart' | 'landmarks'>, surface: ScalpSurface, spec: HairlineSpec) {
  const l = head.landmarks;
  const mid = midlinePointAbove(head, surface, spec.midFrontalHeightMm);
  const e = l.eyeOuterLeft;
  const ftLeft: Vec3 = [e[0], mid[1] + 6, mid[2] - 12];
  const outline = hairRegionOutline(l);
  const temple = outline[3]; // the temple point of the outline's left half
  const polar = (p: Vec3): [number, number] => {
    surface.project(p[0], p[1], p[2]);
    return [surface.phi > Math.PI ? surface.phi - 2 * Math.PI : surface.phi, surface.theta];
  };
  const [pMid, tMid] = polar(mid);
  const [pFt, tFt] = polar(ftLeft);
  const [pTe] = polar(temple);
  const tTe = boundaryAt(head.chart, pTe);
  // Symmetric control points from right temple to left temple; phi grows toward the left.
  const ctrlPhi = [-pTe, -pFt, pMid, pFt, pTe];
  const ctrlTheta = [tTe, tFt, tMid, tFt, tTe];
  const phis: number[] = [];
  const thetas: number[] = [];
  const n = 240;
  for (let k = 0; k <= n; k++) {
    const phi = -pTe + (2 * pTe * k) / n;
    phis.push(phi);
    thetas.push(catmullRom(ctrlPhi, ctrlTheta, phi));
  }
  return { phis, thetas, phiMin: -pTe, phiMax: pTe };
}

/** The point on the forehead's midline whose surface distance above the glabella is `heightMm`. */
function midlinePointAbove(head: Pick<HeadModel, 'chart' | 'landmarks'>, surface: ScalpSurface, heightMm: number): Vec3 {
  const s = head.chart.surfaceMm;
  // Row phi = 0 is the front midline; walk it from the chart's rim (nearest the glabella) upward.
  const g = head.landmarks.glabella;
  let i = head.chart.thetaSteps;
  let arc = Math.hypot(s[3 * i] - g[0], s[3 * i + 1] - g[1], s[3 * i + 2] - g[2]);
  while (i > 0) {
    const seg = Math.hypot(s[3 * i] - s[3 * i - 3], s[3 * i + 1] - s[3 * i - 2], s[3 * i + 2] - s[3 * i - 1]);
    if (arc + seg >= heightMm) {
      const t = (heightMm - arc) / seg;
      const p: Vec3 = [0, 0, 0];
      for (let c = 0; c < 3; c++) p[c] = s[3 * i + c] * (1 - t) + s[3 * i - 3 + c] * t;
      surface.project(p[0], p[1], p[2]);
      return [surface.x, surface.y, surface.z];
    }
    arc += seg;
    i--;
  }
  return [s[0], s[1], s[2]];
}

function polyline(chart: ScalpChart, surface: ScalpSurface, phis: number[], thetas: number[]): Float32Array {
  const out = new Float32Array(phis.length * 3);
  const c = chart.centerMm, pole = chart.poleDir, front = chart.frontDir;
  const side: Vec3 = [pole[1] * front[2] - pole[2] * front[1], pole[2] * front[0] - pole[0] * front[2], pole[0] * front[1] - pole[1] * front[0]];
  for (let k = 0; k < phis.length; k++) {
    const th = Math.min(thetas[k], chart.thetaMaxRad), ph = phis[k];
    const st = Math.sin(th), ct = Math.cos(th);
    const d = [0, 1, 2].map((a) => pole[a] * ct + (front[a] * Math.cos(ph) + side[a] * Math.sin(ph)) * st);
    surface.project(c[0] + d[0] * 50, c[1] + d[1] * 50, c[2] + d[2] * 50);
    out[3 * k] = surface.x;
    out[3 * k + 1] = surface.y;
    out[3 * k + 2] = surface.z;
  }
  return out;
}

function nearest(pts: Float32Array, x: number, y: number, z: number): number {
  let best = Infinity;
  for (let k = 0; k < pts.length; k += 3) {
    const dx = pts[k] - x, dy = pts[k + 1] - y, dz = pts[k + 2] - z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

function unwrap(phi: number, phiMin: number): number {
  return phi > Math.PI && phiMin < 0 ? phi - 2 * Math.PI : phi;
}

function interpolate(xs: number[], ys: number[], x: number): number {
  if (x <= xs[0]) return ys[0];
  for (let k = 1; k < xs.length; k++) {
    if (x <= xs[k]) {
      const t = (x - xs[k - 1]) / (xs[k] - xs[k - 1]);
      return ys[k - 1] * (1 - t) + ys[k] * t;
    }
  }
  return ys[ys.length - 1];
}

/** Centripetal-free (uniform) Catmull-Rom through control points sorted by x. */
function catmullRom(xs: number[], ys: number[], x: number): number {
  let k = 0;
  while (k < xs.length - 2 && x > xs[k + 1]) k++;
  const t = (x - xs[k]) / (xs[k + 1] - xs[k]);
  const p0 = ys[Math.max(0, k - 1)], p1 = ys[k], p2 = ys[k + 1], p3 = ys[Math.min(ys.length - 1, k + 2)];
  return 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t + (-p0 + 3 * p1 - 3 * p2 + p3) * t * t * t);
}
