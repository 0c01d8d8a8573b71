/** The head's pose seen by a camera, and the camera's projection.
 *
 * Frames: the head's (mm; +x toward the client's left ear, +y up, +z out through the face) and
 * the camera's (mm; x to the right of the picture, y up, z toward the viewer, so what is seen has
 * z < 0: three.js's convention). A head point p is at R p + t in the camera's frame. With R the
 * identity the client faces the camera squarely.
 *
 * The angles, in degrees, as a client's head turns in front of the camera:
 * - yaw +: the face turns toward the client's own left (the right of the picture);
 * - pitch +: the chin comes up (the face turns up);
 * - roll +: the head tilts toward the client's left shoulder (the top goes to the picture's right).
 * R = Rx(-pitch) Ry(yaw) Rz(-roll): the face turned (yaw), then raised or lowered about the
 * camera's horizontal axis (pitch), the roll innermost (about the face's own axis). A camera
 * circling a still head at azimuth a (toward the client's left) and elevation e so sees yaw -a,
 * pitch -e and no roll. */
import type { Vec3 } from '../head/types';

/** A 3x3 rotation, row-major. */
export type Mat3 = [number, number, number, number, number, number, number, number, number];

export interface HeadPose {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
}

/** A pinhole camera in image pixels (x right, y down). */
export interface PinholeCamera {
  focalPx: number;
  /** Where the line of sight meets the image. */
  principalPx: [number, number];
}

const RAD = Math.PI / 180;

export function rotX(a: number): Mat3 {
  const c = Math.cos(a),
    s = Math.sin(a);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}
export function rotY(a: number): Mat3 {
  const c = Math.cos(a),
    s = Math.sin(a);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}
export function rotZ(a: number): Mat3 {
  const c = Math.cos(a),
    s = Math.sin(a);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function mul(a: Mat3, b: Mat3): Mat3 {
  const r = new Array<number>(9) as Mat3;
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
  return r;
}

export function transpose(a: Mat3): Mat3 {
  return [a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]];
}

export function apply(r: Mat3, p: Vec3): Vec3 {
  return [r[0] * p[0] + r[1] * p[1] + r[2] * p[2], r[3] * p[0] + r[4] * p[1] + r[5] * p[2], r[6] * p[0] + r[7] * p[1] + r[8] * p[2]];
}

/** The rotation by |w| radians about the axis w (Rodrigues). */
export function rotationVector(w: Vec3): Mat3 {
  const a = Math.hypot(w[0], w[1], w[2]);
  if (a < 1e-12) return [1, -w[2], w[1], w[2], 1, -w[0], -w[1], w[0], 1];
  const x = w[0] / a,
    y = w[1] / a,
    z = w[2] / a;
  const c = Math.cos(a),
    s = Math.sin(a),
    k = 1 - c;
  return [c + x * x * k, x * y * k - z * s, x * z * k + y * s, y * x * k + z * s, c + y * y * k, y * z * k - x * s, z * x * k - y * s, z * y * k + x * s, c + z * z * k];
}

export function rotationOf(pose: HeadPose): Mat3 {
  return mul(mul(rotX(-pose.pitchDeg * RAD), rotY(pose.yawDeg * RAD)), rotZ(-pose.rollDeg * RAD));
}

/** The angles of a rotation (see above). Every rotation has two sets, (yaw, pitch, roll) and
 * (180 - yaw, pitch + 180, roll + 180): the one with yaw within +/-90 degrees is given, unless its
 * pitch is beyond +/-120 degrees; then the head is seen from behind, and the other set says so
 * (yaw near 180, the camera's elevation as pitch). A head seen from above keeps yaw near 0 and
 * pitch near -90. */
export function poseOf(r: Mat3): HeadPose {
  const deg = (x: number) => x / RAD;
  const yawDeg = deg(Math.asin(Math.max(-1, Math.min(1, r[2]))));
  const pitchDeg = deg(Math.atan2(r[5], r[8]));
  const rollDeg = deg(Math.atan2(r[1], r[0]));
  if (Math.abs(pitchDeg) <= BEHIND_PITCH_DEG) return { yawDeg, pitchDeg, rollDeg };
  const wrap = (a: number) => (a > 180 ? a - 360 : a <= -180 ? a + 360 : a);
  return { yawDeg: wrap(180 - yawDeg), pitchDeg: wrap(pitchDeg + 180), rollDeg: wrap(rollDeg + 180) };
}
const BEHIND_PITCH_DEG = 120;

/** The angle of the rotation that takes one to the other, degrees. */
export function angleBetweenDeg(a: Mat3, b: Mat3): number {
  const m = mul(transpose(a), b);
  return Math.acos(Math.max(-1, Math.min(1, (m[0] + m[4] + m[8] - 1) / 2))) / RAD;
}

/** Where a point of the camera's frame lands in the image (pixels). */
export function projectPx(cam: PinholeCamera, q: Vec3): [number, number] {
  const depth = -q[2];
  return [cam.principalPx[0] + (cam.focalPx * q[0]) / depth, cam.principalPx[1] - (cam.focalPx * q[1]) / depth];
}

/** Where a head point lands in the image of a head at pose (r, tMm). */
export function projectHeadPoint(cam: PinholeCamera, r: Mat3, tMm: Vec3, p: Vec3): [number, number] {
  const q = apply(r, p);
  return projectPx(cam, [q[0] + tMm[0], q[1] + tMm[1], q[2] + tMm[2]]);
}
