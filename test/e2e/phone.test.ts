// The app on a phone (390x844, touch), as a client trying SMP at home uses it: the view keeps most
// of the screen in every mode, the panel is a bottom sheet dragged between three heights, one
// finger turns the head and two pinch to zoom, the design shows, and in Try at home the density,
// shade and hairline controls are in reach with the head in view while a slider moves.
// Screenshots: test-results/e2e/phone-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { fileBrowser } from './support/suite';
import { CANVAS, renderCount, saveShot, VIEWER, waitNextRender, waitReady, waitRenderIdle, waitSettled, type Mode } from './support/app';
import { expectHeadUncovered } from './support/head';
import { change, describe as describeChange } from './support/labImage';
import { decodePng, type Rgba } from './support/png';

const PHONE = { width: 390, height: 844 };
/** The target: the 3D view is at least 55 % of the screen's height in every mode. */
const MIN_VIEW_SHARE = 0.55;
/** From the front on the phone, the sessions change at least this share of the view. */
const MIN_DESIGN_SHARE = 0.01;

const browser = fileBrowser();
let context: BrowserContext;
/** One page for the whole file, as one person would use it: the modes, the sheet, then Try at home. */
let page: Page;

beforeAll(async () => {
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = await open('consultation');
});
afterAll(async () => {
  await context?.close();
});

async function open(mode: Mode): Promise<Page> {
  const page = await context.newPage();
  await page.goto(browser.url + (mode === 'consultation' ? '' : `#${mode}`), { waitUntil: 'load' });
  await waitReady(page);
  await waitSettled(page);
  return page;
}

async function openMode(mode: Mode): Promise<void> {
  await page.getByTestId(`mode-${mode}`).tap();
  await page.waitForFunction(([sel, m]) => document.querySelector(sel as string)?.getAttribute('data-mode') === m, [VIEWER, mode] as const);
  await waitSettled(page);
}

/** The canvas as the phone shows it, at device pixels. */
async function devicePixels(page: Page): Promise<Rgba> {
  return decodePng(await page.locator(CANVAS).first().screenshot({ scale: 'device', animations: 'disabled' }));
}

const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
};

/** Touches through the DevTools protocol, as a finger makes them (pointer events of type touch). */
class Fingers {
  private constructor(private readonly cdp: CDPSession) {}
  static async on(page: Page): Promise<Fingers> {
    return new Fingers(await page.context().newCDPSession(page));
  }
  /** Each finger moves from its start to its end in `steps` moves a frame (16 ms) apart, as a
   * finger does, not a flick. */
  async drag(paths: { from: [number, number]; to: [number, number] }[], steps = 12): Promise<void> {
    const at = (t: number) => paths.map((p, id) => ({ id, x: p.from[0] + (p.to[0] - p.from[0]) * t, y: p.from[1] + (p.to[1] - p.from[1]) * t }));
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
    for (let i = 1; i <= steps; i++) {
      await new Promise((r) => setTimeout(r, 16));
      await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i / steps) });
    }
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
}

/** The camera's distance to its target and its azimuth round it (degrees). */
async function cameraPose(page: Page): Promise<{ distance: number; azimuthDeg: number; view: string | null }> {
  return page.evaluate((sel) => {
    const { camera, controls } = window.smpStudio!.three() as unknown as {
      camera: { position: { x: number; y: number; z: number; distanceTo(v: unknown): number } };
      controls: { target: { x: number; z: number } };
    };
    const t = controls.target;
    return {
      distance: camera.position.distanceTo(t),
      azimuthDeg: (Math.atan2(camera.position.x - t.x, camera.position.z - t.z) * 180) / Math.PI,
      view: document.querySelector(sel)!.getAttribute('data-view'),
    };
  }, VIEWER);
}

describe('the view keeps most of the screen in every mode', () => {
  for (const mode of ['consultation', 'home', 'training'] as const) {
    it(`${mode}: the 3D view is at least 55 % of the screen's height, the head in it and uncovered`, async () => {
      if (mode !== 'consultation') await openMode(mode);
      const view = await box(page, CANVAS);
      const share = view.height / PHONE.height;
      console.log(`phone ${mode}: view ${view.width.toFixed(0)}x${view.height.toFixed(0)} px, ${(100 * share).toFixed(1)} % of the screen's height`);
      expect(share).toBeGreaterThanOrEqual(MIN_VIEW_SHARE);
      expect(view.width).toBeGreaterThanOrEqual(PHONE.width - 1);
      expect(await page.getByTestId('sheet').getAttribute('data-snap')).toBe('half');
      await saveShot(page, `phone-${mode}`);
      await expectHeadUncovered(page, await devicePixels(page), `phone ${mode}`);
    });
  }
});

describe('the bottom sheet', () => {
  it('drags between peek, half and full; the view takes the room the sheet leaves', async () => {
    const sheet = page.getByTestId('sheet');
    const grip = await box(page, '[data-testid="sheet-grip"]');
    const gx = grip.x + grip.width / 2;
    const gy = grip.y + grip.height / 2;
    const fingers = await Fingers.on(page);
    const rest = async (snap: string) => {
      await page.waitForFunction(([s, want]) => document.querySelector(s as string)?.getAttribute('data-snap') === want, ['[data-testid="sheet"]', snap] as const);
      await page.waitForTimeout(400); // the sheet's settle transition
      await waitRenderIdle(page);
    };
    const halfView = (await box(page, CANVAS)).height;
    const halfSheet = (await box(page, '[data-testid="sheet"]')).height;

    await fingers.drag([{ from: [gx, gy], to: [gx, 120] }]);
    await rest('full');
    const full = await box(page, '[data-testid="sheet"]');
    console.log(`sheet: half ${halfSheet.toFixed(0)} px, full ${full.height.toFixed(0)} px`);
    expect(full.height).toBeGreaterThan(PHONE.height * 0.75);
    expect(full.y).toBeGreaterThanOrEqual(0);
    await saveShot(page, 'phone-sheet-full');

    const top = await box(page, '[data-testid="sheet-grip"]');
    await fingers.drag([{ from: [gx, top.y + top.height / 2], to: [gx, PHONE.height - 40] }]);
    await rest('peek');
    const peek = await box(page, '[data-testid="sheet"]');
    const peekView = (await box(page, CANVAS)).height;
    console.log(`sheet: peek ${peek.height.toFixed(0)} px; view ${halfView.toFixed(0)} px at half, ${peekView.toFixed(0)} px at peek`);
    expect(peek.height).toBeLessThan(70);
    expect(await sheet.getByRole('heading').isVisible()).toBe(true);
    expect(peekView).toBeGreaterThan(halfView + halfSheet - peek.height - 2);
    await saveShot(page, 'phone-sheet-peek');

    const low = await box(page, '[data-testid="sheet-grip"]');
    await fingers.drag([{ from: [gx, low.y + low.height / 2], to: [gx, low.y - halfSheet + peek.height] }]);
    await rest('half');
    expect((await box(page, CANVAS)).height).toBeCloseTo(halfView, 0);

    // The toggle and the keyboard reach the same heights.
    await page.getByTestId('sheet-toggle').tap();
    await rest('peek');
    await page.getByTestId('sheet-grip').focus();
    await page.keyboard.press('ArrowUp');
    await rest('half');
    await page.keyboard.press('ArrowUp');
    await rest('full');
    await page.keyboard.press('ArrowDown');
    await rest('half');
  });
});

describe('on the phone, Try at home', () => {
  beforeAll(async () => {
    await openMode('home');
  });

  it('shows the design from the front: sessions shown and hidden change the view', async () => {
    const shown = await devicePixels(page);
    const before = await renderCount(page);
    await page.evaluate(() => {
      const s = window.smpStudio!.store.getState();
      for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: false });
    });
    await waitNextRender(page, before);
    await waitSettled(page);
    const hidden = await devicePixels(page);
    await page.evaluate(() => {
      const s = window.smpStudio!.store.getState();
      for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: true });
    });
    await waitSettled(page);
    const c = change(shown, hidden);
    console.log(`phone front, sessions shown vs hidden: ${describeChange(c)}`);
    expect(c.share).toBeGreaterThanOrEqual(MIN_DESIGN_SHARE);
    expect(c.darkenL).toBeGreaterThan(3);
  });

  it('has density, shade and the hairline style in reach without scrolling, the head in view while a slider moves', async () => {
    const tabs = await box(page, '.mode-tabs');
    const view = await box(page, CANVAS);
    for (const id of ['home-density', 'home-shade', 'home-hairline']) {
      const b = await box(page, `[data-testid="${id}"]`);
      expect(b.y, `${id} is below the view`).toBeGreaterThanOrEqual(view.y + view.height - 1);
      expect(b.y + b.height, `${id} is above the tabs, on screen without scrolling`).toBeLessThanOrEqual(tabs.y + 1);
      expect(b.height, `${id} is big enough for a thumb`).toBeGreaterThanOrEqual(40);
    }
    for (const button of await page.getByTestId('home-hairline').getByRole('button').all()) {
      const b = (await button.boundingBox())!;
      expect(b.y + b.height, `${await button.textContent()} is on screen`).toBeLessThanOrEqual(tabs.y + 1);
      expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width + 0.5);
    }
    expect(await page.locator('#sheet-body').evaluate((el) => el.scrollTop)).toBe(0);

    // A thumb drags the density slider: the head, still in full view, redraws with fewer dots.
    const before = await devicePixels(page);
    const slider = await box(page, '[data-testid="home-density"]');
    const y = slider.y + slider.height / 2;
    const fingers = await Fingers.on(page);
    const count = await renderCount(page);
    await fingers.drag([{ from: [slider.x + slider.width / 2, y], to: [slider.x + slider.width * 0.1, y] }]);
    await waitNextRender(page, count);
    await waitSettled(page);
    const percent = await page.evaluate(() => window.smpStudio!.store.getState().design.layers.map((l) => l.densityPerCm2));
    console.log(`phone: density after the thumb's drag ${JSON.stringify(percent)} dots/cm2`);
    expect(percent.reduce((a, b) => a + b, 0)).toBeLessThan(220);
    expect((await box(page, CANVAS)).height / PHONE.height).toBeGreaterThanOrEqual(MIN_VIEW_SHARE);
    const after = await devicePixels(page);
    const c = change(before, after);
    console.log(`phone: the view after the density drag: ${describeChange(c)}`);
    expect(c.share).toBeGreaterThan(0.003);
    await saveShot(page, 'phone-home-density');
  });

  it('turns the head with one finger and zooms with two', async () => {
    const view = await box(page, CANVAS);
    const cx = view.x + view.width / 2;
    const cy = view.y + view.height * 0.4;
    const start = await cameraPose(page);
    const fingers = await Fingers.on(page);
    let count = await renderCount(page);
    await fingers.drag([{ from: [cx - 80, cy], to: [cx + 60, cy] }]);
    await waitNextRender(page, count);
    const turned = await cameraPose(page);
    console.log(`phone: one finger 140 px across turned the head ${(turned.azimuthDeg - start.azimuthDeg).toFixed(1)} degrees`);
    expect(Math.abs(turned.azimuthDeg - start.azimuthDeg)).toBeGreaterThan(20);
    expect(turned.view).toBe('free');
    expect(turned.distance).toBeCloseTo(start.distance, 3);

    count = await renderCount(page);
    await fingers.drag([
      { from: [cx - 30, cy], to: [cx - 130, cy] },
      { from: [cx + 30, cy], to: [cx + 130, cy] },
    ]);
    await waitNextRender(page, count);
    const zoomed = await cameraPose(page);
    console.log(`phone: a pinch outward brought the camera from ${start.distance.toFixed(3)} to ${zoomed.distance.toFixed(3)} scene units`);
    expect(zoomed.distance).toBeLessThan(turned.distance * 0.8);
    await saveShot(page, 'phone-home-turned-zoomed');
  });
});

it('made no request beyond this machine', () => {
  for (const rec of browser.recorders) expect(rec.external, rec.summary()).toEqual([]);
  for (const rec of browser.recorders) expect(rec.cspViolations, rec.summary()).toEqual([]);
});
