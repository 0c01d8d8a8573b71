/** The one seam where a photo's pose fit is computed: landmarks found in a worker, then the head's
 * yaw, pitch and roll and the scale in mm per pixel (issue 16, parts 2 and 3). Until that lands no
 * fit is computed, and none is made up: a photo without a stored fit is shown without one, and the
 * photo view's data-yaw-deg, data-pitch-deg, data-roll-deg and data-mm-per-px stay empty.
 *
 * The photos store (photos.ts) calls computePhotoFit once for a photo shown without a fit, and
 * keeps a fit it returns with the photo (photos.setFit, which a manual correction also uses), so
 * the photo opens aligned next time. */
import type { PhotoFit, PhotoView } from '../storage/photoRecord';

/** What the fitting code is given: the photo as kept (upright JPEG, at most 2048 px long). */
export interface PhotoToFit {
  id: string;
  view: PhotoView;
  image: Blob;
  widthPx: number;
  heightPx: number;
}

export type FitOutcome =
  /** Fitted: kept with the photo. Carries at least yawDeg, pitchDeg, rollDeg and mmPerPx. */
  | { kind: 'fit'; fit: PhotoFit }
  /** The landmark model found no face: the view says so (data-status="no-face") and offers manual alignment. */
  | { kind: 'no-face' }
  /** No fit is computed for this photo (yet). */
  | { kind: 'none' }
  | { kind: 'failed'; message: string };

export async function computePhotoFit(photo: PhotoToFit): Promise<FitOutcome> {
  void photo;
  return { kind: 'none' };
}
