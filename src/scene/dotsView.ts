/** What the dot renderer has put on screen, for the viewer's data-* attributes, the bench and
 * tests. The figures are mutated in place (never React state per frame); `useDotsDrawn` changes
 * only when a new set of dots has reached the screen or left it. */
import { create } from 'zustand';
import type { DotSet, ScalpLook } from '../model';

export const dotsView: {
  bakeMs: number;
  bakedCount: number;
  mapSize: number;
  closeUpCount: number;
  rebake: (() => number) | null;
} = {
  /** Main-thread milliseconds of the last bake (upload and draw calls of every dot). */
  bakeMs: 0,
  /** Dots in the last bake. */
  bakedCount: 0,
  /** Texels per side of the coverage maps. */
  mapSize: 0,
  /** Dots drawn as discs by the close-up path in the last frame (0 when the camera is far). */
  closeUpCount: 0,
  /** Bakes the current dots again and waits for the GPU to finish; returns milliseconds. */
  rebake: null,
};

/** The dots whose bake has been drawn in a frame; null before, and while the context is lost. */
export const useDotsDrawn = create<{ drawn: DotSet | null }>(() => ({ drawn: null }));

/** The client's scalp (stubble, scars) whose bake is on screen; null before. */
export const useLookDrawn = create<{ drawn: ScalpLook | null }>(() => ({ drawn: null }));
