import type { HeadModel, Vec3 } from '../head/types';
import { DEFAULT_MEASURES } from '../head/measures';
import { boundaryAt } from '../scalp/chart';
import { hairRegionOutline } from '../scalp/region';
import { ScalpSurface } from '../scalp/surface';

/** What the hair model needs of the head; a worker can be sent just this. */
export type HairHead = Pick<HeadModel, 'chart' | 'landmarks' | 'measures'>;

/** Size of the head relative to the ANSUR II mean (circumference 570 mm, SCIENCE.md section 4):
 * lengths read off the average head are multiplied by it so patterns scale with the head. */
export function headScale(head: HairHead): number {
  return head.measures.circumferenceMm / DEFAULT_MEASURES.circumferenceMm;
}

/** Centre of the crown: Norwood's vertex patch and the hair whorl sit behind the top of the
 * head. Assumed 12 % of the head length behind the vertex landmark, on the midline (no figure
 * found; read off Norwood 1975's drawings and photographs of crown whorls). */
export function crownPoint(head: HairHead, surface: ScalpSurface, lateralMm = 0): Vec3 {
  const v = head.landmarks.vertex;
  surface.project(v[0] + lateralMm, v[1], v[2] - 0.12 * head.measures.lengthMm);
  return [surface.x, surface.y, surface.z];
}

/** Chart azimuths (radians, 0 at the front, toward the left) of the frontotemporal point (above
 * the outer eye corner, Garg et al. 2017) and of the temple, where the front hairline meets the
 * hair-bearing outline. */
export function frontAzimuths(head: HairHead, surface: ScalpSurface): { ftRad: number; templeRad: number } {
  const e = head.landmarks.eyeOuterLeft,
    g = head.landmarks.glabella;
  surface.project(e[0], g[1] + 70 * headScale(head), e[2] - 20 * headScale(head));
  const ftRad = surface.phi;
  const t = hairRegionOutline(head.landmarks)[4]; // the left temple point of the outline
  surface.project(t[0], t[1], t[2]);
  return { ftRad, templeRad: surface.phi };
}

/** Per chart node, arc lengths (mm) along its chart meridian (row): `depthMm` from the node to
 * the hair-bearing outline, positive inside the region, and `fromPoleMm` from the chart pole.
 * Meridians run from the pole (near the crown) down to the outline, so depthMm is the height
 * of a node above the outline measured up the sides and the back, and back from the front edge. */
export function depthInsideOutline(head: HairHead): { depthMm: Float32Array; fromPoleMm: Float32Array } {
  const chart = head.chart;
  const cols = chart.thetaSteps + 1;
  const s = chart.surfaceMm;
  const out = new Float32Array((chart.phiSteps + 1) * cols);
  const fromPoleMm = new Float32Array(out.length);
  const arc = new Float64Array(cols);
  for (let j = 0; j <= chart.phiSteps; j++) {
    const row = j * cols;
    arc[0] = 0;
    for (let i = 1; i < cols; i++) {
      const a = 3 * (row + i - 1),
        b = 3 * (row + i);
      arc[i] = arc[i - 1] + Math.hypot(s[b] - s[a], s[b + 1] - s[a + 1], s[b + 2] - s[a + 2]);
    }
    const fi = (boundaryAt(chart, (j / chart.phiSteps) * 2 * Math.PI) / chart.thetaMaxRad) * chart.thetaSteps;
    const i0 = Math.min(Math.floor(fi), cols - 2);
    const edge = arc[i0] + (arc[i0 + 1] - arc[i0]) * (fi - i0);
    for (let i = 0; i < cols; i++) {
      out[row + i] = edge - arc[i];
      fromPoleMm[row + i] = arc[i];
    }
  }
  return { depthMm: out, fromPoleMm };
}

/** Smooth 0..1 step of a signed distance `d` (mm) across a band `widthMm` wide centred on 0:
 * the soft edge of every pattern. */
export function soft(d: number, widthMm: number): number {
  const t = d / widthMm + 0.5;
  if (t <= 0) return 0;
  if (t >= 1) return 1;
  return t * t * (3 - 2 * t);
}
