/** The touch-up plans over the timeline, for the dots on screen: the design's own scenario, the
 * comparison presets, then the aftercare variants of the design's scenario. */
import { aftercareScenarios, fadePreset, FADE_PRESETS, type Design, type DotSet, type FadePreset, type HeadModel, type TouchUpPlan } from '../model';
import type { FadeClient } from './fadeClient';
import { jobError, type ErrorState, type FailedJobs, type GetState, type SetState } from './errors';

export interface FadePlans {
  status: 'idle' | 'running' | 'ready' | 'error';
  /** The design's own scenario; null until computed or when its scenario was refused. */
  own: TouchUpPlan | null;
  /** The comparison scenarios, in FADE_PRESETS order. */
  presets: { id: FadePreset; plan: TouchUpPlan }[];
  /** Plans of the aftercare variants of the design's scenario (aftercareScenarios), by id; null
   * while they are made (after `own`). */
  aftercare: Record<string, TouchUpPlan> | null;
  message: string | null;
}

export const initialPlans = (): FadePlans => ({ status: 'idle', own: null, presets: [], aftercare: null, message: null });

/** The timeline's horizon for touch-up plans, years. */
export const PLAN_HORIZON_YEARS = 20;
/** Plans wait for the design to settle a little longer than dots: they are not on the head. */
export const PLAN_DEBOUNCE_MS = 300;

interface PlanState extends ErrorState {
  fadePlans: FadePlans;
}
/** What plans are made for. */
interface PlanInput {
  design: Design;
  dots: DotSet | null;
  dotsHead: HeadModel | null;
}

/** Returns `schedulePlans`: plans for the dots on screen, when they or the design changed. */
export function createPlanJobs(set: SetState<PlanState>, get: GetState<PlanState & PlanInput>, fadeClient: Pick<FadeClient, 'plans'>, failedJobs: FailedJobs): () => void {
  let requestedPlans = '';
  let planTimer: ReturnType<typeof setTimeout> | null = null;

  /** Plans touch-ups for the dots on screen under the design's scenario and the presets. */
  function schedulePlans() {
    const { dots, dotsHead, design } = get();
    if (!dots || !dotsHead) return;
    const key = JSON.stringify([dots.count, dotsHead.measures, design.fade, design.skin, design.hair, design.pigment, design.scars, design.layers.map((l) => l.shade)]);
    if (key === requestedPlans) return;
    requestedPlans = key;
    if (planTimer) clearTimeout(planTimer);
    set({ fadePlans: { ...get().fadePlans, status: 'running' } });
    planTimer = setTimeout(async () => {
      planTimer = null;
      // The design's own plan and the presets first (the timeline and the panel wait for them),
      // then the aftercare variants (about as many again).
      const scenarios = [design.fade, ...FADE_PRESETS.map((id) => fadePreset(id))];
      const outcome = await fadeClient.plans(dotsHead, design, dots, scenarios, PLAN_HORIZON_YEARS);
      if (outcome.kind === 'stale') return;
      if (outcome.kind === 'failed') {
        requestedPlans = '';
        failedJobs.set('plans', schedulePlans);
        set({ fadePlans: { ...get().fadePlans, status: 'error', message: outcome.message }, error: jobError(outcome.message) });
        return;
      }
      failedJobs.delete('plans');
      const [own, ...presets] = outcome.value;
      set({
        fadePlans: {
          status: own.ok ? 'ready' : 'error',
          own: own.ok ? own.plan : null,
          presets: presets.flatMap((r, k) => (r.ok ? [{ id: FADE_PRESETS[k], plan: r.plan }] : [])),
          aftercare: null,
          message: own.ok ? null : own.message,
        },
      });
      if (!own.ok) return;
      const variants = aftercareScenarios(design.fade);
      const more = await fadeClient.plans(
        dotsHead,
        design,
        dots,
        variants.map((v) => v.scenario),
        PLAN_HORIZON_YEARS,
      );
      if (more.kind === 'stale') return;
      if (more.kind === 'failed') {
        // The advice then says "not estimated" for each rule.
        requestedPlans = '';
        failedJobs.set('plans', schedulePlans);
        set({ fadePlans: { ...get().fadePlans, aftercare: {} }, error: jobError(more.message) });
        return;
      }
      const aftercare: Record<string, TouchUpPlan> = {};
      more.value.forEach((r, k) => {
        if (r.ok) aftercare[variants[k].id] = r.plan;
      });
      set({ fadePlans: { ...get().fadePlans, aftercare } });
    }, PLAN_DEBOUNCE_MS);
  }

  return schedulePlans;
}
