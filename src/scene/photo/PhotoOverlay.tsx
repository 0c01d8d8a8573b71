import { useState } from 'react';
import { create } from 'zustand';
import type { OrthoFit } from '../../model';
import { useViewInset } from '../../state/viewInset';
import { PhotoDesign, type KeepBrush } from './PhotoDesign';

/** A photo opened over the viewer from the page's handle (window.smpStudio.showPhoto), before
 * photos have a place of their own in the app; null when closed. */
export const usePhotoPreview = create<{ preview: { photo: ImageBitmap; fit: OrthoFit; id: number } | null }>(() => ({ preview: null }));

let opened = 0;
/** Opens a photo over the viewer; each photo opened starts with no marks. */
export function openPhotoPreview(photo: ImageBitmap, fit: OrthoFit): void {
  usePhotoPreview.setState({ preview: { photo, fit, id: ++opened } });
}

/** Brush radius as a share of the photo's shorter side. */
const BRUSH_SHARE = 0.03;

/** The photo preview: the photo with the design, a brush to mark the client's own hair to keep,
 * and a way back to the 3D view. A new photo starts with no marks. */
export function PhotoOverlay() {
  const preview = usePhotoPreview((s) => s.preview);
  // On a phone the timeline floats over the bottom of the view: it stays in reach.
  const insetPx = useViewInset((s) => s.bottomPx);
  if (!preview) return null;
  return (
    <div className="photo-overlay" data-testid="photo-overlay" role="region" aria-label="The design on the client's photo" style={{ bottom: insetPx }}>
      <PreviewBody key={preview.id} photo={preview.photo} fit={preview.fit} />
    </div>
  );
}

function PreviewBody({ photo, fit }: { photo: ImageBitmap; fit: OrthoFit }) {
  const [brush, setBrush] = useState<KeepBrush['mode'] | null>(null);
  const [mask, setMask] = useState<HTMLCanvasElement | null>(null);
  const radiusPx = Math.max(2, BRUSH_SHARE * Math.min(photo.width, photo.height));
  return (
    <>
      <div className="photo-overlay-bar">
        <button type="button" className="primary" data-testid="photo-close" onClick={() => usePhotoPreview.setState({ preview: null })}>
          Back to 3D
        </button>
        <button type="button" className="secondary" aria-pressed={brush === 'keep'} data-testid="photo-keep-brush" onClick={() => setBrush(brush === 'keep' ? null : 'keep')}>
          Mark hair to keep
        </button>
        <button type="button" className="secondary" aria-pressed={brush === 'erase'} data-testid="photo-erase-brush" onClick={() => setBrush(brush === 'erase' ? null : 'erase')}>
          Unmark
        </button>
        <button type="button" className="secondary" disabled={!mask} onClick={() => setMask(null)}>
          Clear marks
        </button>
      </div>
      <PhotoDesign photo={photo} fit={fit} keepMask={mask} onKeepMaskChange={setMask} brush={brush ? { mode: brush, radiusPx } : null} />
    </>
  );
}
