// Share links in the built app, in the system Chromium with software WebGL: a design changed in the
// consultation is sent as a link; opened in a fresh phone-sized page (390x844) it shows Try at home
// with the same design and the same dots, and the design is taken out of the address bar; a
// damaged link is refused with the reason, and what shows instead (the example, or the design
// autosaved on the device) is named.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fileBrowser } from './support/suite';
import { readFileSync, writeFileSync } from 'node:fs';
import { saveShot, SHOTS_DIR, VIEWER, waitReady } from './support/app';
import { defaultDesign } from '../../src/model';

const suite = fileBrowser();
const recorders = suite.recorders;

async function open(url: string, phone: boolean): Promise<Page> {
  const context = await suite.newContext(phone ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitReady(page);
  return page;
}

async function dotsReady(page: Page): Promise<number> {
  await page.waitForTimeout(200);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-dots-status') === 'ready', VIEWER, { timeout: 120_000 });
  return Number(await page.locator(VIEWER).getAttribute('data-dot-count'));
}

const design = (page: Page) => page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));

describe('share links', () => {
  let link = '';
  let sent = '';
  let sentDots = 0;

  it('the clinic makes a link for a changed design', async () => {
    const page = await open(suite.url, false);
    await dotsReady(page);
    await page.evaluate(() => {
      const { actions, design } = window.smpStudio!.store.getState();
      actions.updateLayer(design.layers[0].id, { densityPerCm2: 80 });
      actions.setShadeForAll(0.6);
    });
    sentDots = await dotsReady(page);
    sent = await design(page);
    await page.getByTestId('make-share-link').click();
    link = await page.getByTestId('share-link').inputValue();
    console.log(`share: link of ${link.length} characters for ${sentDots} dots: ${link.slice(0, 80)}…`);
    expect(link.startsWith(`${suite.url}#home/d=`)).toBe(true);
    expect(link.length).toBeLessThan(4000);

    // A picture of the view at 1920 px wide.
    await page.getByTestId('snapshot-width').selectOption('1920');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('snapshot').click()]);
    const png = readFileSync((await download.path())!);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    console.log(`share: picture "${download.suggestedFilename()}" ${width}x${height}, ${png.length} bytes`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(width).toBe(1920);
    writeFileSync(`${SHOTS_DIR}share-snapshot-1920.png`, png);
  });

  it('opens on a phone in Try at home with the same design and the same dots', async () => {
    const page = await open(link, true);
    const dots = await dotsReady(page);
    await saveShot(page, 'share-phone');
    const mode = await page.locator(VIEWER).getAttribute('data-mode');
    const hash = await page.evaluate(() => location.hash);
    console.log(`share: opened at 390x844 in ${mode}, ${dots} dots (sent ${sentDots}); address bar now ends ${hash}`);
    expect(mode).toBe('home');
    expect(await design(page)).toBe(sent);
    expect(dots).toBe(sentDots);
    expect(hash, 'the design is not left in the address bar').toBe('#home');
  });

  it('opens a link pasted into a tab already open, with the same checks; a damaged one leaves the design as it was', async () => {
    const page = await open(suite.url, false);
    await dotsReady(page);
    const before = await design(page);
    expect(before).not.toBe(sent);
    await page.evaluate((hash) => void (location.hash = hash), link.slice(link.indexOf('#')));
    await expect.poll(() => design(page), { timeout: 60_000 }).toBe(sent);
    await dotsReady(page);
    expect(await page.locator(VIEWER).getAttribute('data-mode')).toBe('home');
    expect(await page.evaluate(() => location.hash), 'the design is not left in the address bar').toBe('#home');

    const code = link.slice(link.indexOf('d=') + 2);
    await page.evaluate((hash) => void (location.hash = hash), `#home/d=${code.slice(0, Math.floor(code.length / 2))}`);
    const alert = page.locator('[data-testid="error"][role="alert"]').first();
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    const message = await alert.innerText();
    console.log(`share: damaged link pasted into an open tab: "${message}"`);
    expect(message).toMatch(/cannot be opened.*stays as it was/s);
    expect(await design(page)).toBe(sent);
  });

  it('refuses a damaged link with the reason and shows the example design', async () => {
    const code = link.slice(link.indexOf('d=') + 2);
    const damaged = link.replace(code, code.slice(0, Math.floor(code.length / 2)));
    const page = await open(damaged, true);
    const alert = page.locator('[data-testid="error"][role="alert"]').first();
    await alert.waitFor({ state: 'visible', timeout: 10_000 });
    const message = await alert.innerText();
    console.log(`share: damaged link refused: "${message}"`);
    expect(message).toMatch(/cannot be opened/);
    expect(message).toMatch(/example design is shown instead/);
    const d = JSON.parse(await design(page));
    expect(d.layers[0].densityPerCm2, "the example design's first session").toBe(defaultDesign().layers[0].densityPerCm2);

    // Where a design was autosaved, that design is what shows, and the message says so.
    const density = page.getByTestId('layer-s1-density');
    await page.getByTestId('mode-consultation').tap();
    await density.fill('50');
    await density.press('Enter');
    await expect.poll(() => page.evaluate(() => window.smpStudio!.store.getState().design.layers[0].densityPerCm2)).toBe(50);
    await page.waitForTimeout(1500); // the autosave settles
    await page.goto('about:blank');
    await page.goto(damaged, { waitUntil: 'load' });
    await waitReady(page);
    const again = page.locator('[data-testid="error"][role="alert"]').first();
    await again.waitFor({ state: 'visible', timeout: 10_000 });
    const said = await again.innerText();
    console.log(`share: damaged link over an autosaved design: "${said}"`);
    expect(said).toMatch(/design you last worked on here is shown instead/);
    expect(said).not.toMatch(/example/);
    expect(JSON.parse(await design(page)).layers[0].densityPerCm2, 'the autosaved design').toBe(50);
  });

  it('logged no console or page errors and made no request beyond this machine', () => {
    for (const rec of recorders) {
      expect(rec.pageErrors, rec.summary()).toEqual([]);
      expect(rec.external, rec.summary()).toEqual([]);
      expect(rec.cspViolations, rec.summary()).toEqual([]);
    }
  });
});
