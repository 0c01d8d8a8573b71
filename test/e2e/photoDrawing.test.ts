// The client's photo in the built app, drawn on (Chromium with software WebGL): the photo is the
// app's own head, taken from the 3D view with the sessions hidden and fitted (support/photoSession.ts).
// The design shows on its scalp (sessions hidden take it off, ten years fade it); hair marked with
// the Keep hair brush keeps the photo's own pixels under the stroke (undone, painted again, kept);
// the before/after divider dragged over the photo splits it; while the hairline is edited its
// handles show on the photo and one dragged there moves the hairline, one undo step. The report's
// first page shows the fitted photo before and after only when the client agreed (the PDF read
// back, its pictures compared in CIELAB, the kept hair left as it is). On a phone the photo lies
// over the 3D view with a switch between them, hair is marked by touch and a photo with no face is
// aligned by a finger. No request leaves the machine; axe finds nothing serious on the phone.
// Intake, storage, alignment by hand and the camera: photos.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveShot, SHOTS_DIR, VIEWER, waitSettled } from './support/app';
import { axeViolations, describeFindings } from './support/axe';
import { change, darkeningIn } from './support/labImage';
import { openPdf, pageImages, pagePng, readPages } from './support/pdf';
import { touchDrag } from './support/photoAlign';
import { brushStroke, designAfter, designCount, designPixels, designSettled, firstBrushPx, inCore, maskWhere, maxChannelDiff, strokeWhere, type Stroke } from './support/photoDraw';
import { DESIGN, fixture, intakeDone, open, PHOTO_VIEW, photoBrowser, photoClient, photoState, showSessions, storedMaskBytes } from './support/photoSession';
import type { Rgba } from './support/png';

const suite = photoBrowser();
const recorders = suite.recorders;

describe("the client's photo, drawn on", () => {
  let page: Page;
  let frontJpeg: Buffer;
  /** The front photo with the sessions hidden (the photo itself), and the stroke of kept hair. */
  let bare: Rgba;
  let stroke: Stroke;

  // The client "Photo client" with the head's photo added and fitted (photos.test.ts checks that fit).
  beforeAll(async () => {
    ({ page, frontJpeg } = await photoClient(suite));
  });

  it('the fitted photo shows the design on its scalp: sessions hidden take it off, ten years fade it', async () => {
    const design = page.locator(DESIGN);
    const after = (act: () => Promise<unknown>) => designAfter(page, act);
    const setYears = (years: number) => page.evaluate((y) => window.smpStudio!.store.getState().actions.setYears(y), years);
    await expect.poll(() => design.getAttribute('data-status'), { timeout: 120_000 }).toBe('ready');
    const hidden = await after(() => showSessions(page, false));
    bare = hidden;
    const shown = await after(() => showSessions(page, true));
    const faded = await after(() => setYears(10));
    const healed = change(shown, hidden);
    const tenYears = change(faded, hidden);
    console.log(
      `photos: the design on the fitted photo changes ${(healed.share * 100).toFixed(2)} % of it, ${healed.darkenL.toFixed(1)} L* darker, grain ${healed.grainWith.toFixed(2)} against ${healed.grainWithout.toFixed(2)}; at 10 years ${(tenYears.share * 100).toFixed(2)} %, ${tenYears.darkenL.toFixed(1)} L*; skin read from the photo ${await design.getAttribute('data-skin-lab')}`,
    );
    expect(healed.share, 'the sessions show on the photo').toBeGreaterThan(0.01);
    expect(healed.darkenL).toBeGreaterThan(3);
    expect(healed.grainWith, 'as dots, not a tint').toBeGreaterThan(1.5 * healed.grainWithout);
    expect(tenYears.darkenL, 'faded after ten years').toBeLessThan(healed.darkenL);
    await saveShot(page, 'photos-design-10y');
    await after(() => setYears(0.1));
    await saveShot(page, 'photos-design');
  });

  it('"Larger photo" gives the photo three quarters of the stage, the design drawn on it, and "Side by side" halves it again', async () => {
    const canvas = page.locator(`${DESIGN} canvas`);
    const before = (await canvas.boundingBox())!;
    await page.getByTestId('photo-larger').click();
    await expect.poll(async () => (await canvas.boundingBox())!.width, { timeout: 10_000 }).toBeGreaterThan(1.4 * before.width);
    await expect.poll(() => page.locator(DESIGN).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    const larger = (await canvas.boundingBox())!;
    // The 3D view, narrower, frames the head again.
    await waitSettled(page);
    console.log(`photos: the photo drawn ${before.width.toFixed(0)}x${before.height.toFixed(0)} px side by side, ${larger.width.toFixed(0)}x${larger.height.toFixed(0)} larger`);
    await saveShot(page, 'photos-larger');
    expect(await page.getByTestId('photo-larger').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('photo-larger').click();
    await expect.poll(async () => Math.round((await canvas.boundingBox())!.width), { timeout: 10_000 }).toBe(Math.round(before.width));
    await expect.poll(() => page.locator(DESIGN).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
  });

  it('hair marked with the Keep hair brush shows the photo as it is under the stroke, the design elsewhere, and is kept', async () => {
    const before = await designPixels(page);
    const canvas = (await page.locator(`${DESIGN} canvas`).boundingBox())!;
    // Along the band of rows the design changes most, over the middle half of it; the brush at
    // its first size (3 % of the short side).
    stroke = strokeWhere(change(before, bare).mask, before.width, firstBrushPx(before));
    const core = maskWhere(before, inCore(stroke));
    const designed = change(before, bare);
    const underStroke = designed.mask.reduce((n, m, i) => n + (m & core[i]), 0) / core.reduce((n, m) => n + m, 0);
    const tools = page.getByTestId('fitted-photo');
    expect(await tools.getAttribute('data-keep-mask')).toBe('none');
    expect(await page.locator(`${DESIGN} canvas`).evaluate((c) => getComputedStyle(c).touchAction)).toBe('auto');
    await page.getByTestId('keep-hair-brush').click();
    expect(await page.getByTestId('keep-hair-brush').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator(`${DESIGN} canvas`).evaluate((c) => getComputedStyle(c).touchAction)).toBe('none');
    const n = await designCount(page);
    await brushStroke(page, stroke);
    await designSettled(page, n);
    await page.getByTestId('keep-hair-brush').click();
    const kept = await designPixels(page);
    const outside = designed.mask.map((m, i) => m & (core[i] ^ 1) & (Math.abs(Math.floor(i / kept.width) - stroke.y) > stroke.radiusPx * 1.5 ? 1 : 0));
    const [was, now] = [darkeningIn(before, bare, outside), darkeningIn(kept, bare, outside)];
    const inside = maxChannelDiff(kept, bare, core);
    console.log(
      `photos: kept hair: ${(underStroke * 100).toFixed(0)} % of the stroke's core was changed by the design (${darkeningIn(before, bare, core).toFixed(2)} L*); after the stroke its largest channel difference from the photo is ${inside}; elsewhere on the scalp ${was.toFixed(2)} L* darker before, ${now.toFixed(2)} after`,
    );
    expect(underStroke, 'the stroke lies where the design shows').toBeGreaterThan(0.3);
    expect(inside, 'under the stroke, the photo as it is').toBeLessThanOrEqual(2);
    expect(now, 'elsewhere, the design as before').toBeGreaterThan(was * 0.9);
    await expect.poll(() => tools.getAttribute('data-keep-saved')).toBe('saved');
    await expect.poll(() => storedMaskBytes(page)).toHaveLength(1);
    const bytes = await storedMaskBytes(page);
    console.log(`photos: the marks kept with the photo: a ${bytes[0]}-byte PNG`);
    expect(await tools.getAttribute('data-keep-mask')).toBe('marked');
    expect(bytes[0]).toBeLessThan(16 * 1024);
    // Undo takes the stroke away, and Clear with nothing marked is off; the stroke is painted again.
    await page.getByTestId('keep-hair-undo').click();
    await expect.poll(() => tools.getAttribute('data-keep-mask')).toBe('none');
    await expect.poll(() => storedMaskBytes(page)).toHaveLength(0);
    expect(await page.getByTestId('keep-hair-clear').isDisabled()).toBe(true);
    await page.getByTestId('keep-hair-brush').click();
    await brushStroke(page, stroke);
    await page.getByTestId('keep-hair-brush').click();
    await expect.poll(() => storedMaskBytes(page)).toHaveLength(1);
    await saveShot(page, 'photos-keep-hair');

    // The before/after divider works on the photo as on the 3D view: dragged over the photo to the
    // middle of the stroke, it splits the photo there, healed on its left and 10 years on its right.
    await page.evaluate(() => window.smpStudio!.store.getState().actions.setCompare({ on: true, years: 10, split: 0.5 }));
    const divider = page.locator(`${DESIGN} [data-testid="compare-divider"]`);
    const grip = (await divider.boundingBox())!;
    const m = await designCount(page);
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    const target = (stroke.x0 + stroke.x1) / 2 / before.width;
    await page.mouse.move(canvas.x + canvas.width * target, grip.y + grip.height / 2, { steps: 4 });
    await page.mouse.up();
    const split = await page.evaluate(() => window.smpStudio!.store.getState().compare.split);
    await designSettled(page, m);
    const divided = await designPixels(page);
    const cut = Math.round(divided.width * split);
    const side = (left: boolean) => designed.mask.map((v, i) => v & (core[i] ^ 1) & (i % divided.width < cut - 3 === left && Math.abs((i % divided.width) - cut) > 3 ? 1 : 0));
    const [healedL, laterL] = [darkeningIn(divided, bare, side(true)), darkeningIn(divided, bare, side(false))];
    console.log(`photos: divider dragged to ${(split * 100).toFixed(1)} % of the photo: ${healedL.toFixed(2)} L* darker on its left (healed), ${laterL.toFixed(2)} on its right (10 years)`);
    expect(Math.abs(split - target)).toBeLessThan(0.01);
    expect(laterL).toBeLessThan(healedL * 0.8);
    await saveShot(page, 'photos-divider');
    await page.evaluate(() => window.smpStudio!.store.getState().actions.setCompare({ on: false }));
  });

  it('while the hairline is edited its handles show on the photo; one dragged there moves the hairline, one undo step', async () => {
    const handles = page.locator(`${DESIGN} [data-testid="photo-hairline-handle"]`);
    expect(await handles.count()).toBe(0);
    await page.getByTestId('hairline-edit').click();
    await expect.poll(() => page.locator(`${DESIGN} [data-testid="photo-hairline"]`).getAttribute('data-handles-shown')).toBe('7');
    const mid = page.locator(`${DESIGN} [data-handle="mid"]`);
    const [x, y] = await Promise.all(['data-x-px', 'data-y-px'].map(async (a) => Number(await mid.getAttribute(a))));
    const canvas = (await page.locator(`${DESIGN} canvas`).boundingBox())!;
    const photoWidth = await page.locator(`${DESIGN} canvas`).evaluate((c: HTMLCanvasElement) => c.width);
    const scale = canvas.width / photoWidth;
    const grip = (await mid.boundingBox())!;
    // The handle sits on its pixel of the photo.
    expect(Math.abs(grip.x + grip.width / 2 - (canvas.x + x * scale))).toBeLessThan(1.5);
    expect(Math.abs(grip.y + grip.height / 2 - (canvas.y + y * scale))).toBeLessThan(1.5);
    const before = await page.evaluate(() => ({ heightMm: window.smpStudio!.store.getState().design.hairline.midFrontalHeightMm, past: window.smpStudio!.store.getState().past.length }));
    // Dragged 12 photo pixels up, in a few moves.
    const n = await designCount(page);
    await page.mouse.move(canvas.x + x * scale, canvas.y + y * scale);
    await page.mouse.down();
    await page.mouse.move(canvas.x + x * scale, canvas.y + (y - 12) * scale, { steps: 5 });
    await page.mouse.up();
    const after = await page.evaluate(() => ({ heightMm: window.smpStudio!.store.getState().design.hairline.midFrontalHeightMm, past: window.smpStudio!.store.getState().past.length }));
    await expect.poll(() => mid.getAttribute('data-y-px').then(Number)).toBeLessThan(y - 10);
    const landedY = Number(await mid.getAttribute('data-y-px'));
    const mmPerPx = Number(await page.locator(PHOTO_VIEW).getAttribute('data-mm-per-px'));
    console.log(
      `photos: the mid-frontal handle dragged 12 px up the photo (${mmPerPx} mm a pixel): lands ${(y - landedY).toFixed(1)} px up; the hairline ${before.heightMm} → ${after.heightMm} mm above the glabella; ${after.past - before.past} undo step`,
    );
    expect(Math.abs(landedY - (y - 12))).toBeLessThan(1);
    expect(after.heightMm).toBeGreaterThan(before.heightMm + 2);
    expect(after.past - before.past).toBe(1);
    // The design on the photo is drawn again for the new hairline.
    await designSettled(page, n);
    await saveShot(page, 'photos-hairline');
    await page.evaluate(() => window.smpStudio!.store.getState().actions.undo());
    expect(await page.evaluate(() => window.smpStudio!.store.getState().design.hairline.midFrontalHeightMm)).toBe(before.heightMm);
    await page.getByTestId('hairline-edit').click();
    await expect.poll(() => handles.count()).toBe(0);
    // The dots of the design as it was are made and drawn again before the next test times the page.
    await page.waitForTimeout(200); // the store waits 120 ms before asking for dots
    await waitSettled(page);
    await expect.poll(() => page.locator(DESIGN).getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
  });

  it("the report's first page shows the photo before and after only with the client's consent, and says so", async () => {
    /** Makes the report and reads it back. */
    const takeReport = async (name: string) => {
      const t0 = Date.now();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 240_000 }), page.getByTestId('make-report').click()]);
      const bytes = new Uint8Array(readFileSync((await download.path())!));
      writeFileSync(`${SHOTS_DIR}${name}.pdf`, bytes);
      const pdf = await openPdf(bytes);
      const pages = await readPages(pdf);
      console.log(`photos: ${name}: ${pages.text.length} pages, ${bytes.length} bytes in ${Date.now() - t0} ms; images per page ${pages.images.join(' ')}`);
      return { bytes, pdf, ...pages };
    };
    // The photo on screen now (healed, the hair marked to keep left as it is), against the photo itself.
    expect(await page.locator(DESIGN).getAttribute('data-years')).toBe('0.1');
    const onScreen = change(await designPixels(page), bare);
    const consent = page.getByTestId('report-photo-consent');
    await expect.poll(() => consent.count(), { timeout: 30_000 }).toBe(1);
    expect(await consent.isChecked(), 'unticked by default').toBe(false);

    /** Share of a picture's pixels that are warmer than the cool grey backdrop: the head's. */
    const headShare = ({ data }: { data: Uint8Array }) => {
      let warm = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] > data[i + 2] + 12) warm++;
      return warm / (data.length / 4);
    };
    /** The 3D views on the first two pages, each with a head in it (not the empty backdrop). */
    const viewsShown = async (pdf: Awaited<ReturnType<typeof takeReport>>['pdf'], pages: number[]) => {
      const shares = (await Promise.all(pages.map(async (p) => (await pageImages(await pdf.getPage(p))).map(headShare)))).flat();
      console.log(`photos: head in each 3D view of pages ${pages.join(', ')}: ${shares.map((v) => `${(v * 100).toFixed(0)} %`).join(' ')}`);
      return shares;
    };
    // Unticked, the report is as it was (unit report.test.ts: the same document; records.test.ts
    // takes one): only the ticked one is made here, a report being 20-80 s of this machine.
    await consent.check();
    const report = await takeReport('report-photo');
    const first = report.text[0];
    // The photo before and after, then the consent line with today's date (the page's own clock).
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }));
    expect(report.images.slice(0, 2)).toEqual([2, 8]);
    expect(first).toContain('Before: the front photo as taken');
    expect(first).toContain('After: healed');
    expect(first).toContain(`The client agreed on ${today} to their photos being used in this report.`);
    expect(first).not.toContain('Front, healed');
    expect(report.text[1]).toContain('Front, healed');
    // Drawn while the photo view beside them draws too, every 3D view shows the head.
    for (const share of await viewsShown(report.pdf, [2])) expect(share).toBeGreaterThan(0.05);

    const [before, after] = await pageImages(await report.pdf.getPage(1));
    const box = (await page.locator(`${PHOTO_VIEW} [data-testid="photo-design"]`).getAttribute('data-scalp-box'))!.split(',').map(Number);
    const kept = (await photoState(page)).widthPx;
    const scale = before.width / Number(kept);
    const inPdf = change(after, before);
    // Every change lies in the scalp's box as the photo view has it, give or take a JPEG block.
    const [bx, by, bw, bh] = box.map((v) => v * scale);
    let outside = 0;
    inPdf.mask.forEach((m, i) => {
      const x = i % after.width,
        y = Math.floor(i / after.width);
      if (m && (x < bx - 8 || x > bx + bw + 8 || y < by - 8 || y > by + bh + 8)) outside++;
    });
    console.log(
      `photos: report photo ${before.width}x${before.height} (kept ${kept} px wide), after against before: ${(inPdf.share * 100).toFixed(2)} % changed, ${inPdf.darkenL.toFixed(1)} L* darker, grain ${inPdf.grainWith.toFixed(2)} against ${inPdf.grainWithout.toFixed(2)}, ${outside} changed px outside the scalp box; on screen ${(onScreen.share * 100).toFixed(2)} %, ${onScreen.darkenL.toFixed(1)} L*`,
    );
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(Math.max(before.width, before.height)).toBeLessThanOrEqual(1600);
    expect(inPdf.share, 'the design shows on the photo in the report').toBeGreaterThan(0.01);
    expect(inPdf.darkenL).toBeGreaterThan(3);
    // As dots, not a tint, as on screen.
    expect(inPdf.grainWith, 'as dots, not a tint').toBeGreaterThan(1.5 * inPdf.grainWithout);
    // The same picture as on screen, at the report's size.
    expect(inPdf.darkenL).toBeGreaterThan(onScreen.darkenL * 0.7);
    expect(inPdf.darkenL).toBeLessThan(onScreen.darkenL * 1.3);
    expect(outside).toBe(0);
    // The hair marked to keep on the photo is left as it is in the report too.
    const k = before.width / (await page.locator(`${DESIGN} canvas`).evaluate((c: HTMLCanvasElement) => c.width));
    const core = maskWhere(before, inCore({ y: stroke.y * k, x0: stroke.x0 * k, x1: stroke.x1 * k, radiusPx: stroke.radiusPx * k }));
    const underMarks = darkeningIn(after, before, core);
    console.log(`photos: in the report, under the hair marked to keep: ${underMarks.toFixed(2)} L* darker (the design elsewhere ${inPdf.darkenL.toFixed(1)} L*)`);
    expect(Math.abs(underMarks)).toBeLessThan(1);
    writeFileSync(`${SHOTS_DIR}report-photo-page1.png`, await pagePng(report.pdf, 1));
    await report.pdf.destroy();
    // The photo on screen was not touched by the report's own drawing.
    expect(await page.locator(`${PHOTO_VIEW} [data-testid="photo-design"]`).getAttribute('data-status')).toBe('ready');
    await page.getByTestId('report-panel').evaluate((el) => {
      const body = el.closest('.sheet-body')!;
      body.scrollTop += el.getBoundingClientRect().top - body.getBoundingClientRect().top;
    });
    await saveShot(page, 'photos-report-consent');
  });

  it('on a phone (390x844) the photo lies over the 3D view, with a switch between them', async () => {
    const phone = await suite.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await open(suite, phone);
    await p.getByTestId('new-client-name').fill('Phone client');
    await p.getByTestId('create-client').click();
    await expect.poll(() => p.getByTestId('client-name').count()).toBe(1);
    await p.getByLabel('Add photos').setInputFiles([
      { name: 'front.jpg', mimeType: 'image/jpeg', buffer: frontJpeg },
      { name: 'IMG_0006.jpg', mimeType: 'image/jpeg', buffer: fixture('orientation-6.jpg') },
    ]);
    await intakeDone(p, 2);
    const box = await p.locator(PHOTO_VIEW).boundingBox();
    const viewer = await p.locator(VIEWER).boundingBox();
    console.log(`photos: phone, photo view ${JSON.stringify(box)}, viewer ${JSON.stringify(viewer)}`);
    expect(box!.width).toBeGreaterThan(380);
    // The brush by touch: the toolbar fits the phone's width, and a tap on the scalp marks hair.
    await expect.poll(() => p.locator(DESIGN).getAttribute('data-status'), { timeout: 120_000 }).toBe('ready');
    const tools = await p.getByRole('toolbar', { name: "Mark the client's own hair to keep" }).boundingBox();
    console.log(`photos: phone, keep-hair toolbar ${JSON.stringify(tools)}`);
    expect(tools!.x).toBeGreaterThanOrEqual(0);
    expect(tools!.x + tools!.width).toBeLessThanOrEqual(390);
    expect(tools!.height, 'one row').toBeLessThan(48);
    await p.getByTestId('keep-hair-brush').tap();
    const [bx, by, bw, bh] = (await p.locator(DESIGN).getAttribute('data-scalp-box'))!.split(',').map(Number);
    const canvas = (await p.locator(`${DESIGN} canvas`).boundingBox())!;
    const { width: w, height: h } = await p.locator(`${DESIGN} canvas`).evaluate((c: HTMLCanvasElement) => ({ width: c.width, height: c.height }));
    await p.touchscreen.tap(canvas.x + ((bx + bw / 2) * canvas.width) / w, canvas.y + ((by + bh * 0.15) * canvas.height) / h);
    await expect.poll(() => p.getByTestId('fitted-photo').getAttribute('data-keep-mask')).toBe('marked');
    await expect.poll(() => storedMaskBytes(p)).toHaveLength(1);
    await saveShot(p, 'photos-phone');
    await p.getByTestId('show-3d').click();
    await expect.poll(() => p.locator(PHOTO_VIEW).isVisible()).toBe(false);
    await saveShot(p, 'photos-phone-3d');
    await p.getByTestId('show-photo').click();
    await expect.poll(() => p.locator(PHOTO_VIEW).isVisible()).toBe(true);
    // The photo with no face, aligned by a finger: the handle follows it (axe then looks at the handles).
    await p.getByTestId('photo-thumb').nth(1).click();
    await expect.poll(() => photoState(p)).toMatchObject({ status: 'no-face', view: 'left' });
    await p.getByTestId('align-start').click();
    const top = p.locator('[data-testid="align-handle"][data-point="vertex"]');
    // The picture settles where the bar under it leaves room.
    const layerBox = () => p.locator('.photo-align-layer').boundingBox();
    let layer = (await layerBox())!;
    for (let settled = false; !settled;) {
      await p.waitForTimeout(300);
      const now = (await layerBox())!;
      settled = JSON.stringify(now) === JSON.stringify(layer);
      layer = now;
    }
    const b = (await top.boundingBox())!;
    const y0 = Number(await top.getAttribute('data-y-px'));
    await touchDrag(p, [b.x + b.width / 2, b.y + b.height / 2], [b.x + b.width / 2, b.y + b.height / 2 + 30]);
    const movedPx = Number(await top.getAttribute('data-y-px')) - y0;
    const expectedPx = (30 * Number(await p.locator(PHOTO_VIEW).getAttribute('data-height-px'))) / layer.height;
    expect(await layerBox()).toEqual(layer);
    console.log(
      `photos: phone, handle ${b.width}x${b.height} px, picture ${layer.width.toFixed(0)}x${layer.height.toFixed(0)} at y=${layer.y.toFixed(0)}; a finger 30 px down moved it ${movedPx.toFixed(1)} photo px (${expectedPx.toFixed(1)} expected)`,
    );
    expect(b.width).toBeGreaterThanOrEqual(44);
    expect(movedPx).toBeCloseTo(expectedPx, 0);
    await expect.poll(() => p.getByTestId('align-done').isVisible()).toBe(true);
    await saveShot(p, 'photos-align-390');
    const findings = await axeViolations(p);
    console.log(`photos: phone, axe-core found ${findings.length ? `\n${describeFindings(findings)}` : 'nothing'}`);
    expect(describeFindings(findings.filter((f) => f.impact === 'serious' || f.impact === 'critical' || f.id === 'region'))).toBe('');
    await phone.close();
  });

  it('no request left the machine, nothing was refused by the content security policy, no page error', () => {
    for (const rec of recorders) expect(rec.external, rec.summary()).toEqual([]);
    for (const rec of recorders) expect(rec.cspViolations, rec.summary()).toEqual([]);
    for (const rec of recorders) expect(rec.pageErrors, rec.summary()).toEqual([]);
  });
});
