import type { Browser, Page } from 'playwright-core';
import { launchChromium, record, type Recorder } from './browser';
import { serveDist, type AppServer } from './server';
import { waitReady } from './app';

/** One desktop page (1280x800) of the built app, ready, with its console and requests recorded. */
export interface AppSession {
  server: AppServer;
  browser: Browser;
  page: Page;
  rec: Recorder;
  close(): Promise<void>;
}

/** Serves dist/, launches the system Chromium and opens the app at `hash` (e.g. '#training'). */
export async function openApp(hash = ''): Promise<AppSession> {
  const [server, browser] = await Promise.all([serveDist('/'), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const rec = await record(context);
  const page = await context.newPage();
  await page.goto(`${server.url}${hash}`, { waitUntil: 'load' });
  await waitReady(page).catch((e: Error) => {
    throw new Error(`${e.message}\n${rec.summary()}`);
  });
  return {
    server,
    browser,
    page,
    rec,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
