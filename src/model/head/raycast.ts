import type { Sdf } from './surfaceNets';

/** Distance along a unit ray from an outside origin to the first surface crossing (mm), or -1 if
 * none within tMaxMm. Sphere tracing, then bisection to 1e-4 mm. */
export function castRay(f: Sdf, ox: number, oy: number, oz: number, dx: number, dy: number, dz: number, tMaxMm: number, tStartMm = 0): number {
  let t = tStartMm;
  let prev = t;
  for (let n = 0; n < 400; n++) {
    const d = f(ox + dx * t, oy + dy * t, oz + dz * t);
    if (d < 0) break;
    if (d < 1e-4) return t;
    prev = t;
    // Sphere tracing with a lower bound never steps past the surface; the floor avoids stalling.
    t += d > 0.02 ? d : 0.02;
    if (t > tMaxMm) return -1;
  }
  // Bisection between the last outside point and the first inside one.
  let lo = prev,
    hi = t;
  for (let n = 0; n < 40 && hi - lo > 1e-5; n++) {
    const mid = 0.5 * (lo + hi);
    if (f(ox + dx * mid, oy + dy * mid, oz + dz * mid) < 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
