// Checks the e2e harness itself, without the app: the PNG decoder on every filter type, and the
// system Chromium with software WebGL, screenshotted and decoded. If these fail, the app tests'
// failures say nothing about the app.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, record, type Recorder } from './support/browser';
import { decodePng } from './support/png';
import { centreRect, cornerRects, greyStdDev, meanAbsDiff, sample } from './support/pixels';
import { saveShot } from './support/app';
import { DIST_DIR } from './support/server';

/** A minimal PNG encoder applying the given filter type to each row (CRCs left at zero). */
function encodePng(width: number, height: number, channels: 3 | 4, px: Uint8Array, filters: number[]): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const f = filters[y % filters.length];
    raw[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const cur = px[y * stride + x];
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = y > 0 && x >= channels ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][f];
      raw[y * (stride + 1) + 1 + x] = (cur - pred) & 0xff;
    }
  }
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), body, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = channels === 4 ? 6 : 2;
  const data = deflateSync(raw);
  // Split IDAT in two, as encoders may.
  const half = data.length >> 1;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', data.subarray(0, half)),
    chunk('IDAT', data.subarray(half)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('PNG decoder', () => {
  it.each([3, 4] as const)('decodes filter types 0-4 exactly (%i channels)', (channels) => {
    const width = 37;
    const height = 23;
    const px = new Uint8Array(width * height * channels);
    let seed = 12345;
    for (let i = 0; i < px.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      // Smooth ramps plus noise, so every predictor branch is exercised.
      px[i] = ((i % 251) + (seed >>> 24)) & 0xff;
    }
    const img = decodePng(encodePng(width, height, channels, px, [0, 1, 2, 3, 4, 4, 3, 2, 1]));
    expect([img.width, img.height]).toEqual([width, height]);
    for (let i = 0; i < width * height; i++) {
      for (let k = 0; k < channels; k++) {
        if (img.data[i * 4 + k] !== px[i * channels + k]) {
          throw new Error(`pixel ${i} channel ${k}: ${img.data[i * 4 + k]} != ${px[i * channels + k]}`);
        }
      }
      if (channels === 3) expect(img.data[i * 4 + 3]).toBe(255);
    }
  });

  it('refuses what it cannot read', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/signature/);
  });
});

describe('system Chromium with software WebGL', () => {
  let browser: Browser;
  let page: Page;
  let rec: Recorder;

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 400, height: 300 } });
    rec = await record(context);
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('screenshots decode to the colours on screen, WebGL included', async () => {
    await page.setContent(`
      <style>body{margin:0;background:#102030} div{position:absolute;width:200px;height:150px}</style>
      <div style="left:0;top:0;background:#ff0000"></div>
      <div style="left:200px;top:0;background:#00ff00"></div>
      <div style="left:0;top:150px;background:#0000ff"></div>
      <canvas id="gl" width="200" height="150" style="position:absolute;left:200px;top:150px"></canvas>
      <script>
        const gl = document.getElementById('gl').getContext('webgl2');
        window.glOk = !!gl;
        if (gl) { gl.clearColor(1, 0.5, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT); }
      </script>`);
    expect(await page.evaluate(() => (window as unknown as { glOk: boolean }).glOk), 'WebGL 2 context with SwiftShader').toBe(true);
    const png = await page.screenshot();
    await saveShot(page, 'harness-colours');
    const img = decodePng(png);
    expect([img.width, img.height]).toEqual([400, 300]);
    const c = cornerRects(img, 0.1);
    const near = (got: number[], want: number[]) => got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(3));
    near(sample(img, c.topLeft), [255, 0, 0]);
    near(sample(img, c.topRight), [0, 255, 0]);
    near(sample(img, c.bottomLeft), [0, 0, 255]);
    near(sample(img, c.bottomRight), [255, 128, 0]); // drawn by WebGL
    // Grey levels 85, 85, 85 and 127.7 over four equal quarters: standard deviation 18.5.
    expect(greyStdDev(img)).toBeCloseTo(18.5, 0);
    expect(greyStdDev(img, centreRect(img, 0.02))).toBeCloseTo(18.5, 0); // the four blocks meet there
    expect(meanAbsDiff(img, img)).toBe(0);
  });

  it("the built page's content security policy refuses inline and foreign scripts, and the recorder hears it", async () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(`${DIST_DIR}index.html`, 'utf8'));
    expect(meta, 'the built index.html carries a policy').not.toBeNull();
    const policy = meta![1].replace(/&#39;/g, "'");
    console.log(`harness: content security policy: ${policy}`);
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).not.toMatch(/'unsafe-eval'/);
    // A page of its own: what it refuses must not count against the page above.
    const context = await browser.newContext();
    const cspRec = await record(context);
    const cspPage = await context.newPage();
    await cspPage.setContent(`<meta http-equiv="Content-Security-Policy" content="${meta![1]}">
      <script>window.inlineRan = true</script>
      <script src="data:text/javascript,window.dataRan=true"></script>`);
    await expect.poll(() => cspRec.cspViolations.length).toBeGreaterThanOrEqual(2);
    console.log(`harness: refused ${JSON.stringify(cspRec.cspViolations)}`);
    expect(await cspPage.evaluate(() => Object.keys(window).filter((k) => k.endsWith('Ran')))).toEqual([]);
    await context.close();
  });

  it('made no request beyond this machine and logged no errors', () => {
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.consoleErrors, rec.summary()).toEqual([]);
  });
});
