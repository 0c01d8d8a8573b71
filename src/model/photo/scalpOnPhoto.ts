/** Between a fitted photo's pixels and the head's scalp, through the fit (fit.ts): a scalp point
 * lands on one pixel (projectToPhoto); a pixel shows the first scalp point on its line of sight
 * (lineOfSight: from the camera, or along the view direction under weak perspective). The scalp is the chart's surface (head/types.ts ScalpChart), which reaches from
 * the crown past the hair-bearing region's edge, so the hairline and its handles lie on it. */
import type { HeadModel, ScalpChart, Vec3 } from '../head/types';
import { surfaceOf } from '../scalp/chartGeometry';
import { fitRotation, lineOfSight, projectToPhoto, type OrthoFit, type Rotation3 } from './fit';

/** March step along the line of sight (mm) near the scalp: finer than any fold of its outline.
 * Farther out, the step is half the distance to the scalp along the chart's ray. */
const STEP_MM = 0.5;
/** A crossing is refined to this (mm). */
const TOLERANCE_MM = 1e-3;

/** The scalp point the pixel (x right, y down) shows, or null where the line of sight through it
 * misses the scalp (off the head, or on the face or the neck). */
export function scalpPointAtPixel(chart: ScalpChart, fit: OrthoFit, xPx: number, yPx: number, rotation: Rotation3 = fitRotation(fit)): Vec3 | null {
  const { fromMm: base, towardCamera: toward } = lineOfSight(fit, xPx, yPx, rotation);
  const c = chart.centerMm;
  // The line's nearest approach to the chart's centre; the scalp lies within extentMm of it.
  const sMid = (c[0] - base[0]) * toward[0] + (c[1] - base[1]) * toward[1] + (c[2] - base[2]) * toward[2];
  const at = (s: number): Vec3 => [base[0] + toward[0] * s, base[1] + toward[1] * s, base[2] + toward[2] * s];
  const p0 = at(sMid);
  if (Math.hypot(p0[0] - c[0], p0[1] - c[1], p0[2] - c[2]) > chart.extentMm) return null;
  const surface = surfaceOf(chart);
  /** Outside (> 0) or inside (< 0) the scalp, along the direction from the centre; null off the chart. */
  const side = (s: number): number | null => {
    const p = at(s);
    if (!surface.project(p[0], p[1], p[2])) return null;
    return Math.hypot(p[0] - c[0], p[1] - c[1], p[2] - c[2]) - Math.hypot(surface.x - c[0], surface.y - c[1], surface.z - c[2]);
  };
  // From the camera's side of the head inward, to the first step inside the scalp. A line that
  // reaches the inside of the head where the chart does not reach (through the face, the neck)
  // shows what hides the scalp, not the scalp.
  let outside: number | null = null;
  for (let s = sMid + chart.extentMm + STEP_MM, step = STEP_MM; s >= sMid - chart.extentMm; s -= step) {
    const d = side(s);
    step = STEP_MM;
    if (d === null) outside = null;
    else if (d > 0) {
      outside = s;
      step = Math.max(STEP_MM, d / 2);
    } else if (outside === null) return null;
    else {
      let lo = s,
        hi = outside;
      while (hi - lo > TOLERANCE_MM) {
        const mid = 0.5 * (lo + hi);
        if ((side(mid) ?? 1) > 0) hi = mid;
        else lo = mid;
      }
      const p = at(0.5 * (lo + hi));
      return surface.project(p[0], p[1], p[2]) ? [surface.x, surface.y, surface.z] : null;
    }
  }
  return null;
}

/** The point of the head (its mesh) the pixel shows, nearest the camera, or null off the head:
 * for pixels on the face, below the scalp's chart. A ray against every triangle (a few ms). */
export function headPointAtPixel(head: Pick<HeadModel, 'positions' | 'indices'>, fit: OrthoFit, xPx: number, yPx: number, rotation: Rotation3 = fitRotation(fit)): Vec3 | null {
  // From the camera's side, toward the head: o + t·d, d = −(toward the camera).
  const { fromMm: o, towardCamera } = lineOfSight(fit, xPx, yPx, rotation);
  const d = [-towardCamera[0], -towardCamera[1], -towardCamera[2]];
  const { positions: p, indices } = head;
  let best = Infinity;
  // Möller–Trumbore, both faces.
  for (let k = 0; k < indices.length; k += 3) {
    const a = 3 * indices[k],
      b = 3 * indices[k + 1],
      c = 3 * indices[k + 2];
    const e1x = p[b] - p[a],
      e1y = p[b + 1] - p[a + 1],
      e1z = p[b + 2] - p[a + 2];
    const e2x = p[c] - p[a],
      e2y = p[c + 1] - p[a + 1],
      e2z = p[c + 2] - p[a + 2];
    const px = d[1] * e2z - d[2] * e2y,
      py = d[2] * e2x - d[0] * e2z,
      pz = d[0] * e2y - d[1] * e2x;
    const det = e1x * px + e1y * py + e1z * pz;
    if (Math.abs(det) < 1e-12) continue;
    const inv = 1 / det;
    const tx = o[0] - p[a],
      ty = o[1] - p[a + 1],
      tz = o[2] - p[a + 2];
    const u = (tx * px + ty * py + tz * pz) * inv;
    if (u < 0 || u > 1) continue;
    const qx = ty * e1z - tz * e1y,
      qy = tz * e1x - tx * e1z,
      qz = tx * e1y - ty * e1x;
    const v = (d[0] * qx + d[1] * qy + d[2] * qz) * inv;
    if (v < 0 || u + v > 1) continue;
    const t = (e2x * qx + e2y * qy + e2z * qz) * inv;
    if (t > 0 && t < best) best = t;
  }
  return best === Infinity ? null : [o[0] + d[0] * best, o[1] + d[1] * best, o[2] + d[2] * best];
}

/** Whether a scalp point shows on the photo: the scalp its pixel shows is that point (within
 * `toleranceMm`), not a nearer part of the head in front of it. */
export function scalpPointShows(chart: ScalpChart, fit: OrthoFit, pMm: Vec3, toleranceMm = 2, rotation: Rotation3 = fitRotation(fit)): boolean {
  const px = projectToPhoto(fit, pMm, rotation);
  const q = scalpPointAtPixel(chart, fit, px.x, px.y, rotation);
  return q !== null && Math.hypot(q[0] - pMm[0], q[1] - pMm[1], q[2] - pMm[2]) <= toleranceMm;
}
