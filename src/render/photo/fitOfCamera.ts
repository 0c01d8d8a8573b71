/** The weak-perspective fit (model/photo/fit.ts) that best matches what a three.js camera shows
 * of the head: the head as the viewer draws it becomes a "photo" whose pose is known, to test
 * the photo path against. The rotation is the camera's exactly; scale and origin are fitted by
 * least squares to the pixels where the camera puts the scalp that faces it. An orthographic
 * camera is matched exactly; a perspective one leaves a residual (near parts drawn larger), which
 * is returned. */
import { Matrix4, Vector3, type Camera } from 'three';
import { anglesOfRotation, facingCamera, projectToPhoto, type HeadModel, type OrthoFit, type Rotation3 } from '../../model';
import { MM_TO_SCENE } from '../units';

export interface CameraFit {
  fit: OrthoFit;
  /** Root-mean-square and largest distance (pixels) between where the camera and the fit put
   * the scalp points used. */
  rmsPx: number;
  maxPx: number;
  points: number;
}

/** `widthPx` x `heightPx`: the picture the camera fills (e.g. a canvas's CSS size, as screenshots
 * are taken); the head is drawn in millimetres scaled by MM_TO_SCENE about the world's origin. */
export function fitOfCamera(camera: Camera, head: HeadModel, widthPx: number, heightPx: number): CameraFit {
  camera.updateMatrixWorld();
  const view = new Matrix4().copy(camera.matrixWorldInverse);
  const e = view.elements; // column-major
  const rotation: Rotation3 = [e[0], e[4], e[8], e[1], e[5], e[9], e[2], e[6], e[10]];
  const angles = anglesOfRotation(rotation);
  const p = head.positions,
    n = head.normals,
    uv = head.scalpUv;
  const v = new Vector3();
  // Sums for px = ox + s·a, py = oy − s·b (s = 1 / mmPerPx), a and b the camera-frame x and y.
  let N = 0,
    sa = 0,
    sb = 0,
    sx = 0,
    sy = 0,
    saa = 0,
    sxa = 0,
    syb = 0;
  const pairs: number[] = [];
  for (let i = 0, k = 0; i < p.length; i += 3, k += 2) {
    if (uv[k] < 0 || facingCamera(rotation, [n[i], n[i + 1], n[i + 2]]) < 0.2) continue;
    const a = rotation[0] * p[i] + rotation[1] * p[i + 1] + rotation[2] * p[i + 2];
    const b = rotation[3] * p[i] + rotation[4] * p[i + 1] + rotation[5] * p[i + 2];
    v.set(p[i], p[i + 1], p[i + 2])
      .multiplyScalar(MM_TO_SCENE)
      .project(camera);
    const x = ((v.x + 1) / 2) * widthPx,
      y = ((1 - v.y) / 2) * heightPx;
    N++;
    sa += a;
    sb += b;
    sx += x;
    sy += y;
    saa += a * a + b * b;
    sxa += x * a;
    syb += y * b;
    pairs.push(i, x, y);
  }
  if (N < 3) throw new Error('the camera sees too little of the scalp to fit');
  // Normal equations: ox·N + s·Σa = Σx; oy·N − s·Σb = Σy; ox·Σa − oy·Σb + s·Σ(a²+b²) = Σ(xa − yb).
  const s = (sxa - syb - (sx * sa) / N + (sy * sb) / N) / (saa - (sa * sa + sb * sb) / N);
  const fit: OrthoFit = { ...angles, mmPerPx: 1 / s, originPx: [(sx - s * sa) / N, (sy + s * sb) / N] };
  let sum = 0,
    max = 0;
  for (let j = 0; j < pairs.length; j += 3) {
    const i = pairs[j];
    const q = projectToPhoto(fit, [p[i], p[i + 1], p[i + 2]], rotation);
    const d = Math.hypot(q.x - pairs[j + 1], q.y - pairs[j + 2]);
    sum += d * d;
    max = Math.max(max, d);
  }
  return { fit, rmsPx: Math.sqrt(sum / N), maxPx: max, points: N };
}
