/** The photo view's place in the stage: beside the 3D view on a desktop, half the stage or, larger,
 * three quarters of it; over it on a phone, with a switch between the two. Shown in the consultation only, when the open client has photos (or some
 * are being added): Try at home, and a design opened from a share link, show none. */
import { useState } from 'react';
import { useAppStore } from '../state/store';
import { usePhotos } from '../state/photos';
import { PhotoView } from './PhotoView';

export function PhotoPane() {
  const mode = useAppStore((s) => s.mode);
  const clientId = usePhotos((s) => s.clientId);
  const any = usePhotos((s) => s.photos.length > 0 || s.pending > 0);
  const [pane, setPane] = useState<'3d' | 'photo'>('photo');
  const [large, setLarge] = useState(false);
  if (mode !== 'consultation' || !clientId || !any) return null;
  return (
    <>
      <div className="photo-pane" data-pane={pane} data-large={large}>
        <PhotoView large={large} onLarge={setLarge} />
      </div>
      <div className="stage-switch" role="group" aria-label="What the stage shows">
        <button type="button" aria-pressed={pane === '3d'} onClick={() => setPane('3d')} data-testid="show-3d">
          3D head
        </button>
        <button type="button" aria-pressed={pane === 'photo'} onClick={() => setPane('photo')} data-testid="show-photo">
          Photo
        </button>
      </div>
    </>
  );
}
