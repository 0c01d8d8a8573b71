/** The app's store, assembled from its parts: the design and its history (designHistory.ts),
 * the view (view.ts), the background jobs and their statuses (jobs.ts, planJobs.ts) and the error
 * shown (errors.ts). The jobs run on the worker clients given, so a store can be made in Node with
 * fakes; the app's one store is `useAppStore` (store.ts). */
import { create } from 'zustand';
import { createErrorActions, type ErrorActions, type ErrorState } from './errors';
import { createViewActions, initialView, type ViewActions, type ViewState } from './view';
import { createDesignHistory, initialDesign, type DesignActions, type DesignState } from './designHistory';
import { createJobs, initialJobs, type HeadStatus, type JobClients, type Jobs, type JobsActions, type JobsState } from './jobs';

export interface AppState extends DesignState, ViewState, JobsState, ErrorState {
  actions: Actions;
}

export interface Actions extends DesignActions, ViewActions, JobsActions, ErrorActions {}

export function createAppStore(clients: JobClients) {
  return create<AppState>()((set, get, api) => {
    const history = createDesignHistory(set, get, () => void jobs.headForDesign());
    const jobs: Jobs = createJobs(set, get, api.subscribe, clients, history);
    return {
      ...initialDesign(),
      ...initialView(),
      ...initialJobs(),
      error: null,
      actions: { ...history.actions, ...createViewActions(set, get), ...jobs.actions, ...createErrorActions(set, get) },
    };
  });
}

/** What the viewer says it shows (data-status): ready only once the current head has been drawn. */
export function viewerStatus(s: Pick<AppState, 'head' | 'drawnHead' | 'headStatus' | 'contextLost'>): HeadStatus {
  if (s.headStatus === 'error') return 'error';
  if (s.headStatus === 'loading' || !s.head || s.contextLost) return 'loading';
  return s.drawnHead === s.head ? 'ready' : 'loading';
}
