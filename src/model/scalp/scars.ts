/** Scar tissue on the scalp. `scarField` gives the scar-tissue share (0..1) on the chart grid;
 * the lead renders scar skin lighter and smoother from it, hair does not grow where it is 1, and
 * `dotsOnScar` flags the dots placed on scar tissue (which holds pigment less evenly). */
import type { ScalpChart } from '../head/types';
import type { DotSet } from '../dots/types';
import { createRng } from '../rng';
import { surfaceOf } from './chartGeometry';
import type { ScalpSurface } from './surface';
import type { Scar } from './scarSchema';
import { punctateCentres, stripCentreline, type HeadLike } from './scarShapes';
import { paintPolygon, paintPolyline } from './scarPaint';

const STREAM = 0x5c00; // + scar index

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
