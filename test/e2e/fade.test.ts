// Fading over the years, in the built app in the system Chromium with software WebGL (1280x800):
// - the timeline at 10 years makes the crown lighter than healed (top view) and the dots softer
//   (working distance: less fine contrast), and scrubbing redraws without new dots or a new bake;
// - "outdoor, no protection" brings the first touch-up forward; the chart draws four curves;
// - compare shows healed left of the divider and 10 years right of it;
// - absurd habits (30 h a day, SPF 500) are refused with the reason, nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Recorder } from './support/browser';
import { openApp, type AppSession } from './support/session';
import { baldClient, canvasPixels, nextFrame, saveShot, SHOTS_DIR, VIEWER, waitRenderIdle } from './support/app';
import { headRegion } from './support/head';
import { luminance, sample, type Rect } from './support/pixels';
import { FADE_GLSL, HEAL_TIME_YEARS } from '../../src/model';
import { fadeOrientation, fadeRemaining } from '../../src/model/fade/formula';
import type { Rgba } from './support/png';

let session: AppSession;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  session = await openApp();
  ({ page, rec } = session);
  // The fading of the dots is measured: no hair of the client's mixes in.
  await baldClient(page);
  await planReady();
  await waitRenderIdle(page);
});

afterAll(() => session?.close());

/** Mean grey difference between horizontally neighbouring pixels: the dots' speckle, not the
 * shading across the head. */
function fineContrast(img: Rgba, r: Rect): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(r.y); y < r.y + r.h; y++) {
    for (let x = Math.floor(r.x); x < r.x + r.w - 1; x++) {
      const i = (y * img.width + x) * 4;
      const g = (k: number) => (img.data[k] + img.data[k + 1] + img.data[k + 2]) / 3;
      sum += Math.abs(g(i) - g(i + 4));
      n++;
    }
  }
  return sum / n;
}

const attr = (name: string) => page.locator(VIEWER).getAttribute(name);
const bakes = () => page.evaluate(() => window.smpStudio!.dots().bakedCount + ':' + window.smpStudio!.dots().bakeMs);

async function planReady(): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="fade-plan"]')?.getAttribute('data-status') === 'ready', undefined, { timeout: 120_000, polling: 100 });
}

async function showYears(label: string, years: number): Promise<void> {
  await page.getByTestId(`year-${label}`).click();
  await page.waitForFunction((y) => Number(document.querySelector('[data-testid="viewer"]')!.getAttribute('data-years')) === y, years);
  await nextFrame(page);
  await waitRenderIdle(page);
}

describe('fading over the years, desktop 1280x800', () => {
  it('10 years on, the crown is lighter and the dots softer than healed; scrubbing makes no new dots', async () => {
    await page.getByTestId('view-top').click();
    await waitRenderIdle(page);
    const dotsBefore = await attr('data-dot-count');
    const bakeBefore = await bakes();
    await showYears('Healed', 0.1);
    const healed = await canvasPixels(page, 'fade-top-healed');
    await showYears('10y', 10);
    const ten = await canvasPixels(page, 'fade-top-10y');
    const box = headRegion(healed).box!;
    const crown: Rect = { x: box.x + 0.35 * box.w, y: box.y + 0.3 * box.h, w: 0.3 * box.w, h: 0.3 * box.h };
    const l = { healed: luminance(sample(healed, crown)), ten: luminance(sample(ten, crown)) };
    console.log(`fade: crown luminance healed ${l.healed.toFixed(4)} -> 10 y ${l.ten.toFixed(4)} (+${((l.ten / l.healed - 1) * 100).toFixed(1)}%)`);
    expect(l.ten, 'lighter after 10 years').toBeGreaterThan(l.healed * 1.04);
    expect(await attr('data-dot-count'), 'the same dots').toBe(dotsBefore);
    expect(await bakes(), 'no new bake for a year').toBe(bakeBefore);

    // Up close, the dots themselves: the fine contrast between dot and skin falls as they fade and spread.
    await page.evaluate(() => window.smpStudio!.store.getState().actions.goTo('working-distance'));
    await nextFrame(page);
    await waitRenderIdle(page, 30_000);
    await showYears('Healed', 0.1);
    const nearHealed = await canvasPixels(page, 'fade-close-healed');
    await showYears('10y', 10);
    const nearTen = await canvasPixels(page, 'fade-close-10y');
    const centre: Rect = { x: nearHealed.width * 0.3, y: nearHealed.height * 0.3, w: nearHealed.width * 0.4, h: nearHealed.height * 0.4 };
    const fine = { healed: fineContrast(nearHealed, centre), ten: fineContrast(nearTen, centre) };
    console.log(`fade: working distance, fine contrast (mean grey step between neighbouring pixels) healed ${fine.healed.toFixed(2)} -> 10 y ${fine.ten.toFixed(2)}`);
    expect(fine.ten, 'softer, fainter dots').toBeLessThan(fine.healed * 0.8);
    await page.getByTestId('view-top').click();
    await showYears('Healed', 0.1);
  });

  it('scrubbing the timeline costs about a static frame', async () => {
    // Each frame drawn just after the year moves is paired with the next frame, at the same year
    // and with nothing changed: the pairs cancel what a later year costs to draw (wider, softer
    // dots) and the machine's own drift, and the medians ignore a frame that shared the
    // rasteriser with a worker's message.
    const t0 = Date.now();
    const bakeAtStart = await bakes();
    const input = page.getByTestId('timeline-years');
    for (const v of [300, 450, 600]) await input.fill(String(v));
    expect(Number(await attr('data-years')), 'the slider moves the year').toBeGreaterThan(1);
    const { moved, still } = await page.evaluate(async () => {
      const app = window.smpStudio!;
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const moved: number[] = [];
      const still: number[] = [];
      for (const years of [2, 3.5, 5, 6.5, 8, 9.5, 11, 12.5, 14]) {
        app.store.getState().actions.setYears(years);
        moved.push(await app.renderFrames(1));
        still.push(await app.renderFrames(1));
      }
      return { moved: median(moved), still: median(still) };
    });
    console.log(
      `fade: frame after the year moves ${moved.toFixed(1)} ms, the next one at the same year ${still.toFixed(1)} ms (ratio ${(moved / still).toFixed(2)}; medians of 9 pairs, ${Date.now() - t0} ms)`,
    );
    expect(moved / still).toBeLessThan(1.5);
    expect(await bakes(), 'no new bake while scrubbing').toBe(bakeAtStart);
    await showYears('Healed', 0.1);
  });

  it('an outdoor client without protection needs the first touch-up sooner; the chart shows four scenarios', async () => {
    const section = page.getByTestId('fade-panel');
    await section.scrollIntoViewIfNeeded();
    const first = Number(await page.getByTestId('touchup-schedule').getAttribute('data-first'));
    const costBefore = await page.getByTestId('cost-total').innerText();
    await page.getByTestId('fade-preset').selectOption('outdoor-australia-unprotected');
    await page.waitForFunction(
      (f) => {
        const el = document.querySelector('[data-testid="touchup-schedule"]');
        return document.querySelector('[data-testid="fade-plan"]')?.getAttribute('data-status') === 'ready' && Number(el?.getAttribute('data-first')) < f;
      },
      first,
      { timeout: 60_000 },
    );
    const outdoor = Number(await page.getByTestId('touchup-schedule').getAttribute('data-first'));
    const costAfter = await page.getByTestId('cost-total').innerText();
    console.log(`fade: first touch-up ${first.toFixed(2)} y -> outdoor unprotected ${outdoor.toFixed(2)} y; 20-year cost ${costBefore} -> ${costAfter}`);
    expect(outdoor).toBeLessThan(first);
    expect(outdoor).toBeGreaterThanOrEqual(1);
    expect(outdoor).toBeLessThanOrEqual(2);
    const chart = page.getByTestId('fade-chart');
    expect(await chart.getAttribute('data-curves')).toBe('4');
    const canvas = chart.locator('canvas');
    const box = (await canvas.boundingBox())!;
    expect(box.width).toBeGreaterThan(200);
    // The canvas is drawn on: count the coloured pixels of the curves.
    const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) n++;
      return n;
    });
    console.log(`fade: chart ${Math.round(box.width)}x${Math.round(box.height)}, ${inked} coloured pixels`);
    expect(inked).toBeGreaterThan(500);
    await chart.screenshot({ path: `${SHOTS_DIR}fade-chart.png` });
    await section.screenshot({ path: `${SHOTS_DIR}fade-panel.png` });
  });

  it('compares healed with 10 years either side of the divider', async () => {
    await page.getByTestId('compare').check();
    await page.getByTestId('compare-years').selectOption('10');
    await nextFrame(page);
    await waitRenderIdle(page);
    const split = await canvasPixels(page, 'fade-compare');
    await saveShot(page, 'fade-compare-page');
    const box = headRegion(split).box!;
    const mid = box.x + box.w / 2;
    const left: Rect = { x: mid - 0.3 * box.w, y: box.y + 0.3 * box.h, w: 0.25 * box.w, h: 0.3 * box.h };
    const right: Rect = { x: mid + 0.05 * box.w, y: box.y + 0.3 * box.h, w: 0.25 * box.w, h: 0.3 * box.h };
    const l = luminance(sample(split, left));
    const r = luminance(sample(split, right));
    console.log(`fade: compare healed | 10 y: left ${l.toFixed(4)}, right ${r.toFixed(4)}`);
    expect(await attr('data-compare-years')).toBe('10');
    expect(r, 'the 10-year side is lighter').toBeGreaterThan(l * 1.03);
    await page.getByTestId('compare').uncheck();
    await waitRenderIdle(page);
  });

  it('refuses 30 hours a day and SPF 500 with the reason, and changes nothing', async () => {
    const before = await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design.fade));
    for (const [id, value, words] of [
      ['fade-hours', '30', /Hours outdoors must be at most 24/],
      ['fade-spf', '500', /SPF must be at most 100/],
    ] as const) {
      const input = page.getByTestId(id);
      await input.fill(value);
      await input.press('Enter');
      const alert = page.locator('[data-testid="error"][role="alert"]').first();
      await alert.waitFor({ state: 'visible', timeout: 10_000 });
      const message = await alert.innerText();
      console.log(`fade: ${id} = ${value} refused: "${message}"`);
      expect(message).toMatch(words);
      await page.getByRole('button', { name: 'Dismiss the message' }).click();
    }
    expect(await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design.fade))).toBe(before);
  });

  it("the skin shader's fading formula gives the simulation's values", async () => {
    // Healed retention, clearance and UV loss per year, years, and the surface's vertical normal.
    const samples: [number, number, number, number, number][] = [];
    for (const r of [0.55, 0.85])
      for (const [clearance, uv] of [
        [0, 0],
        [0.02, 0.05],
        [0.05, 0.4],
      ])
        for (const years of [0, 0.02, 1, 5, 20]) for (const ny of [-1, 0, 0.6]) samples.push([r, clearance, uv, years, ny]);
    const diffuseShare = 0.5;
    const expected = samples.map(([r, clearance, uv, years, ny]) => fadeRemaining(r, clearance + uv * fadeOrientation(ny, diffuseShare), years, HEAL_TIME_YEARS));
    const onGpu = await page.evaluate(
      ({ glsl, samples, diffuseShare, healTimeYears }) => {
        const gl = document.createElement('canvas').getContext('webgl2')!;
        if (!gl.getExtension('EXT_color_buffer_float')) throw new Error('no float render targets');
        const n = samples.length;
        const compile = (type: number, source: string) => {
          const sh = gl.createShader(type)!;
          gl.shaderSource(sh, source);
          gl.compileShader(sh);
          if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh) ?? 'compile failed');
          return sh;
        };
        const program = gl.createProgram()!;
        gl.attachShader(
          program,
          compile(gl.VERTEX_SHADER, '#version 300 es\nvoid main() { vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0); gl_Position = vec4(p, 0.0, 1.0); }'),
        );
        gl.attachShader(
          program,
          compile(
            gl.FRAGMENT_SHADER,
            `#version 300 es
precision highp float;
uniform vec4 uSample[${n}];
uniform float uNy[${n}];
uniform float uDiffuseShare;
uniform float uHealTime;
out vec4 colour;
${glsl}
void main() {
	int i = int(gl_FragCoord.x);
	vec4 s = uSample[i];
	colour = vec4(fadeRemaining(s.x, s.y + s.z * fadeOrientation(uNy[i], uDiffuseShare), s.w, uHealTime), 0.0, 0.0, 1.0);
}`,
          ),
        );
        gl.linkProgram(program);
        gl.useProgram(program);
        gl.uniform4fv(
          gl.getUniformLocation(program, 'uSample'),
          samples.flatMap(([r, c, u, y]) => [r, c, u, y]),
        );
        gl.uniform1fv(
          gl.getUniformLocation(program, 'uNy'),
          samples.map((x) => x[4]),
        );
        gl.uniform1f(gl.getUniformLocation(program, 'uDiffuseShare'), diffuseShare);
        gl.uniform1f(gl.getUniformLocation(program, 'uHealTime'), healTimeYears);
        const target = gl.createTexture();
        gl.bindTexture(gl.TEXTURE_2D, target);
        gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32F, n, 1);
        gl.bindFramebuffer(gl.FRAMEBUFFER, gl.createFramebuffer());
        gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, target, 0);
        gl.viewport(0, 0, n, 1);
        gl.drawArrays(gl.TRIANGLES, 0, 3);
        const out = new Float32Array(4 * n);
        gl.readPixels(0, 0, n, 1, gl.RGBA, gl.FLOAT, out);
        gl.getExtension('WEBGL_lose_context')?.loseContext();
        return Array.from({ length: n }, (_, i) => out[4 * i]);
      },
      { glsl: FADE_GLSL, samples, diffuseShare, healTimeYears: HEAL_TIME_YEARS },
    );
    const worst = Math.max(...onGpu.map((v, i) => Math.abs(v - expected[i])));
    console.log(
      `fade: shader vs simulation at ${samples.length} points, largest difference ${worst.toExponential(2)} (values ${Math.min(...expected).toFixed(3)} to ${Math.max(...expected).toFixed(3)})`,
    );
    // Single precision on the GPU: agreement to 1e-5 of the pigment.
    expect(worst).toBeLessThan(1e-5);
  });

  it('logged no console or page errors and made no request beyond this machine', () => {
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.consoleErrors, rec.summary()).toEqual([]);
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
  });
});
