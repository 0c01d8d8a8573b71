import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium, record, type Recorder } from './browser';
import { serveDist, type AppServer } from './server';

/** One built-app server and one Chromium for a test file, started before its tests and closed
 * after them; every context made through `newContext` has its requests and errors recorded.
 * `chromiumArgs` are added to the usual flags (e.g. a fake camera). */
export function fileBrowser(chromiumArgs: string[] = []) {
  let browser: Browser | undefined;
  let server: AppServer | undefined;
  const recorders: Recorder[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([serveDist('/'), launchChromium(chromiumArgs)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    recorders,
    /** The server's address, once started. */
    get url(): string {
      if (!server) throw new Error('the app server is not started yet');
      return server.url;
    },
    async newContext(options: BrowserContextOptions, init?: () => void): Promise<BrowserContext> {
      if (!browser) throw new Error('Chromium is not started yet');
      const context = await browser.newContext(options);
      if (init) await context.addInitScript(init);
      recorders.push(await record(context));
      return context;
    },
  };
}
