// The picture a client judges by, in the built app in the system Chromium with software WebGL:
// each view drawn with the sessions shown and hidden and compared in CIELAB (support/labImage.ts).
// From the front the design must show (the hairline and the top of the head), and everywhere the
// treated scalp must keep the grain of dots rather than turn into a flat grey tint; in the side
// view the SMP zone must darken the scalp about as much as the client's own shaved hair does, and
// the shaved hair keep a grain of hairs as the SMP zone does of dots.
// Screenshots for skin types I, III and VI and black, dark-brown and grey hair go to
// test-results/e2e/look-*.png.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fileBrowser } from './support/suite';
import { canvasPixels, renderCount, waitNextRender, waitReady, waitSettled, type View } from './support/app';
import { change, darkeningIn, describe as describeChange, grainIn, luminanceLoss, toLab } from './support/labImage';
import type { Rgba } from './support/png';

/** Targets (the issue on the picture): from the front at least 1.5 % of the view changes, by at
 * least 5 L*; the treated scalp's pixel-to-pixel variation at least twice bare skin's. */
const FRONT_MIN_SHARE = 0.015;
const FRONT_MIN_DARKEN_L = 5;
const MIN_GRAIN_RATIO = 2;
/** The SMP zone darkens the scalp within 10 % of what the client's shaved hair does. */
const BLEND_TOLERANCE = 0.1;
/** Shaved hair is a stipple of hairs as SMP is of dots: its grain at least half the SMP zone's. */
const MIN_HAIR_GRAIN_SHARE = 0.5;

const browser = fileBrowser();
let page: Page;

const settled = () => waitSettled(page);

/** Runs `fn` in the page (the store's actions) and waits for the frame it causes. */
async function act(fn: () => void): Promise<void> {
  const before = await renderCount(page);
  await page.evaluate(fn);
  await waitNextRender(page, before).catch(() => undefined); // nothing to redraw is fine
  await settled();
}

async function goTo(view: View | 'working-distance'): Promise<void> {
  await act(new Function(`window.smpStudio.store.getState().actions.goTo(${JSON.stringify(view)})`) as () => void);
}

async function showSessions(on: boolean): Promise<void> {
  await act(new Function(`const s = window.smpStudio.store.getState(); for (const l of s.design.layers) s.actions.updateLayer(l.id, { visible: ${on} });`) as () => void);
}

/** The view with the sessions shown, then hidden (left shown afterwards). */
async function pair(name: string): Promise<{ shown: Rgba; hidden: Rgba }> {
  const shown = await canvasPixels(page, `look-${name}`);
  await showSessions(false);
  const hidden = await canvasPixels(page, `look-${name}-bare`);
  await showSessions(true);
  return { shown, hidden };
}

beforeAll(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  await page.goto(browser.url, { waitUntil: 'load' });
  await waitReady(page);
  await settled();
});

describe('the picture, default design healed (Fitzpatrick III, dark-brown hair, Norwood VI)', () => {
  it('from the front the design shows, and in the front, side and top views it keeps the grain of dots', async () => {
    const views = ['front', 'left', 'top'] as const;
    const results: Partial<Record<(typeof views)[number], ReturnType<typeof change>>> = {};
    for (const view of views) {
      await goTo(view);
      const { shown, hidden } = await pair(`default-${view}`);
      results[view] = change(shown, hidden);
    }
    // Bare skin to compare the grain with: the same pixels with no sessions and no hair.
    const hairLoss = await page.evaluate(() => window.smpStudio!.store.getState().design.hairLoss);
    await showSessions(false);
    await act(() => window.smpStudio!.store.getState().actions.setHairLoss({ pattern: 'diffuse', diffuseRemaining: 0 }));
    const bareGrain: Record<string, number> = {};
    for (const view of views) {
      await goTo(view);
      bareGrain[view] = grainIn(await canvasPixels(page, `look-default-${view}-bald`), results[view]!.mask);
    }
    await act(new Function(`window.smpStudio.store.getState().actions.setHairLoss(${JSON.stringify(hairLoss)})`) as () => void);
    await showSessions(true);
    await goTo('front');

    for (const view of views) {
      const r = results[view]!;
      console.log(`look: ${view}: the sessions change ${describeChange(r)}; bare skin's grain there ${bareGrain[view].toFixed(2)} L*`);
    }
    expect(results.front!.share, 'share of the front view the sessions change').toBeGreaterThanOrEqual(FRONT_MIN_SHARE);
    expect(results.front!.darkenL, 'how much they darken it (L*)').toBeGreaterThanOrEqual(FRONT_MIN_DARKEN_L);
    for (const view of views) {
      expect(results[view]!.grainWith / bareGrain[view], `${view}: grain of the treated scalp over bare skin's`).toBeGreaterThanOrEqual(MIN_GRAIN_RATIO);
    }
  });

  it("in the side view the SMP zone darkens the scalp about as much as the client's shaved hair does", async () => {
    await goTo('left');
    const { shown, hidden } = await pair('blend-left');
    const hairLoss = await page.evaluate(() => window.smpStudio!.store.getState().design.hairLoss);
    await showSessions(false);
    await act(() => window.smpStudio!.store.getState().actions.setHairLoss({ pattern: 'diffuse', diffuseRemaining: 0 }));
    const bald = await canvasPixels(page, 'look-blend-left-bald');
    await act(new Function(`window.smpStudio.store.getState().actions.setHairLoss(${JSON.stringify(hairLoss)})`) as () => void);
    await showSessions(true);

    const hair = change(hidden, bald);
    const smp = change(shown, hidden);
    // The hair zone is wherever the client's hair shows (the sessions also fill thinly between
    // the hairs there); the SMP zone is where only the sessions are.
    const hairOnly = hair.mask;
    const smpOnly = smp.mask.map((m, i) => (m && !hair.mask[i] ? 1 : 0));
    const count = (m: Uint8Array) => m.reduce((s, v) => s + v, 0);
    // How much each darkens: the share of light lost, which does not depend on how brightly the
    // zone is lit (the crown faces the key light, the sides less); L* lost is printed too.
    const hairShare = luminanceLoss(hidden, bald, hairOnly);
    const smpLoss = luminanceLoss(shown, hidden, smpOnly);
    console.log(
      `look: left view: shaved hair zone ${count(hairOnly)} px, ${(100 * hairShare).toFixed(1)} % of the light lost (${darkeningIn(hidden, bald, hairOnly).toFixed(2)} L*); ` +
        `SMP zone ${count(smpOnly)} px, ${(100 * smpLoss).toFixed(1)} % (${darkeningIn(shown, hidden, smpOnly).toFixed(2)} L*); ratio ${(smpLoss / hairShare).toFixed(2)}`,
    );
    expect(count(hairOnly), 'the client keeps hair at the sides').toBeGreaterThan(1000);
    expect(count(smpOnly), 'the sessions show at the side').toBeGreaterThan(1000);
    expect(smpLoss / hairShare).toBeGreaterThanOrEqual(1 - BLEND_TOLERANCE);
    expect(smpLoss / hairShare).toBeLessThanOrEqual(1 + BLEND_TOLERANCE);
    // Each hair darkens a halo of its own width round itself, not a smear along it.
    const hairGrain = grainIn(hidden, hairOnly);
    const smpGrain = grainIn(shown, smpOnly);
    console.log(`look: left view: grain of the shaved hair ${hairGrain.toFixed(2)} L*, of the SMP zone ${smpGrain.toFixed(2)} L*`);
    expect(hairGrain / smpGrain, 'grain of the shaved hair over the SMP zone').toBeGreaterThanOrEqual(MIN_HAIR_GRAIN_SHARE);

    // Hair colours: black stubble darkens the same zone more than grey.
    const zoneL = async (preset: string) => {
      await act(new Function(`window.smpStudio.store.getState().actions.setHair({ preset: ${JSON.stringify(preset)}, customLab: null })`) as () => void);
      const lab = toLab(await canvasPixels(page));
      let s = 0;
      for (let i = 0; i < hairOnly.length; i++) if (hairOnly[i]) s += lab.L[i];
      return s / count(hairOnly);
    };
    const black = await zoneL('black');
    const grey = await zoneL('grey');
    await zoneL('dark-brown');
    console.log(`look: shaved-hair zone L*: black ${black.toFixed(1)}, grey ${grey.toFixed(1)}`);
    expect(black).toBeLessThan(grey - 1);
  });

  it('skin types I, III and VI and black, dark-brown and grey hair: the design shows from the front on each', async () => {
    const looks = [
      { name: 'skin-1', skin: 1, hair: 'dark-brown' },
      { name: 'skin-3', skin: 3, hair: 'dark-brown' },
      { name: 'skin-6', skin: 6, hair: 'dark-brown' },
      { name: 'hair-black', skin: 3, hair: 'black' },
      { name: 'hair-grey', skin: 3, hair: 'grey' },
    ];
    for (const look of looks) {
      await act(
        new Function(`const a = window.smpStudio.store.getState().actions; a.setFitzpatrick(${look.skin}); a.setHair({ preset: ${JSON.stringify(look.hair)}, customLab: null });`) as () => void,
      );
      for (const view of ['left', 'top', 'working-distance'] as const) {
        await goTo(view);
        await canvasPixels(page, `look-${look.name}-${view}`);
      }
      await goTo('front');
      const { shown, hidden } = await pair(`${look.name}-front`);
      const r = change(shown, hidden);
      console.log(`look: ${look.name}, front: ${describeChange(r)}`);
      expect(r.share, `${look.name}: the design shows from the front`).toBeGreaterThanOrEqual(FRONT_MIN_SHARE / 2);
      expect(r.darkenL, `${look.name}: the sessions darken the scalp`).toBeGreaterThan(0.5);
    }
    await act(() => {
      const a = window.smpStudio!.store.getState().actions;
      a.setFitzpatrick(3);
      a.setHair({ preset: 'dark-brown', customLab: null });
    });
  });
});
