/** Main-thread side of the dots worker. A newer request cancels the running one at once by
 * terminating its worker (a sampler in full flight cannot read messages), so no stale work
 * queues up while a slider moves; a crashed worker is replaced and the job retried once. */
import * as Comlink from 'comlink';
import type { Design, DotSet, DotsHead } from '../model';
import type { DotsJobResult, DotsWorkerApi } from '../../workers/dots.worker';

export type DotsOutcome =
  | { kind: 'ok'; dots: DotSet; ms: number }
  | { kind: 'invalid'; layer: number | null; message: string }
  | { kind: 'failed'; message: string }
  /** Superseded by a newer request; its work was stopped. */
  | { kind: 'stale' };

class WorkerCrash extends Error {}
class Cancelled extends Error {}

interface Running {
  worker: Worker;
  api: Comlink.Remote<DotsWorkerApi>;
  cancel: () => void;
}

const spawn = () => new Worker(new URL('../../workers/dots.worker.ts', import.meta.url), { type: 'module', name: 'dots' });

export class DotsClient {
  private running: Running | null = null;
  private idle: { worker: Worker; api: Comlink.Remote<DotsWorkerApi> } | null = null;
  private latest = 0;

  constructor(private readonly factory: () => Worker = spawn) {}

  async request(head: DotsHead, design: Design, onProgress?: (fraction: number) => void): Promise<DotsOutcome> {
    const id = ++this.latest;
    this.cancelRunning();
    const started = performance.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const result: DotsJobResult = await this.run(head, design, onProgress);
        if (id !== this.latest) return { kind: 'stale' };
        return result.ok ? { kind: 'ok', dots: result.dots, ms: performance.now() - started } : { kind: 'invalid', layer: result.layer, message: result.message };
      } catch (e) {
        if (e instanceof Cancelled || id !== this.latest) return { kind: 'stale' };
        if (!(e instanceof WorkerCrash) || attempt === 1) {
          return { kind: 'failed', message: `The dots could not be generated (${e instanceof Error ? e.message : String(e)}). Try again, or reload the page.` };
        }
      }
    }
    return { kind: 'failed', message: 'The dots could not be generated.' };
  }

  dispose(): void {
    this.cancelRunning();
    if (this.idle) {
      this.idle.worker.terminate();
      this.idle = null;
    }
  }

  private cancelRunning(): void {
    if (this.running) this.running.cancel();
  }

  private run(head: DotsHead, design: Design, onProgress?: (fraction: number) => void): Promise<DotsJobResult> {
    const { worker, api } = this.idle ?? this.create();
    this.idle = null;
    return new Promise<DotsJobResult>((resolve, reject) => {
      let settled = false;
      const finish = (keepWorker: boolean) => {
        settled = true;
        worker.removeEventListener('error', onCrash);
        worker.removeEventListener('messageerror', onCrash);
        if (this.running?.worker === worker) this.running = null;
        if (keepWorker && !this.idle) this.idle = { worker, api };
        else worker.terminate();
      };
      const onCrash = (e: Event) => {
        e.preventDefault();
        if (settled) return;
        finish(false);
        reject(new WorkerCrash((e as ErrorEvent).message || 'worker error'));
      };
      worker.addEventListener('error', onCrash);
      worker.addEventListener('messageerror', onCrash);
      this.running = {
        worker,
        api,
        cancel: () => {
          if (settled) return;
          finish(false);
          reject(new Cancelled());
        },
      };
      // Only the chart and landmarks cross over: the sampler needs nothing else of the head.
      const slim: DotsHead = { chart: head.chart, landmarks: head.landmarks };
      api.generate(slim, design, onProgress ? Comlink.proxy(onProgress) : undefined).then(
        (value) => {
          if (settled) return;
          finish(true);
          resolve(value);
        },
        (err: unknown) => {
          if (settled) return;
          finish(true);
          reject(err);
        },
      );
    });
  }

  private create() {
    const worker = this.factory();
    return { worker, api: Comlink.wrap<DotsWorkerApi>(worker) };
  }
}
