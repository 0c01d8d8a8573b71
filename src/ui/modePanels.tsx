/** Each mode's panel, loaded when first opened (lazyPanel.tsx). */
import type { Mode } from '../state/store';
import { lazyPanel, type LazyPanel } from './lazyPanel';

export const MODE_PANELS: Record<Mode, LazyPanel<object>> = {
  consultation: lazyPanel('the consultation panel', () => import('./ConsultationPanel').then((m) => m.ConsultationPanel)),
  home: lazyPanel('the Try at home panel', () => import('./HomePanel').then((m) => m.HomePanel)),
  training: lazyPanel('the training panel', () => import('./TrainingPanel').then((m) => m.TrainingPanel)),
};

/** Fetches every mode's panel (the browser idle after the first picture), so that switching
 * mode shows the panel at once. */
export function preloadModePanels(): void {
  for (const panel of Object.values(MODE_PANELS)) void panel.preload().catch(() => undefined);
}
