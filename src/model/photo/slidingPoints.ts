/** Points that slide over the face as it turns. A landmark model's points are not fixed to the
 * skin: where it puts them depends on the pose it sees the face at. On renders of the app's head,
 * one table of FaceMesh's places (however well triangulated) read the pitch short: 4-7 degrees
 * short at pitch -15 (chin down), up to 9 at pitch 25 with yaw 30, and with the head both turned
 * and rolled (yaw 25, roll 12) up to 12 degrees off. So each point's place is kept as a low-order
 * polynomial of the pose (slideTerms), found from renders at known poses (triangulate.ts,
 * triangulateSliding), and the pose fitted in passes: with the places at pose 0, then with the
 * places at the pose found, until the pose settles. It ends where the places for the fitted pose,
 * seen from it, fall on the points found. */
import type { Vec3 } from '../head/types';
import type { HeadPose, PinholeCamera } from './pose';
import { fitPoints, refitPoints, type PointsFit } from './poseFit';

export interface SlidingPoints {
  /** Per slide term (slideTerms), a vector per point, mm: a point's place at a pose is the sum of
   * its vectors, each times its term. The first term is 1: the places at pose 0. */
  terms: readonly (readonly Vec3[])[];
  /** The poses the places were found over, degrees: beyond them the places at the nearest such
   * pose are used (a polynomial does not extrapolate). */
  yawRangeDeg: readonly [number, number];
  pitchRangeDeg: readonly [number, number];
  rollRangeDeg: readonly [number, number];
}

/** The angle that makes a term 1, degrees. */
const SLIDE_UNIT_DEG = 30;

/** The slide terms of a pose: 1, yaw, pitch, yaw², pitch², yaw pitch, pitch³, roll, yaw roll,
 * pitch roll (in units of 30 degrees). A third power in pitch only: the slide with pitch is the
 * larger and the less even. Roll too: the landmark model reads the face as the picture has it,
 * not turned upright first (workers/landmarks.worker.ts). */
export function slideTerms(pose: HeadPose): number[] {
  const y = pose.yawDeg / SLIDE_UNIT_DEG;
  const p = pose.pitchDeg / SLIDE_UNIT_DEG;
  const r = pose.rollDeg / SLIDE_UNIT_DEG;
  return [1, y, p, y * y, p * p, y * p, p * p * p, r, y * r, p * r];
}
export const SLIDE_TERMS = slideTerms({ yawDeg: 0, pitchDeg: 0, rollDeg: 0 }).length;

/** The points' places at a pose (held within the ranges the places were found over). */
export function placesAt(points: SlidingPoints, pose: HeadPose): Vec3[] {
  const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
  const t = slideTerms({
    yawDeg: clamp(pose.yawDeg, points.yawRangeDeg),
    pitchDeg: clamp(pose.pitchDeg, points.pitchRangeDeg),
    rollDeg: clamp(pose.rollDeg, points.rollRangeDeg),
  });
  return points.terms[0].map((_, i) => {
    const p: Vec3 = [0, 0, 0];
    points.terms.forEach((vectors, k) => {
      for (let c = 0; c < 3; c++) p[c] += t[k] * vectors[i][c];
    });
    return p;
  });
}

/** Passes after the first at most, and the change of pose (degrees) under which it has settled. */
const MAX_PASSES = 8;
const SETTLED_DEG = 0.05;

export interface SlidingFit extends PointsFit {
  /** Fits made, the first (places at pose 0) included. */
  passes: number;
}

/** Fits the pose (fitPoints) to the points found in a photo, the places following the pose. */
export function fitSlidingPoints(points: SlidingPoints, imagePx: readonly [number, number][], cam: PinholeCamera): SlidingFit {
  let fit = fitPoints(placesAt(points, { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }), imagePx, cam);
  let passes = 1;
  while (passes <= MAX_PASSES) {
    const next = refitPoints(placesAt(points, fit.pose), imagePx, cam, fit);
    passes++;
    const moved = Math.hypot(next.pose.yawDeg - fit.pose.yawDeg, next.pose.pitchDeg - fit.pose.pitchDeg, next.pose.rollDeg - fit.pose.rollDeg);
    fit = next;
    if (moved < SETTLED_DEG) break;
  }
  return { ...fit, passes };
}
