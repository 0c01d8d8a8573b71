/** Main-thread side of the dots worker, for the dots and for the client's own scalp (see
 * JobClient: newer requests cancel older ones, a worker that crashes or goes silent is restarted
 * and the job retried once). */
import * as Comlink from 'comlink';
import type { Design, DotSet, DotsHead, ScalpLook } from '../model';
import type { DotsJobResult, DotsWorkerApi } from '../../workers/dots.worker';
import { JobClient, type JobOutcome } from './jobClient';

export type DotsOutcome =
  | { kind: 'ok'; dots: DotSet; ms: number }
  | { kind: 'invalid'; layer: number | null; message: string }
  | { kind: 'failed'; message: string }
  /** Superseded by a newer request; its work was stopped. */
  | { kind: 'stale' };

/** Measured on a 2-core machine under load (software rendering): a million dots took 8.7 s in the
 * app, 9.0 s on a fresh Node process (1.9 million, near the limit, 8.4 s). Over six times the worst. */
export const DOTS_JOB_TIMEOUT_MS = 60_000;
/** The client's densest stubble (130 FU/cm², no hair loss) took 3.8 s in the app, 5.3 s with
 * scars on a fresh Node process, on the same machine. Over five times the worst. */
export const LOOK_JOB_TIMEOUT_MS = 30_000;

const spawnDotsWorker = () => new Worker(new URL('../../workers/dots.worker.ts', import.meta.url), { type: 'module', name: 'dots' });

/** Only the chart, landmarks and measures cross over: the sampler needs nothing else of the head. */
const slimHead = (head: DotsHead): DotsHead => ({ chart: head.chart, landmarks: head.landmarks, measures: head.measures });

export class DotsClient {
  private readonly jobs: JobClient<DotsWorkerApi>;

  constructor(factory: () => Worker = spawnDotsWorker, timeoutMs = DOTS_JOB_TIMEOUT_MS) {
    this.jobs = new JobClient<DotsWorkerApi>(factory, 'The dots could not be generated', { timeoutMs });
  }

  async request(head: DotsHead, design: Design, onProgress?: (fraction: number) => void): Promise<DotsOutcome> {
    const outcome = await this.jobs.request<DotsJobResult>((api) => api.generate(slimHead(head), design, onProgress ? Comlink.proxy(onProgress) : undefined));
    if (outcome.kind !== 'ok') return outcome;
    const result = outcome.value;
    return result.ok ? { kind: 'ok', dots: result.dots, ms: outcome.ms } : { kind: 'invalid', layer: result.layer, message: result.message };
  }

  dispose(): void {
    this.jobs.dispose();
  }
}

/** The client's stubble and scar map, on a dots worker of its own, so it never waits for or
 * cancels the dots. */
export class LookClient {
  private readonly jobs: JobClient<DotsWorkerApi>;

  constructor(factory: () => Worker = spawnDotsWorker, timeoutMs = LOOK_JOB_TIMEOUT_MS) {
    this.jobs = new JobClient<DotsWorkerApi>(factory, "The client's hair and scars could not be drawn", { timeoutMs });
  }

  request(head: DotsHead, design: Design): Promise<JobOutcome<ScalpLook>> {
    return this.jobs.request((api) => api.look(slimHead(head), design));
  }

  dispose(): void {
    this.jobs.dispose();
  }
}
