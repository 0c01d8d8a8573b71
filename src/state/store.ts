/** The app's one store: the design, the mode, the view, UI toggles and the head job.
 * Per-frame values never pass through here; the head's typed arrays are only replaced when a
 * new head arrives. */
import { create } from 'zustand';
import {
  aftercareScenarios,
  designSchema,
  defaultDesign,
  mergeRefusal,
  fadePreset,
  FADE_PRESETS,
  HEALED_YEARS,
  type FadePreset,
  type TouchUpPlan,
  MAX_HAIR_CORRECTIONS,
  type ScalpLook,
  type Vec3,
  type Design,
  type DotSet,
  type HeadInput,
  type HeadMeasures,
  type HeadModel,
  type Lab,
  type Sex,
  type Layer,
} from '../model';
import { HeadClient, type HeadOutcome } from './headClient';
import { DotsClient, LOOK_JOB_TIMEOUT_MS, spawnDotsWorker } from './dotsClient';
import { JobClient } from './jobClient';
import { FadeClient } from './fadeClient';
import { lookKey, newLayer, samplingKey } from './layers';
import type { DotsWorkerApi } from '../../workers/dots.worker';

export type Mode = 'consultation' | 'home' | 'training';
export const MODES: readonly Mode[] = ['consultation', 'home', 'training'];

export type CameraPreset = 'front' | 'left' | 'right' | 'back' | 'top';
export const CAMERA_PRESETS: readonly CameraPreset[] = ['front', 'left', 'right', 'back', 'top'];
/** 'free' once the user has orbited away from a preset. */
export type View = CameraPreset | 'free';

/** A camera move asked for by the UI; `id` changes on every request so the same preset can be asked twice. */
export interface CameraCommand {
  id: number;
  to: CameraPreset | 'working-distance' | 'hairline' | 'focus';
  /** For 'focus': the point looked at from the working distance along `normal` (mm). */
  focus?: { at: Vec3; normal: Vec3 };
}

export type HeadStatus = 'loading' | 'ready' | 'error';

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

/** What a press on the head does: turn the camera, drag the hairline's handles, paint where the
 * client's hair grows, or outline a scar point by point. */
export type Tool = 'orbit' | 'hairline' | 'brush' | 'scar' | 'place';
export interface Brush {
  mode: 'add' | 'remove';
  radiusMm: number;
}
export type DotsStatus = 'idle' | 'generating' | 'ready' | 'error';

export interface Lighting {
  exposure: number;
  key: number;
  fill: number;
  rim: number;
  environment: number;
}

export const DEFAULT_LIGHTING: Lighting = { exposure: 1, key: 2.3, fill: 0.7, rim: 1.4, environment: 0.8 };

export interface AppError {
  message: string;
  /** The input the message is about (a head measure), to mark it invalid. */
  field: string | null;
  /** A background job failed: the alert offers to run the failed jobs again (actions.retryFailed). */
  retry?: boolean;
}

export interface AppState {
  design: Design;
  mode: Mode;
  view: View;
  camera: CameraCommand;
  showLandmarks: boolean;
  showRegion: boolean;
  lighting: Lighting;
  /** The head on screen (or about to be); replaced only when a new head arrives. */
  head: HeadModel | null;
  /** The head of the last frame drawn; equals `head` once it is on screen. */
  drawnHead: HeadModel | null;
  headStatus: HeadStatus;
  error: AppError | null;
  contextLost: boolean;
  /** Bumped when a lost WebGL context comes back, so GPU-side resources are rebuilt. */
  glEpoch: number;
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
  /** Years since the sessions shown on the head (0 fresh; HEALED_YEARS healed). */
  years: number;
  /** Before/after: a second year shown right of a divider at `split` (share of the viewer's width). */
  compare: { on: boolean; years: number; split: number };
  tool: Tool;
  brush: Brush;
  /** Points of a free scar being outlined on the head (mm). */
  scarDraft: Vec3[];
  showGuides: boolean;
  /** Earlier designs, newest last, and designs undone, newest last: every design edit is a step. */
  past: Design[];
  future: Design[];
  actions: Actions;
}

export interface Actions {
  setMode(mode: Mode): void;
  goTo(to: CameraCommand['to'], focus?: CameraCommand['focus']): void;
  /** The user moved the camera by hand. */
  freeView(): void;
  setShowLandmarks(on: boolean): void;
  setShowRegion(on: boolean): void;
  setLighting(lighting: Partial<Lighting>): void;
  setFitzpatrick(type: number): void;
  setCustomSkin(lab: Lab | null): void;
  /** Builds a head of these measures; the design takes them only if the head could be built.
   * Resolves to what became of the request. */
  applyMeasures(measures: Partial<HeadMeasures> & { sex?: Sex }): Promise<HeadOutcome['kind']>;
  /** Rebuilds the head with the face and bust of this sex, as one step of the history. */
  setHeadSex(sex: Sex): Promise<HeadOutcome['kind']>;
  /** Replaces the design by a parsed one (from a file): all of it or, on failure, nothing. */
  openDesign(design: Design): Promise<void>;
  headDrawn(head: HeadModel): void;
  setContextLost(lost: boolean): void;
  showError(message: string, field?: string | null): void;
  dismissError(): void;
  /** Runs again every background job (head, dots, client's scalp, plans) whose last run failed. */
  retryFailed(): void;
  /** Changes one session; a change that would make dots merge is refused with the reason. */
  updateLayer(id: string, patch: Partial<Omit<Layer, 'id'>>): void;
  addLayer(): void;
  removeLayer(id: string): void;
  setHairline(patch: Partial<Design['hairline']>): void;
  /** Pigment depth (mm) and tone; a depth outside 0.1-3 mm is refused with the range, nothing changes. */
  setPigment(patch: Partial<Design['pigment']>): void;
  setHair(hair: Design['hair']): void;
  /** Every session takes this ladder position (0 lightest .. 1 undiluted). */
  setShadeForAll(position: number): void;
  /** The year shown; refused with the reason outside 0-20 years. */
  setYears(years: number): void;
  setCompare(compare: Partial<AppState['compare']>): void;
  /** The client's habits and the clinic's touch-up rule and prices; a bad value is refused with the reason. */
  setFade(fade: Design['fade']): void;
  setTool(tool: Tool): void;
  setBrush(brush: Partial<Brush>): void;
  setShowGuides(on: boolean): void;
  setHairLoss(patch: Partial<Design['hairLoss']>): void;
  /** One brush stroke's corrections, as one step of the history. */
  addHairCorrections(corrections: Design['hairLoss']['corrections']): void;
  setStubble(patch: Partial<Design['stubble']>): void;
  setScars(scars: Design['scars']): void;
  setScarDraft(points: Vec3[]): void;
  /** Edits between these two make one step of the history: a slider dragged from one value to
   * another is undone in one step, not one per frame it moved. */
  beginGesture(): void;
  endGesture(): void;
  /** Back to the design before the last edit / forward again; nothing when there is none. */
  undo(): void;
  redo(): void;
  /** The design's name (a design saved under a new name), as one step of the history. */
  setDesignName(name: string): void;
  /** Puts back the history a temporary change of design replaced (scene/captureViews.ts). */
  restoreHistory(history: { past: Design[]; future: Design[] }): void;
}

/** The timeline's end: 20 years after the sessions. */
export const TIMELINE_MAX_YEARS = 20;

/** Steps of design history kept: designs are small objects, 200 of them a few hundred kB. */
export const HISTORY_LIMIT = 200;

const headClient = new HeadClient();
const dotsClient = new DotsClient();
/** The client's scalp is made by a second dots worker, so it never waits for or cancels the dots. */
export const fadeClient = new FadeClient();
/** The timeline's horizon for touch-up plans, years. */
export const PLAN_HORIZON_YEARS = 20;
const lookClient = new JobClient<DotsWorkerApi>(spawnDotsWorker, "The client's hair and scars could not be drawn", { timeoutMs: LOOK_JOB_TIMEOUT_MS });
/** Sliders move faster than dots can be made: wait this long after the last change. */
const DOTS_DEBOUNCE_MS = 120;
/** Plans wait for the design to settle a little longer: they are not on the head. */
const PLAN_DEBOUNCE_MS = 300;

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

/** The mode the page was opened in: a link a clinic sends can end in #home. */
function initialMode(): Mode {
  // '#home', or a share link '#home/d=…'.
  const hash = typeof location === 'undefined' ? '' : location.hash.replace(/^#\/?/, '').split('/')[0];
  return (MODES as readonly string[]).includes(hash) ? (hash as Mode) : 'consultation';
}

export const useAppStore = create<AppState>()((set, get) => {
  /** How to run again each kind of job whose last run failed, for "Try again". */
  const failedJobs = new Map<'head' | 'dots' | 'look' | 'plans', () => void>();
  /** A job failed: its message, with "Try again" offered. */
  const jobError = (message: string): AppError => ({ message, field: null, retry: true });

  /** Runs a head job; `commit` builds the next design from the new head. */
  async function buildHead(measures: HeadInput, commit: (head: HeadModel) => Design, errorPrefix = '') {
    set({ headStatus: 'loading' });
    const outcome = await headClient.request(measures);
    switch (outcome.kind) {
      case 'stale':
        break;
      case 'ok':
        failedJobs.delete('head');
        set({ head: outcome.head, headStatus: 'ready' });
        commitDesign(commit(outcome.head));
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

  /** After an undo or redo: a head of the design's measures and sex, if the one shown is of others. */
  async function headForDesign() {
    const m = get().design.head;
    if (isHeadOf(get().head, m)) return;
    set({ headStatus: 'loading' });
    const outcome = await headClient.request(m);
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

  /** Within a gesture, whether its first edit has already made the history step. */
  let gesture: { stepped: boolean } | null = null;

  /** The design becomes `next`, the one it replaces a step back in the history (the one before
   * the gesture, for the later edits of a gesture). */
  function commitDesign(next: Design) {
    const { design, past } = get();
    if (next === design) return;
    if (JSON.stringify(next) === JSON.stringify(design)) {
      set({ design: next, error: null });
      return;
    }
    if (gesture?.stepped) {
      set({ design: next, future: [], error: null });
      return;
    }
    if (gesture) gesture.stepped = true;
    set({ design: next, past: [...past, design].slice(-HISTORY_LIMIT), future: [], error: null });
  }

  /** Every change of the design goes through the schema; a refused change leaves it as it was. */
  function updateDesign(next: Design) {
    const result = designSchema.safeParse(next);
    if (result.success) commitDesign(result.data);
    else set({ error: { message: result.error.issues[0]?.message ?? 'Invalid design', field: null } });
  }

  /** The last design whose dots were made, to fall back to when a change is refused. */
  let lastGoodLayers: Design['layers'] | null = null;
  let lastGoodHairline: Design['hairline'] | null = null;
  let requestedKey = '';
  let timer: ReturnType<typeof setTimeout> | null = null;

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
    timer = setTimeout(async () => {
      timer = null;
      const outcome = await dotsClient.request(head, design, (f) => set({ dotsProgress: f }));
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
          // The refused step leaves no trace in the history: the design it came from is `back`.
          const past = get().past;
          const last = past[past.length - 1];
          const sameAsLast = last && samplingKey(head, last) === requestedKey;
          set({
            design: back,
            past: sameAsLast ? past.slice(0, -1) : past,
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
    }, DOTS_DEBOUNCE_MS);
  }
  let requestedLook = '';
  /** Asks for the client's stubble and scar map when the head or what shapes them changed. */
  async function scheduleLook() {
    const { head, design } = get();
    if (!head) return;
    const key = lookKey(head, design);
    if (key === requestedLook) return;
    requestedLook = key;
    set({ lookStatus: 'generating' });
    const slim = { chart: head.chart, landmarks: head.landmarks, measures: head.measures };
    const outcome = await lookClient.request((api) => api.look(slim, design));
    if (outcome.kind === 'ok') {
      failedJobs.delete('look');
      set({ look: outcome.value, lookHead: head, lookStatus: 'ready' });
    } else if (outcome.kind === 'failed') {
      requestedLook = '';
      failedJobs.set('look', () => void scheduleLook());
      set({ lookStatus: 'error', error: jobError(outcome.message) });
    }
  }

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

  queueMicrotask(() =>
    useAppStore.subscribe((s, prev) => {
      if (s.head !== prev.head || s.design !== prev.design) {
        scheduleDots();
        void scheduleLook();
      }
      if (s.dots !== prev.dots || s.design !== prev.design) schedulePlans();
    }),
  );

  const actions: Actions = {
    setMode(mode) {
      if (get().mode === mode) return;
      set(mode === 'training' ? { mode, showLandmarks: true } : { mode });
      if (typeof history !== 'undefined') history.replaceState(null, '', mode === 'consultation' ? location.pathname + location.search : `#${mode}`);
    },
    goTo(to, focus) {
      set({ camera: { id: get().camera.id + 1, to, focus }, view: to === 'working-distance' || to === 'hairline' || to === 'focus' ? 'free' : to });
    },
    freeView() {
      if (get().view !== 'free') set({ view: 'free' });
    },
    setShowLandmarks(on) {
      if (get().showLandmarks !== on) set({ showLandmarks: on });
    },
    setShowRegion(on) {
      if (get().showRegion !== on) set({ showRegion: on });
    },
    setLighting(lighting) {
      const current = get().lighting;
      const keys = Object.keys(lighting) as (keyof Lighting)[];
      if (keys.some((k) => lighting[k] !== undefined && lighting[k] !== current[k])) set({ lighting: { ...current, ...lighting } });
    },
    setFitzpatrick(type) {
      const { design } = get();
      updateDesign({ ...design, skin: { fitzpatrick: type, customLab: null } });
    },
    setCustomSkin(lab) {
      const { design } = get();
      updateDesign({ ...design, skin: { ...design.skin, customLab: lab } });
    },
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
        commitDesign(design);
        return;
      }
      await buildHead(design.head, (head) => ({ ...design, head: headOf(head) }), 'This design file cannot be used: ');
    },
    headDrawn(head) {
      if (get().drawnHead !== head) set({ drawnHead: head });
    },
    setContextLost(lost) {
      if (get().contextLost === lost) return;
      // While lost nothing is on screen; ready again only after a frame has been drawn.
      set(lost ? { contextLost: true, drawnHead: null } : { contextLost: false, glEpoch: get().glEpoch + 1 });
    },
    showError(message, field = null) {
      set({ error: { message, field } });
    },
    dismissError() {
      if (get().error) set({ error: null });
    },
    retryFailed() {
      const again = [...failedJobs.values()];
      failedJobs.clear();
      set({ error: null });
      for (const run of again) run();
    },
    updateLayer(id, patch) {
      const { design } = get();
      const index = design.layers.findIndex((l) => l.id === id);
      if (index < 0) return;
      const layer = { ...design.layers[index], ...patch };
      const refusal = mergeRefusal(layer, index);
      if (refusal) {
        set({ error: { message: refusal, field: `layer-${id}` } });
        return;
      }
      updateDesign({ ...design, layers: design.layers.map((l, k) => (k === index ? layer : l)) });
    },
    addLayer() {
      const { design } = get();
      updateDesign({ ...design, layers: [...design.layers, newLayer(design.layers)] });
    },
    removeLayer(id) {
      const { design } = get();
      updateDesign({ ...design, layers: design.layers.filter((l) => l.id !== id) });
    },
    setHairline(patch) {
      const { design } = get();
      updateDesign({ ...design, hairline: { ...design.hairline, ...patch } });
    },
    setPigment(patch) {
      const { design } = get();
      const pigment = { ...design.pigment, ...patch };
      const checked = designSchema.shape.pigment.safeParse(pigment);
      if (!checked.success) {
        set({ error: { message: checked.error.issues[0].message, field: `pigment.${checked.error.issues[0].path.join('.')}` } });
        return;
      }
      updateDesign({ ...design, pigment: checked.data });
    },
    setHair(hair) {
      const { design } = get();
      const checked = designSchema.shape.hair.safeParse(hair);
      if (!checked.success) {
        set({ error: { message: `Hair colour: ${checked.error.issues[0].message}`, field: `hair.${checked.error.issues[0].path.join('.')}` } });
        return;
      }
      updateDesign({ ...design, hair: checked.data });
    },
    setShadeForAll(position) {
      const { design } = get();
      const shade = Math.min(1, Math.max(0, position));
      updateDesign({ ...design, layers: design.layers.map((l) => ({ ...l, shade })) });
    },
    setYears(years) {
      if (!Number.isFinite(years) || years < 0 || years > TIMELINE_MAX_YEARS) {
        set({ error: { message: `The timeline runs from 0 (fresh) to ${TIMELINE_MAX_YEARS} years (got ${years}).`, field: 'timeline' } });
        return;
      }
      if (get().years !== years) set({ years });
    },
    setFade(fade) {
      const { design } = get();
      const r = designSchema.shape.fade.safeParse(fade);
      if (!r.success) {
        const issue = r.error.issues[0];
        set({ error: { message: issue.message, field: `fade.${issue.path.join('.')}` } });
        return;
      }
      updateDesign({ ...design, fade: r.data });
    },
    setCompare(compare) {
      const next = { ...get().compare, ...compare };
      if (!(next.split >= 0.05 && next.split <= 0.95) || !(next.years >= 0 && next.years <= TIMELINE_MAX_YEARS)) return;
      set({ compare: next });
    },
    setTool(tool) {
      if (get().tool !== tool) set({ tool, scarDraft: [] });
    },
    setBrush(brush) {
      set({ brush: { ...get().brush, ...brush } });
    },
    setShowGuides(on) {
      if (get().showGuides !== on) set({ showGuides: on });
    },
    setHairLoss(patch) {
      const { design } = get();
      updateDesign({ ...design, hairLoss: { ...design.hairLoss, ...patch } });
    },
    addHairCorrections(corrections) {
      const { design } = get();
      const all = [...design.hairLoss.corrections, ...corrections];
      if (all.length > MAX_HAIR_CORRECTIONS) {
        set({ error: { message: `A design keeps at most ${MAX_HAIR_CORRECTIONS} brush dabs; this stroke would make ${all.length}. Undo some, or change the pattern.`, field: 'hair-brush' } });
        return;
      }
      updateDesign({ ...design, hairLoss: { ...design.hairLoss, corrections: all } });
    },
    setStubble(patch) {
      const { design } = get();
      updateDesign({ ...design, stubble: { ...design.stubble, ...patch } });
    },
    setScars(scars) {
      const { design } = get();
      updateDesign({ ...design, scars });
    },
    setScarDraft(points) {
      set({ scarDraft: points });
    },
    beginGesture() {
      gesture = { stepped: false };
    },
    endGesture() {
      // A drag that ended where it began leaves no step to undo.
      const { past, design } = get();
      const last = past[past.length - 1];
      if (gesture?.stepped && last && JSON.stringify(last) === JSON.stringify(design)) set({ past: past.slice(0, -1) });
      gesture = null;
    },
    setDesignName(name) {
      const { design } = get();
      if (design.name !== name) updateDesign({ ...design, name });
    },
    restoreHistory({ past, future }) {
      set({ past, future });
    },
    undo() {
      gesture = null;
      const { past, future, design } = get();
      if (!past.length) return;
      set({ design: past[past.length - 1], past: past.slice(0, -1), future: [...future, design], error: null });
      void headForDesign();
    },
    redo() {
      gesture = null;
      const { past, future, design } = get();
      if (!future.length) return;
      set({ design: future[future.length - 1], future: future.slice(0, -1), past: [...past, design], error: null });
      void headForDesign();
    },
  };

  return {
    design: defaultDesign(),
    mode: initialMode(),
    view: 'front',
    camera: { id: 0, to: 'front' },
    showLandmarks: initialMode() === 'training',
    showRegion: false,
    lighting: DEFAULT_LIGHTING,
    head: null,
    drawnHead: null,
    headStatus: 'loading',
    error: null,
    contextLost: false,
    glEpoch: 0,
    dots: null,
    dotsHead: null,
    dotsStatus: 'idle',
    dotsProgress: 0,
    dotsMs: 0,
    look: null,
    lookHead: null,
    lookStatus: 'idle',
    fadePlans: { status: 'idle', own: null, presets: [], aftercare: null, message: null },
    years: HEALED_YEARS,
    compare: { on: false, years: 10, split: 0.5 },
    tool: 'orbit',
    brush: { mode: 'remove', radiusMm: 10 },
    scarDraft: [],
    showGuides: false,
    past: [],
    future: [],
    actions,
  };
});

/** What the viewer says it shows (data-status): ready only once the current head has been drawn. */
export function viewerStatus(s: Pick<AppState, 'head' | 'drawnHead' | 'headStatus' | 'contextLost'>): HeadStatus {
  if (s.headStatus === 'error') return 'error';
  if (s.headStatus === 'loading' || !s.head || s.contextLost) return 'loading';
  return s.drawnHead === s.head ? 'ready' : 'loading';
}
