// A browser without WebGL: the app says so instead of showing a blank page or crashing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, record, type Recorder } from './support/browser';
import { serveDist, type AppServer } from './support/server';
import { saveShot, VIEWER } from './support/app';
import { decodePng } from './support/png';
import { greyStdDev } from './support/pixels';

let browser: Browser;
let server: AppServer;
let page: Page;
let rec: Recorder;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveDist('/'), launchChromium(['--disable-webgl', '--disable-3d-apis'])]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  rec = await record(context);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('the browser really has no WebGL', async () => {
  const contexts = await page.evaluate(() => {
    const c = document.createElement('canvas');
    return { webgl2: !!c.getContext('webgl2'), webgl: !!c.getContext('webgl') };
  });
  expect(contexts).toEqual({ webgl2: false, webgl: false });
});

it('says that WebGL is needed, on a page that is not blank', async () => {
  await page.goto(server.url, { waitUntil: 'load' });
  const message = page.getByTestId('no-webgl');
  await message.waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: Error) => {
    await saveShot(page, 'no-webgl-missing-message');
    throw new Error(`no [data-testid=no-webgl] message: ${e.message}\n${rec.summary()}`);
  });
  const png = await page.screenshot();
  await saveShot(page, 'no-webgl');
  const text = (await message.innerText()).trim();
  console.log(`no-webgl: "${text}"`);
  expect(text.length, 'the message says something').toBeGreaterThan(20);
  expect(text).toMatch(/webgl|3d/i);
  expect(greyStdDev(decodePng(png)), 'the page is not blank').toBeGreaterThan(2);

  // The viewer, if it is on the page at all, does not claim to be showing a head.
  if (await page.locator(VIEWER).count()) {
    expect(await page.locator(VIEWER).getAttribute('data-status')).not.toBe('ready');
  }
  expect(rec.pageErrors, rec.summary()).toEqual([]);
  expect(rec.consoleErrors, rec.summary()).toEqual([]);
});

it('made no request beyond this machine', () => {
  expect(rec.requests.length).toBeGreaterThan(0);
  expect(rec.external, rec.summary()).toEqual([]);
  expect(rec.cspViolations, rec.summary()).toEqual([]);
});
