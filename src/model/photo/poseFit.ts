/** The head's pose and distance from a photo: the head model's points (headFit.ts) turned and
 * moved until their perspective projection lands on the points the landmark model found, in the
 * least-squares sense (Levenberg-Marquardt over the 3 angles and 3 offsets, started from the
 * closed-form fit of an affine camera). */
import type { Vec3 } from '../head/types';
import { solveLinear } from './linear';
import { apply, mul, poseOf, rotationOf, rotationVector, type HeadPose, type Mat3, type PinholeCamera } from './pose';

export interface PointsFit {
  rotation: Mat3;
  translationMm: Vec3;
  pose: HeadPose;
  /** Root-mean-square distance between the projected and the found points, pixels. */
  rmsPx: number;
  iterations: number;
}

const MAX_ITERATIONS = 100;

/** Fits rotation and translation so that `modelMm[i]` projects onto `imagePx[i]` (weights
 * `weights[i]`, 1 when not given). At least 4 points, not all on a line. */
export function fitPoints(modelMm: readonly Vec3[], imagePx: readonly [number, number][], cam: PinholeCamera, weights?: readonly number[]): PointsFit {
  const n = modelMm.length;
  if (n < 4 || imagePx.length !== n) throw new Error(`the pose needs at least 4 matched points (got ${n} and ${imagePx.length})`);
  const w = weights ?? modelMm.map(() => 1);
  const start = affineStart(modelMm, imagePx, cam, w);
  let best = refine(modelMm, imagePx, cam, w, start.rotation, start.translationMm);
  // The affine start is near the answer for a face. When it ends far off (points far out, a
  // profile), a few turned starts are tried too, and the best end wins.
  if (best.rmsPx > POOR_FIT_SHARE * spanPx(imagePx)) {
    for (const yawDeg of [-60, -30, 0, 30, 60]) {
      const fit = refine(modelMm, imagePx, cam, w, rotationOf({ yawDeg, pitchDeg: 0, rollDeg: 0 }), start.translationMm);
      if (fit.rmsPx < best.rmsPx) best = fit;
    }
  }
  return best;
}

/** Fits as fitPoints does, but from a given rotation (a pose the points are known to be near):
 * for few points, or points nearly in one plane, where the affine start says little. The start's
 * distance makes the model's spread match the image's. */
export function fitPointsFrom(modelMm: readonly Vec3[], imagePx: readonly [number, number][], cam: PinholeCamera, rotation: Mat3): PointsFit {
  const n = modelMm.length;
  if (n < 4 || imagePx.length !== n) throw new Error(`the pose needs at least 4 matched points (got ${n} and ${imagePx.length})`);
  const turned = modelMm.map((p) => apply(rotation, p));
  const mc = [0, 1, 2].map((k) => turned.reduce((s, p) => s + p[k], 0) / n);
  let spreadMm = 0;
  for (const p of turned) spreadMm += (p[0] - mc[0]) ** 2 + (p[1] - mc[1]) ** 2;
  spreadMm = Math.sqrt(spreadMm / n);
  const ic = [0, 1].map((k) => imagePx.reduce((s, p) => s + p[k], 0) / n);
  const depth = (cam.focalPx * spreadMm) / Math.max(spanPx(imagePx), 1e-6);
  const cx = ((ic[0] - cam.principalPx[0]) / cam.focalPx) * depth;
  const cy = (-(ic[1] - cam.principalPx[1]) / cam.focalPx) * depth;
  return refine(
    modelMm,
    imagePx,
    cam,
    modelMm.map(() => 1),
    rotation,
    [cx - mc[0], cy - mc[1], -depth - mc[2]],
  );
}

/** Fits as fitPoints does, from a fit of nearly the same points (their places moved a little):
 * a few steps from where that one ended. */
export function refitPoints(
  modelMm: readonly Vec3[],
  imagePx: readonly [number, number][],
  cam: PinholeCamera,
  from: Pick<PointsFit, 'rotation' | 'translationMm'>,
  weights?: readonly number[],
): PointsFit {
  return refine(modelMm, imagePx, cam, weights ?? modelMm.map(() => 1), from.rotation, from.translationMm);
}

/** A fit whose points fall this share of their spread from the found ones, or more, is poor. */
const POOR_FIT_SHARE = 0.05;

/** The found points' spread: root-mean-square distance from their centre, pixels. */
function spanPx(imagePx: readonly [number, number][]): number {
  let cx = 0,
    cy = 0;
  for (const [u, v] of imagePx) {
    cx += u / imagePx.length;
    cy += v / imagePx.length;
  }
  let s = 0;
  for (const [u, v] of imagePx) s += (u - cx) ** 2 + (v - cy) ** 2;
  return Math.sqrt(s / imagePx.length);
}

/** Levenberg-Marquardt from a start. */
function refine(modelMm: readonly Vec3[], imagePx: readonly [number, number][], cam: PinholeCamera, w: readonly number[], rotation: Mat3, translationMm: Vec3): PointsFit {
  const n = modelMm.length;
  const sw = w.map(Math.sqrt);
  const f = cam.focalPx;
  const [cx, cy] = cam.principalPx;
  // Called some 7 times an iteration over every point: written out, nothing allocated.
  const residuals = (r: Mat3, t: Vec3, out: Float64Array) => {
    let e = 0;
    for (let i = 0; i < n; i++) {
      const [x, y, z] = modelMm[i];
      const depth = -(r[6] * x + r[7] * y + r[8] * z + t[2]);
      // A point behind the camera (or on its plane) cannot be seen: no such pose.
      if (depth < 1) return Infinity;
      const du = sw[i] * (cx + (f * (r[0] * x + r[1] * y + r[2] * z + t[0])) / depth - imagePx[i][0]);
      const dv = sw[i] * (cy - (f * (r[3] * x + r[4] * y + r[5] * z + t[1])) / depth - imagePx[i][1]);
      out[2 * i] = du;
      out[2 * i + 1] = dv;
      e += du * du + dv * dv;
    }
    return e;
  };
  const step = (p: Float64Array): { r: Mat3; t: Vec3 } => ({
    r: mul(rotationVector([p[0], p[1], p[2]]), rotation),
    t: [translationMm[0] + p[3], translationMm[1] + p[4], translationMm[2] + p[5]],
  });
  const res = new Float64Array(2 * n);
  const trial = new Float64Array(2 * n);
  const jac = Array.from({ length: 6 }, () => new Float64Array(2 * n));
  let error = residuals(rotation, translationMm, res);
  let lambda = 1e-3;
  let iterations = 0;
  // Finite-difference steps: radians for the angles, mm for the offsets.
  const h = [1e-6, 1e-6, 1e-6, 1e-4, 1e-4, 1e-4];
  let converged = false;
  for (; iterations < MAX_ITERATIONS && !converged; iterations++) {
    for (let k = 0; k < 6; k++) {
      const p = new Float64Array(6);
      p[k] = h[k];
      const { r, t } = step(p);
      residuals(r, t, jac[k]);
      for (let i = 0; i < 2 * n; i++) jac[k][i] = (jac[k][i] - res[i]) / h[k];
    }
    const a = new Float64Array(36);
    const g = new Float64Array(6);
    for (let j = 0; j < 6; j++) {
      for (let k = 0; k <= j; k++) {
        let s = 0;
        for (let i = 0; i < 2 * n; i++) s += jac[j][i] * jac[k][i];
        a[6 * j + k] = a[6 * k + j] = s;
      }
      let s = 0;
      for (let i = 0; i < 2 * n; i++) s += jac[j][i] * res[i];
      g[j] = -s;
    }
    let improved = false;
    for (let tries = 0; tries < 10 && !improved; tries++) {
      const damped = a.slice();
      for (let j = 0; j < 6; j++) damped[7 * j] += lambda * (a[7 * j] + 1e-9);
      const p = solve6(damped, g);
      const { r, t } = step(p);
      const e = residuals(r, t, trial);
      if (e < error) {
        const gain = error - e;
        rotation = r;
        translationMm = t;
        res.set(trial);
        error = e;
        lambda = Math.max(lambda / 10, 1e-9);
        improved = true;
        converged = gain < 1e-10 * (1 + error);
      } else lambda *= 10;
    }
    if (!improved) break;
  }
  let total = 0;
  for (const x of w) total += x;
  return { rotation, translationMm, pose: poseOf(rotation), rmsPx: Math.sqrt(error / total), iterations };
}

/** The affine camera that best maps the model onto the image (least squares), its two rows made
 * an orthonormal pair: a rotation and a scale, and from the scale the distance. */
function affineStart(modelMm: readonly Vec3[], imagePx: readonly [number, number][], cam: PinholeCamera, w: readonly number[]): { rotation: Mat3; translationMm: Vec3 } {
  const n = modelMm.length;
  let sw = 0;
  const mc = [0, 0, 0];
  const ic = [0, 0];
  for (let i = 0; i < n; i++) {
    sw += w[i];
    for (let k = 0; k < 3; k++) mc[k] += w[i] * modelMm[i][k];
    ic[0] += w[i] * imagePx[i][0];
    ic[1] += w[i] * imagePx[i][1];
  }
  for (let k = 0; k < 3; k++) mc[k] /= sw;
  ic[0] /= sw;
  ic[1] /= sw;
  // Normal equations: (X^T W X) m = X^T W u, for u = image x and for -image y (y up).
  const xx = new Float64Array(9);
  const xu = [0, 0, 0];
  const xv = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const d = [modelMm[i][0] - mc[0], modelMm[i][1] - mc[1], modelMm[i][2] - mc[2]];
    const du = imagePx[i][0] - ic[0];
    const dv = -(imagePx[i][1] - ic[1]);
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) xx[3 * a + b] += w[i] * d[a] * d[b];
      xu[a] += w[i] * d[a] * du;
      xv[a] += w[i] * d[a] * dv;
    }
  }
  const r1 = solve3(xx, xu);
  const r2 = solve3(xx, xv);
  const scale = (norm(r1) + norm(r2)) / 2;
  // The nearest orthonormal pair: split the angle between the two rows evenly.
  const a = normalize(r1);
  const b = normalize(r2);
  const bis = normalize([a[0] + b[0], a[1] + b[1], a[2] + b[2]]);
  const c = normalize(cross(cross(a, b), bis));
  const x = normalize([(bis[0] + c[0]) / Math.SQRT2, (bis[1] + c[1]) / Math.SQRT2, (bis[2] + c[2]) / Math.SQRT2]);
  const y = normalize([(bis[0] - c[0]) / Math.SQRT2, (bis[1] - c[1]) / Math.SQRT2, (bis[2] - c[2]) / Math.SQRT2]);
  const z = cross(x, y);
  const rotation: Mat3 = [x[0], x[1], x[2], y[0], y[1], y[2], z[0], z[1], z[2]];
  // The model's centre at the depth where the scale holds, on the ray through the image centre.
  const depth = cam.focalPx / scale;
  const rc = apply(rotation, [mc[0], mc[1], mc[2]]);
  const cx = ((ic[0] - cam.principalPx[0]) / cam.focalPx) * depth;
  const cy = (-(ic[1] - cam.principalPx[1]) / cam.focalPx) * depth;
  return { rotation, translationMm: [cx - rc[0], cy - rc[1], -depth - rc[2]] };
}

const norm = (v: number[]) => Math.hypot(v[0], v[1], v[2]);
const normalize = (v: number[]): number[] => {
  const l = norm(v) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};
const cross = (a: number[], b: number[]): number[] => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];

function solve3(m: Float64Array, v: number[]): number[] {
  return solveLinear(Array.from(m), v.slice(), 3);
}
function solve6(m: Float64Array, v: Float64Array): Float64Array {
  return Float64Array.from(solveLinear(Array.from(m), Array.from(v), 6));
}
