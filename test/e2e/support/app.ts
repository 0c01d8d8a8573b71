import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ROOT } from './server';
import { decodePng, type Rgba } from './png';

export const SHOTS_DIR = `${ROOT}test-results/e2e/`;
export const VIEWER = '[data-testid="viewer"]';
export const CANVAS = '[data-testid="viewer"] canvas';
/** Software WebGL on two cores: the first load can take a while. */
export const READY_TIMEOUT = 150_000;
export const RENDER_TIMEOUT = 60_000;

export type Mode = 'consultation' | 'home' | 'training';
export type View = 'front' | 'left' | 'right' | 'back' | 'top';

/** The viewer's data-* attributes, as strings (null when missing). */
export async function viewerState(page: Page) {
  return page.locator(VIEWER).evaluate((el) => ({
    status: el.getAttribute('data-status'),
    mode: el.getAttribute('data-mode'),
    view: el.getAttribute('data-view'),
    renderCount: el.getAttribute('data-render-count'),
    circumferenceMm: el.getAttribute('data-head-circumference-mm'),
    skinHex: el.getAttribute('data-skin-hex'),
  }));
}

export async function renderCount(page: Page): Promise<number> {
  const v = await page.locator(VIEWER).getAttribute('data-render-count');
  const n = Number(v);
  if (v === null || !Number.isFinite(n)) throw new Error(`viewer has no numeric data-render-count (got ${JSON.stringify(v)})`);
  return n;
}

/** One animation frame in the page, so what was drawn has reached the compositor. */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Waits until the viewer reports data-status="ready" and has drawn at least one frame.
 * Fails at once, with the message on screen, if it reports "error" instead.
 */
export async function waitReady(page: Page, timeout = READY_TIMEOUT): Promise<void> {
  const handle = await page
    .waitForFunction(
      (sel) => {
        const el = document.querySelector(sel);
        const s = el?.getAttribute('data-status');
        if (s === 'error') return 'error';
        if (s === 'ready' && Number(el!.getAttribute('data-render-count')) >= 1 && el!.querySelector('canvas')) return 'ready';
        if (document.querySelector('[data-testid="no-webgl"]')) return 'no-webgl';
        return false;
      },
      VIEWER,
      { timeout, polling: 100 },
    )
    .catch(async (e: Error) => {
      const state = (await page.locator(VIEWER).count()) ? await viewerState(page) : 'no viewer element';
      throw new Error(`viewer not ready after ${timeout} ms (${JSON.stringify(state)}): ${e.message}`);
    });
  const outcome = await handle.jsonValue();
  if (outcome !== 'ready') {
    const msg = await page.locator('[data-testid="error"], [data-testid="no-webgl"]').allInnerTexts();
    throw new Error(`viewer reported ${outcome} instead of ready: ${JSON.stringify(msg)}`);
  }
  await nextFrame(page);
}

/** The head, its dots and the client's scalp for the design on screen can take this long. */
export const SETTLE_TIMEOUT = 180_000;

/** Waits until the head, the dots and the client's scalp for the design on screen are ready and
 * drawn, and the renderer has gone idle. */
export async function waitSettled(page: Page, timeout = SETTLE_TIMEOUT): Promise<void> {
  await page.waitForFunction((sel) => ['data-status', 'data-dots-status', 'data-look-status'].every((k) => document.querySelector(sel)?.getAttribute(k) === 'ready'), VIEWER, {
    timeout,
    polling: 100,
  });
  await waitRenderIdle(page);
}

/** Waits until data-render-count exceeds `previousCount`, then one more animation frame. */
export async function waitNextRender(page: Page, previousCount: number, timeout = RENDER_TIMEOUT): Promise<number> {
  await page
    .waitForFunction(([sel, prev]) => Number(document.querySelector(sel as string)?.getAttribute('data-render-count')) > (prev as number), [VIEWER, previousCount] as const, {
      timeout,
      polling: 'raf',
    })
    .catch((e: Error) => {
      throw new Error(`no new frame drawn within ${timeout} ms (data-render-count stayed at ${previousCount}): ${e.message}`);
    });
  await nextFrame(page);
  return renderCount(page);
}

/**
 * Waits (bounded) until the viewer stops drawing: data-render-count unchanged over three animation
 * frames, e.g. once a camera move has finished. Returns false if it never settled within `timeout`
 * (a continuously animating scene), which callers may tolerate.
 */
export async function waitRenderIdle(page: Page, timeout = 10_000): Promise<boolean> {
  return page.evaluate(
    async ([sel, limit]) => {
      const count = () => document.querySelector(sel as string)?.getAttribute('data-render-count');
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
      const t0 = performance.now();
      let last = count();
      let stable = 0;
      while (stable < 3 && performance.now() - t0 < (limit as number)) {
        await frame();
        const c = count();
        if (c === last) stable++;
        else {
          stable = 0;
          last = c;
        }
      }
      return stable >= 3;
    },
    [VIEWER, timeout] as const,
  );
}

/**
 * Performs `action`, waits until `changed()` holds in the page (e.g. an attribute took its new
 * value), then until a frame was drawn after the action and drawing has settled.
 */
export async function actAndRender(page: Page, action: () => Promise<void>, changed?: () => Promise<boolean>): Promise<void> {
  const before = await renderCount(page);
  await action();
  if (changed) {
    const t0 = Date.now();
    while (!(await changed())) {
      if (Date.now() - t0 > RENDER_TIMEOUT) {
        const errors = await page.locator('[data-testid="error"]').allInnerTexts();
        throw new Error(`the expected change did not happen in the page within ${RENDER_TIMEOUT} ms; viewer ${JSON.stringify(await viewerState(page))}, errors shown ${JSON.stringify(errors)}`);
      }
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));
    }
  }
  await waitNextRender(page, before);
  await waitRenderIdle(page);
}

function shotPath(name: string): string {
  mkdirSync(SHOTS_DIR, { recursive: true });
  return `${SHOTS_DIR}${name.replace(/[^\w.-]+/g, '_')}.png`;
}

/** Saves a screenshot of the whole viewport to test-results/e2e/<name>.png. */
export async function saveShot(page: Page, name: string): Promise<string> {
  const path = shotPath(name);
  await page.screenshot({ path });
  return path;
}

/**
 * A screenshot of the viewer's canvas, decoded (CSS pixels). If `name` is given the PNG is also
 * saved to test-results/e2e/<name>.png.
 */
export async function canvasPixels(page: Page, name?: string): Promise<Rgba> {
  const png = await page.locator(CANVAS).first().screenshot({ scale: 'css', animations: 'disabled' });
  if (name) writeFileSync(shotPath(name), png);
  return decodePng(png);
}

/**
 * Makes the client fully bald (diffuse thinning, no hair left), so that the dots are the only
 * marks on the scalp: for tests that measure what the dots do. Waits until the dots and the
 * client's scalp for it are drawn.
 */
export async function baldClient(page: Page, timeout = READY_TIMEOUT): Promise<void> {
  await page.evaluate(() => window.smpStudio!.store.getState().actions.setHairLoss({ pattern: 'diffuse', diffuseRemaining: 0 }));
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)!;
      return el.getAttribute('data-dots-status') === 'ready' && el.getAttribute('data-look-status') === 'ready' && el.getAttribute('data-status') === 'ready';
    },
    VIEWER,
    { timeout, polling: 100 },
  );
  await nextFrame(page);
}
