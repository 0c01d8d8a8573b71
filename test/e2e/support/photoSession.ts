import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { actAndRender, VIEWER, waitReady } from './app';
import { fileBrowser } from './suite';

/** The photo view beside (or over) the 3D view, and the design drawn on the photo in it. */
export const PHOTO_VIEW = '[data-testid="photo-view"]';
export const DESIGN = `${PHOTO_VIEW} [data-testid="photo-design"]`;

const FIXTURES = new URL('../../fixtures/photos/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, FIXTURES));

/** The file's server and Chromium, with a fake camera that needs no permission prompt. */
export const photoBrowser = () => fileBrowser(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
type PhotoBrowser = ReturnType<typeof photoBrowser>;

/** Every write fails as a full disk does once `window.__full` is set; every camera stream is kept
 * in `window.__streams`, to see that closing the camera stops it. */
function hooks() {
  const w = window as unknown as { __full?: boolean; __streams: MediaStream[] };
  w.__streams = [];
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
      if (w.__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    } as typeof original;
  }
  const devices = navigator.mediaDevices;
  if (devices) {
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (c) => {
      const s = await getUserMedia(c);
      w.__streams.push(s);
      return s;
    };
  }
}

/** A desktop (1280x800) context that takes downloads and the camera, with the hooks above. */
export const desktopContext = (suite: PhotoBrowser) => suite.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, permissions: ['camera'] }, hooks);

/** The app in the context's page, ready. */
export async function open(suite: PhotoBrowser, context: BrowserContext): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(suite.url, { waitUntil: 'load' });
  await waitReady(page);
  return page;
}

/** Shows or hides every session of the design. */
export const showSessions = (page: Page, visible: boolean) =>
  page.evaluate((v) => {
    const s = window.smpStudio!.store.getState();
    for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: v });
  }, visible);

/** The client's "photo": the head as the viewer shows it with the sessions hidden (the client
 * before SMP), saved as a JPEG. The dots are awaited first, so that none arrive while it is taken. */
export async function headJpeg(page: Page): Promise<Buffer> {
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-dots-status') === 'ready', VIEWER, { timeout: 120_000 });
  await actAndRender(page, () => showSessions(page, false));
  const jpeg = await page.locator(VIEWER).screenshot({ type: 'jpeg', quality: 90 });
  await actAndRender(page, () => showSessions(page, true));
  return jpeg;
}

/** A desktop page with the client "Photo client" open and the head's photo added and fitted. */
export async function photoClient(suite: PhotoBrowser) {
  const context = await desktopContext(suite);
  const page = await open(suite, context);
  await page.getByTestId('new-client-name').fill('Photo client');
  await page.getByTestId('create-client').click();
  await page.getByTestId('client-name').waitFor();
  const frontJpeg = await headJpeg(page);
  await addPhotos(page, { name: 'front.jpg', mimeType: 'image/jpeg', buffer: frontJpeg }, 1);
  return { context, page, frontJpeg };
}

export const photoState = (page: Page) =>
  page.locator(PHOTO_VIEW).evaluate((el) => ({
    status: el.getAttribute('data-status'),
    view: el.getAttribute('data-view'),
    widthPx: el.getAttribute('data-width-px'),
    heightPx: el.getAttribute('data-height-px'),
    fit: ['data-yaw-deg', 'data-pitch-deg', 'data-roll-deg', 'data-mm-per-px'].map((a) => el.getAttribute(a)),
    source: el.getAttribute('data-fit-source'),
  }));
export type PhotoState = Awaited<ReturnType<typeof photoState>>;

/** Waits until no photo is being checked and the photo view (if any) has settled. */
export async function intakeDone(page: Page, photos: number): Promise<void> {
  await page.waitForFunction(
    ([sel, n]) => {
      if (document.querySelector('[data-testid="photo-pending"]')) return false;
      if (document.querySelectorAll('[data-testid="photo-item"]').length !== n) return false;
      const status = document.querySelector(sel as string)?.getAttribute('data-status');
      // Settled: shown, and its face found (ready) or not (no-face).
      return n === 0 ? !status : status === 'ready' || status === 'no-face';
    },
    [PHOTO_VIEW, photos] as const,
    { timeout: 60_000, polling: 100 },
  );
}

export async function addPhotos(page: Page, input: Parameters<Page['setInputFiles']>[1], photos: number) {
  await page.getByLabel('Add photos').setInputFiles(input);
  await intakeDone(page, photos);
}

/** Reloads the page and opens "Photo client" again if the app did not bring it back by itself. */
export async function reloadClient(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await waitReady(page);
  if (!(await page.getByTestId('client-name').count())) await page.getByTestId('client-item').getByText('Photo client').click();
}

/** The photos as kept in IndexedDB: view, size and bytes of each picture, and of its keep mask (if any). */
const storedRows = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ view: string; widthPx: number; heightPx: number; bytes: number; thumbBytes: number; keepMaskBytes?: number }[]>((resolve, reject) => {
        const req = indexedDB.open('smp-studio');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('photos').objectStore('photos').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((p) => ({ view: p.view, widthPx: p.widthPx, heightPx: p.heightPx, bytes: p.image.size, thumbBytes: p.thumb.size, keepMaskBytes: p.keepMask?.size })));
            req.result.close();
          };
        };
      }),
  );
/** The photos as kept: view, size and bytes of each picture. */
export const storedPhotos = async (page: Page) => (await storedRows(page)).map(({ view, widthPx, heightPx, bytes, thumbBytes }) => ({ view, widthPx, heightPx, bytes, thumbBytes }));
/** The sizes in bytes of the keep masks kept with the photos (one a photo that has one). */
export const storedMaskBytes = async (page: Page) => (await storedRows(page)).flatMap((p) => (p.keepMaskBytes === undefined ? [] : [p.keepMaskBytes]));

/** Scrolls the panel (only the panel: scrollIntoView would move the whole page) to the photos. */
export const showIntake = (page: Page) =>
  page.getByTestId('photo-intake').evaluate((el) => {
    const body = el.closest('.sheet-body')!;
    body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top;
  });
