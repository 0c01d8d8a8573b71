// The head's pose and scale from a photo's face landmarks: the angle conventions, and the fit on
// synthetic photos (the head's own points projected at known poses, with noise).
import { describe, expect, it } from 'vitest';
import {
  angleBetweenDeg,
  assumedCamera,
  exocanthionSpanMm,
  EXOCANTHION_SPAN_MM,
  faceMeshOnHead,
  FACE_MESH_POINTS,
  fitHeadToPhoto,
  fitPoints,
  poseOf,
  projectHeadPoint,
  rotationOf,
  type FaceLandmarks,
  type FaceModelSource,
  type HeadPose,
  type PinholeCamera,
  type Vec3,
} from '../../src/model';
import { apply, mul, rotX, rotY, transpose } from '../../src/model/photo/pose';
import { triangulate } from '../../src/model/photo/triangulate';
import { createRng } from '../../src/model/rng';

/** The default head's outer eye landmarks (createHead(), male, ANSUR II means). */
const HEAD: FaceModelSource = { landmarks: { eyeOuterLeft: [46.718, 9.249, 80.424], eyeOuterRight: [-46.718, 9.249, 80.424] }, sex: 'male' };
const CAMERA: PinholeCamera = { focalPx: 1055, principalPx: [450, 283] };

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** A synthetic photo: the head's FaceMesh points at `pose` (where FaceMesh puts them on a face
 * seen at that pose), `distanceMm` in front of the camera (the eyes' midpoint on the line of
 * sight), each moved by Gaussian noise of `noisePx`. */
function photo(pose: HeadPose, distanceMm: number, noisePx: number, seed = 1, cam = CAMERA) {
  const rotation = rotationOf(pose);
  const eyes = faceMeshOnHead(HEAD, pose);
  const mid: Vec3 = [0, HEAD.landmarks.eyeOuterLeft[1], HEAD.landmarks.eyeOuterLeft[2]];
  const m = apply(rotation, mid);
  const translationMm: Vec3 = [-m[0], -m[1], -distanceMm - m[2]];
  const rng = createRng(seed);
  const rand = () => rng.next();
  const meshPx = new Float32Array(FACE_MESH_POINTS * 3);
  eyes.forEach((p, i) => {
    const [u, v] = projectHeadPoint(cam, rotation, translationMm, p);
    meshPx.set([u + noisePx * gaussian(rand), v + noisePx * gaussian(rand), 0], 3 * i);
  });
  const face: FaceLandmarks = {
    imageWidthPx: 2 * cam.principalPx[0],
    imageHeightPx: 2 * cam.principalPx[1],
    boxPx: [0, 0, 1, 1],
    boxScore: 1,
    meshScore: 1,
    meshPx,
    libraryAnglesDeg: { yaw: 0, pitch: 0, roll: 0 },
  };
  return { face, rotation, translationMm };
}

const POSES: HeadPose[] = [
  { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
  { yawDeg: -30, pitchDeg: 0, rollDeg: 0 },
  { yawDeg: 30, pitchDeg: 10, rollDeg: 0 },
  { yawDeg: 10, pitchDeg: -15, rollDeg: 5 },
  { yawDeg: -20, pitchDeg: 25, rollDeg: -10 },
  { yawDeg: 25, pitchDeg: 20, rollDeg: 15 },
];

describe('head pose angles', () => {
  it('turn the face as named: yaw + to its left (+x), pitch + chin up, roll + top to its left', () => {
    const nose: Vec3 = [0, 0, 1];
    const top: Vec3 = [0, 1, 0];
    expect(apply(rotationOf({ yawDeg: 30, pitchDeg: 0, rollDeg: 0 }), nose)[0]).toBeCloseTo(0.5, 6);
    expect(apply(rotationOf({ yawDeg: 0, pitchDeg: 30, rollDeg: 0 }), nose)[1]).toBeCloseTo(0.5, 6);
    expect(apply(rotationOf({ yawDeg: 0, pitchDeg: 0, rollDeg: 30 }), top)[0]).toBeCloseTo(0.5, 6);
  });

  it('come back from the rotation they make', () => {
    for (const p of POSES) {
      const back = poseOf(rotationOf(p));
      expect(back.yawDeg).toBeCloseTo(p.yawDeg, 9);
      expect(back.pitchDeg).toBeCloseTo(p.pitchDeg, 9);
      expect(back.rollDeg).toBeCloseTo(p.rollDeg, 9);
    }
  });

  it('read a camera circling the head at azimuth a and elevation e as yaw -a, pitch -e, no roll', () => {
    const rad = Math.PI / 180;
    // The camera's own orientation: turned by the azimuth about y, then tipped down by the elevation.
    const cameraToWorld = mul(rotY(20 * rad), rotX(-12 * rad));
    const p = poseOf(transpose(cameraToWorld));
    expect(p.yawDeg).toBeCloseTo(-20, 9);
    expect(p.pitchDeg).toBeCloseTo(-12, 9);
    expect(p.rollDeg).toBeCloseTo(0, 9);
  });
});

describe('pose fit', () => {
  it('finds known poses within 1 degree and the distance within 1 %, from points with 1.5 px of noise', () => {
    const figures: string[] = [];
    POSES.forEach((pose, k) => {
      const truth = photo(pose, 650, 1.5, k + 1);
      const fit = fitHeadToPhoto(truth.face, HEAD, CAMERA);
      figures.push(`${pose.yawDeg}/${pose.pitchDeg}/${pose.rollDeg}: ${angleBetweenDeg(fit.rotation, truth.rotation).toFixed(2)} deg, rms ${fit.rmsPx.toFixed(2)} px`);
      expect(Math.abs(fit.pose.yawDeg - pose.yawDeg)).toBeLessThan(1);
      expect(Math.abs(fit.pose.pitchDeg - pose.pitchDeg)).toBeLessThan(1);
      expect(Math.abs(fit.pose.rollDeg - pose.rollDeg)).toBeLessThan(1);
      expect(Math.abs(fit.translationMm[2] / truth.translationMm[2] - 1)).toBeLessThan(0.01);
      expect(fit.rmsPx).toBeGreaterThan(1);
      expect(fit.rmsPx).toBeLessThan(2.5);
    });
    console.log(figures.join('\n'));
  });

  it('gives the scale at the eyes: millimetres per pixel = distance / focal length', () => {
    const distanceMm = 800;
    const { face } = photo({ yawDeg: 15, pitchDeg: 5, rollDeg: 0 }, distanceMm, 0);
    const fit = fitHeadToPhoto(face, HEAD, CAMERA);
    expect(fit.mmPerPx).toBeCloseTo(distanceMm / CAMERA.focalPx, 4);
    // With the eyes as wide as the published mean instead: the ratio of the two widths.
    expect(fit.mmPerPxFromEyes / fit.mmPerPx).toBeCloseTo(EXOCANTHION_SPAN_MM.male / exocanthionSpanMm(HEAD), 9);
  });

  it('recovers the pose from a sparse, exact set of points', () => {
    const model: Vec3[] = [
      [-45, 9, 80],
      [45, 9, 80],
      [-16, 7, 89],
      [16, 7, 89],
      [0, -23, 124],
      [0, -32, 102],
      [-24, -54, 98],
      [24, -54, 98],
      [0, -90, 100],
    ];
    const pose = { yawDeg: -25, pitchDeg: 18, rollDeg: 7 };
    const r = rotationOf(pose);
    const t: Vec3 = [10, -20, -600];
    const fit = fitPoints(
      model,
      model.map((p) => projectHeadPoint(CAMERA, r, t, p)),
      CAMERA,
    );
    expect(angleBetweenDeg(fit.rotation, r)).toBeLessThan(1e-3);
    expect(fit.rmsPx).toBeLessThan(1e-3);
  });
});

describe('camera', () => {
  it('assumes a 26 mm (35 mm-equivalent) lens when the photo does not say', () => {
    const cam = assumedCamera(4000, 3000);
    expect(cam.focalPx).toBeCloseTo((26 / Math.hypot(36, 24)) * 5000, 6);
    expect(cam.principalPx).toEqual([2000, 1500]);
  });

  it('triangulates a point from its images in known views', () => {
    const p: Vec3 = [12, -30, 95];
    const views = [-20, 0, 25].map((yawDeg) => ({ camera: CAMERA, rotation: rotationOf({ yawDeg, pitchDeg: 5, rollDeg: 0 }), translationMm: [0, 0, -650] as Vec3 }));
    const q = triangulate(
      views,
      views.map((v) => projectHeadPoint(v.camera, v.rotation, v.translationMm, p)),
    );
    q.forEach((x, k) => expect(x).toBeCloseTo(p[k], 6));
  });
});
