/** Main-thread side of a worker that runs one kind of job: the one home of the rule for workers
 * that fail. A job whose worker crashes or does not answer within the kind's timeout has its worker
 * terminated (a worker busy in a job cannot read messages, and one stuck would stay stuck) and is
 * retried once on a fresh worker; a second loss fails the job with a message naming what could not
 * be done. A newer request makes older ones stale: by default it stops them at once by terminating
 * their worker, so no stale work queues up while a slider moves. */
import * as Comlink from 'comlink';

export type JobOutcome<T> =
  | { kind: 'ok'; value: T; ms: number }
  | { kind: 'failed'; message: string }
  /** Superseded by a newer request, which settles the job's status; its work was stopped. */
  | { kind: 'stale' };

export interface JobOptions {
  /** How long one attempt may take before its worker counts as lost. */
  timeoutMs: number;
  /** 'cancel' stops the running job when a newer one comes; 'queue' lets it finish on the same
   * worker (its result is dropped) and runs the newer one after it. */
  supersede?: 'cancel' | 'queue';
}

/** The worker died or went silent; the job may be retried on a fresh one. */
class WorkerLost extends Error {
  constructor(
    readonly why: 'crash' | 'timeout',
    detail: string,
  ) {
    super(detail);
  }
}
class Cancelled extends Error {}

interface Live<Api> {
  worker: Worker;
  api: Comlink.Remote<Api>;
  /** Rejecters of the calls in flight on this worker. */
  calls: Set<(e: Error) => void>;
  lost: boolean;
}

/** Tests in the browser only (window.smpStudio.jobTimeoutMs): jobs started while this is set time
 * out after it instead of their kind's timeout, so a silent worker is found out in a moment. */
let timeoutOverrideMs: number | null = null;
export function overrideJobTimeouts(ms: number | null): void {
  timeoutOverrideMs = ms;
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** "stopped twice (…)", "did not answer within 30 s, twice" or the two in turn. */
function lostTwice(first: WorkerLost, second: WorkerLost): string {
  if (first.why === second.why) return second.why === 'timeout' ? `${second.message}, twice` : `stopped twice (${second.message})`;
  const say = (e: WorkerLost) => (e.why === 'timeout' ? e.message : `stopped (${e.message})`);
  return `${say(first)}, then ${say(second)}`;
}

export class JobClient<Api> {
  private live: Live<Api> | null = null;
  private latest = 0;

  /** `failure` begins the message of a job that failed ("The dots could not be generated"). */
  constructor(
    private readonly factory: () => Worker,
    private readonly failure: string,
    private readonly options: JobOptions,
  ) {}

  async request<T>(call: (api: Comlink.Remote<Api>) => Promise<T>): Promise<JobOutcome<T>> {
    const id = ++this.latest;
    if ((this.options.supersede ?? 'cancel') === 'cancel' && this.live?.calls.size) this.lose(this.live, new Cancelled());
    const timeoutMs = timeoutOverrideMs ?? this.options.timeoutMs;
    const started = performance.now();
    let firstLoss: WorkerLost | null = null;
    for (;;) {
      try {
        const value = await this.run(call, timeoutMs);
        if (id !== this.latest) return { kind: 'stale' };
        return { kind: 'ok', value, ms: performance.now() - started };
      } catch (e) {
        if (e instanceof Cancelled || id !== this.latest) return { kind: 'stale' };
        if (!(e instanceof WorkerLost)) return { kind: 'failed', message: `${this.failure} (${reason(e)}). Try again, or reload the page.` };
        if (firstLoss) return { kind: 'failed', message: `${this.failure}: the background worker ${lostTwice(firstLoss, e)}. Try again, or reload the page.` };
        firstLoss = e;
      }
    }
  }

  /** Sends the live worker (a fresh one if none) a call that is not a job: nothing waits for it,
   * it supersedes nothing, and if it fails the next job finds out. */
  warm(call: (api: Comlink.Remote<Api>) => Promise<unknown>): void {
    const live = (this.live ??= this.spawn());
    call(live.api).catch(() => undefined);
  }

  dispose(): void {
    if (this.live) this.lose(this.live, new Cancelled());
  }

  /** One attempt on the live worker (a fresh one if none); rejects with WorkerLost when the worker
   * dies or the attempt outlasts `timeoutMs` (a pending comlink call would never settle). */
  private run<T>(call: (api: Comlink.Remote<Api>) => Promise<T>, timeoutMs: number): Promise<T> {
    const live = (this.live ??= this.spawn());
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.lose(live, new WorkerLost('timeout', `did not answer within ${seconds(timeoutMs)}`)), timeoutMs);
      const settle =
        <V>(f: (v: V) => void) =>
        (v: V) => {
          if (!live.calls.delete(fail)) return;
          clearTimeout(timer);
          f(v);
        };
      const fail = settle(reject);
      live.calls.add(fail);
      call(live.api).then(settle(resolve), fail);
    });
  }

  private spawn(): Live<Api> {
    const worker = this.factory();
    const live: Live<Api> = { worker, api: Comlink.wrap<Api>(worker), calls: new Set(), lost: false };
    const onCrash = (e: Event) => {
      e.preventDefault();
      this.lose(live, new WorkerLost('crash', (e as ErrorEvent).message || 'worker error'));
    };
    worker.addEventListener('error', onCrash);
    worker.addEventListener('messageerror', onCrash);
    return live;
  }

  /** Terminates the worker; every call in flight on it fails with `why`. */
  private lose(live: Live<Api>, why: Error): void {
    if (this.live === live) this.live = null;
    if (live.lost) return;
    live.lost = true;
    live.api[Comlink.releaseProxy]();
    live.worker.terminate();
    for (const fail of [...live.calls]) fail(why);
  }
}
