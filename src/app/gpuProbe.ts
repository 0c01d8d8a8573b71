/** Whether the browser gives WebGL 2, and whether it draws on the CPU, asked once at start-up by
 * a worker (gpuProbe.worker.ts) so the main thread never waits for the GPU side to start. The
 * worker then stays, to compile the viewer's programs ahead of it (render/gpuQueue.ts). Where a
 * worker cannot answer (no OffscreenCanvas WebGL, no workers, no answer in time) the main thread
 * asks instead, as before, and programs are compiled when first drawn. */
import { compileProgramsWith, type ProgramSource } from '../render/gpuQueue';
import { isSoftwareRenderer, isSoftwareRendererName, knowSoftwareRenderer } from '../render/gpu';
import type { CompileRequest } from './gpuProbe.worker';
import { hasWebGL2 } from './webgl';

export interface GpuProbe {
  webgl2: boolean;
  /** A CPU rasteriser (SwiftShader, llvmpipe...): see render/gpu.ts. */
  software: boolean;
}

/** Past this the worker's answer is not waited for (a busy machine takes about 1.5 s). */
const WORKER_WAIT_MS = 8000;

let probe: Promise<GpuProbe> | null = null;
let known: GpuProbe | null = null;

/** Starts the probe (once); main.tsx has it started first thing. */
export function probeGpu(): Promise<GpuProbe> {
  probe ??= askWorker().then((answer) => {
    // A yes from the worker is checked on the page, where a switch or policy can still refuse
    // (Chromium's --disable-webgl leaves workers their WebGL); the GPU side is up by then, so the
    // page's context is made in a few ms.
    const result = answer?.webgl2
      ? { webgl2: hasWebGL2(), software: isSoftwareRendererName(answer.renderer) }
      : // No answer, or no WebGL 2 in a worker (some browsers have it only on the page).
        askHere();
    if (result.webgl2) knowSoftwareRenderer(result.software);
    // For the stylesheet: animations only where a GPU composites them (app.css).
    document.documentElement.dataset.gpu = result.webgl2 && !result.software ? 'hardware' : 'software';
    known = result;
    return result;
  });
  return probe;
}

/** The answer, once there is one. */
export const gpuProbeResult = (): GpuProbe | null => known;

function askHere(): GpuProbe {
  const webgl2 = hasWebGL2();
  return { webgl2, software: webgl2 && isSoftwareRenderer() };
}

function askWorker(): Promise<{ webgl2: boolean; renderer: string } | null> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker | null = null;
    const timer = setTimeout(() => fail(), WORKER_WAIT_MS);
    const fail = () => {
      clearTimeout(timer);
      worker?.terminate();
      resolve(null);
    };
    try {
      worker = new Worker(new URL('./gpuProbe.worker.ts', import.meta.url), { type: 'module', name: 'gpu' });
      const w = worker;
      w.onerror = fail;
      w.onmessage = (e: MessageEvent<{ webgl2: boolean; renderer: string }>) => {
        clearTimeout(timer);
        resolve(e.data);
        if (e.data.webgl2) compileOn(w);
        else w.terminate();
      };
    } catch {
      fail();
    }
  });
}

/** Hands the viewer's new programs to the worker (render/gpuQueue.ts). */
function compileOn(worker: Worker): void {
  let next = 0;
  const pending = new Map<number, () => void>();
  const finishAll = () => {
    for (const done of pending.values()) done();
    pending.clear();
  };
  worker.onmessage = (e: MessageEvent<{ id: number }>) => {
    pending.get(e.data.id)?.();
    pending.delete(e.data.id);
  };
  // A worker that fails: the programs are compiled on the page, as without one.
  worker.onerror = () => {
    compileProgramsWith(null);
    finishAll();
  };
  compileProgramsWith((extensions: string[], programs: ProgramSource[]) => {
    const id = next++;
    return new Promise<void>((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, extensions, programs } satisfies CompileRequest);
    });
  });
}
