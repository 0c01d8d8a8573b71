// The client's hair, the hairline designer and scars, in the built app in the system Chromium
// with software WebGL, one desktop page (1280x800), each test leaving it ready for the next:
// - Norwood VI then VII from the left with the sessions hidden: the stubble leaves the upper
//   sides (pixels there get lighter, the units on screen fall), the face does not change;
// - Norwood III, V and VII, front and top, with and without the sessions, saved to look at;
// - a hairline handle dragged on the head moves the hairline: the frames before and after differ
//   in the band over the forehead and temple and nowhere else; undo restores the frame exactly;
// - a handle dragged below the brows is held, with a message; the guides show 7, 8 and 10 cm;
// - the brush paints a bald patch (fewer units), a strip scar is added (paler back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Recorder } from './support/browser';
import { openApp, type AppSession } from './support/session';
import { canvasPixels, saveShot, VIEWER, waitRenderIdle, nextFrame } from './support/app';
import { headRegion } from './support/head';
import { luminance, sample, type Rect } from './support/pixels';
import type { Rgba } from './support/png';

const JOB_TIMEOUT = 120_000;

let session: AppSession;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  session = await openApp();
  ({ page, rec } = session);
  await settled();
});

afterAll(() => session?.close());

const attr = (name: string) => page.locator(VIEWER).getAttribute(name);
const design = () => page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));

/** Waits until the dots and the client's scalp are made and drawn, and drawing has stopped. */
async function settled(): Promise<void> {
  await page.waitForTimeout(200); // the store debounces dot requests by 120 ms
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)!;
      const d = el.getAttribute('data-dots-status');
      const l = el.getAttribute('data-look-status');
      if (d === 'error' || l === 'error') return 'error';
      return d === 'ready' && l === 'ready' && el.getAttribute('data-status') === 'ready' ? 'ready' : false;
    },
    VIEWER,
    { timeout: JOB_TIMEOUT, polling: 100 },
  );
  if ((await handle.jsonValue()) !== 'ready') throw new Error(`error: ${JSON.stringify(await page.getByTestId('error').allInnerTexts())}`);
  await nextFrame(page);
  await waitRenderIdle(page);
}

async function view(v: 'front' | 'left' | 'top' | 'back'): Promise<void> {
  if ((await attr('data-view')) !== v) await page.getByTestId(`view-${v}`).click();
  await nextFrame(page);
  await waitRenderIdle(page);
}

async function sessionsVisible(on: boolean): Promise<void> {
  for (const id of ['s1', 's2', 's3']) await page.getByTestId(`layer-${id}-visible`).setChecked(on);
  await nextFrame(page);
  await waitRenderIdle(page);
}

async function pattern(id: string): Promise<void> {
  await page.getByTestId('hair-loss-pattern').selectOption(id);
  await settled();
}

/** Share of pixels in `r` whose grey level differs by more than `threshold` between a and b. */
function changedShare(a: Rgba, b: Rgba, r: Rect, threshold = 6): number {
  let n = 0;
  let changed = 0;
  for (let y = Math.floor(r.y); y < r.y + r.h; y++) {
    for (let x = Math.floor(r.x); x < r.x + r.w; x++) {
      const i = (y * a.width + x) * 4;
      const ga = (a.data[i] + a.data[i + 1] + a.data[i + 2]) / 3;
      const gb = (b.data[i] + b.data[i + 1] + b.data[i + 2]) / 3;
      n++;
      if (Math.abs(ga - gb) > threshold) changed++;
    }
  }
  return changed / Math.max(1, n);
}

/** Rows of the image in which any pixel differs by more than `threshold`. */
function changedRows(a: Rgba, b: Rgba, threshold = 10): number[] {
  const rows: number[] = [];
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * 4;
      if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

describe("the client's hair and the hairline, desktop 1280x800", () => {
  it('Norwood VI then VII: the stubble leaves the upper sides', async () => {
    await sessionsVisible(false);
    await view('left');
    await pattern('norwood-6');
    const unitsVI = Number(await attr('data-stubble-units'));
    const vi = await canvasPixels(page, 'hair-norwood-VI-left-bare');
    await pattern('norwood-7');
    const unitsVII = Number(await attr('data-stubble-units'));
    const vii = await canvasPixels(page, 'hair-norwood-VII-left-bare');
    const box = headRegion(vi).box!;
    // Upper side, above the ear (the fringe VI keeps and VII loses), and the face.
    const upperSide: Rect = { x: box.x + 0.45 * box.w, y: box.y + 0.12 * box.h, w: 0.4 * box.w, h: 0.18 * box.h };
    const face: Rect = { x: box.x, y: box.y + 0.45 * box.h, w: 0.3 * box.w, h: 0.3 * box.h };
    const side = { vi: luminance(sample(vi, upperSide)), vii: luminance(sample(vii, upperSide)) };
    const faceChange = changedShare(vi, vii, face);
    console.log(
      `hair: Norwood VI ${unitsVI} units -> VII ${unitsVII}; upper side luminance ${side.vi.toFixed(4)} -> ${side.vii.toFixed(4)}, ` +
        `${(changedShare(vi, vii, upperSide) * 100).toFixed(1)}% of its pixels changed, face ${(faceChange * 100).toFixed(2)}%`,
    );
    expect(unitsVII).toBeLessThan(unitsVI * 0.8);
    expect(side.vii, 'the upper side is lighter without its stubble').toBeGreaterThan(side.vi * 1.02);
    expect(changedShare(vi, vii, upperSide)).toBeGreaterThan(0.1);
    expect(faceChange, 'the face does not change').toBeLessThan(0.01);
  });

  it("Norwood III, V and VII from the top: less of the client's hair at each stage, and the sessions show on each", async () => {
    await view('top');
    const units: number[] = [];
    for (const [id, name] of [
      ['norwood-3', 'III'],
      ['norwood-5', 'V'],
      ['norwood-7', 'VII'],
    ] as const) {
      await pattern(id);
      await sessionsVisible(false);
      const client = await canvasPixels(page, `hair-norwood-${name}-top-client`);
      await sessionsVisible(true);
      const design = await canvasPixels(page, `hair-norwood-${name}-top-design`);
      const head = headRegion(client).box!;
      const shown = changedShare(client, design, head);
      units.push(Number(await attr('data-stubble-units')));
      console.log(`hair: Norwood ${name}: ${units[units.length - 1]} units, ${await attr('data-dot-count')} dots; the sessions change ${(shown * 100).toFixed(1)}% of the head`);
      expect(shown, `the sessions show on Norwood ${name}`).toBeGreaterThan(0.02);
    }
    expect(units[1], 'V keeps less hair than III').toBeLessThan(units[0]);
    expect(units[2], 'VII keeps less hair than V').toBeLessThan(units[1]);
    await pattern('norwood-6');
  });

  it('a dragged hairline handle moves the hairline there and nowhere else; undo restores it exactly', async () => {
    await view('front');
    await page.getByTestId('hairline-edit').click();
    await page.waitForFunction(() => !!window.smpStudio!.screenOf('handle-frontotemporalLeft'));
    await waitRenderIdle(page);
    const before = await design();
    // The handles are drawn in edit mode: take the frames to compare with edit mode off.
    await page.getByTestId('hairline-edit').click();
    await waitRenderIdle(page);
    const shotBefore = await canvasPixels(page, 'hair-hairline-before');
    await page.getByTestId('hairline-edit').click();
    await waitRenderIdle(page);
    const from = (await page.evaluate(() => window.smpStudio!.screenOf('handle-frontotemporalLeft')))!;
    const mid = (await page.evaluate(() => window.smpStudio!.screenOf('handle-mid')))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(from.x, from.y - 4 * k);
    await page.mouse.up();
    await settled();
    const moved = JSON.parse(await design()).hairline;
    console.log(`hair: dragged the left frontotemporal handle from ${JSON.stringify(from)} 32 px up; handles now ${JSON.stringify(moved.handles)}`);
    expect(moved.handles, 'the design holds the dragged shape').not.toBeNull();
    expect(moved.symmetric).toBe(true);
    await page.getByTestId('hairline-edit').click();
    await waitRenderIdle(page);
    const shotAfter = await canvasPixels(page, 'hair-hairline-after');
    const rows = changedRows(shotBefore, shotAfter);
    const box = headRegion(shotBefore).box!;
    const chin = box.y + box.h * 0.55;
    console.log(`hair: changed rows ${rows.length ? `${rows[0]}-${rows[rows.length - 1]}` : 'none'} (head box y ${box.y}-${box.y + box.h}, handle at y ${from.y.toFixed(0)}, mid ${mid.y.toFixed(0)})`);
    expect(rows.length, 'the hairline moved on screen').toBeGreaterThan(3);
    // Where expected: the band over the forehead and temples, never the face below the brows.
    expect(Math.max(...rows), 'nothing changed below the forehead').toBeLessThan(chin);
    expect(Math.min(...rows)).toBeGreaterThan(box.y - 2);

    await page.getByTestId('undo').click();
    await settled();
    expect(await design(), 'undo gives back the design exactly').toBe(before);
    const shotUndone = await canvasPixels(page, 'hair-hairline-undone');
    const left = changedRows(shotBefore, shotUndone, 3);
    console.log(`hair: after undo ${left.length} rows differ from before the drag`);
    expect(left.length, 'undo restores the frame exactly').toBe(0);
  });

  it('holds a handle dragged below the brows, with the reason; shows the guides', async () => {
    await page.getByTestId('hairline-edit').click();
    await page.getByTestId('hairline-guides').setChecked(true);
    await waitRenderIdle(page);
    const marks = await page.locator('.guide-label').allInnerTexts();
    console.log(`hair: guide marks ${JSON.stringify(marks)}`);
    expect(marks).toEqual(expect.arrayContaining(['7 cm', '8 cm', '10 cm']));
    await saveShot(page, 'hair-hairline-guides');
    const from = (await page.evaluate(() => window.smpStudio!.screenOf('handle-mid')))!;
    const nose = (await page.evaluate(() => {
      const s = window.smpStudio!.store.getState();
      const g = s.head!.landmarks.glabella;
      return window.smpStudio!.screenOf([g[0], g[1] - 25, g[2] + 8]);
    }))!;
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(from.x, from.y + ((nose.y - from.y) * k) / 10);
    await page.mouse.up();
    const alert = page.locator('[data-testid="error"][role="alert"]');
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    const message = await alert.innerText();
    console.log(`hair: dragged the mid handle to the nose: "${message}"`);
    expect(message).toMatch(/eyebrows|held/i);
    await settled();
    const h = JSON.parse(await design()).hairline;
    expect(h.midFrontalHeightMm, 'held at the lowest hairline a design allows').toBeGreaterThanOrEqual(60);
    await page.getByRole('button', { name: 'Dismiss the message' }).click();
    await page.getByTestId('undo').click();
    await page.getByTestId('hairline-guides').setChecked(false);
    await page.getByTestId('hairline-edit').click();
    await settled();
  });

  it('the brush paints a bald patch, and a strip scar shows paler at the back', async () => {
    await view('back');
    await sessionsVisible(false);
    const units = Number(await attr('data-stubble-units'));
    const bare = await canvasPixels(page, 'hair-back-before');
    await page.getByTestId('brush-remove').click();
    const box = headRegion(bare).box!;
    const c = await page.locator(VIEWER).locator('canvas').boundingBox();
    const x = c!.x + box.x + box.w / 2;
    const y = c!.y + box.y + box.h * 0.55;
    await page.mouse.move(x - 30, y);
    await page.mouse.down();
    for (let k = 1; k <= 6; k++) await page.mouse.move(x - 30 + 10 * k, y);
    await page.mouse.up();
    await settled();
    const after = Number(await attr('data-stubble-units'));
    const corrections = JSON.parse(await design()).hairLoss.corrections.length;
    console.log(`hair: brush stroke of ${corrections} dabs: ${units} -> ${after} units`);
    expect(corrections).toBeGreaterThan(1);
    expect(after).toBeLessThan(units);
    await saveShot(page, 'hair-brush-bald');
    await page.getByTestId('undo').click();
    await page.getByTestId('brush-remove').click();
    await settled();
    expect(Number(await attr('data-stubble-units'))).toBe(units);

    await page.getByTestId('add-strip-scar').click();
    await settled();
    const scarred = await canvasPixels(page, 'hair-strip-scar-back');
    const band: Rect = { x: box.x + 0.3 * box.w, y: box.y, w: 0.4 * box.w, h: box.h };
    const diff = changedShare(bare, scarred, band);
    console.log(`hair: strip scar: ${(diff * 100).toFixed(1)}% of the back's middle changed`);
    expect(diff).toBeGreaterThan(0.005);
    await page.getByTestId('scar-strip-1-remove').click();
    await sessionsVisible(true);
    await settled();
  });

  it('logged no console or page errors and made no request beyond this machine', () => {
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.consoleErrors, rec.summary()).toEqual([]);
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
  });
});
