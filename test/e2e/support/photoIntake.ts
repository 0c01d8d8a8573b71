import type { Page } from 'playwright-core';
import { PHOTO_VIEW } from './photoSession';

/** A JPEG made in the page (a skin-toned oval on a gradient, with sensor-like noise of
 * ±`noise` levels), as a camera roll would hold. */
export async function makeJpeg(page: Page, widthPx: number, heightPx: number, noise = 0): Promise<Buffer> {
  const b64 = await page.evaluate(
    async ([w, h, n]) => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d')!;
      const g = ctx.createLinearGradient(0, 0, w, h);
      g.addColorStop(0, '#9fb3c8');
      g.addColorStop(1, '#44546a');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#d9a988';
      ctx.beginPath();
      ctx.ellipse(w / 2, h / 2, w * 0.2, h * 0.38, 0, 0, Math.PI * 2);
      ctx.fill();
      if (n > 0) {
        const img = ctx.getImageData(0, 0, w, h);
        let seed = 12345;
        for (let i = 0; i < img.data.length; i++) {
          if ((i & 3) === 3) continue;
          seed = (seed * 1103515245 + 12345) >>> 0;
          img.data[i] += ((seed >>> 16) % (2 * n + 1)) - n;
        }
        ctx.putImageData(img, 0, 0);
      }
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    },
    [widthPx, heightPx, noise] as const,
  );
  return Buffer.from(b64, 'base64');
}

/** Long main-thread tasks (over 50 ms) from now on, in `window.__longTasks`. */
export const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
export const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

/** The photo shown, read back at three points (RGB): the middle of its left and right halves, and
 * near its top. */
export const shownSides = (page: Page) =>
  page.locator(`${PHOTO_VIEW} .photo-main img`).evaluate((img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const at = (x: number, y: number) => Array.from(ctx.getImageData(Math.round(x * c.width), Math.round(y * c.height), 1, 1).data.slice(0, 3));
    return { left: at(0.25, 0.5), right: at(0.75, 0.5), top: at(0.5, 0.1) };
  });
