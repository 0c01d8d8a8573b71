/** The design and its history: every edit goes through the schema and is one step back (a
 * gesture's edits one step in all); undo and redo walk the steps. */
import { designSchema, defaultDesign, mergeRefusal, MAX_HAIR_CORRECTIONS, type Design, type Lab, type Layer } from '../model';
import type { ErrorState, GetState, SetState } from './errors';
import { newLayer } from './layers';

/** Steps of design history kept: designs are small objects, 200 of them a few hundred kB. */
export const HISTORY_LIMIT = 200;

export interface DesignState {
  design: Design;
  /** Earlier designs, newest last, and designs undone, newest last: every design edit is a step. */
  past: Design[];
  future: Design[];
}

export interface DesignActions {
  setFitzpatrick(type: number): void;
  setCustomSkin(lab: Lab | null): void;
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
  /** The client's habits and the clinic's touch-up rule and prices; a bad value is refused with the reason. */
  setFade(fade: Design['fade']): void;
  setHairLoss(patch: Partial<Design['hairLoss']>): void;
  /** One brush stroke's corrections, as one step of the history. */
  addHairCorrections(corrections: Design['hairLoss']['corrections']): void;
  setStubble(patch: Partial<Design['stubble']>): void;
  setScars(scars: Design['scars']): void;
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

export const initialDesign = (): DesignState => ({ design: defaultDesign(), past: [], future: [] });

/** The design and history once a refused edit is taken back to `back`: the step that led to it
 * leaves no trace when the design before that step is `back` again (by `same`). */
export function withdrawEdit({ past }: DesignState, back: Design, same: (earlier: Design) => boolean): Pick<DesignState, 'design' | 'past'> {
  const last = past[past.length - 1];
  return { design: back, past: last && same(last) ? past.slice(0, -1) : past };
}

export interface DesignHistory {
  actions: DesignActions;
  /** The design becomes `next` (already checked), the one it replaces a step back in the history. */
  commit(next: Design): void;
}

/** `moved` runs after an undo or redo, whose design may be of another head. */
export function createDesignHistory(set: SetState<DesignState & ErrorState>, get: GetState<DesignState>, moved: () => void): DesignHistory {
  /** Within a gesture, whether its first edit has already made the history step. */
  let gesture: { stepped: boolean } | null = null;

  /** The design becomes `next`, the one it replaces a step back in the history (the one before
   * the gesture, for the later edits of a gesture). */
  function commit(next: Design) {
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
  function update(next: Design) {
    const result = designSchema.safeParse(next);
    if (result.success) commit(result.data);
    else set({ error: { message: result.error.issues[0]?.message ?? 'Invalid design', field: null } });
  }

  const actions: DesignActions = {
    setFitzpatrick(type) {
      const { design } = get();
      update({ ...design, skin: { fitzpatrick: type, customLab: null } });
    },
    setCustomSkin(lab) {
      const { design } = get();
      update({ ...design, skin: { ...design.skin, customLab: lab } });
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
      update({ ...design, layers: design.layers.map((l, k) => (k === index ? layer : l)) });
    },
    addLayer() {
      const { design } = get();
      update({ ...design, layers: [...design.layers, newLayer(design.layers)] });
    },
    removeLayer(id) {
      const { design } = get();
      update({ ...design, layers: design.layers.filter((l) => l.id !== id) });
    },
    setHairline(patch) {
      const { design } = get();
      update({ ...design, hairline: { ...design.hairline, ...patch } });
    },
    setPigment(patch) {
      const { design } = get();
      const pigment = { ...design.pigment, ...patch };
      const checked = designSchema.shape.pigment.safeParse(pigment);
      if (!checked.success) {
        set({ error: { message: checked.error.issues[0].message, field: `pigment.${checked.error.issues[0].path.join('.')}` } });
        return;
      }
      update({ ...design, pigment: checked.data });
    },
    setHair(hair) {
      const { design } = get();
      const checked = designSchema.shape.hair.safeParse(hair);
      if (!checked.success) {
        set({ error: { message: `Hair colour: ${checked.error.issues[0].message}`, field: `hair.${checked.error.issues[0].path.join('.')}` } });
        return;
      }
      update({ ...design, hair: checked.data });
    },
    setShadeForAll(position) {
      const { design } = get();
      const shade = Math.min(1, Math.max(0, position));
      update({ ...design, layers: design.layers.map((l) => ({ ...l, shade })) });
    },
    setFade(fade) {
      const { design } = get();
      const r = designSchema.shape.fade.safeParse(fade);
      if (!r.success) {
        const issue = r.error.issues[0];
        set({ error: { message: issue.message, field: `fade.${issue.path.join('.')}` } });
        return;
      }
      update({ ...design, fade: r.data });
    },
    setHairLoss(patch) {
      const { design } = get();
      update({ ...design, hairLoss: { ...design.hairLoss, ...patch } });
    },
    addHairCorrections(corrections) {
      const { design } = get();
      const all = [...design.hairLoss.corrections, ...corrections];
      if (all.length > MAX_HAIR_CORRECTIONS) {
        set({ error: { message: `A design keeps at most ${MAX_HAIR_CORRECTIONS} brush dabs; this stroke would make ${all.length}. Undo some, or change the pattern.`, field: 'hair-brush' } });
        return;
      }
      update({ ...design, hairLoss: { ...design.hairLoss, corrections: all } });
    },
    setStubble(patch) {
      const { design } = get();
      update({ ...design, stubble: { ...design.stubble, ...patch } });
    },
    setScars(scars) {
      const { design } = get();
      update({ ...design, scars });
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
      if (design.name !== name) update({ ...design, name });
    },
    restoreHistory({ past, future }) {
      set({ past, future });
    },
    undo() {
      gesture = null;
      const { past, future, design } = get();
      if (!past.length) return;
      set({ design: past[past.length - 1], past: past.slice(0, -1), future: [...future, design], error: null });
      moved();
    },
    redo() {
      gesture = null;
      const { past, future, design } = get();
      if (!future.length) return;
      set({ design: future[future.length - 1], future: future.slice(0, -1), past: [...past, design], error: null });
      moved();
    },
  };

  return { actions, commit };
}
