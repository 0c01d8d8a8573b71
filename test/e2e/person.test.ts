// The head reads as a person, in the built app in the system Chromium with software WebGL: for a
// male and a female head and skin types I, III and VI, the front view shows open eyes (dark iris
// and pupil between lighter sclera), lips redder than the cheek and brows darker than the
// forehead, measured on the pixels where the head model puts them. Screenshots of every preset
// (front, left, right, back, top) for each go to test-results/e2e/person-*.png.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fileBrowser } from './support/suite';
import { canvasPixels, renderCount, SETTLE_TIMEOUT, VIEWER, waitNextRender, waitReady, waitSettled, type View } from './support/app';
import { expectHeadOnCanvas, headRegion } from './support/head';
import { toLab, type LabImage } from './support/labImage';

const VIEWS: View[] = ['front', 'left', 'right', 'back', 'top'];
/** An open eye: across it, lightness spans at least this much (sclera to pupil), L*. */
const EYE_MIN_SPAN_L = 30;
/** Lips at least this much redder than the cheek (a*), brows at least this much darker than the forehead (L*). */
const LIP_MIN_REDDER_A = 4;
const BROW_MIN_DARKER_L = 3;

const browser = fileBrowser();
let page: Page;

const settled = () => waitSettled(page);

async function act(script: string): Promise<void> {
  const before = await renderCount(page);
  await page.evaluate(new Function(script) as () => void);
  await waitNextRender(page, before).catch(() => undefined);
  await settled();
}

/** Where the face's parts are on the canvas (CSS px from its corner), from the head model: the
 * front of each eyeball, and the mean of the vertices that are fully lip, fully brow, cheek and
 * mid-forehead. */
async function facePoints() {
  return page.evaluate(() => {
    const { head } = window.smpStudio!.store.getState();
    const h = head!;
    const canvas = document.querySelector('[data-testid="viewer"] canvas')!.getBoundingClientRect();
    const at = (p: [number, number, number]) => {
      const s = window.smpStudio!.screenOf(p)!;
      return { x: s.x - canvas.left, y: s.y - canvas.top };
    };
    const mean = (keep: (i: number) => boolean): [number, number, number] => {
      const s = [0, 0, 0];
      let n = 0;
      for (let i = 0; i < h.positions.length / 3; i++) {
        if (!keep(i)) continue;
        for (let k = 0; k < 3; k++) s[k] += h.positions[3 * i + k];
        n++;
      }
      return [s[0] / n, s[1] / n, s[2] / n];
    };
    const p = h.positions,
      f = h.features;
    const g = h.landmarks.glabella;
    const eyes = h.eyes.map((e) => {
      const front: [number, number, number] = [0, 1, 2].map((k) => e.centerMm[k] + e.forwardDir[k] * e.radiusMm) as [number, number, number];
      const side: [number, number, number] = [front[0] + 12, front[1], front[2]];
      const c = at(front);
      return { ...c, pxPerMm: Math.abs(at(side).x - c.x) / 12 };
    });
    return {
      eyes,
      lip: at(mean((i) => f[2 * i] > 0.95 && p[3 * i + 1] > g[1] - 200)),
      brow: at(mean((i) => f[2 * i + 1] > 0.95 && p[3 * i] > 0)),
      forehead: at([0, g[1] + 30, g[2] + 2]),
      cheek: at(mean((i) => p[3 * i] > 38 && p[3 * i] < 46 && Math.abs(p[3 * i + 1] - (g[1] - 55)) < 4 && p[3 * i + 2] > g[2] - 40)),
    };
  });
}

/** Mean L*, a* in a square of `r` px about a point. */
function meanAt(img: LabImage, x: number, y: number, r: number) {
  let L = 0,
    a = 0,
    n = 0;
  for (let j = Math.round(y - r); j <= Math.round(y + r); j++) {
    for (let i = Math.round(x - r); i <= Math.round(x + r); i++) {
      const k = j * img.width + i;
      L += img.L[k];
      a += img.a[k];
      n++;
    }
  }
  return { L: L / n, a: a / n };
}

/** Lightness span across an eye: the darkest and lightest pixels (2nd and 98th percentiles) in a
 * band a fissure wide and a third as tall about the front of the eyeball. */
function eyeSpan(img: LabImage, x: number, y: number, pxPerMm: number) {
  const Ls: number[] = [];
  const hw = 13 * pxPerMm,
    hh = 3 * pxPerMm;
  for (let j = Math.round(y - hh); j <= Math.round(y + hh); j++) {
    for (let i = Math.round(x - hw); i <= Math.round(x + hw); i++) Ls.push(img.L[j * img.width + i]);
  }
  Ls.sort((p, q) => p - q);
  return { dark: Ls[Math.floor(Ls.length * 0.02)], light: Ls[Math.floor(Ls.length * 0.98)] };
}

beforeAll(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(browser.url, { waitUntil: 'load' });
  await waitReady(page);
  await settled();
});

for (const sex of ['male', 'female'] as const) {
  describe(`a ${sex} head`, () => {
    beforeAll(async () => {
      // The consultation's own control: the head is rebuilt with the other face and build.
      const button = page.getByTestId(`head-sex-${sex}`);
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await page.waitForFunction((want) => window.smpStudio!.store.getState().head?.sex === want, sex, { timeout: SETTLE_TIMEOUT });
      await settled();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
    });

    for (const skin of [1, 3, 6] as const) {
      it(`skin type ${skin}: open eyes, red lips and dark brows from the front; every preset drawn`, async () => {
        await act(`window.smpStudio.store.getState().actions.setFitzpatrick(${skin}); window.smpStudio.store.getState().actions.goTo('front');`);
        const img = await canvasPixels(page, `person-${sex}-${skin}-front`);
        const lab = toLab(img);
        const at = await facePoints();
        const skinHex = (await page.locator(VIEWER).getAttribute('data-skin-hex'))!;
        expectHeadOnCanvas(img, skinHex, `${sex} ${skin} front`);

        for (const [k, eye] of at.eyes.entries()) {
          const span = eyeSpan(lab, eye.x, eye.y, eye.pxPerMm);
          console.log(`${sex}, type ${skin}, eye ${k}: L* ${span.dark.toFixed(1)} to ${span.light.toFixed(1)} across the fissure (${eye.pxPerMm.toFixed(2)} px/mm)`);
          expect(span.light - span.dark, `eye ${k} is open: pupil and iris dark against the sclera`).toBeGreaterThanOrEqual(EYE_MIN_SPAN_L);
        }
        const r = Math.max(1, Math.round(at.eyes[0].pxPerMm));
        const lip = meanAt(lab, at.lip.x, at.lip.y, r);
        const cheek = meanAt(lab, at.cheek.x, at.cheek.y, 2 * r);
        const brow = meanAt(lab, at.brow.x, at.brow.y, r);
        const forehead = meanAt(lab, at.forehead.x, at.forehead.y, 2 * r);
        console.log(`${sex}, type ${skin}: lips a* ${lip.a.toFixed(1)} vs cheek ${cheek.a.toFixed(1)}; brow L* ${brow.L.toFixed(1)} vs forehead ${forehead.L.toFixed(1)}`);
        expect(lip.a - cheek.a, 'lips redder than the cheek').toBeGreaterThanOrEqual(LIP_MIN_REDDER_A);
        expect(forehead.L - brow.L, 'brows darker than the forehead').toBeGreaterThanOrEqual(BROW_MIN_DARKER_L);

        for (const view of VIEWS.slice(1)) {
          await act(`window.smpStudio.store.getState().actions.goTo(${JSON.stringify(view)})`);
          // From behind and above the centre is the client's hair, not skin: the head is there, and framed.
          const shot = headRegion(await canvasPixels(page, `person-${sex}-${skin}-${view}`));
          expect(shot.share, `${sex} ${skin} ${view}: the head fills a good part of the view`).toBeGreaterThan(0.12);
        }
      });
    }
  });
}
