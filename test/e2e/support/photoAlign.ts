import type { Page } from 'playwright-core';
import { assumedCamera, handlesOfPlacement, rotationOf, type AlignHandles, type AlignView, type HeadPose, type Vec3 } from '../../../src/model';
import { PHOTO_VIEW, type PhotoState } from './photoSession';

/** Where the view's handles go on the photo shown for the app's head at `pose`, its ear canals
 * `distanceMm` before the camera on the line of sight; and the mm per pixel a fit finds there. */
export async function alignTargets(page: Page, view: AlignView, pose: HeadPose, distanceMm: number) {
  const el = page.locator(PHOTO_VIEW);
  const [widthPx, heightPx] = [Number(await el.getAttribute('data-width-px')), Number(await el.getAttribute('data-height-px'))];
  const landmarks = await page.evaluate(() => window.smpStudio!.store.getState().head!.landmarks);
  const camera = assumedCamera(widthPx, heightPx);
  const rotation = rotationOf(pose);
  const translationMm: Vec3 = [0, 0, -distanceMm];
  const handles = handlesOfPlacement({ landmarks }, view, { rotation, translationMm, camera });
  // The scale's point: the outer eyes' midpoint on a face, the ear canals' from behind.
  const at: Vec3 = view === 'back' || view === 'top' ? [0, 0, 0] : [0, landmarks.eyeOuterLeft[1], landmarks.eyeOuterLeft[2]];
  const depthMm = -(rotation[6] * at[0] + rotation[7] * at[1] + rotation[8] * at[2] + translationMm[2]);
  return { handles, widthPx, heightPx, mmPerPx: depthMm / camera.focalPx };
}

/** Drags each handle with the mouse onto its photo pixel. */
export async function dragHandles(page: Page, t: { handles: AlignHandles; widthPx: number; heightPx: number }) {
  for (const [point, [x, y]] of Object.entries(t.handles) as [string, [number, number]][]) {
    const layer = (await page.locator('.photo-align-layer').boundingBox())!;
    const b = (await page.locator(`[data-testid="align-handle"][data-point="${point}"]`).boundingBox())!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(layer.x + (x / t.widthPx) * layer.width, layer.y + (y / t.heightPx) * layer.height, { steps: 4 });
    await page.mouse.up();
  }
}

/** The fit shown against the pose the handles were placed for: errors in degrees (yaw wrapped) and the scale's. */
export function alignErrors(state: PhotoState, pose: HeadPose, mmPerPx: number) {
  const [yaw, pitch, roll, scale] = state.fit.map(Number);
  const wrap = (a: number) => ((((a + 180) % 360) + 360) % 360) - 180;
  return { yawDeg: wrap(yaw - pose.yawDeg), pitchDeg: pitch - pose.pitchDeg, rollDeg: roll - pose.rollDeg, scale: scale / mmPerPx - 1 };
}

/** A one-finger drag through the DevTools protocol (the page sees touch pointer events). */
export async function touchDrag(page: Page, from: [number, number], to: [number, number]) {
  const cdp = await page.context().newCDPSession(page);
  const at = (k: number) => [{ x: from[0] + ((to[0] - from[0]) * k) / 5, y: from[1] + ((to[1] - from[1]) * k) / 5 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let k = 1; k <= 5; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
