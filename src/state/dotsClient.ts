/** Main-thread side of the dots worker (see JobClient: newer requests cancel older ones, a
 * crashed worker is restarted and the job retried once). */
import * as Comlink from 'comlink';
import type { Design, DotSet, DotsHead } from '../model';
import type { DotsJobResult, DotsWorkerApi } from '../../workers/dots.worker';
import { JobClient } from './jobClient';

export type DotsOutcome =
  | { kind: 'ok'; dots: DotSet; ms: number }
  | { kind: 'invalid'; layer: number | null; message: string }
  | { kind: 'failed'; message: string }
  /** Superseded by a newer request; its work was stopped. */
  | { kind: 'stale' };

export const spawnDotsWorker = () => new Worker(new URL('../../workers/dots.worker.ts', import.meta.url), { type: 'module', name: 'dots' });

export class DotsClient {
  private readonly jobs: JobClient<DotsWorkerApi>;

  constructor(factory: () => Worker = spawnDotsWorker) {
    this.jobs = new JobClient<DotsWorkerApi>(factory, 'The dots could not be generated');
  }

  async request(head: DotsHead, design: Design, onProgress?: (fraction: number) => void): Promise<DotsOutcome> {
    // Only the chart, landmarks and measures cross over: the sampler needs nothing else of the head.
    const slim: DotsHead = { chart: head.chart, landmarks: head.landmarks, measures: head.measures };
    const outcome = await this.jobs.request<DotsJobResult>((api) => api.generate(slim, design, onProgress ? Comlink.proxy(onProgress) : undefined));
    if (outcome.kind !== 'ok') return outcome;
    const result = outcome.value;
    return result.ok ? { kind: 'ok', dots: result.dots, ms: outcome.ms } : { kind: 'invalid', layer: result.layer, message: result.message };
  }

  dispose(): void {
    this.jobs.dispose();
  }
}
