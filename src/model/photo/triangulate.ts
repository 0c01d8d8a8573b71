/** A point's place in 3D from its images in several pictures whose cameras are known: the least
 * squares solution of the projection equations made linear (each picture gives two equations,
 * divided by the point's depth so that each counts in pixels).
 *
 * The place may also slide with the pose it is seen at (slidingPoints.ts): a sum of terms, each
 * a fixed vector times a number known for each picture (the pose's slide terms). The equations
 * stay linear in the vectors; all are found at once. */
import type { Vec3 } from '../head/types';
import { solveLinear } from './linear';
import { apply, projectPx, type Mat3, type PinholeCamera } from './pose';

export interface View {
  camera: PinholeCamera;
  /** Head to camera: a head point p is at rotation p + translationMm. */
  rotation: Mat3;
  translationMm: Vec3;
}

export function triangulate(views: readonly View[], imagePx: readonly [number, number][]): Vec3 {
  return triangulateSliding(
    views,
    imagePx,
    views.map(() => [1]),
  )[0];
}

/** The vectors v_k with the point in view j at sum_k termsByView[j][k] v_k. `ridge` (share of the
 * first term's weight) holds the other vectors toward zero where the views say little of them. */
export function triangulateSliding(views: readonly View[], imagePx: readonly [number, number][], termsByView: readonly (readonly number[])[], ridge = 0): Vec3[] {
  const terms = termsByView[0].length;
  const n = 3 * terms;
  const a = new Array<number>(n * n).fill(0);
  const b = new Array<number>(n).fill(0);
  const row = new Array<number>(n);
  views.forEach(({ camera, rotation: r, translationMm: t }, k) => {
    const f = camera.focalPx;
    const du = imagePx[k][0] - camera.principalPx[0];
    const dv = imagePx[k][1] - camera.principalPx[1];
    const depth = Math.max(1, -t[2]);
    // du (-q.z) = f q.x and dv (-q.z) = -f q.y, for q = r p + t.
    const equations: [number[], number][] = [
      [[-du * r[6] - f * r[0], -du * r[7] - f * r[1], -du * r[8] - f * r[2]], du * t[2] + f * t[0]],
      [[-dv * r[6] + f * r[3], -dv * r[7] + f * r[4], -dv * r[8] + f * r[5]], dv * t[2] - f * t[1]],
    ];
    for (const [coefficients, rhs] of equations) {
      for (let m = 0; m < terms; m++) for (let i = 0; i < 3; i++) row[3 * m + i] = (termsByView[k][m] * coefficients[i]) / depth;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) a[n * i + j] += row[i] * row[j];
        b[i] += (row[i] * rhs) / depth;
      }
    }
  });
  const scale = (a[0] + a[n + 1] + a[2 * n + 2]) / 3;
  for (let i = 3; i < n; i++) a[n * i + i] += ridge * scale;
  const x = solveLinear(a, b, n);
  return Array.from({ length: terms }, (_, m): Vec3 => [x[3 * m], x[3 * m + 1], x[3 * m + 2]]);
}

/** Root-mean-square distance (pixels) between where the point projects in each view (`p`, or its
 * place in that view) and where it was seen. */
export function reprojectionRmsPx(views: readonly View[], imagePx: readonly [number, number][], p: Vec3 | readonly Vec3[]): number {
  let sum = 0;
  views.forEach(({ camera, rotation, translationMm: t }, k) => {
    const q = apply(rotation, typeof p[0] === 'number' ? (p as Vec3) : (p as readonly Vec3[])[k]);
    const [u, v] = projectPx(camera, [q[0] + t[0], q[1] + t[1], q[2] + t[2]]);
    sum += (u - imagePx[k][0]) ** 2 + (v - imagePx[k][1]) ** 2;
  });
  return Math.sqrt(sum / views.length);
}
