import type { HeadModel, ScalpChart } from '../head/types';
import { boundaryAt } from './chart';
import { chartPolyline } from './chartGeometry';
import { hairlineThetaByPhi } from './hairline';
import type { HairlineSpec } from './hairlineSchema';

export type { HairlineSpec } from './hairline';

/** Signed surface distances on the chart grid (same layout as ScalpChart.rhoMm), positive on
 * the treated side: behind the hairline, and inside the hair-bearing outline. */
export interface ScalpFields {
  hairlineMm: Float32Array;
  outlineMm: Float32Array;
  /** The hairline as surface points, xyz mm, front to temples. */
  hairlinePolyline: Float32Array;
}

const FAR_MM = 1e4;
/** `seed` (the design's) drives the hairline's irregularity; the shape is in hairline.ts. */
export function scalpFields(head: Pick<HeadModel, 'chart' | 'landmarks'>, spec: HairlineSpec, seed = 0): ScalpFields {
  const chart = head.chart;
  const hairline = hairlineThetaByPhi(head, spec, seed);
  const hairPts = chartPolyline(chart, hairline.phis, hairline.thetas);
  const outlinePhis: number[] = [];
  const outlineThetas: number[] = [];
  for (let k = 0; k <= 720; k++) {
    const phi = (k / 720) * 2 * Math.PI;
    outlinePhis.push(phi);
    outlineThetas.push(boundaryAt(chart, phi));
  }
  const outlinePts = chartPolyline(chart, outlinePhis, outlineThetas);

  const { phiMin, phiMax } = hairline;
  const thetaOf = (i: number) => (i / chart.thetaSteps) * chart.thetaMaxRad;
  const phiOf = (j: number) => (j / chart.phiSteps) * 2 * Math.PI;
  const inFront = (phi: number) => (phiMin < 0 ? phi >= phiMin + 2 * Math.PI || phi <= phiMax : phi >= phiMin && phi <= phiMax);
  const outlineMm = signedDistances(
    chart,
    outlinePts,
    (i, j) => thetaOf(i) <= chart.boundaryThetaRad[j],
    (d) => Math.abs(d) < 12,
  );
  // Coverage uses the hairline field from -13 mm (the least offset less the strays' reach,
  // dots/feather.ts) to 50 mm (offset + transition).
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
  const lastI = cols - 1,
    lastJ = rows - 1;
  const iLast = Math.floor(lastI / STRIDE) * STRIDE,
    jLast = Math.floor(lastJ / STRIDE) * STRIDE;
  for (let j = 0; j < rows; j++) {
    const j0 = Math.min(Math.floor(j / STRIDE) * STRIDE, jLast);
    const j1 = lattice(j0 + STRIDE, jLast);
    const tj = j1 > j0 ? (j - j0) / (j1 - j0) : 0;
    for (let i = 0; i < cols; i++) {
      if (i % STRIDE === 0 && j % STRIDE === 0) continue;
      const i0 = Math.min(Math.floor(i / STRIDE) * STRIDE, iLast);
      const i1 = lattice(i0 + STRIDE, iLast);
      const ti = i1 > i0 ? (i - i0) / (i1 - i0) : 0;
      const guess = (out[j0 * cols + i0] * (1 - ti) + out[j0 * cols + i1] * ti) * (1 - tj) + (out[j1 * cols + i0] * (1 - ti) + out[j1 * cols + i1] * ti) * tj;
      out[j * cols + i] = band(guess) || i > iLast || j > jLast ? exact(i, j) : guess;
    }
  }
  return out;
}

const STRIDE = 4;

function nearest(pts: Float32Array, x: number, y: number, z: number): number {
  let best = Infinity;
  for (let k = 0; k < pts.length; k += 3) {
    const dx = pts[k] - x,
      dy = pts[k + 1] - y,
      dz = pts[k + 2] - z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

function unwrap(phi: number, phiMin: number): number {
  return phi > Math.PI && phiMin < 0 ? phi - 2 * Math.PI : phi;
}

function interpolate(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (x <= xs[0]) return ys[0];
  if (x >= xs[n - 1]) return ys[n - 1];
  let lo = 0,
    hi = n - 1;
  while (hi - lo > 1) {
    const m = (lo + hi) >> 1;
    if (xs[m] <= x) lo = m;
    else hi = m;
  }
  const t = (x - xs[lo]) / (xs[hi] - xs[lo]);
  return ys[lo] * (1 - t) + ys[hi] * t;
}
