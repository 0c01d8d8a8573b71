/** A point's place in 3D from its images in several pictures whose cameras are known: the least
 * squares solution of the projection equations made linear (each picture gives two equations,
 * weighted by the point's depth, nearly the same in all of them). */
import type { Vec3 } from '../head/types';
import { apply, projectPx, type Mat3, type PinholeCamera } from './pose';

export interface View {
  camera: PinholeCamera;
  /** Head to camera: a head point p is at rotation p + translationMm. */
  rotation: Mat3;
  translationMm: Vec3;
}

export function triangulate(views: readonly View[], imagePx: readonly [number, number][]): Vec3 {
  const a = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const b = [0, 0, 0];
  views.forEach(({ camera, rotation: r, translationMm: t }, k) => {
    const f = camera.focalPx;
    const du = imagePx[k][0] - camera.principalPx[0];
    const dv = imagePx[k][1] - camera.principalPx[1];
    // du (-q.z) = f q.x and dv (-q.z) = -f q.y, for q = r p + t.
    const rows: [number[], number][] = [
      [[-du * r[6] - f * r[0], -du * r[7] - f * r[1], -du * r[8] - f * r[2]], du * t[2] + f * t[0]],
      [[-dv * r[6] + f * r[3], -dv * r[7] + f * r[4], -dv * r[8] + f * r[5]], dv * t[2] - f * t[1]],
    ];
    for (const [row, rhs] of rows) {
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) a[3 * i + j] += row[i] * row[j];
        b[i] += row[i] * rhs;
      }
    }
  });
  return solve3(a, b);
}

/** Root-mean-square distance (pixels) between where `p` projects in each view and where it was seen. */
export function reprojectionRmsPx(views: readonly View[], imagePx: readonly [number, number][], p: Vec3): number {
  let sum = 0;
  views.forEach(({ camera, rotation, translationMm: t }, k) => {
    const q = apply(rotation, p);
    const [u, v] = projectPx(camera, [q[0] + t[0], q[1] + t[1], q[2] + t[2]]);
    sum += (u - imagePx[k][0]) ** 2 + (v - imagePx[k][1]) ** 2;
  });
  return Math.sqrt(sum / views.length);
}

/** Cramer's rule on a 3x3 system (row-major). */
function solve3(m: number[], v: number[]): Vec3 {
  const det = (c0: number[], c1: number[], c2: number[]) => c0[0] * (c1[1] * c2[2] - c2[1] * c1[2]) - c1[0] * (c0[1] * c2[2] - c2[1] * c0[2]) + c2[0] * (c0[1] * c1[2] - c1[1] * c0[2]);
  const col = (j: number) => [m[j], m[3 + j], m[6 + j]];
  const d = det(col(0), col(1), col(2));
  return [det(v, col(1), col(2)) / d, det(col(0), v, col(2)) / d, det(col(0), col(1), v) / d];
}
