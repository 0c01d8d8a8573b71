// Colour in the built app, in the system Chromium with software WebGL, one desktop page at a
// consultation (1280x800), each test leaving it ready for the next:
// - skin type II -> V from the top view: the skin darkens, and the dots are re-coloured for the new
//   skin (their darkening of the scalp, measured against the same head with every session hidden,
//   shrinks as the model says: the healed ink is closer to a dark skin);
// - the shade-match panel: three swatches, a CIEDE2000 figure and a verdict; a change of hair colour
//   changes the match; bad depth / L* entries are refused with the range and change nothing; the
//   recommended shade can be given to every session;
// - skin types I, III and VI from the left, side by side in test-results/e2e/skin-I-III-VI.png;
// - the panel at a phone's width (390x844, the same page resized).
// Screenshots go to test-results/e2e/colour-*.png.
import { writeFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Recorder } from './support/browser';
import { openApp, type AppSession } from './support/session';
import { actAndRender, baldClient, canvasPixels, nextFrame, saveShot, SHOTS_DIR, VIEWER, waitRenderIdle } from './support/app';
import { headRegion } from './support/head';
import { fmt, hexToRgb, luminance, rgbDistance, rgbToLch, sample, type Rect, type Rgb } from './support/pixels';
import { writePng } from './support/blobs';
import type { Rgba } from './support/png';

const DOTS_TIMEOUT = 120_000;
const LAYERS = ['s1', 's2', 's3'] as const;
const VERDICTS = ['match', 'close', 'visible mismatch'];

/** The crown seen from above, as fractions of the head's box on the canvas: all scalp, all dotted. */
const CROWN = { x0: 0.35, x1: 0.65, y0: 0.35, y1: 0.65 };
/** Type II -> V must at least halve the bare scalp's luminance (model: skin hex luminance 0.348 -> 0.148). */
const SKIN_DARKEN_MIN = 0.5;
/** The dots must darken the scalp visibly on both skins... */
const DOTS_DARKEN_MIN = 0.03;
/** ...and less on type V than on type II, by at least this share: the healed ink on type V is
 * closer to the skin (model, default sessions: ink / skin luminance 0.52-0.63 on II, 0.67-0.74 on V).
 * If the inks were not recomputed for the new skin, the darkening would stay the same. */
const DOTS_CONTRAST_DROP_MIN = 0.15;

let session: AppSession;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  const t0 = Date.now();
  session = await openApp();
  ({ page, rec } = session);
  // The dots' colour is measured: no hair of the client's mixes in.
  await baldClient(page);
  const n = await waitDots(page);
  await waitRenderIdle(page);
  console.log(`colour: head and ${n} dots ready ${Date.now() - t0} ms after navigation`);
});

afterAll(() => session?.close());

async function attr(name: string): Promise<string | null> {
  return page.locator(VIEWER).getAttribute(name);
}

/** Waits for data-dots-status="ready" with dots; fails at once on "error". Returns data-dot-count. */
async function waitDots(p: Page): Promise<number> {
  const handle = await p.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel);
      const status = el?.getAttribute('data-dots-status');
      if (status === 'error') return 'error';
      return status === 'ready' && Number(el!.getAttribute('data-dot-count')) > 0 ? 'ready' : false;
    },
    VIEWER,
    { timeout: DOTS_TIMEOUT, polling: 100 },
  );
  if ((await handle.jsonValue()) !== 'ready') throw new Error(`dots: ${JSON.stringify(await p.getByTestId('error').allInnerTexts())}`);
  await nextFrame(p);
  return Number(await p.locator(VIEWER).getAttribute('data-dot-count'));
}

const panel = () => page.getByTestId('panel-consultation');
const alert = () => page.locator('[data-testid="error"][role="alert"]');

function region(b: Rect, f: { x0: number; x1: number; y0: number; y1: number }): Rect {
  return { x: b.x + f.x0 * b.w, y: b.y + f.y0 * b.h, w: (f.x1 - f.x0) * b.w, h: (f.y1 - f.y0) * b.h };
}

const describeColour = (c: Rgb) => {
  const l = rgbToLch(c);
  return `${fmt(c)} Y=${luminance(c).toFixed(4)} L*=${l.L.toFixed(1)} C=${l.C.toFixed(1)} h=${l.h.toFixed(0)}`;
};

/** Selects a skin type and waits for the frame drawn with it. */
async function skinType(value: string): Promise<string> {
  const select = panel().getByTestId('skin-type');
  if ((await select.inputValue()) !== value) {
    const before = await attr('data-skin-hex');
    await actAndRender(
      page,
      () => select.selectOption(value).then(() => undefined),
      async () => (await attr('data-skin-hex')) !== before,
    );
  }
  return (await attr('data-skin-hex'))!;
}

async function view(v: 'top' | 'left'): Promise<void> {
  if ((await attr('data-view')) === v) return;
  await actAndRender(
    page,
    () => page.getByTestId(`view-${v}`).click(),
    async () => (await attr('data-view')) === v,
  );
}

/** Shows or hides every session (a re-colour: no new dots) and waits for the frame. */
async function sessionsVisible(on: boolean): Promise<void> {
  const total = await page.evaluate(() => window.smpStudio!.store.getState().dots?.layerCounts.reduce((a, b) => a + b, 0) ?? 0);
  await actAndRender(
    page,
    async () => {
      for (const id of LAYERS) await page.getByTestId(`layer-${id}-visible`).setChecked(on);
    },
    async () => Number(await attr('data-dot-count')) === (on ? total : 0),
  );
}

async function swatchHexes(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const k of ['hair', 'dot', 'skin']) out[k] = (await page.getByTestId(`swatch-${k}`).getAttribute('data-hex'))!;
  return out;
}

async function match() {
  const text = await page.getByTestId('shade-delta-e').innerText();
  const v = page.getByTestId('shade-verdict');
  return {
    text,
    deltaE: Number(text.replace(/^\s*ΔE00\s*/, '')),
    verdict: (await v.getAttribute('data-verdict'))!,
    shade: (await v.getAttribute('data-shade'))!,
    position: Number(await v.getAttribute('data-position')),
    sentence: await v.innerText(),
    dotLabel: await page.getByTestId('shade-swatches').locator('.sm-swatch-label').nth(1).innerText(),
  };
}

const design = () => page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));

describe('colour, desktop 1280x800', () => {
  it('skin type II -> V darkens the skin and re-colours the dots', async () => {
    const t0 = Date.now();
    const hexII = await skinType('2');
    await view('top');
    await saveShot(page, 'colour-skin-II-top');
    const dottedII = await canvasPixels(page, 'colour-skin-II-top-canvas');
    const box = headRegion(dottedII).box;
    expect(box, 'the head is on the canvas').not.toBeNull();
    const crown = region(box!, CROWN);

    // The same view with every session hidden: the bare scalp, the control for the dots.
    await sessionsVisible(false);
    const bareII = await canvasPixels(page, 'colour-skin-II-top-bare-canvas');
    const hexV = await skinType('5');
    const bareV = await canvasPixels(page, 'colour-skin-V-top-bare-canvas');
    await sessionsVisible(true);
    await saveShot(page, 'colour-skin-V-top');
    const dottedV = await canvasPixels(page, 'colour-skin-V-top-canvas');

    const c = {
      dottedII: sample(dottedII, crown),
      bareII: sample(bareII, crown),
      dottedV: sample(dottedV, crown),
      bareV: sample(bareV, crown),
    };
    const head = { II: sample(dottedII, box!), V: sample(dottedV, box!) };
    const skinDarken = 1 - luminance(c.bareV) / luminance(c.bareII);
    const darkenII = 1 - luminance(c.dottedII) / luminance(c.bareII);
    const darkenV = 1 - luminance(c.dottedV) / luminance(c.bareV);
    const contrastDrop = 1 - darkenV / darkenII;
    // Per channel, what the dots leave of the bare scalp: the dots' own colour, seen through the mix.
    const leave = (d: Rgb, b: Rgb) => d.map((v, k) => (v / Math.max(1, b[k])).toFixed(3)).join('/');
    console.log(
      [
        `colour: skin II ${hexII} -> V ${hexV} (data-skin-hex), top view, head box ${JSON.stringify(box)}, crown ${JSON.stringify(crown)}; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        `  head box mean: II ${describeColour(head.II)}; V ${describeColour(head.V)}; RGB distance ${rgbDistance(head.II, head.V).toFixed(1)}`,
        `  crown bare:   II ${describeColour(c.bareII)}; V ${describeColour(c.bareV)}; luminance -${(skinDarken * 100).toFixed(1)}% (must be > ${SKIN_DARKEN_MIN * 100}%)`,
        `  crown dotted: II ${describeColour(c.dottedII)}; V ${describeColour(c.dottedV)}`,
        `  the dots take ${(darkenII * 100).toFixed(1)}% off the crown's luminance on II and ${(darkenV * 100).toFixed(1)}% on V: ` +
          `${(contrastDrop * 100).toFixed(1)}% less contrast on V (must be > ${DOTS_CONTRAST_DROP_MIN * 100}%); dotted/bare R/G/B II ${leave(c.dottedII, c.bareII)}, V ${leave(c.dottedV, c.bareV)}`,
      ].join('\n'),
    );
    expect(hexV).not.toBe(hexII);
    expect(rgbDistance(head.II, head.V), 'the head looks different').toBeGreaterThan(25);
    expect(skinDarken, 'type V skin is much darker than type II').toBeGreaterThan(SKIN_DARKEN_MIN);
    expect(rgbToLch(c.bareII).L - rgbToLch(c.bareV).L, 'CIELAB L* drop of the bare scalp').toBeGreaterThan(15);
    expect(darkenII, 'the dots darken the scalp on type II').toBeGreaterThan(DOTS_DARKEN_MIN);
    expect(darkenV, 'the dots darken the scalp on type V').toBeGreaterThan(DOTS_DARKEN_MIN);
    expect(contrastDrop, 'the dots were re-coloured for the darker skin').toBeGreaterThan(DOTS_CONTRAST_DROP_MIN);
  });

  it('the shade match shows stubble, dot and skin, a CIEDE2000 difference and a verdict', async () => {
    const section = panel().getByTestId('shade-match');
    await section.scrollIntoViewIfNeeded();
    expect(await section.getByRole('heading', { name: 'Shade match' }).count()).toBe(1);
    const boxes = [];
    for (const k of ['hair', 'dot', 'skin']) {
      const sw = page.getByTestId(`swatch-${k}`);
      expect(await sw.isVisible(), `swatch-${k} is visible`).toBe(true);
      const b = (await sw.boundingBox())!;
      expect(b.width, `swatch-${k} width`).toBeGreaterThan(40);
      expect(b.height, `swatch-${k} height`).toBeGreaterThan(40);
      boxes.push(b);
    }
    // Side by side: one row, left to right.
    expect(Math.abs(boxes[0].y - boxes[2].y), 'swatches on one row').toBeLessThan(2);
    expect(boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x, 'stubble, dot, skin from left to right').toBe(true);
    const bg = await Promise.all(['hair', 'dot', 'skin'].map((k) => page.getByTestId(`swatch-${k}`).evaluate((el) => getComputedStyle(el).backgroundColor)));
    const hex = await swatchHexes();
    const rgb = (s: string) => s.match(/\d+/g)!.slice(0, 3).map(Number) as Rgb;
    console.log(`colour: swatches ${JSON.stringify(hex)} (computed ${bg.join(', ')})`);
    expect(rgb(bg[2]), 'the skin swatch is the viewer skin colour').toEqual(hexToRgb((await attr('data-skin-hex'))!));
    // The stubble and the recommended dot may be all but equal (a match); each differs from the skin.
    for (const [i, j] of [
      [0, 2],
      [1, 2],
    ])
      expect(rgbDistance(rgb(bg[i]), rgb(bg[j])), `swatches ${i} and ${j} differ`).toBeGreaterThan(3);

    const m = await match();
    console.log(`colour: match ${JSON.stringify(m)}`);
    expect(m.text).toMatch(/^ΔE00 \d+(\.\d)?$/);
    expect(Number.isFinite(m.deltaE) && m.deltaE >= 0, `ΔE00 ${m.text}`).toBe(true);
    expect(VERDICTS).toContain(m.verdict);
    expect(m.sentence.toLowerCase().startsWith(m.verdict), m.sentence).toBe(true);
    expect(m.dotLabel, 'the dot swatch is labelled with the recommended shade').toBe(await page.getByTestId(`ladder-${m.shade}`).locator('.sm-ladder-label').innerText());
    // The ladder: eight shades of the tone, the recommended one marked, the sessions' shades marked.
    const rows = page.getByTestId('shade-ladder').locator('tbody tr');
    expect(await rows.count()).toBe(8);
    expect(await page.getByTestId('shade-ladder').locator('tr[data-recommended]').count()).toBe(1);
    expect(await page.getByTestId(`ladder-${m.shade}`).getAttribute('data-recommended')).toBe('true');
    const inUse = await page
      .getByTestId('shade-ladder')
      .locator('tr[data-in-use]')
      .evaluateAll((trs) => trs.map((t) => t.getAttribute('data-in-use')).join(','));
    expect(inUse.split(',').map(Number).sort(), 'each session is on the ladder once').toEqual([1, 2, 3]);
    await section.screenshot({ path: `${SHOTS_DIR}colour-panel-desktop.png` });
  });

  it('a change of hair colour changes the match', async () => {
    const select = page.getByTestId('hair-preset');
    const presets = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(presets).toEqual(expect.arrayContaining(['black', 'blond']));
    await select.selectOption('black');
    await expect.poll(() => select.inputValue()).toBe('black');
    const black = await match();
    await select.selectOption('blond');
    await expect.poll(async () => (await match()).text + (await match()).shade).not.toBe(black.text + black.shade);
    const blond = await match();
    console.log(`colour: hair black: ${black.text}, ${black.shade}, ${black.verdict}; blond: ${blond.text}, ${blond.shade}, ${blond.verdict}`);
    expect(blond.deltaE !== black.deltaE || blond.shade !== black.shade).toBe(true);
    // Blond stubble is lighter: a lighter (or the same) shade is recommended.
    expect(blond.position).toBeLessThanOrEqual(black.position);
    await page.getByTestId('shade-swatches').screenshot({ path: `${SHOTS_DIR}colour-swatches-blond.png` });
  });

  it('refuses a pigment depth of 5 mm and a hair L* of 150 with the range, and changes nothing', async () => {
    const before = { design: await design(), swatches: await swatchHexes(), match: await match() };
    const refuse = async (testId: string, value: string, words: RegExp[]) => {
      const input = page.getByTestId(testId);
      const shown = await input.inputValue();
      await input.fill(value);
      await input.press('Enter');
      const a = alert().first();
      await a.waitFor({ state: 'visible', timeout: 10_000 });
      const message = await a.innerText();
      console.log(`colour: ${testId} = ${value} refused: "${message}"; the input shows ${await input.inputValue()} (was ${shown})`);
      for (const w of words) expect(message).toMatch(w);
      expect(await input.inputValue(), `${testId} shows the value in force again`).toBe(shown);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      await saveShot(page, `colour-refused-${testId}`);
      await page.getByRole('button', { name: 'Dismiss the message' }).click();
      await a.waitFor({ state: 'detached' });
    };
    await refuse('pigment-depth', '5', [/Pigment depth/, /0\.1 to 3 mm/]);
    await refuse('pigment-depth', '', [/Pigment depth/, /0\.1 to 3 mm/]);
    await refuse('hair-L', '150', [/Hair L\*/, /0 to 100/]);
    await refuse('skin-b', '-300', [/Skin b\*/, /-128 to 127/]);
    expect(await design(), 'the design is unchanged').toBe(before.design);
    expect(await swatchHexes(), 'the swatches are unchanged').toEqual(before.swatches);
    expect(await match()).toEqual(before.match);

    // The control: a good depth and a good L* are taken.
    const depth = page.getByTestId('pigment-depth');
    await depth.fill('0.5');
    await depth.press('Enter');
    await expect.poll(() => page.evaluate(() => window.smpStudio!.store.getState().design.pigment.depthMm)).toBe(0.5);
    const hairL = page.getByTestId('hair-L');
    await hairL.fill('60');
    await hairL.press('Enter');
    await expect.poll(() => page.evaluate(() => window.smpStudio!.store.getState().design.hair.customLab?.L)).toBe(60);
    expect(await page.getByTestId('hair-preset').inputValue(), 'the select says custom').toBe('');
    expect(await alert().count()).toBe(0);
    console.log(`colour: depth 0.5 mm and hair L* 60: ${JSON.stringify(await match())}`);
    // Back to the preset colour and the default depth.
    await page.getByTestId('hair-use-preset').click();
    await depth.fill('0.2');
    await depth.press('Enter');
    await expect
      .poll(() => page.evaluate(() => JSON.stringify([window.smpStudio!.store.getState().design.pigment, window.smpStudio!.store.getState().design.hair])))
      .toBe(
        JSON.stringify([
          { depthMm: 0.2, tone: 'neutral' },
          { preset: 'blond', customLab: null },
        ]),
      );
  });

  it('shows the same design on skin types I, III and VI, side by side', async () => {
    const t0 = Date.now();
    await view('left');
    const shots: Array<{ type: string; hex: string; img: Rgba }> = [];
    for (const [type, value] of [
      ['I', '1'],
      ['III', '3'],
      ['VI', '6'],
    ]) {
      const hex = await skinType(value);
      await saveShot(page, `colour-skin-${type}-left`);
      shots.push({ type, hex, img: await canvasPixels(page, `colour-skin-${type}-left-canvas`) });
    }
    // The union of the head boxes, with a margin, cut from each picture.
    const boxes = shots.map((s) => headRegion(s.img).box ?? { x: 0, y: 0, w: s.img.width, h: s.img.height });
    const m = 16;
    const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - m);
    const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - m);
    const x1 = Math.min(shots[0].img.width, Math.max(...boxes.map((b) => b.x + b.w)) + m);
    const y1 = Math.min(shots[0].img.height, Math.max(...boxes.map((b) => b.y + b.h)) + m);
    const w = x1 - x0;
    const h = y1 - y0;
    const gap = 8;
    const out: Rgba = { width: w * 3 + gap * 2, height: h, data: new Uint8Array((w * 3 + gap * 2) * h * 4).fill(255) };
    shots.forEach((s, k) => {
      for (let y = 0; y < h; y++) {
        const from = ((y0 + y) * s.img.width + x0) * 4;
        out.data.set(s.img.data.subarray(from, from + w * 4), (y * out.width + k * (w + gap)) * 4);
      }
    });
    const rawPath = `${SHOTS_DIR}skin-I-III-VI-raw.png`;
    writePng(rawPath, out);
    // Labelled: the pictures in a page of the same browser, with each type and its colour under it.
    const url = `data:image/png;base64,${readFileSync(rawPath).toString('base64')}`;
    const compose = await page.context().newPage();
    await compose.setViewportSize({ width: out.width, height: out.height + 40 });
    await compose.setContent(
      `<body style="margin:0;font:600 16px system-ui,sans-serif;background:#fff">` +
        `<img src="${url}" style="display:block">` +
        `<div style="display:flex;gap:${gap}px">${shots
          .map(
            (s) =>
              `<div style="width:${w}px;height:40px;display:flex;align-items:center;justify-content:center;gap:8px"><span style="width:18px;height:18px;border-radius:4px;background:${s.hex}"></span>Type ${s.type} · ${s.hex}</div>`,
          )
          .join('')}</div></body>`,
    );
    const png = await compose.screenshot({ fullPage: true });
    writeFileSync(`${SHOTS_DIR}skin-I-III-VI.png`, png);
    await compose.close();
    const means = shots.map((s, k) => sample(s.img, boxes[k]));
    console.log(
      `colour: skin I/III/VI from the left, ${((Date.now() - t0) / 1000).toFixed(1)} s; composite ${out.width}x${out.height + 40} -> test-results/e2e/skin-I-III-VI.png; ` +
        shots.map((s, k) => `${s.type} ${s.hex} head box mean ${describeColour(means[k])}`).join('; '),
    );
    expect(luminance(means[0])).toBeGreaterThan(luminance(means[1]));
    expect(luminance(means[1])).toBeGreaterThan(luminance(means[2]));
  });

  it('"Use this shade for all sessions" gives every session the recommended shade', async () => {
    const { position, shade } = await match();
    const percent = String(Math.round(position * 100));
    const shownBefore = await Promise.all(LAYERS.map((id) => page.getByTestId(`layer-${id}-shade`).inputValue()));
    await page.getByTestId('shade-apply').click();
    for (const id of LAYERS) await expect.poll(() => page.getByTestId(`layer-${id}-shade`).inputValue(), { timeout: 10_000 }).toBe(percent);
    const shades = await page.evaluate(() => window.smpStudio!.store.getState().design.layers.map((l) => l.shade));
    console.log(`colour: applied ${shade} (position ${position.toFixed(3)}): session shade sliders ${shownBefore.join('/')} -> ${percent} each; design ${shades.join('/')}`);
    expect(shades).toEqual(LAYERS.map(() => position));
    expect(await page.getByTestId(`ladder-${shade}`).getAttribute('data-in-use')).toBe('1,2,3');
    expect(await page.getByTestId('shade-apply').isDisabled(), 'nothing left to apply').toBe(true);
    await waitRenderIdle(page);
  });

  it('fits a phone width (390x844): swatches side by side, nothing overflows', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const section = page.getByTestId('shade-match');
    await section.scrollIntoViewIfNeeded();
    await page.getByTestId('shade-swatches').scrollIntoViewIfNeeded();
    await saveShot(page, 'colour-phone');
    const boxes = await Promise.all(['hair', 'dot', 'skin'].map(async (k) => (await page.getByTestId(`swatch-${k}`).boundingBox())!));
    console.log(`colour: phone swatches ${JSON.stringify(boxes.map((b) => [Math.round(b.x), Math.round(b.y), Math.round(b.width)]))}`);
    for (const b of boxes) expect(b.x >= 0 && b.x + b.width <= 390.5, `swatch within the screen: ${JSON.stringify(b)}`).toBe(true);
    expect(Math.abs(boxes[0].y - boxes[2].y), 'swatches side by side').toBeLessThan(2);
    for (const id of ['hair-preset', 'hair-L', 'skin-L', 'pigment-depth', 'pigment-tone', 'shade-apply']) {
      const b = (await page.getByTestId(id).boundingBox())!;
      expect(b.height, `${id} is a 44 px touch target`).toBeGreaterThanOrEqual(44);
      expect(b.x >= 0 && b.x + b.width <= 390.5, `${id} within the screen: ${JSON.stringify(b)}`).toBe(true);
    }
    const overflow = await page.locator('#sheet-body').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, 'the sheet does not scroll sideways').toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'no sideways scrolling').toBeLessThanOrEqual(1);
    await section.screenshot({ path: `${SHOTS_DIR}colour-panel-phone.png` });
  });

  it('logged no console or page errors and made no request beyond this machine', () => {
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.consoleErrors, rec.summary()).toEqual([]);
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
  });
});
