/** The app's one store, assembled from its parts: the design and its history
 * (designHistory.ts), the view (view.ts), the background jobs and their statuses (jobs.ts,
 * planJobs.ts) and the error shown (errors.ts). Per-frame values never pass through here; the
 * head's typed arrays are only replaced when a new head arrives. */
import { create } from 'zustand';
import { HeadClient } from './headClient';
import { DotsClient, LookClient } from './dotsClient';
import { FadeClient } from './fadeClient';
import { createErrorActions, type ErrorActions, type ErrorState } from './errors';
import { createViewActions, initialView, type ViewActions, type ViewState } from './view';
import { createDesignHistory, initialDesign, type DesignActions, type DesignState } from './designHistory';
import { createJobs, initialJobs, type HeadStatus, type Jobs, type JobsActions, type JobsState } from './jobs';

export { MODES, CAMERA_PRESETS, DEFAULT_LIGHTING, TIMELINE_MAX_YEARS } from './view';
export type { Mode, CameraPreset, View, CameraCommand, Tool, Brush, Lighting } from './view';
export { HISTORY_LIMIT } from './designHistory';
export type { HeadStatus, DotsStatus } from './jobs';
export { PLAN_HORIZON_YEARS, type FadePlans } from './planJobs';
export type { AppError } from './errors';

export interface AppState extends DesignState, ViewState, JobsState, ErrorState {
  actions: Actions;
}

export interface Actions extends DesignActions, ViewActions, JobsActions, ErrorActions {}

/** The fade worker's client: the plans' jobs run on it, and window.smpStudio simulates on it. */
export const fadeClient = new FadeClient();

export const useAppStore = create<AppState>()((set, get, api) => {
  const history = createDesignHistory(set, get, () => void jobs.headForDesign());
  const jobs: Jobs = createJobs(set, get, api.subscribe, { head: new HeadClient(), dots: new DotsClient(), look: new LookClient(), fade: fadeClient }, history);
  return {
    ...initialDesign(),
    ...initialView(),
    ...initialJobs(),
    error: null,
    actions: { ...history.actions, ...createViewActions(set, get), ...jobs.actions, ...createErrorActions(set, get) },
  };
});

/** What the viewer says it shows (data-status): ready only once the current head has been drawn. */
export function viewerStatus(s: Pick<AppState, 'head' | 'drawnHead' | 'headStatus' | 'contextLost'>): HeadStatus {
  if (s.headStatus === 'error') return 'error';
  if (s.headStatus === 'loading' || !s.head || s.contextLost) return 'loading';
  return s.drawnHead === s.head ? 'ready' : 'loading';
}
