/** The stage's views: the 3D view, and beside it (or over it, on a phone) the client's photos. The
 * photos' code loads once the first picture is up, in the consultation only. */
import type { ReactNode } from 'react';
import { useAppStore } from '../state/store';
import { useFirstPictureShown } from './firstPicture';
import { lazyPanel } from './lazyPanel';
import './photos.css';

const PhotoPane = lazyPanel(
  "the client's photos",
  () => import('./PhotoPane').then((m) => m.PhotoPane),
  // Nothing while the code loads: the 3D view keeps the stage.
  <></>,
);

export function StageViews({ children }: { children: ReactNode }) {
  const consultation = useAppStore((s) => s.mode === 'consultation');
  const shown = useFirstPictureShown();
  return (
    <div className="stage-views">
      {children}
      {consultation && shown && <PhotoPane />}
    </div>
  );
}
