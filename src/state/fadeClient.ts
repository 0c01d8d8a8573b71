/** Main-thread side of the fade worker: touch-up plans for the design's scenario and the
 * comparison scenarios (see JobClient: newer requests cancel older ones, a crashed worker is
 * restarted and the job retried once, then reported). */
import * as Comlink from 'comlink';
import { planSample, type Design, type DotSet, type DotsHead, type FadeResult, type TouchUpPlan } from '../model';
import type { FadeJobResult, FadeWorkerApi, PlanJobResult } from '../../workers/fade.worker';
import { JobClient, type JobOutcome } from './jobClient';

const spawn = () => new Worker(new URL('../../workers/fade.worker.ts', import.meta.url), { type: 'module', name: 'fade' });

export type PlansOutcome = JobOutcome<PlanJobResult[]>;

export class FadeClient {
  private readonly jobs: JobClient<FadeWorkerApi>;

  constructor(factory: () => Worker = spawn) {
    this.jobs = new JobClient<FadeWorkerApi>(factory, 'The fading simulation could not be run');
  }

  /** Plans over `horizonYears` for each scenario, the design's own first. */
  plans(head: DotsHead, design: Design, dots: DotSet, scenarios: unknown[], horizonYears: number): Promise<PlansOutcome> {
    const slim: DotsHead = { chart: head.chart, landmarks: head.landmarks, measures: head.measures };
    // Only the dots the plan is computed on cross over (at most PLAN_MAX_DOTS, copied: the
    // renderer keeps its own), with the count of all of them.
    const all = { count: dots.count, positions: dots.positions, normals: dots.normals, diameterMm: dots.diameterMm, shade: dots.shade, layerAreaCm2: dots.layerAreaCm2 };
    const { dots: d } = planSample(all);
    return this.jobs.request<PlanJobResult[]>((api) => api.planAll(slim, design, d, scenarios, horizonYears, dots.count));
  }

  /** Every dot's pigment and size at each of `years` (per-dot arrays, transferred back). Pass the
   * last result as `recycle` when done with it: its per-dot arrays go back to the worker to be
   * written again (memory already touched is much faster to fill than fresh), and are unusable here. */
  simulate(design: Design, dots: DotSet, years: number[], recycle?: FadeResult | null): Promise<JobOutcome<FadeJobResult>> {
    const d = { count: dots.count, normals: dots.normals, diameterMm: dots.diameterMm, shade: dots.shade, layerAreaCm2: dots.layerAreaCm2 };
    const id = ++jobId;
    const reuse = { concentration: recycle?.concentration ?? null, diameterMm: recycle?.diameterMm ?? null };
    const buffers = [reuse.concentration, reuse.diameterMm].filter((a): a is Float32Array => a !== null && a.byteLength > 0).map((a) => a.buffer as ArrayBuffer);
    const options = Comlink.transfer({ reuse }, buffers);
    return this.jobs.request<FadeJobResult>((api) => api.simulate(id, { landmarks: {} as DotsHead['landmarks'] }, design, d, years, design.fade, options));
  }
}

let jobId = 0;

export type { TouchUpPlan };
