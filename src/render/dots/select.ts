/** Which dots the close-up draws as discs: those around the point the camera looks at.
 * Plain scans over typed arrays (no three.js), run when the view has moved far, not per frame. */

export interface Focus {
  /** Index of the dot at the focus. */
  index: number;
  /** Its distance from the eye along the view direction (mm). */
  distanceMm: number;
}

/** Half-angle (radians) of the cone around the view direction searched first for the nearest dot. */
const CONE = 0.05;
/** Beyond this angle from the view direction no dot counts as looked at. */
const MAX_ANGLE = 0.3;

/**
 * The dot the view centre falls on: the nearest dot facing the eye inside a narrow cone around
 * the view direction, else the facing dot closest in angle to it (within MAX_ANGLE), else null.
 * `stride` > 1 looks at every stride-th dot only: dots are dense, the focus need not be exact.
 */
export function findFocus(positions: Float32Array, normals: Float32Array, count: number, eye: readonly [number, number, number], dir: readonly [number, number, number], stride = 1): Focus | null {
  const [ex, ey, ez] = eye;
  const [dx, dy, dz] = dir;
  let inCone = -1;
  let inConeT = Infinity;
  let closest = -1;
  let closestTan = Infinity;
  let closestT = 0;
  for (let i = 0; i < count; i += stride) {
    const vx = positions[3 * i] - ex,
      vy = positions[3 * i + 1] - ey,
      vz = positions[3 * i + 2] - ez;
    const t = vx * dx + vy * dy + vz * dz;
    if (t <= 0) continue;
    // Only dots on the side of the head that faces the eye.
    if (normals[3 * i] * vx + normals[3 * i + 1] * vy + normals[3 * i + 2] * vz >= 0) continue;
    const perp = Math.sqrt(Math.max(0, vx * vx + vy * vy + vz * vz - t * t));
    const tan = perp / t;
    if (tan < CONE && t < inConeT) {
      inCone = i;
      inConeT = t;
    }
    if (tan < closestTan) {
      closest = i;
      closestTan = tan;
      closestT = t;
    }
  }
  if (inCone >= 0) return { index: inCone, distanceMm: inConeT };
  if (closest >= 0 && closestTan < Math.tan(MAX_ANGLE)) return { index: closest, distanceMm: closestT };
  return null;
}

const BINS = 128;

/**
 * Indices of the dots within `maxRadiusMm` of `centre`, the nearest first in the sense that if
 * there are more than `out.length`, only those within the largest radius that keeps the count
 * under it are taken. Returns how many were written and the radius they lie within.
 */
export function selectNear(positions: Float32Array, count: number, centre: readonly [number, number, number], maxRadiusMm: number, out: Uint32Array): { count: number; radiusMm: number } {
  const [cx, cy, cz] = centre;
  const max2 = maxRadiusMm * maxRadiusMm;
  // Pass 1: how many dots lie in each shell of equal area (bins even in r²).
  const hist = new Uint32Array(BINS);
  for (let i = 0; i < count; i++) {
    const x = positions[3 * i] - cx,
      y = positions[3 * i + 1] - cy,
      z = positions[3 * i + 2] - cz;
    const d2 = x * x + y * y + z * z;
    if (d2 < max2) hist[Math.floor((d2 / max2) * BINS)]++;
  }
  let bins = 0;
  let total = 0;
  while (bins < BINS && total + hist[bins] <= out.length) total += hist[bins++];
  const limit2 = (bins / BINS) * max2;
  // Pass 2: collect them.
  let n = 0;
  for (let i = 0; i < count && n < total; i++) {
    const x = positions[3 * i] - cx,
      y = positions[3 * i + 1] - cy,
      z = positions[3 * i + 2] - cz;
    if (x * x + y * y + z * z < limit2) out[n++] = i;
  }
  return { count: n, radiusMm: Math.sqrt(limit2) };
}
