/** The background jobs the design asks for, on the worker clients they are given: the head of
 * its measures and sex, the dots of its sessions, the client's own scalp (stubble, scars) and the
 * touch-up plans (planJobs.ts); their statuses, and "Try again" for those that failed. The head's
 * and the dots' typed arrays are only replaced when new ones arrive. */
import type { Design, DotSet, HeadInput, HeadMeasures, HeadModel, ScalpLook, Sex } from '../model';
import type { HeadClient, HeadOutcome, HeadShape } from './headClient';
import type { DotsClient, LookClient } from './dotsClient';
import type { FadeClient } from './fadeClient';
import { lookKey, samplingKey } from './layers';
import { jobError, type ErrorState, type FailedJobs, type GetState, type SetState } from './errors';
import { withdrawEdit, type DesignHistory, type DesignState } from './designHistory';
import { createPlanJobs, initialPlans, type FadePlans } from './planJobs';

export type HeadStatus = 'loading' | 'ready' | 'error';
export type DotsStatus = 'idle' | 'generating' | 'ready' | 'error';

/** The workers' main-thread sides the jobs run on (fakes in unit tests). */
export interface JobClients {
  head: Pick<HeadClient, 'request'>;
  dots: Pick<DotsClient, 'request'>;
  /** The client's scalp is made by a second dots worker, so it never waits for or cancels the dots. */
  look: Pick<LookClient, 'request'>;
  fade: Pick<FadeClient, 'plans'>;
}

export interface JobsState {
  /** The head on screen (or about to be); replaced only when a new head arrives. */
  head: HeadModel | null;
  headStatus: HeadStatus;
  /** The dots of `dotsHead` for the design's sampling fields; replaced only when new dots arrive. */
  dots: DotSet | null;
  dotsHead: HeadModel | null;
  dotsStatus: DotsStatus;
  /** 0..1 while generating. */
  dotsProgress: number;
  /** How long the last generation took (ms), for the readout. */
  dotsMs: number;
  /** The client's own scalp (stubble, scars) for `lookHead`; replaced only when a new one arrives. */
  look: ScalpLook | null;
  lookHead: HeadModel | null;
  lookStatus: DotsStatus;
  /** Touch-up plans over the timeline for the design's scenario and the comparison presets. */
  fadePlans: FadePlans;
}

export interface JobsActions {
  /** Builds a head of these measures; the design takes them only if the head could be built.
   * Resolves to what became of the request. */
  applyMeasures(measures: Partial<HeadMeasures> & { sex?: Sex }): Promise<HeadOutcome['kind']>;
  /** Rebuilds the head with the face and bust of this sex, as one step of the history. */
  setHeadSex(sex: Sex): Promise<HeadOutcome['kind']>;
  /** Replaces the design by a parsed one (from a file): all of it or, on failure, nothing. */
  openDesign(design: Design): Promise<void>;
  /** Runs again every background job (head, dots, client's scalp, plans) whose last run failed. */
  retryFailed(): void;
}

export const initialJobs = (): JobsState => ({
  head: null,
  headStatus: 'loading',
  dots: null,
  dotsHead: null,
  dotsStatus: 'idle',
  dotsProgress: 0,
  dotsMs: 0,
  look: null,
  lookHead: null,
  lookStatus: 'idle',
  fadePlans: initialPlans(),
});

/** Sliders move faster than dots can be made: wait this long after the last change. */
export const DOTS_DEBOUNCE_MS = 120;

/** The design's head (measures and sex) that a built head shows. */
function headOf(head: HeadModel): Design['head'] {
  return { ...head.measures, sex: head.sex };
}

/** Whether the head shown is of these measures and sex. */
function isHeadOf(head: HeadModel | null, d: Design['head']): boolean {
  if (!head) return false;
  const m = head.measures;
  return m.circumferenceMm === d.circumferenceMm && m.lengthMm === d.lengthMm && m.breadthMm === d.breadthMm && head.sex === d.sex;
}

type Store = JobsState & DesignState & ErrorState;

export interface Jobs {
  actions: JobsActions;
  /** After an undo or redo: a head of the design's measures and sex, if the one shown is of others. */
  headForDesign(): Promise<void>;
}

/** The jobs, run on `clients`; `subscribe` tells them of every change of the store, so that a
 * new head or design asks for what it needs. */
export function createJobs(
  set: SetState<Store>,
  get: GetState<Store>,
  subscribe: (listener: (s: Store, prev: Store) => void) => unknown,
  clients: JobClients,
  history: Pick<DesignHistory, 'commit'>,
): Jobs {
  const failedJobs: FailedJobs = new Map();

  /** Runs a head job; `commit` builds the next design from the new head. */
  async function buildHead(measures: HeadInput, commit: (head: HeadModel) => Design, errorPrefix = '') {
    set({ headStatus: 'loading' });
    const outcome = await clients.head.request(measures, prefetchDots);
    switch (outcome.kind) {
      case 'stale':
        break;
      case 'ok':
        failedJobs.delete('head');
        set({ head: outcome.head, headStatus: 'ready' });
        history.commit(commit(outcome.head));
        set({ error: null });
        break;
      case 'invalid':
        // Refused input: the head on screen stays, the reason is shown.
        set({
          headStatus: get().head ? 'ready' : 'error',
          error: { message: errorPrefix + outcome.message, field: outcome.field },
        });
        break;
      case 'failed':
        failedJobs.set('head', () => void buildHead(measures, commit, errorPrefix));
        set({ headStatus: 'error', error: jobError(errorPrefix + outcome.message) });
    }
    return outcome.kind;
  }

  async function headForDesign() {
    const m = get().design.head;
    if (isHeadOf(get().head, m)) return;
    set({ headStatus: 'loading' });
    const outcome = await clients.head.request(m, prefetchDots);
    if (outcome.kind === 'ok') {
      failedJobs.delete('head');
      set({ head: outcome.head, headStatus: 'ready' });
    } else if (outcome.kind === 'invalid') {
      set({ headStatus: get().head ? 'ready' : 'error', error: { message: outcome.message, field: null } });
    } else if (outcome.kind === 'failed') {
      failedJobs.set('head', () => void headForDesign());
      set({ headStatus: get().head ? 'ready' : 'error', error: jobError(outcome.message) });
    }
  }

  /** The last design whose dots were made, to fall back to when a change is refused. */
  let lastGoodLayers: Design['layers'] | null = null;
  let lastGoodHairline: Design['hairline'] | null = null;
  let requestedKey = '';
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Dots asked for while their head was still being finished (its chart comes first). */
  let early: { key: string; outcome: ReturnType<JobClients['dots']['request']> } | null = null;

  /** Starts the design's dots on a head's chart while the worker finishes the head (its occlusion
   * and coarse mesh, about a second): when the head arrives with the design unchanged, its dots
   * are on their way. The client's scalp waits for the head: a third worker would slow the head
   * itself on a 2-core device. */
  function prefetchDots(shape: HeadShape) {
    const design = get().design;
    early = { key: samplingKey(shape, design), outcome: clients.dots.request(shape, design, (f) => set({ dotsProgress: f })) };
  }

  /** Asks for new dots when the head or the design's sampling fields changed (shade, visibility
   * and names only re-colour). A newer request cancels the one running. */
  function scheduleDots() {
    const { head, design } = get();
    if (!head) return;
    const key = samplingKey(head, design);
    if (key === requestedKey) return;
    requestedKey = key;
    if (timer) clearTimeout(timer);
    set({ dotsStatus: 'generating', dotsProgress: 0 });
    const prefetched = early?.key === key ? early.outcome : null;
    early = null;
    const request = () => clients.dots.request(head, design, (f) => set({ dotsProgress: f }));
    const run = async () => {
      timer = null;
      // Dots started on the chart are those of this head and design; if a newer request stopped
      // them (an edit while the head was built), they are asked for again.
      let outcome = prefetched ? await prefetched : await request();
      if (prefetched && outcome.kind === 'stale' && requestedKey === key) outcome = await request();
      switch (outcome.kind) {
        case 'stale':
          break;
        case 'ok':
          failedJobs.delete('dots');
          lastGoodLayers = design.layers;
          lastGoodHairline = design.hairline;
          set({ dots: outcome.dots, dotsHead: head, dotsStatus: 'ready', dotsProgress: 1, dotsMs: outcome.ms });
          break;
        case 'invalid': {
          // Refused (too many dots): back to the last layers that worked, which are still on screen.
          const current = get().design;
          const back = { ...current, layers: lastGoodLayers ?? current.layers, hairline: lastGoodHairline ?? current.hairline };
          requestedKey = samplingKey(head, back);
          set({
            ...withdrawEdit(get(), back, (earlier) => samplingKey(head, earlier) === requestedKey),
            dotsStatus: get().dots ? 'ready' : 'error',
            error: { message: outcome.message, field: null },
          });
          break;
        }
        case 'failed':
          requestedKey = '';
          failedJobs.set('dots', scheduleDots);
          set({ dotsStatus: 'error', error: jobError(outcome.message) });
      }
    };
    // Prefetched dots need no wait: no slider is moving.
    if (prefetched) void run();
    else timer = setTimeout(run, DOTS_DEBOUNCE_MS);
  }

  let requestedLook = '';
  /** Told when the design's dots are no longer being made. */
  let dotsWaiters: (() => void)[] = [];
  const dotsMade = () => new Promise<void>((resolve) => dotsWaiters.push(resolve));

  /** Asks for the client's stubble and scar map when the head or what shapes them changed. When
   * the design's dots are being made too (a new head), they come first: on a software renderer
   * each is baked for seconds one after the other (the stubble 4 s, the dots 1 s, on 2 cores),
   * and the design is what the consultation is about. */
  async function scheduleLook() {
    const { head, design } = get();
    if (!head) return;
    const key = lookKey(head, design);
    if (key === requestedLook) return;
    requestedLook = key;
    set({ lookStatus: 'generating' });
    if (get().dotsStatus === 'generating') {
      await dotsMade();
      if (requestedLook !== key) return;
    }
    const outcome = await clients.look.request(head, design);
    if (outcome.kind === 'ok') {
      failedJobs.delete('look');
      set({ look: outcome.value, lookHead: head, lookStatus: 'ready' });
    } else if (outcome.kind === 'failed') {
      requestedLook = '';
      failedJobs.set('look', () => void scheduleLook());
      set({ lookStatus: 'error', error: jobError(outcome.message) });
    }
  }

  const schedulePlans = createPlanJobs(set, get, clients.fade, failedJobs);

  subscribe((s, prev) => {
    if (dotsWaiters.length && s.dotsStatus !== 'generating') {
      const waiting = dotsWaiters;
      dotsWaiters = [];
      for (const resolve of waiting) resolve();
    }
    if (s.head !== prev.head || s.design !== prev.design) {
      scheduleDots();
      void scheduleLook();
    }
    if (s.dots !== prev.dots || s.design !== prev.design) schedulePlans();
  });

  const actions: JobsActions = {
    applyMeasures(measures) {
      // New measures keep the design's sex unless told otherwise.
      const input = { sex: get().design.head.sex, ...measures };
      return buildHead(input, (head) => ({ ...get().design, head: headOf(head) }));
    },
    setHeadSex(sex) {
      const { design, head } = get();
      if (design.head.sex === sex && isHeadOf(head, design.head)) return Promise.resolve('ok');
      return buildHead({ ...design.head, sex }, (built) => ({ ...get().design, head: headOf(built) }));
    },
    async openDesign(design) {
      if (isHeadOf(get().head, design.head)) {
        history.commit(design);
        return;
      }
      await buildHead(design.head, (head) => ({ ...design, head: headOf(head) }), 'This design file cannot be used: ');
    },
    retryFailed() {
      const again = [...failedJobs.values()];
      failedJobs.clear();
      set({ error: null });
      for (const run of again) run();
    },
  };

  return { actions, headForDesign };
}
