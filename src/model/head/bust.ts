import type { BodyForm } from './form';
import { sdCapsule, sdEllipsoid, sdRoundCone, smax, smin } from './sdf';

/** Height (template mm) where the bust is cut off, with a rounded edge: well below the views. */
export const BUST_BOTTOM_MM = -330;

/** Neck into shoulders (template mm about the ear canals, x >= 0): the neck column leans forward
 * from under the occiput, the sternocleidomastoids run from behind the ears to the top of the
 * sternum with the larynx between them; the trapezius slopes from the neck to the acromion, the
 * shoulder rounds over the deltoid; the upper chest with a hint of the clavicle in front, the
 * upper back behind; cut off well below the views with a rounded edge. */
export function bustDistance(x: number, y: number, z: number, form: BodyForm): number {
  const k = form.neckScale;
  let d = sdRoundCone(x, y, z, 0, -200, 2, 0, -50, -24, 58 * k, 55 * k);
  // Each detail is skipped where its box is beyond the blend's reach (it would change nothing).
  if (boxGap(x, y, z, 0, 62, -177, -25, -27, 49) < d + 20) d = smin(d, sdCapsule(x, y, z, 48 * k, -32, -20, 14, -178, 44 * k, 7 * k), 20);
  if (form.larynx && boxGap(x, y, z, 0, 8, -125, -103, 36, 50) < d + 10) d = smin(d, sdEllipsoid(x, y + 114, z - 43, 8, 11, 7), 10);
  // The trapezius' upper fibres slope from the nape down the upper back.
  if (boxGap(x, y, z, 0, 45, -295, -77, -115, -17) < d + 30) d = smin(d, sdRoundCone(x, y, z, 0, -105, -45, 0, -250, -70, 28, 45), 30);
  if (y > -140 && d < -40) return d;
  // The body, each part blended in turn and skipped where its box is beyond the blend's reach
  // of what is there so far (then it would change nothing: the skips are exact).
  const ax = form.acromionXMm;
  const ay = form.acromionYMm;
  const m = form.muscleScale;
  // Trapezius: from the side of the neck down and out to the acromion.
  const ny = form.neckBaseYMm;
  if (boxGap(x, y, z, 0, ax, ay - 56, ny, -58, 14) < d + 26) d = smin(d, sdRoundCone(x, y, z, 38 * k, ny - 14, -30, ax - 30, ay - 28, -14, 14, 28), 26);
  // Shoulder over the deltoid.
  if (boxGap(x, y, z, ax - 68 * m, ax, ay - 84, ay + 4, -6 - 38 * m, -6 + 38 * m) < d + 28) {
    d = smin(d, sdEllipsoid(x - (ax - 34 * m), y - (ay - 40), z + 6, 34 * m, 44, 38 * m), 28);
  }
  // Thorax: the upper ribcage, broad and deep; the chest (pectorals) and the back (scapulae).
  if (boxGap(x, y, z, 0, ax - 35, -440, -160, -112, 88) < d + 40) d = smin(d, sdEllipsoid(x, y + 300, z + 12, ax - 35, 140, 100), 40);
  const pz = 50 - 40 * (1 - m);
  if (boxGap(x, y, z, 0, 0.6 * ax, -320, -204, pz - 42 * m, pz + 42 * m) < d + 30) {
    d = smin(d, sdEllipsoid(x - 0.27 * ax, y + 262, z - pz, 0.33 * ax, 58, 42 * m), 30);
  }
  if (boxGap(x, y, z, 0, 0.66 * ax, -355, -205, -110, -20) < d + 30) d = smin(d, sdEllipsoid(x - 0.3 * ax, y + 280, z + 65, 0.36 * ax, 75, 45), 30);
  // Clavicle: a low ridge from the top of the sternum to the acromion.
  if (boxGap(x, y, z, 8, ax - 30, Math.min(-200, ay - 18), Math.max(-188, ay - 6), -4, 56) < d + 14) d = smin(d, sdCapsule(x, y, z, 14, -194, 50, ax - 36, ay - 12, 4, 6), 14);
  // Cut off with a rounded edge.
  return smax(d, BUST_BOTTOM_MM - y, 24);
}

/** A lower bound of bustDistance above the neck base (template mm, y > -80): there only the neck
 * is near, all of it in one box, its blends lowering it by 15 mm at most. Below: -Infinity. */
export function bustLowerBound(x: number, y: number, z: number): number {
  return y > -80 ? boxGap(x, y, z, 0, 62, -125, 5, -80, 52) - 15 : -Infinity;
}

/** Distance from a point to an axis-aligned box, 0 inside: a lower bound for anything in it. */
export function boxGap(x: number, y: number, z: number, x0: number, x1: number, y0: number, y1: number, z0: number, z1: number): number {
  const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
  const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
  const dz = z < z0 ? z0 - z : z > z1 ? z - z1 : 0;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}
