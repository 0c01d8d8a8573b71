/** Simulates fading and plans touch-ups off the main thread. Results go back transferred, not
 * copied; progress is reported through a callback, the simulation giving the event loop a turn
 * every few tens of milliseconds so it gets out. A job that is no longer wanted is stopped by
 * terminating the worker (state/jobClient.ts). Pass the last result's `concentration` and
 * `diameterMm` back (transferred) as `options.reuse`: writing into memory already touched is much
 * faster. */
import * as Comlink from 'comlink';
import { dotsOnScar, scarField, type Design, type DotsHead } from '../src/model';
import { FadeInputError } from '../src/model';
import { simulateFadeSteps, type FadeDots, type FadeHead, type FadeOptions, type FadeResult } from '../src/model';
import { planTouchUps, type TouchUpPlan } from '../src/model';

export type FadeJobResult = { ok: true; result: FadeResult } | { ok: false; field: string | null; message: string };
export type PlanJobResult = { ok: true; plan: TouchUpPlan } | { ok: false; field: string | null; message: string };

/** How long the simulation runs before letting messages out. */
const SLICE_MS = 30;
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const api = {
  async simulate(
    head: FadeHead,
    design: Design,
    dots: FadeDots,
    years: number[],
    scenario: unknown,
    options: Pick<FadeOptions, 'onScar' | 'perDot' | 'reuse'> = {},
    onProgress?: (fraction: number) => void,
  ): Promise<FadeJobResult> {
    try {
      const steps = simulateFadeSteps(head, design, dots, years, scenario, options);
      let sliceStart = performance.now();
      for (;;) {
        const r = steps.next();
        if (r.done) {
          onProgress?.(1);
          const res = r.value;
          const arrays = [res.healedRetention, res.decayPerYear, res.spreadMm2PerYear, res.concentration, res.diameterMm, res.colorRamp.lab];
          const buffers = arrays.filter((a): a is Float32Array => a !== null).map((a) => a.buffer as ArrayBuffer);
          return Comlink.transfer({ ok: true, result: res }, buffers);
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          onProgress?.(r.value);
          await turn();
          sliceStart = performance.now();
        }
      }
    } catch (e) {
      // Bad input is an answer with its reason, not a crash.
      if (e instanceof FadeInputError) return { ok: false, field: e.field, message: e.message };
      throw e;
    }
  },
};

/** Touch-up plans for the design's own scenario and for comparison scenarios, in one job: the
 * dots on scar tissue are found once (scar tissue spreads healing loss wider). */
function planAll(head: DotsHead, design: Design, dots: FadeDots & { positions: Float32Array }, scenarios: unknown[], horizonYears: number, totalDots = dots.count): PlanJobResult[] {
  const onScar = design.scars.length ? dotsOnScar(head, scarField(head, design.scars, design.seed), dots) : undefined;
  return scenarios.map((scenario) => {
    try {
      return { ok: true, plan: planTouchUps(head, design, dots, scenario, horizonYears, { onScar, totalDots }) } as const;
    } catch (e) {
      if (e instanceof FadeInputError) return { ok: false, field: e.field, message: e.message } as const;
      throw e;
    }
  });
}

export type FadeWorkerApi = typeof api & { planAll: typeof planAll };
Object.assign(api, { planAll });

Comlink.expose(api);
