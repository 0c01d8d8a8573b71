/** The photo path on the page's handle (window.smpStudio, scene/WindowHook.tsx): open a photo
 * with its fit over the viewer, fit the viewer's own camera as if its picture were a photo, and
 * time the photo view's frames. */
import type { RootState } from '@react-three/fiber';
import { orthoFitSchema, type OrthoFit } from '../../model';
import { fitOfCamera, type CameraFit } from '../../render/photo/fitOfCamera';
import { sceneState } from '../sceneState';
import { openPhotoPreview, usePhotoPreview } from './PhotoOverlay';
import { views } from './photoView';

export interface PhotoHandle {
  /** Opens a photo (a data: URL or a Blob of a PNG, JPEG or WebP) with the head's fit over the
   * viewer; the photo view's element is [data-testid="photo-design"]. A bad fit is refused. */
  showPhoto(image: string | Blob, fit: OrthoFit): Promise<void>;
  closePhoto(): void;
  /** The fit of the head as the viewer's camera shows it now, in CSS pixels of the canvas (a
   * screenshot of it is then a photo whose fit is known); with how far, in pixels, the
   * perspective camera's picture of the scalp lies from the weak-perspective fit's. */
  photoFitOfView(): CameraFit | null;
  /** Draws a frame of the open photo view per year given, each shown before the next; resolves
   * to the mean milliseconds per frame. */
  renderPhotoFrames(years: number[]): Promise<number>;
}

/** A data: URL's bytes (no fetch: the page's connect-src does not cover data:). */
function dataUrlBlob(url: string): Blob {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new Error('showPhoto takes a data: URL or a Blob');
  const bytes = m[2] ? Uint8Array.from(atob(m[3]), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(m[3]));
  return new Blob([bytes], { type: m[1] || 'application/octet-stream' });
}

export function photoHandle(get: () => RootState): PhotoHandle {
  return {
    async showPhoto(image, fit) {
      const parsed = orthoFitSchema.safeParse(fit);
      if (!parsed.success) throw new Error(`The photo's fit was refused: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const blob = typeof image === 'string' ? dataUrlBlob(image) : image;
      // The photo's own pixels, as they are: no colour-profile conversion.
      const photo = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
      openPhotoPreview(photo, parsed.data);
    },
    closePhoto: () => usePhotoPreview.setState({ preview: null }),
    photoFitOfView() {
      const head = sceneState.meshHead;
      if (!head) return null;
      const { camera, size } = get();
      return fitOfCamera(camera, head, size.width, size.height);
    },
    async renderPhotoFrames(years) {
      const view = [...views].pop();
      if (!view) throw new Error('no photo view is open');
      return view.renderFrames(years);
    },
  };
}
