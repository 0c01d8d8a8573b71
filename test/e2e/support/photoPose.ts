import type { Page } from 'playwright-core';
import type { FaceLandmarks } from '../../../src/model';
import type { CameraFigures, CameraPlacement } from '../../../src/scene/cameraPose';
import { CANVAS, waitRenderIdle } from './app';

/** A picture of the head taken with the camera placed as asked: the PNG of the canvas and the
 * camera it was taken with. */
export async function photograph(page: Page, placement: CameraPlacement): Promise<{ png: Buffer; camera: CameraFigures }> {
  const camera = await page.evaluate((p) => window.smpStudio!.setCamera(p), placement);
  await page.evaluate(() => window.smpStudio!.renderFrames(1));
  await waitRenderIdle(page);
  const png = await page.locator(CANVAS).first().screenshot({ scale: 'css', animations: 'disabled' });
  return { png, camera };
}

/** Reads the face in a picture in the page's landmark worker, watching the main thread meanwhile:
 * what was found, the milliseconds to the answer and the longest main-thread task (Long Tasks
 * API: ms, 0 when none passed 50 ms). With no picture, the page is kept busy for 80 ms instead: a
 * check that the watch sees it. */
export async function detectInPage(page: Page, png: Buffer | null): Promise<{ face: FaceLandmarks | null; ms: number; longestTaskMs: number }> {
  const r = await page.evaluate(
    async (b64) => {
      // The picture is made ready before the watch starts: this is the test's work, not the app's.
      const bytes = b64 === null ? null : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const picture = bytes && new Blob([bytes], { type: 'image/png' });
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      });
      observer.observe({ entryTypes: ['longtask'] });
      // The watch takes a moment to start: a task at once after observe() may go unseen.
      const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
      await pause(20);
      const busy = async () => {
        await pause(0);
        const t0 = performance.now();
        while (performance.now() - t0 < 80);
        return { face: null, ms: 0 };
      };
      const { face, ms } = picture ? await window.smpStudio!.detectFace(picture) : await busy();
      // Entries are delivered after the task that made them.
      await pause(100);
      observer.disconnect();
      return { ms, longestTaskMs: longest, face: face && { ...face, meshPx: Array.from(face.meshPx) } };
    },
    png?.toString('base64') ?? null,
  );
  return { ...r, face: r.face && { ...r.face, meshPx: Float32Array.from(r.face.meshPx) } };
}

/** The head on screen, as the fit needs it. */
export async function headOnScreen(page: Page) {
  return page.evaluate(() => {
    const head = window.smpStudio!.store.getState().head!;
    return { landmarks: head.landmarks, sex: head.sex, measures: head.measures };
  });
}

/** Scrubs the years with the photo view open (element `photoSel`): at each year a frame of the 3D
 * view and one of the photo view, each drawn and waited for, once the photo view has drawn what
 * the year's change asked of it, so both are measured under the same load. Mean ms per frame. */
export async function scrubFrameMs(page: Page, years: number[], photoSel: string): Promise<{ viewMs: number; photoMs: number }> {
  return page.evaluate(
    async ([ys, sel]) => {
      const s = window.smpStudio!;
      const el = document.querySelector(sel as string)!;
      const settled = async () => {
        while (el.getAttribute('data-status') !== 'ready') await new Promise((r) => setTimeout(r, 16));
      };
      let view = 0,
        photo = 0;
      for (const y of ys as number[]) {
        s.store.getState().actions.setYears(y);
        await settled();
        await s.renderFrames(1); // whatever the viewer still had to draw for the change
        view += await s.renderFrames(1);
        photo += await s.renderPhotoFrames([y]);
        await settled();
      }
      return { viewMs: view / (ys as number[]).length, photoMs: photo / (ys as number[]).length };
    },
    [years, photoSel] as const,
  );
}
