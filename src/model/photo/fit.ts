/** How the head model lies in a photo: a weak-perspective (scaled orthographic) pose.
 *
 * A point p of the head (mm, the head frame: +x toward the client's left ear, +y up, +z out
 * through the face, origin between the tragi) is turned into the camera's frame (x to the
 * photo's right, y up, z toward the camera) by R = Rz(roll) · Rx(−pitch) · Ry(yaw), then lands on
 * pixel (originPx[0] + (Rp).x / mmPerPx, originPx[1] − (Rp).y / mmPerPx) (y down), whatever its
 * depth. Angles, all zero for a face seen straight on with the head upright:
 *  - yaw: + turns the face toward the client's own left (the nose moves to the photo's right and
 *    more of the right cheek and ear shows). The viewer's 'left' camera preset (the client's left
 *    side) is yaw −90°, 'right' is +90°.
 *  - pitch: + lifts the chin. The 'front' preset looks from 15° above: pitch −15°.
 *  - roll: + turns the head counter-clockwise in the photo (toward the client's right shoulder).
 * Weak perspective treats the head as flat in depth: from 1 m away the near and far sides of
 * the scalp (±10 cm) differ in scale by about ±10 %, so a fit is exact at one depth only. A fit
 * that knows the camera it came from (`pinhole`: a photo's landmark fit) is drawn through it
 * instead: nearer parts larger, as the photo shows them (a phone 45 cm from the head put the
 * weak-perspective design up to 6 % of the scalp's width, about 2 cm, off). The angles, mmPerPx and
 * originPx still say the pose and scale, at the point the fit was taken about. */
import type { Vec3 } from '../head/types';
import { z } from '../zod';

export const orthoFitSchema = z.object({
  yawDeg: z.number().finite().min(-180).max(180),
  pitchDeg: z.number().finite().min(-90).max(90),
  rollDeg: z.number().finite().min(-180).max(180),
  /** Millimetres of the head per photo pixel (at the head's scale). */
  mmPerPx: z.number().finite().positive(),
  /** Where the head's origin (between the tragi) falls in the photo, pixels from the top left. */
  originPx: z.tuple([z.number().finite(), z.number().finite()]),
  /** The pinhole camera (pose.ts) this fit came from, when known: head to camera is
   * R(angles) p + translationMm, then focalPx and principalPx. */
  pinhole: z
    .object({
      translationMm: z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]),
      focalPx: z.number().finite().positive(),
      principalPx: z.tuple([z.number().finite(), z.number().finite()]),
    })
    .optional(),
});

export type OrthoFit = z.infer<typeof orthoFitSchema>;

/** A 3x3 rotation, row-major: out[r] = sum over c of m[3r + c] * v[c]. */
export type Rotation3 = [number, number, number, number, number, number, number, number, number];

const RAD = Math.PI / 180;

/** R = Rz(roll) · Rx(−pitch) · Ry(yaw): head frame to the camera's frame. */
export function fitRotation(fit: Pick<OrthoFit, 'yawDeg' | 'pitchDeg' | 'rollDeg'>): Rotation3 {
  const y = fit.yawDeg * RAD,
    a = -fit.pitchDeg * RAD,
    r = fit.rollDeg * RAD;
  const [cy, sy, ca, sa, cr, sr] = [Math.cos(y), Math.sin(y), Math.cos(a), Math.sin(a), Math.cos(r), Math.sin(r)];
  // Rx(a) · Ry(y), then its rows mixed by the roll.
  const m0 = [cy, 0, sy];
  const m1 = [sa * sy, ca, -sa * cy];
  const m2 = [-ca * sy, sa, ca * cy];
  return [cr * m0[0] - sr * m1[0], cr * m0[1] - sr * m1[1], cr * m0[2] - sr * m1[2], sr * m0[0] + cr * m1[0], sr * m0[1] + cr * m1[1], sr * m0[2] + cr * m1[2], m2[0], m2[1], m2[2]];
}

/** Yaw, pitch and roll (degrees) of a rotation from the head frame to the camera's frame: the
 * inverse of fitRotation (pitch in −90..90). */
export function anglesOfRotation(m: ArrayLike<number>): { yawDeg: number; pitchDeg: number; rollDeg: number } {
  // Row 2 is (−cos a sin y, sin a, cos a cos y); m[1] = −sin(roll) cos a, m[4] = cos(roll) cos a.
  const a = Math.asin(Math.max(-1, Math.min(1, m[7])));
  const clean = (deg: number) => (Object.is(deg, -0) ? 0 : deg);
  return {
    yawDeg: clean(Math.atan2(-m[6], m[8]) / RAD),
    pitchDeg: clean(-a / RAD),
    rollDeg: clean(Math.atan2(-m[1], m[4]) / RAD),
  };
}

/** Pixel (x right, y down) of a head point (mm), and its depth toward the camera (mm, about the
 * head's origin). */
export function projectToPhoto(fit: OrthoFit, pMm: ArrayLike<number>, rotation: Rotation3 = fitRotation(fit)): { x: number; y: number; depthMm: number } {
  const m = rotation;
  const cx = m[0] * pMm[0] + m[1] * pMm[1] + m[2] * pMm[2];
  const cy = m[3] * pMm[0] + m[4] * pMm[1] + m[5] * pMm[2];
  const cz = m[6] * pMm[0] + m[7] * pMm[1] + m[8] * pMm[2];
  const p = fit.pinhole;
  if (p) {
    const away = -(cz + p.translationMm[2]);
    return { x: p.principalPx[0] + (p.focalPx * (cx + p.translationMm[0])) / away, y: p.principalPx[1] - (p.focalPx * (cy + p.translationMm[1])) / away, depthMm: cz };
  }
  return { x: fit.originPx[0] + cx / fit.mmPerPx, y: fit.originPx[1] - cy / fit.mmPerPx, depthMm: cz };
}

/** The fit at another size of the same picture (`scale` times as many pixels a side): the pixels
 * scale, the pose does not. */
export function fitAtScale(fit: OrthoFit, scale: number): OrthoFit {
  const p = fit.pinhole;
  return {
    ...fit,
    mmPerPx: fit.mmPerPx / scale,
    originPx: [fit.originPx[0] * scale, fit.originPx[1] * scale],
    ...(p ? { pinhole: { ...p, focalPx: p.focalPx * scale, principalPx: [p.principalPx[0] * scale, p.principalPx[1] * scale] } } : {}),
  };
}

/** The line of sight through a pixel, in head coordinates: from `fromMm` (the camera, or far on
 * its side under weak perspective, where every line runs along the view direction) along
 * `towardCamera` reversed. */
export function lineOfSight(fit: OrthoFit, xPx: number, yPx: number, rotation: Rotation3 = fitRotation(fit)): { fromMm: Vec3; towardCamera: Vec3 } {
  const m = rotation;
  // Head coordinates of a camera-frame vector: Rᵀ v.
  const toHead = (x: number, y: number, z: number): Vec3 => [m[0] * x + m[3] * y + m[6] * z, m[1] * x + m[4] * y + m[7] * z, m[2] * x + m[5] * y + m[8] * z];
  const p = fit.pinhole;
  if (p) {
    const t = p.translationMm;
    const d = toHead((xPx - p.principalPx[0]) / p.focalPx, (p.principalPx[1] - yPx) / p.focalPx, -1);
    const n = Math.hypot(d[0], d[1], d[2]);
    return { fromMm: toHead(-t[0], -t[1], -t[2]), towardCamera: [-d[0] / n, -d[1] / n, -d[2] / n] };
  }
  const far = 1e4;
  return { fromMm: toHead((xPx - fit.originPx[0]) * fit.mmPerPx, (fit.originPx[1] - yPx) * fit.mmPerPx, far), towardCamera: [m[6], m[7], m[8]] };
}

/** The camera-frame z of a head direction (a normal): > 0 where a surface faces the camera. */
export function facingCamera(rotation: Rotation3, nMm: ArrayLike<number>): number {
  return rotation[6] * nMm[0] + rotation[7] * nMm[1] + rotation[8] * nMm[2];
}
