// Client records, files and the report in the built app, in the system Chromium with software
// WebGL: a client (whose name is markup) gets two designs that are there after a reload; the
// client is exported to a file and imported into a fresh browser profile; the consultation report
// is made and read back as a PDF; a deleted design comes back with undo; favourites at home
// survive a reload; with storage blocked or full the user is told, the design stays on screen and
// a file can still be saved. No request leaves the machine.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveShot, SHOTS_DIR, VIEWER, waitReady } from './support/app';
import { openPdf, readPages } from './support/pdf';
import { fileBrowser } from './support/suite';

const NAME = '<img src=x onerror="window.__pwned=1"> Ana & "Bo"';

const suite = fileBrowser();
const recorders = suite.recorders;
const newContext = (init?: () => void) => suite.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true }, init);

async function open(context: BrowserContext, hash = ''): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(suite.url + hash, { waitUntil: 'load' });
  await waitReady(page);
  await dotsReady(page);
  return page;
}

async function dotsReady(page: Page): Promise<void> {
  await page.waitForTimeout(200);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-dots-status') === 'ready', VIEWER, { timeout: 120_000 });
}

const density = (page: Page) => page.evaluate(() => window.smpStudio!.store.getState().design.layers.map((l) => l.densityPerCm2));
const designItems = (page: Page) => page.getByTestId('design-item').locator('.record-name').allInnerTexts();

async function saveAs(page: Page, name: string, count: number) {
  await page.getByTestId('save-as-name').fill(name);
  await page.getByTestId('save-as').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="design-item"]').length === n, count);
}

/** Waits for the autosave (it follows a change by under a second). */
const autosaved = (page: Page) => page.waitForTimeout(1500);

describe('client records', () => {
  let context: BrowserContext;
  let page: Page;
  let exported = '';

  it('a client with two designs is there after a reload, the name shown as text', async () => {
    context = await newContext();
    page = await open(context);
    await page.getByTestId('new-client-name').fill(NAME);
    await page.getByTestId('create-client').click();
    await expect.poll(() => page.getByTestId('client-name').innerText()).toBe(NAME);
    await saveAs(page, 'Soft hairline', 1);
    await page.evaluate(() => window.smpStudio!.store.getState().actions.updateLayer('s1', { densityPerCm2: 150 }));
    await dotsReady(page);
    await saveAs(page, 'Denser', 2);
    await autosaved(page);
    await saveShot(page, 'records-client');

    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    await dotsReady(page);
    await expect.poll(() => designItems(page)).toEqual(['Denser', 'Soft hairline']);
    expect(await page.getByTestId('client-name').innerText()).toBe(NAME);
    // The design on screen was restored by the autosave.
    expect((await density(page))[0]).toBe(150);
    // Markup in the name is text: no element was made from it, no script ran.
    expect(await page.getByTestId('client-records').locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    console.log(`records: after reload ${JSON.stringify(await designItems(page))}, session 1 at ${(await density(page))[0]} dots/cm²`);
  });

  it('a deleted design comes back with undo', async () => {
    await page.getByRole('button', { name: 'Delete Soft hairline' }).click();
    await expect.poll(() => designItems(page)).toEqual(['Denser']);
    await page.getByTestId('undo-delete').click();
    await expect.poll(() => designItems(page)).toEqual(['Denser', 'Soft hairline']);
  });

  it('two saved designs side by side: the denser one is darker, and the screen comes back', async () => {
    const before = await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));
    const pastBefore = await page.evaluate(() => window.smpStudio!.store.getState().past.length);
    await page.getByText('Compare two designs side by side').click();
    await page.getByTestId('compare-a').selectOption({ label: 'Soft hairline' });
    await page.getByTestId('compare-b').selectOption({ label: 'Denser' });
    await page.getByTestId('compare-view').selectOption('top');
    await page.getByTestId('compare-designs-run').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="side-by-side"] img').length === 2, null, { timeout: 180_000 });
    // Mean luminance of the middle of each picture (the crown, from the top).
    const luminance = await page.evaluate(async () => {
      const images = [...document.querySelectorAll<HTMLImageElement>('[data-testid="side-by-side"] img')];
      await Promise.all(images.map((im) => im.decode()));
      return images.map((im) => {
        const c = document.createElement('canvas');
        c.width = im.naturalWidth;
        c.height = im.naturalHeight;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(im, 0, 0);
        const w = Math.round(c.width / 6);
        const d = ctx.getImageData(Math.round(c.width / 2 - w), Math.round(c.height / 2 - w), 2 * w, 2 * w).data;
        let sum = 0;
        for (let k = 0; k < d.length; k += 4) sum += 0.2126 * d[k] + 0.7152 * d[k + 1] + 0.0722 * d[k + 2];
        return sum / (d.length / 4) / 255;
      });
    });
    await saveShot(page, 'records-side-by-side');
    console.log(`records: side by side, top view, crown luminance 60 dots/cm² ${luminance[0].toFixed(4)}, 150 dots/cm² ${luminance[1].toFixed(4)}`);
    expect(luminance[1]).toBeLessThan(luminance[0] - 0.01);
    await dotsReady(page);
    expect(await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design))).toBe(before);
    expect(await page.evaluate(() => window.smpStudio!.store.getState().past.length)).toBe(pastBefore);
  });

  it('the client is saved to a file and opened in a fresh profile', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-client').click()]);
    exported = readFileSync((await download.path())!, 'utf8');
    const file = JSON.parse(exported);
    console.log(`records: client file "${download.suggestedFilename()}", ${exported.length} bytes, ${file.designs.length} designs`);
    expect(file.format).toBe('smp-studio-client');
    expect(file.client.name).toBe(NAME);
    expect(download.suggestedFilename()).not.toMatch(/[<>"]/);
    expect(file.designs.map((d: { name: string }) => d.name).sort()).toEqual(['Denser', 'Soft hairline']);

    const fresh = await newContext();
    const other = await open(fresh);
    expect(await other.getByTestId('client-item').count()).toBe(0);
    await other.getByTestId('open-design').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect.poll(() => other.getByTestId('client-name').innerText(), { timeout: 30_000 }).toBe(NAME);
    await expect.poll(() => designItems(other)).toHaveLength(2);
    await dotsReady(other);
    const designs = await other.evaluate(() => window.smpStudio!.store.getState().design.layers.map((l) => l.densityPerCm2));
    expect([60, 150]).toContain(designs[0]);
    await fresh.close();
  });

  it('a damaged client file is refused with the reason and changes nothing', async () => {
    const before = await page.getByTestId('design-item').count();
    const broken = exported.replace('"densityPerCm2": 150', '"densityPerCm2": -5');
    await page.getByTestId('open-design').setInputFiles({ name: 'broken.smp-client.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const message = await page.getByTestId('error').innerText();
    console.log(`records: damaged file: ${message}`);
    expect(message).toMatch(/densityPerCm2/);
    expect(message).toMatch(/Density must be/);
    expect(await page.getByTestId('design-item').count()).toBe(before);
  });

  it('makes the consultation report: a PDF with the client, the views and the touch-up years as text', async () => {
    // The app's aftercare panel prices the rules for this client first.
    const hat = page.getByTestId('aftercare-hat');
    await expect.poll(() => hat.innerText(), { timeout: 60_000 }).toMatch(/first touch-up at \d+\.\d years instead of \d+\.\d/);
    const pickedScabs = await page.getByTestId('aftercare-pickedScabs').innerText();
    console.log(`records: aftercare, scabs: ${pickedScabs.split('\n').at(-1)}`);
    expect(pickedScabs).toMatch(/\d+% kept instead of \d+%/);
    const schedule = await page.evaluate(() => window.smpStudio!.store.getState().fadePlans.own?.schedule ?? []);
    const t0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByTestId('make-report').click()]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    writeFileSync(`${SHOTS_DIR}report.pdf`, bytes);
    const pdf = await openPdf(bytes);
    const { text: pages, images } = await readPages(pdf);
    await pdf.destroy();
    const text = pages.join(' ');
    console.log(
      `records: report "${download.suggestedFilename()}" ${pages.length} pages, ${bytes.length} bytes in ${Date.now() - t0} ms; views per page ${images.join(' ')}; touch-ups ${schedule.map((t) => t.toFixed(1)).join(', ')}`,
    );
    // The eight views: the front pair on the first page, the other six on the second.
    expect(images.slice(0, 2)).toEqual([2, 6]);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.length).toBeLessThanOrEqual(8);
    expect(pages[0]).toContain(NAME);
    expect(schedule.length).toBeGreaterThan(0);
    for (const t of schedule) expect(text).toContain(t.toFixed(1));
    for (const phrase of ['Front, healed', 'Top, 5 years', 'Kirby-Desai', 'Your aftercare', 'Sources and assumptions', 'not medical advice']) expect(text).toContain(phrase);
    expect(await page.getByTestId('report-status').innerText()).toMatch(/^Saved/);
  });
});

describe('favourites at home', () => {
  it('a hairline tried and kept as a favourite is there after a reload; the clinic’s design comes back with one button', async () => {
    const context = await newContext();
    const page = await open(context, '#home');
    const style = () => page.evaluate(() => window.smpStudio!.store.getState().design.hairline.style);
    expect(await style()).toBe('classic');
    await page.getByTestId('home-hairline').getByRole('button', { name: 'Soft / feathered' }).click();
    expect(await style()).toBe('soft');
    await page.getByTestId('favourite-name').fill('Soft front');
    await page.getByTestId('add-favourite').click();
    await expect.poll(() => page.getByTestId('favourite-item').count()).toBe(1);
    await page.getByTestId('home-reset').click();
    expect(await style()).toBe('classic');
    // Reloaded the moment after an edit, before the autosave's pause is over: the edit stays.
    await page.getByTestId('home-hairline').getByRole('button', { name: 'Mature' }).click();
    const edited = await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    expect(await style(), 'the edit made just before the reload').toBe('mature');
    expect(await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design)), 'all of the design on screen').toBe(edited);
    await expect.poll(() => page.getByTestId('favourite-item').allInnerTexts()).toEqual([expect.stringContaining('Soft front')]);
    await page.getByTestId('favourite-item').getByText('Soft front').click();
    await expect.poll(style).toBe('soft');
    await context.close();
  });
});

describe('storage that cannot be used', () => {
  it('blocked (no IndexedDB): the user is told, the design stays, a file can still be saved', async () => {
    const context = await newContext(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    const page = await open(context);
    const problem = await page.getByTestId('records-problem').innerText();
    console.log(`records: blocked storage: ${problem}`);
    expect(problem.length).toBeGreaterThan(20);
    expect(await page.getByTestId('client-records').getAttribute('data-status')).toBe('unavailable');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-design').click()]);
    const saved = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(saved.layers.length).toBe(3);
    await context.close();
  });

  it('full: saving is refused with the reason, the design on screen is kept', async () => {
    // Once the app is up, every write fails as a full disk does.
    const context = await newContext(() => {
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
          if ((window as unknown as { __full?: boolean }).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        } as typeof original;
      }
    });
    const page = await open(context);
    await page.evaluate(() => ((window as unknown as { __full?: boolean }).__full = true));
    const before = await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design));
    await page.getByTestId('new-client-name').fill('Full disk');
    await page.getByTestId('create-client').click();
    const problem = await page.getByTestId('records-problem').innerText();
    console.log(`records: full storage: ${problem}`);
    expect(problem).toMatch(/full/i);
    expect(problem).toMatch(/file/i);
    expect(await page.evaluate(() => JSON.stringify(window.smpStudio!.store.getState().design))).toBe(before);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-design').click()]);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8')).version).toBe(3);
    await context.close();
  });

  it('no request left the machine', () => {
    for (const rec of recorders) expect(rec.external, rec.summary()).toEqual([]);
    for (const rec of recorders) expect(rec.cspViolations, rec.summary()).toEqual([]);
    for (const rec of recorders) expect(rec.pageErrors, rec.summary()).toEqual([]);
  });
});
