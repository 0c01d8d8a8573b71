/** Main-thread side of the fade worker: touch-up plans for the design's scenario and the
 * comparison scenarios, and per-dot fading (see JobClient: newer requests cancel older ones of the
 * same kind, a worker that crashes or goes silent is restarted and the job retried once, then
 * reported). Plans and simulations have a worker each, so neither makes the other stale: a stale
 * plan would leave the plans' status running with no newer plan to settle it. */
import * as Comlink from 'comlink';
import { planSample, type Design, type DotSet, type DotsHead, type FadeResult, type TouchUpPlan } from '../model';
import type { FadeJobResult, FadeWorkerApi, PlanJobResult } from '../../workers/fade.worker';
import { JobClient, type JobOutcome } from './jobClient';

const spawn = () => new Worker(new URL('../../workers/fade.worker.ts', import.meta.url), { type: 'module', name: 'fade' });

export type PlansOutcome = JobOutcome<PlanJobResult[]>;

/** Measured on a 2-core machine under load (software rendering), with a million dots: a plans job
 * took 3.4 s in the app, 4.3 s on a fresh Node process (the seven aftercare scenarios); simulating
 * 20 years 1.4 s in the app, 1.9 s in Node. Seven and ten times the worst. */
export const FADE_JOB_TIMEOUTS_MS = { plans: 30_000, simulate: 20_000 };

export class FadeClient {
  private readonly planJobs: JobClient<FadeWorkerApi>;
  private readonly simulateJobs: JobClient<FadeWorkerApi>;

  constructor(factory: () => Worker = spawn, timeoutsMs = FADE_JOB_TIMEOUTS_MS) {
    this.planJobs = new JobClient<FadeWorkerApi>(factory, 'The touch-up plan could not be made', { timeoutMs: timeoutsMs.plans });
    this.simulateJobs = new JobClient<FadeWorkerApi>(factory, 'The fading simulation could not be run', { timeoutMs: timeoutsMs.simulate });
  }

  /** Plans over `horizonYears` for each scenario, the design's own first. */
  plans(head: DotsHead, design: Design, dots: DotSet, scenarios: unknown[], horizonYears: number): Promise<PlansOutcome> {
    const slim: DotsHead = { chart: head.chart, landmarks: head.landmarks, measures: head.measures };
    // Only the dots the plan is computed on cross over (at most PLAN_MAX_DOTS, copied: the
    // renderer keeps its own), with the count of all of them.
    const all = { count: dots.count, positions: dots.positions, normals: dots.normals, diameterMm: dots.diameterMm, shade: dots.shade, layerAreaCm2: dots.layerAreaCm2 };
    const { dots: d } = planSample(all);
    return this.planJobs.request<PlanJobResult[]>((api) => api.planAll(slim, design, d, scenarios, horizonYears, dots.count));
  }

  /** Every dot's pigment and size at each of `years` (per-dot arrays, transferred back). Pass the
   * last result as `recycle` when done with it: its per-dot arrays go back to the worker to be
   * written again (memory already touched is much faster to fill than fresh), and are unusable here. */
  simulate(design: Design, dots: DotSet, years: number[], recycle?: FadeResult | null): Promise<JobOutcome<FadeJobResult>> {
    const d = { count: dots.count, normals: dots.normals, diameterMm: dots.diameterMm, shade: dots.shade, layerAreaCm2: dots.layerAreaCm2 };
    const reuse = { concentration: recycle?.concentration ?? null, diameterMm: recycle?.diameterMm ?? null };
    const buffers = [reuse.concentration, reuse.diameterMm].filter((a): a is Float32Array => a !== null && a.byteLength > 0).map((a) => a.buffer as ArrayBuffer);
    const options = Comlink.transfer({ reuse }, buffers);
    return this.simulateJobs.request<FadeJobResult>((api) => api.simulate({ landmarks: {} as DotsHead['landmarks'] }, design, d, years, design.fade, options));
  }
}

export type { TouchUpPlan };
