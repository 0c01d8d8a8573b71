// Offline use of the built app in the system Chromium: once loaded (and its service worker has
// kept the files), the page reloads with the network cut and the head is drawn with its dots; the
// web app manifest names the app and its icons for installing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, record } from './support/browser';
import { serveDist, type AppServer } from './support/server';
import { saveShot, VIEWER, waitReady } from './support/app';

let browser: Browser;
let server: AppServer;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveDist('/'), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('offline', () => {
  it('starts again with no network once it has been loaded', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const rec = await record(context);
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    await waitReady(page);
    // The service worker has installed and controls the page: every file is kept.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    });
    const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).length))).reduce((a, b) => a + b, 0));
    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await waitReady(page);
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-dots-status') === 'ready', VIEWER, { timeout: 120_000 });
    const dots = Number(await page.locator(VIEWER).getAttribute('data-dot-count'));
    await saveShot(page, 'offline-reload');
    console.log(`offline: ${cached} files kept by the service worker; reloaded offline with ${dots} dots drawn`);
    expect(cached).toBeGreaterThan(5);
    expect(dots).toBeGreaterThan(1000);
    expect(rec.pageErrors, rec.summary()).toEqual([]);
    expect(rec.external, rec.summary()).toEqual([]);
    expect(rec.cspViolations, rec.summary()).toEqual([]);
    await context.close();
  });

  it('has a web app manifest with its name and icons', async () => {
    const res = await fetch(`${server.url}manifest.webmanifest`);
    expect(res.ok).toBe(true);
    const manifest = (await res.json()) as { name: string; icons: { sizes: string }[]; display: string };
    console.log(`offline: manifest ${JSON.stringify({ name: manifest.name, display: manifest.display, icons: manifest.icons.map((i) => i.sizes) })}`);
    expect(manifest.name).toBe('SMP Studio');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of ['icon-192.png', 'icon-512.png']) expect((await fetch(`${server.url}${icon}`)).ok).toBe(true);
  });
});
