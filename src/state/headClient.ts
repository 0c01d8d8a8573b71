/** Main-thread side of the head worker: a newer request supersedes older ones, a crashed
 * worker is restarted and the job retried once before the failure is reported. */
import * as Comlink from 'comlink';
import type { HeadInput, HeadModel } from '../model';
import type { HeadJobResult, HeadWorkerApi } from '../../workers/head.worker';

export type HeadOutcome =
  | { kind: 'ok'; head: HeadModel }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'failed'; message: string }
  /** A newer request was made while this one ran: its result is dropped. */
  | { kind: 'stale' };

class WorkerCrash extends Error {}

interface Running {
  worker: Worker;
  api: Comlink.Remote<HeadWorkerApi>;
  stopped: boolean;
}

const spawn = () => new Worker(new URL('../../workers/head.worker.ts', import.meta.url), { type: 'module', name: 'head' });

export class HeadClient {
  private running: Running | null = null;
  private latest = 0;

  constructor(private readonly factory: () => Worker = spawn) {}

  /** A head of these measures and sex ('male' when not given). */
  async request(measures: HeadInput): Promise<HeadOutcome> {
    const id = ++this.latest;
    let result: HeadJobResult;
    try {
      result = await this.run(measures);
    } catch (first) {
      if (id !== this.latest) return { kind: 'stale' };
      if (!(first instanceof WorkerCrash)) return { kind: 'failed', message: failure(first) };
      try {
        result = await this.run(measures);
      } catch (second) {
        if (id !== this.latest) return { kind: 'stale' };
        return {
          kind: 'failed',
          message: `The 3D head could not be built: the background worker stopped twice (${failure(second)}). Try again, or reload the page.`,
        };
      }
    }
    if (id !== this.latest) return { kind: 'stale' };
    return result.ok ? { kind: 'ok', head: result.head } : { kind: 'invalid', field: result.field, message: result.message };
  }

  dispose(): void {
    if (this.running) this.stop(this.running);
  }

  private start(): Running {
    if (!this.running) {
      const worker = this.factory();
      this.running = { worker, api: Comlink.wrap<HeadWorkerApi>(worker), stopped: false };
    }
    return this.running;
  }

  private stop(r: Running): void {
    if (!r.stopped) {
      r.stopped = true;
      r.api[Comlink.releaseProxy]();
      r.worker.terminate();
    }
    if (this.running === r) this.running = null;
  }

  /** One call; rejects with WorkerCrash when the worker dies (a pending comlink call would
   * otherwise never settle), after which the next call starts a fresh worker. */
  private run(measures: HeadInput): Promise<HeadJobResult> {
    const r = this.start();
    return new Promise<HeadJobResult>((resolve, reject) => {
      const onCrash = (e: Event) => {
        e.preventDefault();
        cleanup();
        this.stop(r);
        reject(new WorkerCrash(e instanceof ErrorEvent && e.message ? e.message : 'worker error'));
      };
      const cleanup = () => {
        r.worker.removeEventListener('error', onCrash);
        r.worker.removeEventListener('messageerror', onCrash);
      };
      r.worker.addEventListener('error', onCrash);
      r.worker.addEventListener('messageerror', onCrash);
      r.api.createHead(measures).then(
        (value) => {
          cleanup();
          resolve(value);
        },
        (err: unknown) => {
          cleanup();
          reject(err);
        },
      );
    });
  }
}

function failure(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
