/** Resamples a chart grid field (polar: phi rows, theta columns) into the chart's texture space,
 * where u, v = 0.5 + rho (cos phi, sin phi) / (2 extentMm): the layout the renderer's coverage maps
 * use, so a field (scar tissue, remaining hair) can be drawn on the head as a texture. */
import type { ScalpChart } from '../head/types';

/** Fractional theta index at which row j's chart radius reaches `rho` (rho grows along a row). */
function thetaIndex(rhoMm: Float32Array, row: number, cols: number, rho: number): number {
  const base = row * cols;
  if (rho >= rhoMm[base + cols - 1]) return -1;
  let lo = 0;
  let hi = cols - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (rhoMm[base + mid] <= rho) lo = mid;
    else hi = mid;
  }
  const r0 = rhoMm[base + lo];
  const r1 = rhoMm[base + hi];
  return lo + (r1 > r0 ? (rho - r0) / (r1 - r0) : 0);
}

/** A `size` x `size` single-channel image (row 0 at v = 0) of `field`, scaled 0..1 -> 0..255,
 * with 0 outside the chart. */
export function rasterizeChartField(chart: ScalpChart, field: Float32Array, size: number): Uint8Array {
  const out = new Uint8Array(size * size);
  const cols = chart.thetaSteps + 1;
  const extent = chart.extentMm;
  const phiScale = chart.phiSteps / (2 * Math.PI);
  for (let y = 0; y < size; y++) {
    const py = ((y + 0.5) / size - 0.5) * 2 * extent;
    for (let x = 0; x < size; x++) {
      const px = ((x + 0.5) / size - 0.5) * 2 * extent;
      const rho = Math.hypot(px, py);
      let phi = Math.atan2(py, px);
      if (phi < 0) phi += 2 * Math.PI;
      const fj = phi * phiScale;
      const j0 = Math.min(Math.floor(fj), chart.phiSteps - 1);
      const tj = fj - j0;
      const a = thetaIndex(chart.rhoMm, j0, cols, rho);
      const b = thetaIndex(chart.rhoMm, j0 + 1, cols, rho);
      if (a < 0 || b < 0) continue;
      const fi = a * (1 - tj) + b * tj;
      const i0 = Math.min(Math.floor(fi), cols - 2);
      const ti = fi - i0;
      const k = j0 * cols + i0;
      const v = (field[k] * (1 - ti) + field[k + 1] * ti) * (1 - tj) + (field[k + cols] * (1 - ti) + field[k + cols + 1] * ti) * tj;
      out[y * size + x] = Math.round(255 * Math.min(1, Math.max(0, v)));
    }
  }
  return out;
}
