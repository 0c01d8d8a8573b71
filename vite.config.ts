import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/app/contentSecurityPolicy';
import { FACE_ASSETS, FACE_ASSETS_DIR } from './src/photo/faceAssets';
import type { HeadInput } from './src/model';
import { SEXES } from './src/model/head/form';
import { DEFAULT_MEASURES } from './src/model/head/measures';
import { headCacheKey } from './src/storage/headCache';

const NODE_MODULES = fileURLToPath(new URL('./node_modules/', import.meta.url));
const MIME: Record<string, string> = { json: 'application/json', bin: 'application/octet-stream', wasm: 'application/wasm', txt: 'text/plain' };

/** The face-landmark models and the tfjs WebAssembly, copied from node_modules into the build
 * under their own names (src/photo/faceAssets.ts), and served the same way by the dev server. */
function faceAssets(): Plugin {
  return {
    name: 'face-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0];
        const asset = FACE_ASSETS.find((a) => path.endsWith(`/${FACE_ASSETS_DIR}${a.name}`));
        if (!asset) return next();
        res.setHeader('Content-Type', MIME[asset.name.split('.').pop()!]);
        createReadStream(NODE_MODULES + asset.from).pipe(res);
      });
    },
    generateBundle() {
      for (const a of FACE_ASSETS) this.emitFile({ type: 'asset', fileName: FACE_ASSETS_DIR + a.name, source: readFileSync(NODE_MODULES + a.from) });
    },
  };
}

/** A hash of the model's source (src/model): heads kept on a device by another build of it are
 * built again (storage/headCache.ts). */
function modelBuild(): string {
  const dir = fileURLToPath(new URL('./src/model/', import.meta.url));
  const hash = createHash('sha256');
  for (const file of (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(dir + file));
  return hash.digest('hex').slice(0, 16);
}

/** The heads a first visit shows (the default measures, either sex), built once by the build and
 * shipped packed and gzipped beside the head worker, which fetches one instead of building it
 * (2-4 s of a worker on a 2-core machine). `files` maps each head's cache key to its file's name.
 * Each is built by a process of its own (scripts/bakeHead.ts), side by side, and this file does
 * not load the model. */
function bakedHeads(build: string): { plugin: Plugin; files: Record<string, string> } {
  const named = SEXES.map((sex) => {
    const input: HeadInput = { ...DEFAULT_MEASURES, sex };
    const key = headCacheKey(input, build);
    return { input, key, name: `head-${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin` };
  });
  return {
    files: Object.fromEntries(named.map((h) => [h.key, h.name])),
    plugin: {
      name: 'baked-heads',
      apply: 'build',
      async generateBundle() {
        const dir = mkdtempSync(join(tmpdir(), 'smp-heads-'));
        const run = promisify(execFile);
        try {
          const script = fileURLToPath(new URL('./scripts/bakeHead.ts', import.meta.url));
          await Promise.all(named.map((h) => run(process.execPath, ['--import', 'tsx', script, JSON.stringify(h.input), join(dir, h.name)])));
          for (const h of named) this.emitFile({ type: 'asset', fileName: `assets/${h.name}`, source: readFileSync(join(dir, h.name)) });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    },
  };
}

// Relative base so the build can be served from any static path.
export default defineConfig(({ command }) => {
  const build = modelBuild();
  const heads = bakedHeads(build);
  return {
    base: './',
    // The dev server builds every head (it has no baked ones).
    define: { __MODEL_BUILD__: JSON.stringify(build), __BAKED_HEADS__: JSON.stringify(command === 'build' ? heads.files : {}) },
    plugins: [
      react(),
      heads.plugin,
      {
        name: 'content-security-policy',
        apply: 'build',
        transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
      },
      faceAssets(),
      // Offline use and installation: a service worker precaches the whole built app (it is all
      // static), and a web app manifest names it. Nothing is fetched from anywhere else.
      VitePWA({
        registerType: 'autoUpdate',
        injectRegister: null,
        includeAssets: ['favicon.svg'],
        manifest: {
          name: 'SMP Studio',
          short_name: 'SMP Studio',
          description: 'Preview scalp micropigmentation on a 3D head: design, healing and fading over the years.',
          theme_color: '#2f6fde',
          background_color: '#f4f6f9',
          display: 'standalone',
          start_url: './',
          scope: './',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
            { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
        },
        workbox: {
          // With the report's fonts (assets/*.ttf), the face-landmark models and the tfjs WebAssembly (face/).
          globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ttf}', `${FACE_ASSETS_DIR}*.{json,bin,wasm}`],
          // The landmark worker, which bundles tfjs, is ~2 MB; the largest model file (iris) 2.5 MB.
          maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
          navigateFallback: 'index.html',
        },
      }),
    ],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      rolldownOptions: {
        // Baking the heads takes seconds by design; the timing report would print on every build.
        checks: { pluginTimings: false },
        output: {
          // The libraries the first picture needs, each in a chunk of its own (kept in the browser's
          // cache across releases of the app's own code); three.js is two, so that neither passes
          // the 500 kB warning. The rest is split where the app loads it lazily (app/App.tsx,
          // ui/lazyPanel.tsx).
          codeSplitting: {
            groups: [
              { name: 'three-core', test: /node_modules[\\/]three[\\/]build[\\/]three\.core\.js$/, priority: 40 },
              { name: 'three', test: /node_modules[\\/]three[\\/]/, priority: 30 },
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|zustand)[\\/]/, priority: 30 },
              { name: 'react-three-fiber', test: /node_modules[\\/](@react-three[\\/]fiber|its-fine|suspend-react)[\\/]/, priority: 20 },
              { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 20 },
            ],
          },
        },
      },
    },
    test: {
      // One test file per core: the default leaves one free, which on a 2-core machine ran the unit
      // files one at a time (147 s against 84 s). The e2e files run one at a time anyway.
      maxWorkers: '100%',
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.ts'],
            environment: 'node',
            // The default head, built once for every file that uses it.
            globalSetup: ['test/unit/helpers/globalSetup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.test.ts'],
            environment: 'node',
            testTimeout: 180_000,
            hookTimeout: 180_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
