/** The first load, cold: a fresh Chromium (no HTTP cache, no service worker, no code cache) opens
 * the built app at 1280x800. Times from navigation to the viewer's data-status="ready" and to the
 * default design's dots drawn (data-dots-status="ready" with dots counted); every main-thread long
 * task (over 50 ms) until the dots are drawn; the size of the main chunk (the entry script of
 * index.html, before compression) and what the page fetched before the dots were drawn; then the
 * same two times for a reload of the page at rest.
 *
 * Alone: `SMP_BENCH=first-load SMP_FIRST_LOAD_RUNS=3 node --import tsx test/bench/run.ts`
 * (SMP_DIST=scratch/dist-x measures another build; SMP_FIRST_LOAD_BASE=scratch/dist-y compares it
 * with that one, alternating run for run). */
import { readFileSync, statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/browser';
import { DIST_DIR, ROOT, serveDist } from '../e2e/support/server';

type Emit = (row: Record<string, unknown>) => void;

const VIEWER = '[data-testid="viewer"]';
const TIMEOUT = 120_000;

export interface FirstLoad {
  viewerReadyMs: number;
  dotsDrawnMs: number;
  dotCount: number;
  firstContentfulPaintMs: number | null;
  /** Main-thread long tasks that started before the dots were drawn, in order. */
  longTasks: { startMs: number; ms: number }[];
  /** Script bytes (decoded) the page fetched before the dots were drawn, by file. */
  scripts: { name: string; kB: number }[];
  /** The same page reloaded once the first load is done (its files and head kept): viewer ready, dots drawn. */
  reload: { viewerReadyMs: number; dotsDrawnMs: number };
}

const whenDrawn = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __firstLoad?: { dotsDrawnMs?: number } }).__firstLoad?.dotsDrawnMs !== undefined, null, { timeout: TIMEOUT, polling: 100 });

/** Watches the page from its first byte: long tasks, and when the viewer reports ready and the
 * dots drawn. Runs before any of the page's scripts (an init script). */
function watchFirstLoad(viewer: string): void {
  const w = window as unknown as { __firstLoad: { tasks: { startMs: number; ms: number }[]; viewerReadyMs?: number; dotsDrawnMs?: number; dotCount?: number } };
  const load: (typeof w)['__firstLoad'] = { tasks: [] };
  w.__firstLoad = load;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) load.tasks.push({ startMs: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figures say so (none listed).
  }
  const check = () => {
    const el = document.querySelector(viewer);
    if (!el) return;
    const now = performance.now();
    if (load.viewerReadyMs === undefined && el.getAttribute('data-status') === 'ready') load.viewerReadyMs = now;
    const count = Number(el.getAttribute('data-dot-count'));
    if (load.dotsDrawnMs === undefined && el.getAttribute('data-dots-status') === 'ready' && count > 0) {
      load.dotsDrawnMs = now;
      load.dotCount = count;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-dots-status', 'data-dot-count'] });
}

/** One cold first load in its own browser. */
export async function measureFirstLoad(url: string, browser?: Browser): Promise<FirstLoad> {
  const own = !browser;
  const b = browser ?? (await launchChromium());
  try {
    const context = await b.newContext({ viewport: { width: 1280, height: 800 } });
    // As source text, with a stand-in for the name helper tsx wraps named functions in.
    await context.addInitScript({ content: `(() => {\nconst __name = (f) => f;\n(${watchFirstLoad.toString()})(${JSON.stringify(VIEWER)});\n})();` });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await whenDrawn(page);
    // A long task's entry arrives after it ends: give the observer a moment.
    await page.waitForTimeout(300);
    const r = await page.evaluate(() => {
      const load = (window as unknown as { __firstLoad: { tasks: { startMs: number; ms: number }[]; viewerReadyMs: number; dotsDrawnMs: number; dotCount: number } }).__firstLoad;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.js(\?|$)/.test(e.name) && e.responseEnd <= load.dotsDrawnMs)
        .map((e) => ({ name: e.name.replace(/^.*\//, ''), kB: Math.round(e.decodedBodySize / 100) / 10 }));
      return { ...load, fcp, scripts };
    });
    // Once the page is at rest (the service worker has the files, the head is kept), a reload.
    await page.waitForLoadState('networkidle');
    await page.reload({ waitUntil: 'commit' });
    await whenDrawn(page);
    const reload = await page.evaluate(() => (window as unknown as { __firstLoad: { viewerReadyMs: number; dotsDrawnMs: number } }).__firstLoad);
    await context.close();
    return {
      viewerReadyMs: Math.round(r.viewerReadyMs),
      dotsDrawnMs: Math.round(r.dotsDrawnMs),
      dotCount: r.dotCount,
      firstContentfulPaintMs: r.fcp === null ? null : Math.round(r.fcp),
      longTasks: r.tasks.filter((t) => t.startMs < r.dotsDrawnMs).map((t) => ({ startMs: Math.round(t.startMs), ms: Math.round(t.ms) })),
      scripts: r.scripts,
      reload: { viewerReadyMs: Math.round(reload.viewerReadyMs), dotsDrawnMs: Math.round(reload.dotsDrawnMs) },
    };
  } finally {
    if (own) await b.close();
  }
}

/** The entry chunk of the build: the module script index.html loads, and its size in kB. */
export function mainChunk(outDir = process.env.SMP_DIST ?? 'dist'): { file: string; kB: number } {
  const html = readFileSync(`${ROOT}${outDir}/index.html`, 'utf8');
  const src = /<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`no module script in ${outDir}/index.html`);
  return { file: src, kB: Math.round(statSync(`${ROOT}${outDir}/${src}`).size / 100) / 10 };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const longest = (r: FirstLoad) => Math.max(0, ...r.longTasks.map((t) => t.ms));
const longTotal = (r: FirstLoad) => r.longTasks.reduce((a, t) => a + t.ms, 0);

/** Cold first loads of the build (SMP_DIST, else dist/). With SMP_FIRST_LOAD_BASE=<dir>, that build
 * is loaded in turn with this one, run for run, and the medians are printed as ratios (this over
 * base): both see the same machine load, which moves single figures by a factor of two here. */
export async function benchFirstLoad(emit: Emit): Promise<void> {
  const runs = Math.max(1, Number(process.env.SMP_FIRST_LOAD_RUNS ?? 1));
  const baseDir = process.env.SMP_FIRST_LOAD_BASE;
  const main = mainChunk();
  emit({ bench: 'first load: main chunk (before compression)', file: main.file, kB: main.kB, target: '<= 600 kB' });
  const builds = [{ name: 'this', dir: DIST_DIR }, ...(baseDir ? [{ name: 'base', dir: `${ROOT}${baseDir}/` }] : [])];
  const servers = await Promise.all(builds.map((b) => serveDist('/', b.dir)));
  const all: Record<string, FirstLoad[]> = { this: [], base: [] };
  try {
    for (let k = 0; k < runs; k++) {
      for (const [i, build] of builds.entries()) {
        // A fresh browser each time: cold, as a first visit.
        const r = await measureFirstLoad(servers[i].url);
        all[build.name].push(r);
        const ms = r.longTasks.map((t) => t.ms);
        emit({
          bench: 'first load, cold (1280x800)',
          build: build.name,
          run: k + 1,
          viewerReadyMs: r.viewerReadyMs,
          dotsDrawnMs: r.dotsDrawnMs,
          dots: r.dotCount,
          firstContentfulPaintMs: r.firstContentfulPaintMs,
          longTasks: ms.length,
          longestTaskMs: longest(r),
          longTasksTotalMs: longTotal(r),
          tasks: r.longTasks.map((t) => `${t.ms}ms@${t.startMs}`).join(' '),
          scriptsKB: Math.round(r.scripts.reduce((a, s) => a + s.kB, 0)),
          reloadViewerReadyMs: r.reload.viewerReadyMs,
          reloadDotsDrawnMs: r.reload.dotsDrawnMs,
          targets: 'viewer <= 2000 ms, dots <= 3000 ms, no task > 50 ms',
        });
      }
    }
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
  if (runs === 1 && !baseDir) return;
  const figures = {
    viewerReadyMs: (r: FirstLoad) => r.viewerReadyMs,
    dotsDrawnMs: (r: FirstLoad) => r.dotsDrawnMs,
    longestTaskMs: longest,
    longTasksTotalMs: longTotal,
    longTasks: (r: FirstLoad) => r.longTasks.length,
    reloadViewerReadyMs: (r: FirstLoad) => r.reload.viewerReadyMs,
    reloadDotsDrawnMs: (r: FirstLoad) => r.reload.dotsDrawnMs,
  };
  for (const build of builds) {
    emit({ bench: `first load, cold: median of ${runs}`, build: build.name, ...Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, median(all[build.name].map(f))])) });
  }
  if (baseDir) {
    const ratio = (f: (r: FirstLoad) => number) => {
      const b = median(all.base.map(f));
      return b === 0 ? null : Math.round((median(all.this.map(f)) / b) * 100) / 100;
    };
    emit({ bench: 'first load, cold: this / base (medians)', ...Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, ratio(f)])) });
  }
}
