/** The one place a photo's pose fit is computed: the face's landmarks found in a worker
 * (photo/landmarksClient.ts), then the app's head turned, moved and scaled until its face lies on
 * them (model fitHeadToPhoto). The fit is kept with the photo (photos.setFit), so the photo opens
 * aligned next time; the photo view states it (data-yaw-deg, data-pitch-deg, data-roll-deg,
 * data-mm-per-px).
 *
 * Back and top views have no face to find: they are not fitted here, but aligned by hand
 * (photoAlign.ts), as is any photo whose fit the user corrects. */
import { assumedCamera, fitHeadToPhoto, orthoFitOfPinhole, placementOf, type HeadModel, type OrthoFit } from '../model';
import type { PhotoFit, PhotoView } from '../storage/photoRecord';
import { landmarksClient } from '../photo/landmarksClient';
import { useAppStore } from './store';

/** What the fitting code is given: the photo as kept (upright JPEG, at most 2048 px long). */
export interface PhotoToFit {
  id: string;
  view: PhotoView;
  image: Blob;
  widthPx: number;
  heightPx: number;
  /** The camera's 35 mm equivalent focal length, when the photo said it. */
  focal35mm?: number;
}

export type FitOutcome =
  /** Fitted: kept with the photo. Carries at least yawDeg, pitchDeg, rollDeg and mmPerPx. */
  | { kind: 'fit'; fit: PhotoFit }
  /** The landmark model found no face: the view says so (data-status="no-face") and offers manual alignment. */
  | { kind: 'no-face' }
  /** A view that has no face to find (back, top). */
  | { kind: 'none' }
  | { kind: 'failed'; message: string };

const FACE_VIEWS: readonly PhotoView[] = ['front', 'left', 'right'];

/** The head the design shows, once there is one: the fit places that head on the photo. */
function currentHead(): Promise<HeadModel> {
  const now = useAppStore.getState().head;
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = useAppStore.subscribe((s) => {
      if (!s.head) return;
      stop();
      resolve(s.head);
    });
  });
}

/** A photo is about to come (the file picker or the camera was opened): the landmark models load
 * now, while the client chooses, so that the first photo is not kept waiting for them (about 1 s
 * on a 2-core machine). A failure here shows at the photo's own detection. */
export function prepareFaceReading(): void {
  landmarksClient()
    .warmUp()
    .catch(() => undefined);
}

export async function computePhotoFit(photo: PhotoToFit): Promise<FitOutcome> {
  if (!FACE_VIEWS.includes(photo.view)) return { kind: 'none' };
  try {
    const face = await landmarksClient().detectFace(await createImageBitmap(photo.image));
    if (!face) return { kind: 'no-face' };
    const head = await currentHead();
    const fit = fitHeadToPhoto(face, head, assumedCamera(photo.widthPx, photo.heightPx, photo.focal35mm));
    return {
      kind: 'fit',
      fit: {
        source: 'auto',
        head: headKey(head),
        ...fit.pose,
        mmPerPx: fit.mmPerPx,
        mmPerPxFromEyes: fit.mmPerPxFromEyes,
        rotation: fit.rotation,
        translationMm: fit.translationMm,
        camera: fit.camera,
        rmsPx: fit.rmsPx,
        faceScore: face.boxScore,
      },
    };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : 'The face could not be read from the photo.' };
  }
}

/** The head a fit was made for: its measures and sex. */
const headKey = (head: HeadModel) => ({ ...head.measures, sex: head.sex });

/** Whether a found fit was made for another head than this one (new measures or sex since): the
 * face it laid on the photo has moved or changed size, so it is found again. Fits aligned by hand,
 * and those kept before fits named their head, stand. */
export function fitIsStale(fit: PhotoFit | null | undefined, head: HeadModel | null): boolean {
  const made = fit?.source === 'auto' ? fit.head : undefined;
  if (!head || !made || typeof made !== 'object') return false;
  const now: Record<string, unknown> = headKey(head);
  return Object.keys(now).some((k) => (made as Record<string, unknown>)[k] !== now[k]);
}

/** The kept fit as the photo's renderer draws with it: through the photo's camera when its lens is
 * known (`lensKnown`: the photo's EXIF named it), else in weak perspective about the scalp's
 * centre. With a guessed lens the camera's distance is a guess too, and drawn through it the scalp
 * of a photo of the app's head taken with a 43 mm lens came out smaller than the photo's (the
 * design changed 1.2 % of the photo against 2.7 % in weak perspective). Null without a fit or a
 * head, or for a fit that does not place the head. */
export function orthoFitOf(fit: PhotoFit | null | undefined, head: HeadModel | null, lensKnown: boolean): OrthoFit | null {
  const placed = placementOf(fit);
  if (!placed || !head) return null;
  const drawn = orthoFitOfPinhole(placed.rotation, placed.translationMm, placed.camera, head.chart.centerMm);
  if (lensKnown) return drawn;
  const { pinhole: _guessed, ...weak } = drawn;
  return weak;
}
