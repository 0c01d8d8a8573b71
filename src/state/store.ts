/** The app's one store, its jobs on the real workers. Per-frame values never pass through here;
 * the head's typed arrays are only replaced when a new head arrives. The rest of the app imports
 * the store and its types from here. */
import { HeadClient } from './headClient';
import { DotsClient, LookClient } from './dotsClient';
import { FadeClient } from './fadeClient';
import { createAppStore } from './appStore';

export { viewerStatus, type AppState, type Actions } from './appStore';
export { MODES, CAMERA_PRESETS, DEFAULT_LIGHTING, TIMELINE_MAX_YEARS } from './view';
export type { Mode, CameraPreset, View, CameraCommand, Tool, Brush, Lighting } from './view';
export { HISTORY_LIMIT } from './designHistory';
export type { HeadStatus, DotsStatus } from './jobs';
export { PLAN_HORIZON_YEARS, type FadePlans } from './planJobs';
export type { AppError } from './errors';

/** The fade worker's client: the plans' jobs run on it, and window.smpStudio simulates on it. */
export const fadeClient = new FadeClient();

const headClient = new HeadClient();

export const useAppStore = createAppStore({ head: headClient, dots: new DotsClient(), look: new LookClient(), fade: fadeClient });

/** Starts the head worker on the head the page opens with unless the records say otherwise (the
 * example's): it boots and finds that head while the page's own code and the records start. */
export function prefetchFirstHead(): void {
  headClient.prefetch(useAppStore.getState().design.head);
}
