// Points that slide with the pose (slidingPoints.ts): calibrated from views at known poses
// (triangulateSliding), then the pose fitted in passes. Synthetic: a face whose points a landmark
// model reads as only three quarters as raised or lowered as the face is, as FaceMesh does.
import { describe, expect, it } from 'vitest';
import { fitPoints, poseOf, projectHeadPoint, rotationOf, type HeadPose, type PinholeCamera, type Vec3 } from '../../src/model';
import { apply } from '../../src/model/photo/pose';
import { fitSlidingPoints, placesAt, slideTerms, type SlidingPoints } from '../../src/model/photo/slidingPoints';
import { triangulateSliding, type View } from '../../src/model/photo/triangulate';
import { createRng } from '../../src/model/rng';

const CAMERA: PinholeCamera = { focalPx: 1055, principalPx: [450, 283] };

/** A face's worth of points (mm, head axes, the face toward +z): a curved grid. */
const FACE: Vec3[] = [];
for (let x = -60; x <= 60; x += 15) for (let y = -90; y <= 40; y += 16) FACE.push([x, y, 100 - (x * x) / 90 - (y * y) / 160]);

/** Where the landmark model puts the points on a face seen at `pose`: turned back by a quarter of
 * the pitch about the middle of the head, so that a rigid fit reads three quarters of the pitch,
 * and with the head rolled and turned, pitched by yaw times roll (radians: 5 degrees at 25 and 12). */
function slid(pose: HeadPose): Vec3[] {
  const rad = Math.PI / 180;
  const back = rotationOf({ yawDeg: 0, pitchDeg: -pose.pitchDeg / 4 + (pose.yawDeg * rad * pose.rollDeg * rad) / rad, rollDeg: 0 });
  return FACE.map((p) => apply(back, p));
}

function view(pose: HeadPose, distanceMm = 650): View {
  return { camera: CAMERA, rotation: rotationOf(pose), translationMm: [0, 20, -distanceMm] };
}

/** The points found in a picture of the face at `pose`, with Gaussian noise of `noisePx`. */
function seen(pose: HeadPose, noisePx = 0, seed = 1, distanceMm = 650): [number, number][] {
  const v = view(pose, distanceMm);
  const rng = createRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return slid(poseOf(v.rotation)).map((p) => {
    const [u, w] = projectHeadPoint(CAMERA, v.rotation, v.translationMm, p);
    return [u + noisePx * gauss(), w + noisePx * gauss()];
  });
}

/** Calibrated as faceMeshCalibration.test.ts does, from views on a grid of poses. */
function calibrated(): SlidingPoints {
  const poses: HeadPose[] = [];
  for (const yawDeg of [-30, -15, 0, 15, 30]) for (const pitchDeg of [-20, -10, 0, 10, 20, 30]) poses.push({ yawDeg, pitchDeg, rollDeg: 0 });
  for (const yawDeg of [-25, 0, 25]) for (const pitchDeg of [-10, 20]) for (const rollDeg of [-12, 12]) poses.push({ yawDeg, pitchDeg, rollDeg });
  const views = poses.map((p) => view(p));
  const images = poses.map((p, k) => seen(p, 0.5, k + 1));
  const terms = poses.map(slideTerms);
  const vectors = FACE.map((_, i) =>
    triangulateSliding(
      views,
      images.map((m) => m[i]),
      terms,
      1e-3,
    ),
  );
  return { terms: terms[0].map((_, k) => vectors.map((v) => v[k])), yawRangeDeg: [-30, 30], pitchRangeDeg: [-20, 30], rollRangeDeg: [-12, 12] };
}

/** Poses off the calibration grid, rolled too. */
const POSES: HeadPose[] = [
  { yawDeg: 5, pitchDeg: -15, rollDeg: 0 },
  { yawDeg: -22, pitchDeg: 24, rollDeg: 0 },
  { yawDeg: 18, pitchDeg: 12, rollDeg: -9 },
  { yawDeg: -8, pitchDeg: -17, rollDeg: -7 },
  { yawDeg: 24, pitchDeg: -6, rollDeg: -11 },
];

describe('points sliding with the pose', () => {
  it('are found from views at known poses and give back the pose a fixed table misses', () => {
    const points = calibrated();
    POSES.forEach((pose, k) => {
      const image = seen(pose, 1, 100 + k, 600 + 40 * k);
      const fixed = poseOf(fitPoints(placesAt(points, { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }), image, CAMERA).rotation);
      const fit = fitSlidingPoints(points, image, CAMERA);
      // One table of places: the pitch comes out 2.5-7 degrees off.
      expect(Math.abs(fixed.pitchDeg - pose.pitchDeg)).toBeGreaterThan(2);
      expect(Math.abs(fit.pose.pitchDeg - pose.pitchDeg), `pitch at ${JSON.stringify(pose)}`).toBeLessThan(0.5);
      expect(Math.abs(fit.pose.yawDeg - pose.yawDeg)).toBeLessThan(0.5);
      expect(Math.abs(fit.pose.rollDeg - pose.rollDeg)).toBeLessThan(0.5);
      expect(Math.abs(-fit.translationMm[2] / (600 + 40 * k) - 1)).toBeLessThan(0.01);
      expect(fit.passes).toBeGreaterThan(1);
    });
  });

  it('are the places at the nearest calibrated pose beyond the calibrated range', () => {
    const points = calibrated();
    expect(placesAt(points, { yawDeg: 50, pitchDeg: -40, rollDeg: 20 })).toEqual(placesAt(points, { yawDeg: 30, pitchDeg: -20, rollDeg: 12 }));
    expect(placesAt(points, { yawDeg: 10, pitchDeg: 45, rollDeg: -3 })).toEqual(placesAt(points, { yawDeg: 10, pitchDeg: 30, rollDeg: -3 }));
  });
});
