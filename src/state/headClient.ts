/** Main-thread side of the head worker (see JobClient: a worker that crashes or goes silent is
 * restarted and the job retried once before the failure is reported). A newer request lets the
 * head being built finish on the same worker and drops it. */
import * as Comlink from 'comlink';
import type { HeadInput, HeadModel } from '../model';
import type { HeadJobResult, HeadShape, HeadWorkerApi } from '../../workers/head.worker';

export type { HeadShape } from '../../workers/head.worker';
import { JobClient } from './jobClient';

export type HeadOutcome =
  | { kind: 'ok'; head: HeadModel }
  | { kind: 'invalid'; field: string; message: string }
  | { kind: 'failed'; message: string }
  /** A newer request was made while this one ran: its result is dropped. */
  | { kind: 'stale' };

/** Measured on a 2-core machine under load (software rendering): a head took 6.5 s in the app,
 * 9.0 s for the first with the page loading, 7.2 s on a fresh Node process. A request may also
 * wait for the head being built before it. Five times the worst, for slower devices. */
export const HEAD_JOB_TIMEOUT_MS = 45_000;

const spawn = () => new Worker(new URL('../../workers/head.worker.ts', import.meta.url), { type: 'module', name: 'head' });

export class HeadClient {
  private readonly jobs: JobClient<HeadWorkerApi>;

  constructor(factory: () => Worker = spawn, timeoutMs = HEAD_JOB_TIMEOUT_MS) {
    this.jobs = new JobClient<HeadWorkerApi>(factory, 'The 3D head could not be built', { timeoutMs, supersede: 'queue' });
  }

  /** A head of these measures and sex ('male' when not given). `onShape` is told what the dots
   * need of it (its scalp chart) as soon as that is built, before the rest. */
  async request(measures: HeadInput, onShape?: (shape: HeadShape) => void): Promise<HeadOutcome> {
    const outcome = await this.jobs.request<HeadJobResult>((api) => api.createHead(measures, onShape ? Comlink.proxy(onShape) : undefined));
    if (outcome.kind !== 'ok') return outcome;
    const result = outcome.value;
    return result.ok ? { kind: 'ok', head: result.head } : { kind: 'invalid', field: result.field, message: result.message };
  }

  /** Has the worker start now and look up the head of these measures ahead of its request. */
  prefetch(measures: HeadInput): void {
    this.jobs.warm((api) => api.prefetch(measures));
  }

  dispose(): void {
    this.jobs.dispose();
  }
}
