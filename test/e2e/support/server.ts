import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { preview } from 'vite';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The built app served by the tests; another build can be tried without touching dist/
 * (SMP_DIST=scratch/dist-x). */
export const DIST_DIR = `${ROOT}${process.env.SMP_DIST ?? 'dist'}/`;

export interface AppServer {
  /** The app's URL, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built app (`dist/`) on 127.0.0.1 on a free port, as a static host would: no SPA
 * fallback, 404 for missing files. `base` is the path the app is served under ("/" or e.g.
 * "/clinic/smp/"), which checks that the build's relative base works from any path. `distDir`
 * serves another build (the first-load bench compares two).
 */
export async function serveDist(base = '/', distDir = DIST_DIR): Promise<AppServer> {
  if (!existsSync(`${distDir}index.html`)) {
    throw new Error(`${distDir}index.html is missing: build the app first (npm run build), then run the e2e tests.`);
  }
  const server = await preview({
    root: ROOT,
    configFile: false,
    appType: 'mpa',
    base,
    logLevel: 'warn',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address() as AddressInfo | null;
  if (!address || typeof address === 'string') {
    await server.close();
    throw new Error('vite preview is not listening');
  }
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => server.close(),
  };
}
