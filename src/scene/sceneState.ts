import { useCallback, useEffect, useRef } from 'react';
import { addAfterEffect, useThree, type RootState } from '@react-three/fiber';
import type { BufferGeometry } from 'three';
import type { HeadModel } from '../model';
import type { DotUniforms } from '../render/dots/shared';
import { useAppStore } from '../state/store';

/** Mutable values the scene shares between components without React state. */
export const sceneState: {
  /** The head whose geometry the head mesh holds now. */
  meshHead: HeadModel | null;
  /** The head mesh's full geometry (millimetres), for the photo view's stand-in. */
  headGeometry: BufferGeometry | null;
  /** Its coarse copy for views from afar (model/head/lod.ts). */
  headLodGeometry: BufferGeometry | null;
  /** The dot layers' uniforms: the baked maps the photo view reads too. */
  dotUniforms: DotUniforms | null;
  /** The renderer's state while the canvas lives (for snapshots). */
  three: (() => RootState) | null;
} = { meshHead: null, headGeometry: null, headLodGeometry: null, dotUniforms: null, three: null };

/** Disposes a GPU resource made in context generation `epoch`, unless the context has been lost
 * and restored since: three.js would then try to delete the dead context's objects in the new
 * one (and the browser warns about each). Objects made before a loss are simply dropped. */
export function disposeUnlessLost(epoch: number, resource: { dispose(): void } | null): void {
  if (resource && useAppStore.getState().glEpoch === epoch) resource.dispose();
}

/** `awaitDrawn(item)` after a bake: once a frame has been drawn after it, `report(item)` runs
 * (the viewer then says it shows the item) and one more frame follows what it reports.
 * `awaitDrawn(null)` forgets what was waiting. */
export function useDrawnAfterFrame<T>(report: (item: T) => void): (item: T | null) => void {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const waiting = useRef<{ item: T; frame: number } | null>(null);
  const reportRef = useRef(report);
  reportRef.current = report;
  useEffect(
    () =>
      addAfterEffect(() => {
        const w = waiting.current;
        if (!w || gl.info.render.frame === w.frame || gl.getContext().isContextLost()) return;
        waiting.current = null;
        reportRef.current(w.item);
        invalidate();
      }),
    [gl, invalidate],
  );
  return useCallback(
    (item: T | null) => {
      waiting.current = item === null ? null : { item, frame: gl.info.render.frame };
    },
    [gl],
  );
}
