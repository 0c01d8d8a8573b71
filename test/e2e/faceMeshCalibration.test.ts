// Where FaceMesh's 468 points lie on the app's own head, and how they slide with the pose: the
// head rendered at 42 known poses (12 of them rolled), FaceMesh run on each picture in the app's
// landmark worker, each point's place as a polynomial of the pose (slidingPoints.ts) triangulated
// from its 42 images with the cameras' known poses. Writes src/model/photo/faceMeshOnHead.ts, the
// table the photo fit matches FaceMesh's points with (headFit.ts). Runs only when asked:
//   SMP_CALIBRATE_FACE_MESH=1 SMP_DIST=scratch/dist npx vitest run --project e2e test/e2e/faceMeshCalibration.test.ts
// then `npx prettier --write src/model/photo/faceMeshOnHead.ts`. The closed loop
// (photoFit.test.ts) checks the fit at other poses.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACE_MESH_POINTS, type HeadPose, type Vec3 } from '../../src/model';
import { poseOf, type Mat3 } from '../../src/model/photo/pose';
import { SLIDE_TERMS, slideTerms } from '../../src/model/photo/slidingPoints';
import { reprojectionRmsPx, triangulateSliding, type View } from '../../src/model/photo/triangulate';
import type { CameraPlacement } from '../../src/scene/cameraPose';
import { waitSettled } from './support/app';
import { detectInPage, headOnScreen, photograph } from './support/photoPose';
import { ROOT } from './support/server';
import { openApp } from './support/session';

/** Camera round the head (azimuth, + toward the client's left) and above it (elevation), degrees:
 * the head seen turned by -azimuth and raised by -elevation (pose.ts). */
const AZIMUTHS_DEG = [-30, -15, 0, 15, 30];
const ELEVATIONS_DEG = [-30, -20, -10, 0, 10, 20];
/** And rolled: the camera turned about its line of sight (rollDeg, as CameraPlacement has it), at
 * each of these azimuths and elevations. */
const ROLLED_AZIMUTHS_DEG = [-25, 0, 25];
const ROLLED_ELEVATIONS_DEG = [-20, 10];
const ROLLS_DEG = [-12, 12];
const DISTANCE_MM = 650;
/** How strongly the slides are held toward none (triangulateSliding): enough to keep the ones
 * the views say little of (along the line of sight) from wandering. */
const SLIDE_RIDGE = 1e-3;

describe.runIf(process.env.SMP_CALIBRATE_FACE_MESH)('FaceMesh on the app head', () => {
  it('is triangulated from renders at known poses', async () => {
    const app = await openApp();
    try {
      await waitSettled(app.page);
      const head = await headOnScreen(app.page);
      const views: View[] = [];
      const seen: Float32Array[] = [];
      const placements: CameraPlacement[] = [];
      for (const elevationDeg of ELEVATIONS_DEG) for (const azimuthDeg of AZIMUTHS_DEG) placements.push({ azimuthDeg, elevationDeg, distanceMm: DISTANCE_MM });
      for (const elevationDeg of ROLLED_ELEVATIONS_DEG)
        for (const azimuthDeg of ROLLED_AZIMUTHS_DEG) for (const rollDeg of ROLLS_DEG) placements.push({ azimuthDeg, elevationDeg, rollDeg, distanceMm: DISTANCE_MM });
      for (const placement of placements) {
        const { png, camera } = await photograph(app.page, placement);
        const { face } = await detectInPage(app.page, png);
        expect(face, `a face at ${JSON.stringify(placement)}`).not.toBeNull();
        views.push({ camera: { focalPx: camera.focalPx, principalPx: camera.principalPx }, rotation: camera.rotation as Mat3, translationMm: camera.translationMm });
        seen.push(face!.meshPx);
      }
      const l = head.landmarks.eyeOuterLeft;
      const r = head.landmarks.eyeOuterRight;
      const origin: Vec3 = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2, (l[2] + r[2]) / 2];
      const poses = views.map((v) => poseOf(v.rotation));
      const terms = poses.map(slideTerms);
      const range = (k: keyof HeadPose) => `[${Math.round(Math.min(...poses.map((p) => p[k])))}, ${Math.round(Math.max(...poses.map((p) => p[k])))}]`;
      const points: number[][] = Array.from({ length: SLIDE_TERMS }, () => []);
      const rms: number[] = [];
      for (let i = 0; i < FACE_MESH_POINTS; i++) {
        const images = seen.map((m): [number, number] => [m[3 * i], m[3 * i + 1]]);
        const vectors = triangulateSliding(views, images, terms, SLIDE_RIDGE);
        const places = terms.map((t) => vectors.reduce<Vec3>((p, v, k) => [p[0] + t[k] * v[0], p[1] + t[k] * v[1], p[2] + t[k] * v[2]], [0, 0, 0]));
        rms.push(reprojectionRmsPx(views, images, places));
        // Places to 0.01 mm, slides to the millimetre (a term is at most about 1): on the renders
        // of photoFit.test and others, slides to 0.1 mm moved no fitted angle by more than 0.2 degree.
        vectors.forEach((v, k) => points[k].push(...v.map((x, c) => (k === 0 ? Math.round((x - origin[c]) * 100) / 100 : Math.round(x)))));
      }
      const sorted = [...rms].sort((a, b) => a - b);
      const median = sorted[sorted.length >> 1];
      console.log(`${views.length} views; reprojection rms per point: median ${median.toFixed(2)} px, worst ${sorted[sorted.length - 1].toFixed(2)} px`);
      writeFileSync(
        `${ROOT}src/model/photo/faceMeshOnHead.ts`,
        `/** Where FaceMesh's ${FACE_MESH_POINTS} points lie on the app's default head (${head.sex}, ${head.measures.circumferenceMm} mm round) and how they slide
 * with the pose: x, y, z in mm, head axes. Made by test/e2e/faceMeshCalibration.test.ts from ${views.length} renders (camera azimuth
 * ${AZIMUTHS_DEG.join(', ')} and elevation ${ELEVATIONS_DEG.join(', ')} degrees; azimuth ${ROLLED_AZIMUTHS_DEG.join(', ')} and elevation
 * ${ROLLED_ELEVATIONS_DEG.join(', ')} rolled by ${ROLLS_DEG.join(' and ')}; ${DISTANCE_MM} mm away), each point's place as a polynomial of the
 * pose triangulated from its images; do not edit by hand. */
export const FACE_MESH_CALIBRATION = {
  /** Half the distance between the outer eye landmarks of the head the points were found on, mm. */
  eyeOuterHalfSpanMm: ${Math.round(((l[0] - r[0]) / 2) * 1000) / 1000},
  /** The poses the renders were taken at, degrees. */
  yawRangeDeg: ${range('yawDeg')},
  pitchRangeDeg: ${range('pitchDeg')},
  rollRangeDeg: ${range('rollDeg')},
  /** How far each point's images fell from its triangulated place at their pose, root mean square
   * over the renders: median and worst, pixels (at about ${(DISTANCE_MM / views[0].camera.focalPx).toFixed(2)} mm a pixel). */
  reprojectionMedianPx: ${median.toFixed(2)},
  reprojectionWorstPx: ${sorted[sorted.length - 1].toFixed(2)},
} as const;

/** Per slide term (slidingPoints.ts, slideTerms), x, y, z of each point, mm; the first, the places
 * at yaw 0 and pitch 0, from the midpoint of the head's outer eye landmarks. */
export const FACE_MESH_ON_HEAD_MM: readonly (readonly number[])[] = [
${points.map((p) => `  [${p.join(', ')}],`).join('\n')}
];
`,
      );
    } finally {
      await app.close();
    }
  });
});
