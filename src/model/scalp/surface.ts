import type { ScalpChart } from '../head/types';
import { rhoAt } from './chart';

/** Moves points onto the scalp through the chart's ray grid, without the head's distance
 * function: a point is taken in the direction it lies from the chart centre, and the surface
 * point, normal and chart position there are interpolated from the grid. The grid is fine
 * (about 1 mm), so the interpolated surface is within a few micrometres of the real one. */
export class ScalpSurface {
  readonly chart: ScalpChart;
  private readonly cols: number;
  private readonly normals: Float32Array;
  private readonly c: Float64Array;
  private readonly pole: Float64Array;
  private readonly front: Float64Array;
  private readonly side: Float64Array;
  private readonly thetaScale: number;
  private readonly phiScale: number;

  // Results of the last project() call.
  x = 0;
  y = 0;
  z = 0;
  nx = 0;
  ny = 0;
  nz = 0;
  theta = 0;
  phi = 0;
  /** Fractional grid indices of the last projection, for looking up other grid fields. */
  fi = 0;
  fj = 0;

  constructor(chart: ScalpChart) {
    this.chart = chart;
    this.cols = chart.thetaSteps + 1;
    this.c = Float64Array.from(chart.centerMm);
    this.pole = Float64Array.from(chart.poleDir);
    this.front = Float64Array.from(chart.frontDir);
    const p = chart.poleDir,
      f = chart.frontDir;
    this.side = Float64Array.from([p[1] * f[2] - p[2] * f[1], p[2] * f[0] - p[0] * f[2], p[0] * f[1] - p[1] * f[0]]);
    this.thetaScale = chart.thetaSteps / chart.thetaMaxRad;
    this.phiScale = chart.phiSteps / (2 * Math.PI);
    this.normals = gridNormals(chart);
  }

  /** Projects (x, y, z) onto the surface; false when its direction is outside the chart. */
  project(x: number, y: number, z: number): boolean {
    const c = this.c,
      pole = this.pole,
      front = this.front,
      side = this.side;
    const dx = x - c[0],
      dy = y - c[1],
      dz = z - c[2];
    const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
    if (len === 0) return false;
    let cp = (dx * pole[0] + dy * pole[1] + dz * pole[2]) / len;
    if (cp > 1) cp = 1;
    else if (cp < -1) cp = -1;
    const theta = Math.acos(cp);
    const fi = theta * this.thetaScale;
    if (fi > this.chart.thetaSteps) return false;
    let phi = Math.atan2(dx * side[0] + dy * side[1] + dz * side[2], dx * front[0] + dy * front[1] + dz * front[2]);
    if (phi < 0) phi += 2 * Math.PI;
    const fj = phi * this.phiScale;
    this.theta = theta;
    this.phi = phi;
    this.fi = fi;
    this.fj = fj;
    let i0 = fi | 0;
    if (i0 >= this.chart.thetaSteps) i0 = this.chart.thetaSteps - 1;
    let j0 = fj | 0;
    if (j0 >= this.chart.phiSteps) j0 = this.chart.phiSteps - 1;
    const ti = fi - i0,
      tj = fj - j0;
    const w00 = (1 - ti) * (1 - tj),
      w01 = ti * (1 - tj),
      w10 = (1 - ti) * tj,
      w11 = ti * tj;
    const k00 = (j0 * this.cols + i0) * 3;
    const k01 = k00 + 3;
    const k10 = k00 + this.cols * 3;
    const k11 = k10 + 3;
    const s = this.chart.surfaceMm,
      n = this.normals;
    this.x = s[k00] * w00 + s[k01] * w01 + s[k10] * w10 + s[k11] * w11;
    this.y = s[k00 + 1] * w00 + s[k01 + 1] * w01 + s[k10 + 1] * w10 + s[k11 + 1] * w11;
    this.z = s[k00 + 2] * w00 + s[k01 + 2] * w01 + s[k10 + 2] * w10 + s[k11 + 2] * w11;
    let nx = n[k00] * w00 + n[k01] * w01 + n[k10] * w10 + n[k11] * w11;
    let ny = n[k00 + 1] * w00 + n[k01 + 1] * w01 + n[k10 + 1] * w10 + n[k11 + 1] * w11;
    let nz = n[k00 + 2] * w00 + n[k01 + 2] * w01 + n[k10 + 2] * w10 + n[k11 + 2] * w11;
    const nl = 1 / Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx *= nl;
    ny *= nl;
    nz *= nl;
    this.nx = nx;
    this.ny = ny;
    this.nz = nz;
    return true;
  }

  /** Sets the chart position (for chartUv, sampleGrid...) to polar angles found before. */
  moveTo(theta: number, phi: number): void {
    this.theta = theta;
    this.phi = phi;
    this.fi = theta * this.thetaScale;
    this.fj = phi * this.phiScale;
  }

  /** Chart texture coordinates of the last projection, written to out[at], out[at + 1]. */
  chartUv(out: Float32Array, at: number): void {
    const rho = rhoAt(this.chart, this.theta, this.phi);
    const k = 1 / (2 * this.chart.extentMm);
    out[at] = 0.5 + rho * Math.cos(this.phi) * k;
    out[at + 1] = 0.5 + rho * Math.sin(this.phi) * k;
  }

  /** Bilinear lookup of a 4-channel grid field at the last projection, scaled, into out[at..at+3]. */
  sampleGrid4(field: Float32Array, scale: number, out: Float32Array, at: number): void {
    let i0 = this.fi | 0;
    if (i0 >= this.chart.thetaSteps) i0 = this.chart.thetaSteps - 1;
    let j0 = this.fj | 0;
    if (j0 >= this.chart.phiSteps) j0 = this.chart.phiSteps - 1;
    const ti = this.fi - i0,
      tj = this.fj - j0;
    const k00 = (j0 * this.cols + i0) * 4,
      k01 = k00 + 4,
      k10 = k00 + this.cols * 4,
      k11 = k10 + 4;
    const w00 = (1 - ti) * (1 - tj) * scale,
      w01 = ti * (1 - tj) * scale,
      w10 = (1 - ti) * tj * scale,
      w11 = ti * tj * scale;
    for (let c = 0; c < 4; c++) out[at + c] = field[k00 + c] * w00 + field[k01 + c] * w01 + field[k10 + c] * w10 + field[k11 + c] * w11;
  }

  /** Bilinear lookup of a scalar grid field (same layout as the chart grid) at the last projection. */
  sampleGrid(field: Float32Array): number {
    let i0 = this.fi | 0;
    if (i0 >= this.chart.thetaSteps) i0 = this.chart.thetaSteps - 1;
    let j0 = this.fj | 0;
    if (j0 >= this.chart.phiSteps) j0 = this.chart.phiSteps - 1;
    const ti = this.fi - i0,
      tj = this.fj - j0;
    const k = j0 * this.cols + i0;
    return (field[k] * (1 - ti) + field[k + 1] * ti) * (1 - tj) + (field[k + this.cols] * (1 - ti) + field[k + this.cols + 1] * ti) * tj;
  }
}

/** Outward unit normals of the ray grid, from central differences (one-sided at the rim,
 * and at the pole the average direction of the first ring). */
function gridNormals(chart: ScalpChart): Float32Array {
  const cols = chart.thetaSteps + 1;
  const rows = chart.phiSteps + 1;
  const s = chart.surfaceMm;
  const out = new Float32Array(rows * cols * 3);
  for (let j = 0; j < rows; j++) {
    const jm = (j + chart.phiSteps - 1) % chart.phiSteps;
    const jp = (j + 1) % chart.phiSteps;
    for (let i = 1; i < cols; i++) {
      const ia = i - 1,
        ib = i < cols - 1 ? i + 1 : i;
      const a = (j * cols + ia) * 3,
        b = (j * cols + ib) * 3;
      const c = (jm * cols + i) * 3,
        d = (jp * cols + i) * 3;
      const tx = s[b] - s[a],
        ty = s[b + 1] - s[a + 1],
        tz = s[b + 2] - s[a + 2];
      const px = s[d] - s[c],
        py = s[d + 1] - s[c + 1],
        pz = s[d + 2] - s[c + 2];
      // d/dtheta x d/dphi points outward for a right-handed (pole, front, side) frame.
      let nx = ty * pz - tz * py,
        ny = tz * px - tx * pz,
        nz = tx * py - ty * px;
      const l = Math.hypot(nx, ny, nz) || 1;
      nx /= l;
      ny /= l;
      nz /= l;
      const k = (j * cols + i) * 3;
      out[k] = nx;
      out[k + 1] = ny;
      out[k + 2] = nz;
    }
  }
  // Pole: mean of the first ring.
  let mx = 0,
    my = 0,
    mz = 0;
  for (let j = 0; j < chart.phiSteps; j++) {
    const k = (j * cols + 1) * 3;
    mx += out[k];
    my += out[k + 1];
    mz += out[k + 2];
  }
  const l = Math.hypot(mx, my, mz) || 1;
  for (let j = 0; j < rows; j++) {
    const k = j * cols * 3;
    out[k] = mx / l;
    out[k + 1] = my / l;
    out[k + 2] = mz / l;
  }
  return out;
}
