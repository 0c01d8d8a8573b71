// The closed loop of the photo fit: the app's own head rendered at known poses over the plain
// backdrop, each picture saved as a PNG, read by the landmark worker in the page, and the head
// fitted to what it found (src/model/photo/headFit.ts). The truth is the camera the picture was
// taken with. Pose signs (pose.ts): yaw + the face turned to the client's left, pitch + chin up,
// roll + the head tilted toward the client's left shoulder. The poses are off the grid the
// FaceMesh table was made on (faceMeshCalibration.test.ts), some with roll, and at other
// distances: FaceMesh's points slide over the face with the pose, and the fit follows them
// (slidingPoints.ts); with one table of places instead, pitch was off by up to 7.3 degrees.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitHeadToPhoto, poseOf, type HeadPose, type Mat3, type Vec3 } from '../../src/model';
import type { CameraPlacement } from '../../src/scene/cameraPose';
import { SHOTS_DIR, waitReady, waitSettled } from './support/app';
import { detectInPage, headOnScreen, photograph } from './support/photoPose';
import { openApp, type AppSession } from './support/session';

/** The issue's targets: pose within 3 degrees, scale within 3 %, no main-thread task over 50 ms. */
const TARGET_ANGLE_ERROR_DEG = 3;
const TARGET_SCALE_ERROR = 0.03;
const MAX_MAIN_THREAD_TASK_MS = 50;
/** Camera round the head: the head is seen turned by -azimuth and raised by -elevation. */
const SHOTS: CameraPlacement[] = [
  { azimuthDeg: 5, elevationDeg: -3, distanceMm: 650 },
  { azimuthDeg: 30, elevationDeg: 5, distanceMm: 700 },
  { azimuthDeg: -30, elevationDeg: -5, distanceMm: 620 },
  { azimuthDeg: 8, elevationDeg: 15, distanceMm: 650 },
  { azimuthDeg: -8, elevationDeg: -25, distanceMm: 680 },
  { azimuthDeg: 20, elevationDeg: -18, distanceMm: 650 },
  { azimuthDeg: -20, elevationDeg: 10, distanceMm: 720 },
  { azimuthDeg: 12, elevationDeg: -8, rollDeg: 10, distanceMm: 650 },
  { azimuthDeg: -12, elevationDeg: 4, rollDeg: -8, distanceMm: 600 },
];

interface Row {
  shot: string;
  truth: HeadPose;
  fit: HeadPose;
  errorDeg: [number, number, number];
  scaleError: number;
  scaleFromEyesError: number;
  rmsPx: number;
  detectMs: number;
  longestTaskMs: number;
  library: { yaw: number; pitch: number; roll: number };
}

let app: AppSession;
const rows: Row[] = [];

beforeAll(async () => {
  app = await openApp();
  await waitSettled(app.page);
});

afterAll(async () => {
  await app?.close();
});

describe('photo fit, closed loop', () => {
  it('finds the face and fits pose and scale at every pose', async () => {
    const { page } = app;
    const head = await headOnScreen(page);
    const l = head.landmarks.eyeOuterLeft;
    const r = head.landmarks.eyeOuterRight;
    const eyes: Vec3 = [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2, (l[2] + r[2]) / 2];
    // The long-task watch sees a task over 50 ms when there is one.
    expect((await detectInPage(page, null)).longestTaskMs).toBeGreaterThan(MAX_MAIN_THREAD_TASK_MS);
    // The first reading loads the models: not counted in the time per photo.
    const warm = await photograph(page, SHOTS[0]);
    const first = await detectInPage(page, warm.png);
    console.log(`first reading (models loaded, warm-up): ${Math.round(first.ms)} ms, longest main-thread task ${Math.round(first.longestTaskMs)} ms`);
    mkdirSync(SHOTS_DIR, { recursive: true });
    for (const shot of SHOTS) {
      const name = `photo-fit az${shot.azimuthDeg} el${shot.elevationDeg} roll${shot.rollDeg ?? 0}`;
      const { png, camera } = await photograph(page, shot);
      writeFileSync(`${SHOTS_DIR}${name.replace(/[^\w.-]+/g, '_')}.png`, png);
      const { face, ms, longestTaskMs } = await detectInPage(page, png);
      expect(face, `a face in ${name}`).not.toBeNull();
      const cam = { focalPx: camera.focalPx, principalPx: camera.principalPx };
      const fit = fitHeadToPhoto(face!, head, cam);
      const rotation = camera.rotation as Mat3;
      const truth = poseOf(rotation);
      // Millimetres per pixel at the outer eyes' midpoint: its depth over the focal length.
      const depthMm = -(rotation[6] * eyes[0] + rotation[7] * eyes[1] + rotation[8] * eyes[2] + camera.translationMm[2]);
      const mmPerPx = depthMm / camera.focalPx;
      rows.push({
        shot: name,
        truth,
        fit: fit.pose,
        errorDeg: [fit.pose.yawDeg - truth.yawDeg, fit.pose.pitchDeg - truth.pitchDeg, fit.pose.rollDeg - truth.rollDeg],
        scaleError: fit.mmPerPx / mmPerPx - 1,
        scaleFromEyesError: fit.mmPerPxFromEyes / mmPerPx - 1,
        rmsPx: fit.rmsPx,
        detectMs: ms,
        longestTaskMs,
        library: face!.libraryAnglesDeg,
      });
    }
    const f = (x: number) => x.toFixed(1).padStart(6);
    console.log(
      [
        'pose (yaw pitch roll, deg)        fit error (deg)          scale error   from eyes   rms px  detect ms  longest task ms',
        ...rows.map(
          (w) =>
            `${f(w.truth.yawDeg)}${f(w.truth.pitchDeg)}${f(w.truth.rollDeg)}   ->${f(w.fit.yawDeg)}${f(w.fit.pitchDeg)}${f(w.fit.rollDeg)}  ` +
            `err${f(w.errorDeg[0])}${f(w.errorDeg[1])}${f(w.errorDeg[2])}   ${f(100 * w.scaleError)} %  ${f(100 * w.scaleFromEyesError)} %  ${f(w.rmsPx)}  ${f(w.detectMs)}  ${f(w.longestTaskMs)}`,
        ),
      ].join('\n'),
    );
    const times = rows.map((w) => w.detectMs).sort((a, b) => a - b);
    console.log(`detection per photo after warm-up: median ${Math.round(times[times.length >> 1])} ms, worst ${Math.round(times[times.length - 1])} ms`);
    const missed = rows.filter((w) => Math.max(...w.errorDeg.map(Math.abs)) > TARGET_ANGLE_ERROR_DEG || Math.abs(w.scaleError) > TARGET_SCALE_ERROR);
    console.log(`target (3 deg, 3 %) missed at ${missed.length} of ${rows.length} poses${missed.map((w) => `\n  ${w.shot}`).join('')}`);
    for (const w of rows) {
      expect(Math.abs(w.errorDeg[0]), `yaw error at ${w.shot}`).toBeLessThanOrEqual(TARGET_ANGLE_ERROR_DEG);
      expect(Math.abs(w.errorDeg[2]), `roll error at ${w.shot}`).toBeLessThanOrEqual(TARGET_ANGLE_ERROR_DEG);
      expect(Math.abs(w.errorDeg[1]), `pitch error at ${w.shot}`).toBeLessThanOrEqual(TARGET_ANGLE_ERROR_DEG);
      expect(Math.abs(w.scaleError), `scale error at ${w.shot}`).toBeLessThanOrEqual(TARGET_SCALE_ERROR);
      expect(w.longestTaskMs, `main-thread task while reading ${w.shot}`).toBeLessThanOrEqual(MAX_MAIN_THREAD_TASK_MS);
    }
    expect(app.rec.cspViolations, app.rec.summary()).toEqual([]);
    expect(app.rec.external, app.rec.summary()).toEqual([]);
    expect(app.rec.pageErrors, app.rec.summary()).toEqual([]);
  });

  it('finds the face offline, from the files the service worker keeps', async () => {
    const shot = await photograph(app.page, SHOTS[1]);
    const context = app.browser.contexts()[0];
    const page = await context.newPage();
    await page.goto(app.server.url, { waitUntil: 'load' });
    await waitReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    await context.setOffline(true);
    try {
      await page.reload({ waitUntil: 'load' });
      await waitSettled(page);
      const { face, ms } = await detectInPage(page, shot.png);
      const again = await detectInPage(page, shot.png);
      console.log(
        `offline: face ${face ? 'found' : 'not found'} in ${Math.round(ms)} ms, then ${Math.round(again.ms)} ms (models, .wasm and worker from the service worker's cache)\n${app.rec.summary()}`,
      );
      expect(face).not.toBeNull();
    } finally {
      await context.setOffline(false);
      await page.close();
    }
    expect(app.rec.external, app.rec.summary()).toEqual([]);
  });
});
