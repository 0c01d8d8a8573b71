import type { Page } from 'playwright-core';
import { change } from './labImage';
import { decodePng, type Rgba } from './png';
import { DESIGN, showSessions, storedMaskBytes } from './photoSession';

/** The photo view's pixels as drawn now (the photo with the design). */
export async function designPixels(page: Page): Promise<Rgba> {
  const url = await page.locator(`${DESIGN} canvas`).evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'));
  return decodePng(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
}

/** Waits until the photo view has drawn a frame after `previous` and has nothing left to draw. */
export async function designSettled(page: Page, previous: number): Promise<void> {
  await page.waitForFunction(
    ([sel, n]) => {
      const el = document.querySelector(sel as string);
      return el?.getAttribute('data-status') === 'ready' && Number(el.getAttribute('data-render-count')) > (n as number);
    },
    [DESIGN, previous] as const,
    { timeout: 120_000, polling: 100 },
  );
}
export const designCount = async (page: Page) => Number(await page.locator(DESIGN).getAttribute('data-render-count'));

/** Runs `act`, then waits for the photo's next frame and reads its pixels. */
export async function designAfter(page: Page, act: () => Promise<unknown>): Promise<Rgba> {
  const before = await designCount(page);
  await act();
  await designSettled(page, before);
  return designPixels(page);
}

/** The front photo with the sessions hidden: the photo itself, as the photo view draws it. The
 * sessions are shown again after. */
export async function barePhoto(page: Page): Promise<Rgba> {
  const bare = await designAfter(page, () => showSessions(page, false));
  await designAfter(page, () => showSessions(page, true));
  return bare;
}

/** The stroke painted over the scalp (photo pixels) and the core of it no blur reaches past. */
export interface Stroke {
  y: number;
  x0: number;
  x1: number;
  radiusPx: number;
}
/** A horizontal stroke where the design shows most: the band of rows (as high as the brush) with
 * the most changed pixels, across the middle half of the changed pixels in its middle row. */
export function strokeWhere(changed: Uint8Array, width: number, radiusPx: number): Stroke {
  const height = changed.length / width;
  const rows = Array.from({ length: height }, (_, y) => changed.subarray(y * width, (y + 1) * width).reduce((n, m) => n + m, 0));
  const r = Math.ceil(radiusPx);
  let best = 0,
    bestY = 0;
  for (let y = r; y < height - r; y++) {
    const n = rows.slice(y - r, y + r + 1).reduce((a, b) => a + b, 0);
    if (n > best) [best, bestY] = [n, y];
  }
  const xs = [...changed.subarray(bestY * width, (bestY + 1) * width)].flatMap((m, x) => (m ? [x] : []));
  const [lo, hi] = [xs[0], xs[xs.length - 1]];
  return { y: bestY, x0: lo + (hi - lo) / 4, x1: hi - (hi - lo) / 4, radiusPx };
}
export const inCore = (s: Stroke) => (x: number, y: number) => Math.abs(y - s.y) < s.radiusPx * 0.6 && x > s.x0 && x < s.x1;
export const maskWhere = (img: Rgba, inside: (x: number, y: number) => boolean) => {
  const m = new Uint8Array(img.width * img.height);
  for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) m[y * img.width + x] = inside(x, y) ? 1 : 0;
  return m;
};
/** Largest difference of any channel between two pictures over a mask. */
export function maxChannelDiff(a: Rgba, b: Rgba, mask: Uint8Array): number {
  let max = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) for (let c = 0; c < 3; c++) max = Math.max(max, Math.abs(a.data[4 * i + c] - b.data[4 * i + c]));
  return max;
}

/** The stroke dragged with the mouse over the photo view (the brush picked beforehand). */
export async function brushStroke(page: Page, s: Stroke): Promise<void> {
  const canvas = page.locator(`${DESIGN} canvas`);
  const box = (await canvas.boundingBox())!;
  const { width, height } = await canvas.evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
  const toPage = (x: number, y: number) => [box.x + (x * box.width) / width, box.y + (y * box.height) / height] as const;
  await page.mouse.move(...toPage(s.x0, s.y));
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(...toPage(s.x0 + ((s.x1 - s.x0) * k) / 6, s.y));
  await page.mouse.up();
}

/** The Keep hair brush's first size: 3 % of the picture's short side. */
export const firstBrushPx = (img: Rgba) => 0.03 * Math.min(img.width, img.height);

/** Hair marked to keep on the photo shown, `bare` being the photo itself: one stroke with the
 * brush where the design shows most, waited for until it is kept. */
export async function markKeptHair(page: Page, bare: Rgba): Promise<Stroke> {
  const shown = await designPixels(page);
  const stroke = strokeWhere(change(shown, bare).mask, shown.width, firstBrushPx(shown));
  await page.getByTestId('keep-hair-brush').click();
  await brushStroke(page, stroke);
  await page.getByTestId('keep-hair-brush').click();
  // Kept: its row holds the marks (a hook runs outside a test, where expect.poll cannot).
  for (const t0 = Date.now(); (await storedMaskBytes(page)).length !== 1; await page.waitForTimeout(100)) if (Date.now() - t0 > 30_000) throw new Error('the marks were not kept');
  return stroke;
}
