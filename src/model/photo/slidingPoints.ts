/** Points that slide over the face as it turns. A landmark model's points are not fixed to the
 * skin: where it puts them depends on the pose it sees the face at. On renders of the app's head,
 * FaceMesh reads a raised or lowered face as only about three quarters as raised or lowered, so
 * one table of places (however well triangulated) leaves the fitted pitch off by up to 7 degrees
 * at a pitch of 15. So each point's place is kept as a low-order polynomial of yaw and pitch
 * (slideTerms), found from renders at known poses (triangulate.ts, triangulateSliding), and the
 * pose fitted in passes: with the places at pose 0, then with the places at the pose found
 * (slidePose), until the pose settles (a fixed point: where the places seen from the fitted pose project onto the
 * points found). */
import type { Vec3 } from '../head/types';
import { mul, poseOf, rotZ, type HeadPose, type Mat3, type PinholeCamera } from './pose';
import { fitPoints, refitPoints, type PointsFit } from './poseFit';

export interface SlidingPoints {
  /** Per slide term (slideTerms), a vector per point, mm: a point's place at a pose is the sum of
   * its vectors, each times its term. The first term is 1: the places at yaw 0, pitch 0. */
  terms: readonly (readonly Vec3[])[];
  /** The poses the places were found over: beyond them the places at the nearest such pose are
   * used (a polynomial does not extrapolate). */
  yawRangeDeg: readonly [number, number];
  pitchRangeDeg: readonly [number, number];
}

/** The angle that makes a term 1, degrees. */
const SLIDE_UNIT_DEG = 30;

/** The slide terms of a pose: 1, yaw, pitch, yaw², pitch², yaw pitch, pitch³ (in units of 30
 * degrees). A third power in pitch only: the slide with pitch is the larger and the less even. */
export function slideTerms(pose: Pick<HeadPose, 'yawDeg' | 'pitchDeg'>): number[] {
  const y = pose.yawDeg / SLIDE_UNIT_DEG;
  const p = pose.pitchDeg / SLIDE_UNIT_DEG;
  return [1, y, p, y * y, p * p, y * p, p * p * p];
}
export const SLIDE_TERMS = 7;

/** The pose the face is seen at, the picture turned about its centre until the face's up axis
 * shows upright: the landmark model turns the face upright before reading it, so its points slide
 * with this pose. The same as poseOf for a head not rolled; for one rolled by 10 degrees and
 * turned by 25, yaw and pitch differ by a few degrees from poseOf's. */
export function slidePose(rotation: Mat3): HeadPose {
  return poseOf(mul(rotZ(-Math.atan2(-rotation[1], rotation[4])), rotation));
}

/** The points' places at a pose (held within the ranges the places were found over). */
export function placesAt(points: SlidingPoints, pose: Pick<HeadPose, 'yawDeg' | 'pitchDeg'>): Vec3[] {
  const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
  const t = slideTerms({ yawDeg: clamp(pose.yawDeg, points.yawRangeDeg), pitchDeg: clamp(pose.pitchDeg, points.pitchRangeDeg) });
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
  let fit = fitPoints(placesAt(points, { yawDeg: 0, pitchDeg: 0 }), imagePx, cam);
  let passes = 1;
  while (passes <= MAX_PASSES) {
    const next = refitPoints(placesAt(points, slidePose(fit.rotation)), imagePx, cam, fit);
    passes++;
    const moved = Math.hypot(next.pose.yawDeg - fit.pose.yawDeg, next.pose.pitchDeg - fit.pose.pitchDeg);
    fit = next;
    if (moved < SETTLED_DEG) break;
  }
  return { ...fit, passes };
}
