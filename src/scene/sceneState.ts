import type { HeadModel } from '../model';
import { useAppStore } from '../state/store';

/** Mutable values the scene shares between components without React state. */
export const sceneState: {
  /** The head whose geometry the head mesh holds now. */
  meshHead: HeadModel | null;
} = { meshHead: null };

/** Disposes a GPU resource made in context generation `epoch`, unless the context has been lost
 * and restored since: three.js would then try to delete the dead context's objects in the new
 * one (and the browser warns about each). Objects made before a loss are simply dropped. */
export function disposeUnlessLost(epoch: number, resource: { dispose(): void } | null): void {
  if (resource && useAppStore.getState().glEpoch === epoch) resource.dispose();
}
