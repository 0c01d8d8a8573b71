import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Software WebGL (SwiftShader through ANGLE) and no traffic of the browser's own. */
export const CHROMIUM_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const HOW_TO_INSTALL =
  'The e2e tests use the system Chromium (`npx playwright install` is not used). ' +
  'Install it with `apt-get install -y chromium` (Debian package "chromium"), ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Launches the system Chromium, headless. `extraArgs` are appended to CHROMIUM_ARGS. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. ${HOW_TO_INSTALL}`);
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
      timeout: 60_000,
    });
  } catch (e) {
    throw new Error(`Could not launch Chromium at ${CHROMIUM_PATH}: ${(e as Error).message}\n${HOW_TO_INSTALL}`);
  }
}

/** True for URLs that stay on this machine: the test server, data:, blob:, about: and the like. */
export function isLocalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (['data:', 'blob:', 'about:', 'chrome-error:', 'devtools:'].includes(u.protocol)) return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** What a browser context did: every request, and every console error/warning and page error. */
export interface Recorder {
  requests: string[];
  /** Requests that would have left the machine; they are aborted, and listed here. */
  external: string[];
  consoleErrors: string[];
  consoleWarnings: string[];
  pageErrors: string[];
  /** What the page's Content-Security-Policy refused: the directive and what was blocked. */
  cspViolations: string[];
  /** A readable summary, for failure messages. */
  summary(): string;
}

function describeConsole(m: ConsoleMessage): string {
  const loc = m.location();
  return loc.url ? `${m.text()}  (${loc.url}:${loc.lineNumber})` : m.text();
}

/**
 * Records everything a context does. Requests to other hosts are recorded and aborted, so a test
 * can never depend on the network, and the final check can name the offending URL.
 */
export async function record(context: BrowserContext): Promise<Recorder> {
  const rec: Recorder = {
    requests: [],
    external: [],
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    cspViolations: [],
    summary() {
      return [
        `requests: ${this.requests.length} (external: ${this.external.join(', ') || 'none'})`,
        `page errors: ${this.pageErrors.join('\n  ') || 'none'}`,
        `refused by the content security policy: ${this.cspViolations.join('\n  ') || 'none'}`,
        `console errors: ${this.consoleErrors.join('\n  ') || 'none'}`,
        `console warnings: ${this.consoleWarnings.join('\n  ') || 'none'}`,
      ].join('\n');
    },
  };
  const note = (url: string) => {
    rec.requests.push(url);
    if (!isLocalUrl(url) && !rec.external.includes(url)) rec.external.push(url);
  };
  context.on('request', (r) => note(r.url()));
  await context.exposeBinding('__cspViolation', (_source, text: string) => void rec.cspViolations.push(text));
  await context.addInitScript(() =>
    window.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    ),
  );
  context.on('console', (m) => {
    // A worker's refusals reach the console only.
    if (/Content.Security.Policy/i.test(m.text())) rec.cspViolations.push(describeConsole(m));
    if (m.type() === 'error') rec.consoleErrors.push(describeConsole(m));
    else if (m.type() === 'warning') rec.consoleWarnings.push(describeConsole(m));
  });
  context.on('page', (page) => {
    page.on('pageerror', (e) => rec.pageErrors.push(String(e.stack ?? e)));
    page.on('crash', () => rec.pageErrors.push('the page crashed'));
    page.on('websocket', (ws) => note(ws.url()));
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.fallback();
    note(url);
    return route.abort('blockedbyclient');
  });
  return rec;
}
