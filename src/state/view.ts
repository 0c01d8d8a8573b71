/** The view: the mode, the camera, what is shown over the head, the lighting, the year on the
 * timeline (and the one compared with it), the tool a press on the head uses, and the state of the
 * WebGL context. Nothing here changes the design. */
import { HEALED_YEARS, type HeadModel, type Vec3 } from '../model';
import type { ErrorState, GetState, SetState } from './errors';

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

/** What a press on the head does: turn the camera, drag the hairline's handles, paint where the
 * client's hair grows, or outline a scar point by point. */
export type Tool = 'orbit' | 'hairline' | 'brush' | 'scar' | 'place';
export interface Brush {
  mode: 'add' | 'remove';
  radiusMm: number;
}

export interface Lighting {
  exposure: number;
  key: number;
  fill: number;
  rim: number;
  environment: number;
}

export const DEFAULT_LIGHTING: Lighting = { exposure: 1, key: 2.3, fill: 0.7, rim: 1.4, environment: 0.8 };

/** The timeline's end: 20 years after the sessions. */
export const TIMELINE_MAX_YEARS = 20;

export interface ViewState {
  mode: Mode;
  view: View;
  camera: CameraCommand;
  showLandmarks: boolean;
  showRegion: boolean;
  lighting: Lighting;
  /** The head of the last frame drawn; equals `head` once it is on screen. */
  drawnHead: HeadModel | null;
  contextLost: boolean;
  /** Bumped when a lost WebGL context comes back, so GPU-side resources are rebuilt. */
  glEpoch: number;
  /** Years since the sessions shown on the head (0 fresh; HEALED_YEARS healed). */
  years: number;
  /** Before/after: a second year shown right of a divider at `split` (share of the viewer's width). */
  compare: { on: boolean; years: number; split: number };
  tool: Tool;
  brush: Brush;
  /** Points of a free scar being outlined on the head (mm). */
  scarDraft: Vec3[];
  showGuides: boolean;
}

export interface ViewActions {
  setMode(mode: Mode): void;
  goTo(to: CameraCommand['to'], focus?: CameraCommand['focus']): void;
  /** The user moved the camera by hand. */
  freeView(): void;
  setShowLandmarks(on: boolean): void;
  setShowRegion(on: boolean): void;
  setLighting(lighting: Partial<Lighting>): void;
  headDrawn(head: HeadModel): void;
  setContextLost(lost: boolean): void;
  /** The year shown; refused with the reason outside 0-20 years. */
  setYears(years: number): void;
  setCompare(compare: Partial<ViewState['compare']>): void;
  setTool(tool: Tool): void;
  setBrush(brush: Partial<Brush>): void;
  setShowGuides(on: boolean): void;
  setScarDraft(points: Vec3[]): void;
}

/** The mode the page was opened in: a link a clinic sends can end in #home. */
function initialMode(): Mode {
  // '#home', or a share link '#home/d=…'.
  const hash = typeof location === 'undefined' ? '' : location.hash.replace(/^#\/?/, '').split('/')[0];
  return (MODES as readonly string[]).includes(hash) ? (hash as Mode) : 'consultation';
}

export function initialView(): ViewState {
  const mode = initialMode();
  return {
    mode,
    view: 'front',
    camera: { id: 0, to: 'front' },
    showLandmarks: mode === 'training',
    showRegion: false,
    lighting: DEFAULT_LIGHTING,
    drawnHead: null,
    contextLost: false,
    glEpoch: 0,
    years: HEALED_YEARS,
    compare: { on: false, years: 10, split: 0.5 },
    tool: 'orbit',
    brush: { mode: 'remove', radiusMm: 10 },
    scarDraft: [],
    showGuides: false,
  };
}

export function createViewActions(set: SetState<ViewState & ErrorState>, get: GetState<ViewState>): ViewActions {
  return {
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
    headDrawn(head) {
      if (get().drawnHead !== head) set({ drawnHead: head });
    },
    setContextLost(lost) {
      if (get().contextLost === lost) return;
      // While lost nothing is on screen; ready again only after a frame has been drawn.
      set(lost ? { contextLost: true, drawnHead: null } : { contextLost: false, glEpoch: get().glEpoch + 1 });
    },
    setYears(years) {
      if (!Number.isFinite(years) || years < 0 || years > TIMELINE_MAX_YEARS) {
        set({ error: { message: `The timeline runs from 0 (fresh) to ${TIMELINE_MAX_YEARS} years (got ${years}).`, field: 'timeline' } });
        return;
      }
      if (get().years !== years) set({ years });
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
    setScarDraft(points) {
      set({ scarDraft: points });
    },
  };
}
