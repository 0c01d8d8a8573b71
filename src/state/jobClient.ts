/** Main-thread side of a worker that runs one job at a time. A newer request cancels the running
 * one at once by terminating its worker (a job in full flight cannot read messages), so no stale
 * work queues up while a slider moves; a crashed worker is replaced and the job retried once. */
import * as Comlink from 'comlink';

export type JobOutcome<T> =
  | { kind: 'ok'; value: T; ms: number }
  | { kind: 'failed'; message: string }
  /** Superseded by a newer request; its work was stopped. */
  | { kind: 'stale' };

class WorkerCrash extends Error {}
class Cancelled extends Error {}

interface Running {
  worker: Worker;
  cancel: () => void;
}

export class JobClient<Api> {
  private running: Running | null = null;
  private idle: { worker: Worker; api: Comlink.Remote<Api> } | null = null;
  private latest = 0;

  /** `failure` begins the message of a job that failed ("The dots could not be generated"). */
  constructor(
    private readonly factory: () => Worker,
    private readonly failure: string,
  ) {}

  async request<T>(call: (api: Comlink.Remote<Api>) => Promise<T>): Promise<JobOutcome<T>> {
    const id = ++this.latest;
    this.running?.cancel();
    const started = performance.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const value = await this.run(call);
        if (id !== this.latest) return { kind: 'stale' };
        return { kind: 'ok', value, ms: performance.now() - started };
      } catch (e) {
        if (e instanceof Cancelled || id !== this.latest) return { kind: 'stale' };
        if (!(e instanceof WorkerCrash) || attempt === 1) {
          return { kind: 'failed', message: `${this.failure} (${e instanceof Error ? e.message : String(e)}). Try again, or reload the page.` };
        }
      }
    }
    return { kind: 'failed', message: `${this.failure}.` };
  }

  dispose(): void {
    this.running?.cancel();
    if (this.idle) {
      this.idle.worker.terminate();
      this.idle = null;
    }
  }

  private run<T>(call: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
    const { worker, api } = this.idle ?? this.create();
    this.idle = null;
    return new Promise<T>((resolve, reject) => {
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
        cancel: () => {
          if (settled) return;
          finish(false);
          reject(new Cancelled());
        },
      };
      call(api).then(
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
    return { worker, api: Comlink.wrap<Api>(worker) };
  }
}
