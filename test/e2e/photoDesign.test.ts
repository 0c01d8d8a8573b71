// The design drawn on a client's photo (scene/photo), in the built app: the "photo" is the app's
// own head, drawn from the front with the sessions hidden and screenshotted, and its fit is the
// viewer's camera's (render/photo/fitOfCamera.ts), so the pose is known. The photo view is then
// compared with the photo in CIELAB, as the 3D view's pictures are (support/labImage.ts): the
// sessions darken the scalp with grain and leave the face alone; hidden, they change nothing;
// ten years on they darken less; hair marked to keep stays as it was. Also the photo view's frame
// time while scrubbing the years against the 3D view's, and screenshots at 1280x800 and 390x844
// (test-results/e2e/photo-design-*.png).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { deltaE2000, projectToPhoto, type HeadModel, type OrthoFit } from '../../src/model';
import { fileBrowser } from './support/suite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { CANVAS, renderCount, saveShot, SHOTS_DIR, waitNextRender, waitReady, waitSettled } from './support/app';
import { change, darkeningIn, describe as describeChange, toLab } from './support/labImage';
import { decodePng, type Rgba } from './support/png';
import { scrubFrameMs } from './support/photoPose';

const PHOTO = '[data-testid="photo-design"]';
/** Portrait lens: the viewer's 30° field narrowed to this, the camera moved back to keep the
 * framing, so that the weak-perspective fit stays within a few pixels of the picture. */
const LENS_FOV_DEG = 6;

const browser = fileBrowser();

/** Runs `fn` in the page and waits for the viewer's frame it causes (none is fine) and for it to settle. */
async function act(page: Page, fn: string): Promise<void> {
  const before = await renderCount(page);
  await page.evaluate(new Function(fn) as () => void);
  await waitNextRender(page, before, 20_000).catch(() => undefined);
  await waitSettled(page);
}

const showSessions = (page: Page, on: boolean) => act(page, `{ const s = window.smpStudio.store.getState(); for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: ${on} }); }`);

/** The head from the front through the long lens. */
async function portraitView(page: Page): Promise<void> {
  await act(page, `window.smpStudio.store.getState().actions.goTo('front')`);
  await act(
    page,
    `{ const { camera, controls, invalidate } = window.smpStudio.three();
       const k = Math.tan((camera.fov * Math.PI) / 360) / Math.tan((${LENS_FOV_DEG} * Math.PI) / 360);
       controls.maxDistance = 1000;
       camera.position.sub(controls.target).multiplyScalar(k).add(controls.target);
       camera.fov = ${LENS_FOV_DEG};
       camera.updateProjectionMatrix();
       controls.update();
       invalidate(); }`,
  );
}

interface Photo {
  png: Buffer;
  img: Rgba;
  fit: OrthoFit;
  rmsPx: number;
  maxPx: number;
}

/** The viewer's picture with the sessions hidden, over a plain background (the canvas alone:
 * no control floating over it), and its fit; the sessions are shown again after. */
async function takePhoto(page: Page, name: string): Promise<Photo> {
  await showSessions(page, false);
  const url = await page
    .locator(CANVAS)
    .first()
    .evaluate((c: HTMLCanvasElement) => {
      const out = document.createElement('canvas');
      [out.width, out.height] = [c.clientWidth, c.clientHeight];
      const ctx = out.getContext('2d')!;
      ctx.fillStyle = '#d6d9de';
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(c, 0, 0, out.width, out.height);
      return out.toDataURL('image/png');
    });
  const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  mkdirSync(SHOTS_DIR, { recursive: true });
  writeFileSync(`${SHOTS_DIR}${name}.png`, png);
  const f = await page.evaluate(() => window.smpStudio!.photoFitOfView());
  expect(f, 'the viewer has a head to fit').not.toBeNull();
  await showSessions(page, true);
  return { png, img: decodePng(png), fit: f!.fit, rmsPx: f!.rmsPx, maxPx: f!.maxPx };
}

/** Waits until the photo view has drawn a frame after `previous` and has nothing left to draw. */
async function photoSettled(page: Page, previous: number): Promise<number> {
  await page.waitForFunction(
    ([sel, prev]) => {
      const el = document.querySelector(sel as string);
      if (el?.getAttribute('data-status') === 'error') throw new Error(`photo view: ${el.getAttribute('data-message')}`);
      return el?.getAttribute('data-status') === 'ready' && Number(el.getAttribute('data-render-count')) > (prev as number);
    },
    [PHOTO, previous] as const,
    { timeout: 120_000, polling: 100 },
  );
  return Number(await page.locator(PHOTO).getAttribute('data-render-count'));
}

/** Does `fn` in the page and waits for the photo view to show its result. */
async function photoAct(page: Page, fn: string): Promise<void> {
  const before = Number(await page.locator(PHOTO).getAttribute('data-render-count'));
  await page.evaluate(new Function(fn) as () => void);
  await photoSettled(page, before);
}

async function photoPixels(page: Page): Promise<Rgba> {
  const url = await page.locator(`${PHOTO} canvas`).evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
  return decodePng(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

async function openPhoto(page: Page, photo: Photo): Promise<void> {
  await page.evaluate(([url, fit]) => window.smpStudio!.showPhoto(url as string, fit as OrthoFit), [`data:image/png;base64,${photo.png.toString('base64')}`, photo.fit] as const);
  await photoSettled(page, 0);
}

/** Largest CIEDE2000 difference between two pictures over a mask (all pixels without one), and the pixels over 1. */
function maxDeltaE(a: Rgba, b: Rgba, mask?: (x: number, y: number) => boolean): { max: number; over1: number; n: number } {
  const la = toLab(a),
    lb = toLab(b);
  let max = 0,
    over1 = 0,
    n = 0;
  for (let y = 0; y < a.height; y++)
    for (let x = 0; x < a.width; x++) {
      if (mask && !mask(x, y)) continue;
      n++;
      const i = y * a.width + x;
      if (la.L[i] === lb.L[i] && la.a[i] === lb.a[i] && la.b[i] === lb.b[i]) continue;
      const d = deltaE2000({ L: la.L[i], a: la.a[i], b: la.b[i] }, { L: lb.L[i], a: lb.a[i], b: lb.b[i] });
      max = Math.max(max, d);
      if (d >= 1) over1++;
    }
  return { max, over1, n };
}

const maskOf = (w: number, h: number, inside: (x: number, y: number) => boolean) => {
  const m = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) m[y * w + x] = inside(x, y) ? 1 : 0;
  return m;
};

describe('the design on a photo of the app’s own head (1280x800)', () => {
  let page: Page;
  let photo: Photo;
  let head: Pick<HeadModel, 'landmarks'>;
  let healed: ReturnType<typeof change>;

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(browser.url, { waitUntil: 'load' });
    await waitReady(page);
    await waitSettled(page);
    await portraitView(page);
    photo = await takePhoto(page, 'photo-design-photo-1280');
    head = { landmarks: await page.evaluate(() => window.smpStudio!.store.getState().head!.landmarks) };
    console.log(
      `photo ${photo.img.width}x${photo.img.height}, fit ${JSON.stringify(photo.fit)}; the ${LENS_FOV_DEG}° lens's picture of the scalp lies ${photo.rmsPx.toFixed(2)} px rms, ${photo.maxPx.toFixed(2)} px at most from the weak-perspective fit's`,
    );
    await openPhoto(page, photo);
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it('with the sessions shown, the scalp darkens with grain and the face is unchanged', async () => {
    const shown = await photoPixels(page);
    const el = page.locator(PHOTO);
    const [skinLab, skinSource, box] = await Promise.all(['data-skin-lab', 'data-skin-source', 'data-scalp-box'].map((k) => el.getAttribute(k)));
    healed = change(shown, photo.img);
    console.log(`photo view, healed: ${describeChange(healed)}; skin from the ${skinSource}: Lab ${skinLab}; scalp box ${box}`);
    expect(skinSource).toBe('photo');
    expect(healed.share).toBeGreaterThan(0.01);
    expect(healed.darkenL).toBeGreaterThan(3);
    expect(healed.grainWith / healed.grainWithout).toBeGreaterThan(1.5);
    // Below the brows (from the nasion down, between the outer eye corners) nothing moves.
    const p = (k: keyof HeadModel['landmarks']) => projectToPhoto(photo.fit, head.landmarks[k]);
    const [nasion, eyeL, eyeR] = [p('nasion'), p('eyeOuterLeft'), p('eyeOuterRight')];
    const face = maxDeltaE(shown, photo.img, (x, y) => y > nasion.y && x > Math.min(eyeL.x, eyeR.x) && x < Math.max(eyeL.x, eyeR.x));
    console.log(`face (below the nasion, between the eye corners, ${face.n} px): largest ΔE2000 ${face.max.toFixed(3)}, ${face.over1} px at 1 or more`);
    expect(face.max).toBeLessThan(1);
    // Every change lies on the scalp: above the nasion.
    let below = 0;
    healed.mask.forEach((m, i) => void (m && Math.floor(i / shown.width) > nasion.y && below++));
    expect(below).toBe(0);
    await saveShot(page, 'photo-design-1280');
  });

  it('with the sessions hidden, the photo is unchanged', async () => {
    await photoAct(page, `{ const s = window.smpStudio.store.getState(); for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: false }); }`);
    const hidden = await photoPixels(page);
    const d = maxDeltaE(hidden, photo.img);
    console.log(`sessions hidden: largest ΔE2000 over the photo ${d.max.toFixed(3)}, ${d.over1} px at 1 or more`);
    expect(d.max).toBeLessThan(1);
    await photoAct(page, `{ const s = window.smpStudio.store.getState(); for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: true }); }`);
  });

  it('ten years on, the scalp darkens less than healed', async () => {
    const healedYears = await page.locator(PHOTO).getAttribute('data-years');
    await photoAct(page, `window.smpStudio.store.getState().actions.setYears(10)`);
    expect(await page.locator(PHOTO).getAttribute('data-years')).toBe('10');
    const later = await photoPixels(page);
    const [now, then] = [darkeningIn(later, photo.img, healed.mask), healed.darkenL];
    console.log(`scalp darkening (same pixels): ${then.toFixed(2)} L* healed (${healedYears} y), ${now.toFixed(2)} L* at 10 years`);
    expect(now).toBeLessThan(then * 0.9);
    await saveShot(page, 'photo-design-1280-10y');
    await photoAct(page, `window.smpStudio.store.getState().actions.setYears(${healedYears})`);
  });

  it('the compare divider splits the photo as it splits the 3D view', async () => {
    await photoAct(page, `window.smpStudio.store.getState().actions.setCompare({ on: true, years: 10, split: 0.5 })`);
    const split = await photoPixels(page);
    const half = Math.round(split.width / 2);
    const left = darkeningIn(
      split,
      photo.img,
      healed.mask.map((m, i) => (m && i % split.width < half ? 1 : 0)),
    );
    const right = darkeningIn(
      split,
      photo.img,
      healed.mask.map((m, i) => (m && i % split.width >= half ? 1 : 0)),
    );
    console.log(`divider at the middle: ${left.toFixed(2)} L* darker left (healed), ${right.toFixed(2)} L* right (10 years)`);
    expect(right).toBeLessThan(left);
    await saveShot(page, 'photo-design-1280-compare');
    await photoAct(page, `window.smpStudio.store.getState().actions.setCompare({ on: false })`);
  });

  it('hair marked to keep stays as in the photo', async () => {
    const [bx, by, bw, bh] = (await page.locator(PHOTO).getAttribute('data-scalp-box'))!.split(',').map(Number);
    const canvas = (await page.locator(`${PHOTO} canvas`).boundingBox())!;
    const toPage = (x: number, y: number) => [canvas.x + (x * canvas.width) / photo.img.width, canvas.y + (y * canvas.height) / photo.img.height] as const;
    // A stroke across the top of the scalp's box, a third of its width.
    const y = by + bh * 0.2;
    const [x0, x1] = [bx + bw * 0.35, bx + bw * 0.65];
    await page.getByTestId('photo-keep-brush').click();
    const before = Number(await page.locator(PHOTO).getAttribute('data-render-count'));
    await page.mouse.move(...toPage(x0, y));
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(...toPage(x0 + ((x1 - x0) * k) / 10, y));
    await page.mouse.up();
    await photoSettled(page, before);
    await page.getByTestId('photo-keep-brush').click();
    const kept = await photoPixels(page);
    const radius = 0.03 * Math.min(photo.img.width, photo.img.height);
    const inStroke = (x: number, yy: number) => Math.abs(yy - y) < radius * 0.7 && x > x0 && x < x1;
    const d = maxDeltaE(kept, photo.img, inStroke);
    const elsewhere = darkeningIn(
      kept,
      photo.img,
      healed.mask.map((m, i) => (m && !inStroke(i % kept.width, Math.floor(i / kept.width)) ? 1 : 0)),
    );
    const strokeMask = maskOf(kept.width, kept.height, inStroke);
    const wasThere = darkeningIn(await Promise.resolve(kept), photo.img, strokeMask);
    console.log(`kept hair (${d.n} px under the stroke): largest ΔE2000 ${d.max.toFixed(3)}, mean darkening ${wasThere.toFixed(2)} L*; elsewhere on the scalp still ${elsewhere.toFixed(2)} L* darker`);
    expect(d.max).toBeLessThan(1);
    expect(elsewhere).toBeGreaterThan(healed.darkenL * 0.8);
    await saveShot(page, 'photo-design-1280-kept');
  });

  it('scrubs the years about as fast as the 3D view', async () => {
    const years = Array.from({ length: 12 }, (_, k) => (k * 10) / 11);
    const yearsBefore = await page.evaluate(() => window.smpStudio!.store.getState().years);
    const { viewMs, photoMs } = await scrubFrameMs(page, years, PHOTO);
    await photoAct(page, `window.smpStudio.store.getState().actions.setYears(${yearsBefore})`);
    console.log(`scrubbing ${years.length} years: 3D view ${viewMs.toFixed(1)} ms a frame, photo view ${photoMs.toFixed(1)} ms a frame (x${(photoMs / viewMs).toFixed(2)})`);
    expect(photoMs / viewMs).toBeLessThan(1.15);
  });

  it('on a head turned to its right and seen from above, the design stays on the scalp', async () => {
    await page.evaluate(() => window.smpStudio!.closePhoto());
    // The camera 35° round toward the client's left (the head's yaw −35°), 25° above.
    await act(
      page,
      `{ const { camera, controls, invalidate } = window.smpStudio.three();
         const d = camera.position.distanceTo(controls.target);
         const az = (35 * Math.PI) / 180, el = (25 * Math.PI) / 180;
         camera.position.set(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)).multiplyScalar(d).add(controls.target);
         camera.lookAt(controls.target);
         controls.update();
         invalidate(); }`,
    );
    const turned = await takePhoto(page, 'photo-design-photo-turned');
    console.log(`turned: fit ${JSON.stringify(turned.fit)}, scalp ${turned.rmsPx.toFixed(2)} px rms, ${turned.maxPx.toFixed(2)} px at most from the fit`);
    expect(turned.fit.yawDeg).toBeCloseTo(-35, 3);
    expect(turned.fit.pitchDeg).toBeCloseTo(-25, 3);
    await openPhoto(page, turned);
    const shown = await photoPixels(page);
    const c = change(shown, turned.img);
    // The head's silhouette (apart from the plain background), widened by how far the fit may
    // be off (its largest residual) and the 5x5 mean the change is judged on: no change outside.
    const { width: w, height: h, data } = turned.img;
    const onHead = maskOf(w, h, (x, y) => Math.hypot(data[4 * (y * w + x)] - 0xd6, data[4 * (y * w + x) + 1] - 0xd9, data[4 * (y * w + x) + 2] - 0xde) > 3);
    const reach = Math.ceil(turned.maxPx) + 2;
    const near = maskOf(w, h, (x, y) => {
      for (let dy = -reach; dy <= reach; dy++) for (let dx = -reach; dx <= reach; dx++) if (onHead[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))]) return true;
      return false;
    });
    let off = 0,
      offAtAll = 0;
    c.mask.forEach((m, i) => {
      if (m && !onHead[i]) offAtAll++;
      if (m && !near[i]) off++;
    });
    console.log(`turned head: ${describeChange(c)}; of the changed px ${offAtAll} are off the head, ${off} more than ${reach} px off`);
    expect(c.share).toBeGreaterThan(0.01);
    expect(off).toBe(0);
    await saveShot(page, 'photo-design-1280-turned');
  });
});

describe('on a phone (390x844)', () => {
  it('shows the photo with the design over the viewer', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(browser.url, { waitUntil: 'load' });
    await waitReady(page);
    await waitSettled(page);
    await portraitView(page);
    const photo = await takePhoto(page, 'photo-design-photo-390');
    await openPhoto(page, photo);
    const c = change(await photoPixels(page), photo.img);
    console.log(`phone: photo ${photo.img.width}x${photo.img.height}, ${describeChange(c)}`);
    expect(c.share).toBeGreaterThan(0.005);
    await saveShot(page, 'photo-design-390');
    await context.close();
  });
});
