// The head's proportion read from the outline on the client's photo, in the built app: a photo of
// the app's own head reads as the head shown; a photo of a broader head (the app's head built
// broader and photographed, then set back) reads broader, offers its length and breadth, and once
// they are applied the photo is fitted again to the new head and reads as it.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveShot, waitSettled } from './support/app';
import { change, toLab } from './support/labImage';
import { designAfter } from './support/photoDraw';
import { addPhotos, DESIGN, desktopContext, headJpeg, open, PHOTO_VIEW, photoBrowser, photoState, showSessions } from './support/photoSession';
import { exifApp1 } from '../unit/helpers/photoBytes';

const suite = photoBrowser();
const SHAPE = '[data-testid="photo-head-shape"]';

let context: BrowserContext;
let page: Page;

const shape = () =>
  page
    .locator(SHAPE)
    .evaluate((el) => ({ state: el.getAttribute('data-state'), seen: Number(el.getAttribute('data-index-seen')), shown: Number(el.getAttribute('data-index-shown')), text: el.textContent }));

/** The viewer's picture as a camera's JPEG says its lens: EXIF FocalLengthIn35mmFilm of the
 * viewer's camera (its focal length over the picture's diagonal, as a 35 mm frame's). */
async function withLens(jpeg: Buffer): Promise<Buffer> {
  const cam = await page.evaluate(() => window.smpStudio!.camera());
  const focal35mm = Math.round((cam.focalPx * Math.hypot(36, 24)) / Math.hypot(cam.widthPx, cam.heightPx));
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from(exifApp1({ focal35mm })), jpeg.subarray(2)]);
}

async function applyMeasures(m: { circumferenceMm: number; lengthMm: number; breadthMm: number }) {
  const outcome = await page.evaluate((m) => window.smpStudio!.store.getState().actions.applyMeasures(m), m);
  expect(outcome).toBe('ok');
  await waitSettled(page);
}

beforeAll(async () => {
  context = await desktopContext(suite);
  page = await open(suite, context);
  await page.getByTestId('new-client-name').fill('Shape client');
  await page.getByTestId('create-client').click();
  await page.getByTestId('client-name').waitFor();
});
afterAll(() => context?.close());

describe("the head's shape on the photo", () => {
  it('a photo of a broader head reads broader and offers its measures; applied, the photo is fitted again and reads as the head', async () => {
    const shown = await page.evaluate(() => window.smpStudio!.store.getState().design.head);
    // Breadth 84 % of the length, the outline as long (model measuresOfIndex): 189.5 x 159.2 mm.
    await applyMeasures({ circumferenceMm: 570, lengthMm: 189.5, breadthMm: 159.2 });
    const broadJpeg = await withLens(await headJpeg(page));
    await applyMeasures(shown);
    await addPhotos(page, { name: 'broad.jpg', mimeType: 'image/jpeg', buffer: broadJpeg }, 1);
    await page.locator(SHAPE).waitFor({ timeout: 30_000 });
    const before = await shape();
    console.log(`head shape: photo of a head 84.0 %: ${JSON.stringify(before)}`);
    await saveShot(page, 'photo-head-shape');
    expect(before.state).toBe('differs');
    expect(before.shown).toBeCloseTo(0.776, 3);
    expect(Math.abs(before.seen - 0.84)).toBeLessThan(0.01);

    await page.getByTestId('photo-head-shape-apply').click();
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-state') === 'same', SHAPE, { timeout: 90_000 });
    const after = await shape();
    const head = await page.evaluate(() => window.smpStudio!.store.getState().design.head);
    console.log(`head shape: applied ${JSON.stringify(head)}; ${JSON.stringify(after)}; ${JSON.stringify(await photoState(page))}`);
    expect(Math.abs(head.breadthMm / head.lengthMm - 0.84)).toBeLessThan(0.01);
    expect(head.circumferenceMm).toBe(570);
    expect((await photoState(page)).status).toBe('ready');
    expect(await page.locator(PHOTO_VIEW).count()).toBe(1);

    // Drawn through the photo's own lens, the design lies on the scalp: it darkens the photo with
    // grain, and next to none of what it changes is the background round the head.
    await expect.poll(() => page.locator(DESIGN).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    const hidden = await designAfter(page, () => showSessions(page, false));
    const shownPx = await designAfter(page, () => showSessions(page, true));
    const c = change(shownPx, hidden);
    const bg = toLab(hidden);
    const [L0, a0, b0] = [bg.L[0], bg.a[0], bg.b[0]];
    let changed = 0,
      onBackground = 0;
    for (let i = 0; i < c.mask.length; i++) {
      if (!c.mask[i]) continue;
      changed++;
      if (Math.hypot(bg.L[i] - L0, bg.a[i] - a0, bg.b[i] - b0) < 3) onBackground++;
    }
    console.log(`head shape: the design through the lens changes ${(100 * c.share).toFixed(2)} % of the photo, ${c.darkenL.toFixed(1)} L*; ${onBackground} of ${changed} changed px on the background`);
    await saveShot(page, 'photo-head-shape-design');
    expect(c.share).toBeGreaterThan(0.01);
    expect(c.grainWith).toBeGreaterThan(1.5 * c.grainWithout);
    expect(onBackground / changed).toBeLessThan(0.01);
  });
});
