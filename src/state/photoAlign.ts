/** A photo aligned by hand: which photo, where its handles are, and the fit they give (the model's
 * manualPhotoFit), refitted as they move, at most every REFIT_MS, and drawn by the photo view
 * meanwhile. Done keeps the fit with the photo (photos.setFit), so it opens aligned next time;
 * Cancel leaves the kept fit as it was. The handles start where the photo's fit puts them (the
 * found one, or the last alignment), or, with none, on a head at the view's usual pose. */
import { create } from 'zustand';
import {
  assumedCamera,
  defaultHandles,
  handlesOfPlacement,
  keptHandles,
  manualPhotoFit,
  ManualFitError,
  placementOf,
  type AlignHandles,
  type AlignPoint,
  type AlignView,
  type HeadModel,
  type PinholeCamera,
} from '../model';
import type { PhotoFit } from '../storage/photoRecord';
import { photos, usePhotos, type ShownPhoto } from './photos';
import { useAppStore } from './store';

export interface AlignState {
  /** The photo being aligned; null when none is. */
  photoId: string | null;
  view: AlignView;
  widthPx: number;
  heightPx: number;
  /** The photo's camera: its focal length from the EXIF, else the one assumed. */
  camera: PinholeCamera;
  handles: AlignHandles;
  /** Where the handles started: Reset returns there when there is no found fit. */
  start: AlignHandles;
  /** Where the automatic fit put them, when the photo had one: Reset returns there. */
  found: AlignHandles | null;
  /** The fit of the handles (the last they gave, while they give none); null before the first. */
  fit: PhotoFit | null;
  /** Why the handles as they are give no fit; Done waits until they do. */
  message: string | null;
  saving: boolean;
}

const IDLE: AlignState = { photoId: null, view: 'front', widthPx: 1, heightPx: 1, camera: assumedCamera(1, 1), handles: {}, start: {}, found: null, fit: null, message: null, saving: false };

export const usePhotoAlign = create<AlignState>()(() => IDLE);

/** Refits at most this often while a handle is dragged, ms: the fit is cheap, the redraw is not. */
const REFIT_MS = 60;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastRefit = 0;

function refit(): void {
  const st = usePhotoAlign.getState();
  const head = useAppStore.getState().head;
  if (!st.photoId || !head) return;
  lastRefit = performance.now();
  try {
    const fit = manualPhotoFit(head, st.view, st.handles, st.camera, placementOf(st.fit)?.rotation);
    usePhotoAlign.setState({ fit: { ...fit, ...(st.found ? { foundHandles: st.found } : {}) }, message: null });
  } catch (e) {
    if (!(e instanceof ManualFitError)) throw e;
    usePhotoAlign.setState({ message: e.message });
  }
}

function scheduleRefit(): void {
  if (timer) return;
  timer = setTimeout(
    () => {
      timer = null;
      refit();
    },
    Math.max(0, lastRefit + REFIT_MS - performance.now()),
  );
}

function stop(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  usePhotoAlign.setState(IDLE);
}

export const photoAlign = {
  /** Shows the photo's handles and starts refitting as they move. */
  start(photo: ShownPhoto, head: HeadModel) {
    const view = photo.view;
    const camera = assumedCamera(photo.widthPx, photo.heightPx, photo.focal35mm);
    const placed = placementOf(photo.fit);
    const found = photo.fit?.source === 'manual' ? keptHandles(photo.fit, view, 'foundHandles') : placed ? handlesOfPlacement(head, view, placed) : null;
    const start = keptHandles(photo.fit, view) ?? (placed ? handlesOfPlacement(head, view, placed) : defaultHandles(head, view, camera));
    stop();
    usePhotoAlign.setState({ ...IDLE, photoId: photo.id, view, widthPx: photo.widthPx, heightPx: photo.heightPx, camera, handles: start, start, found });
    refit();
  },
  /** Puts a handle at a photo pixel (kept within the photo). */
  move(point: AlignPoint, [x, y]: [number, number]) {
    const st = usePhotoAlign.getState();
    if (!st.photoId) return;
    const at: [number, number] = [Math.min(st.widthPx, Math.max(0, x)), Math.min(st.heightPx, Math.max(0, y))];
    usePhotoAlign.setState({ handles: { ...st.handles, [point]: at } });
    scheduleRefit();
  },
  /** Moves a handle by photo pixels (the arrow keys). */
  nudge(point: AlignPoint, dxPx: number, dyPx: number) {
    const at = usePhotoAlign.getState().handles[point];
    if (at) photoAlign.move(point, [at[0] + dxPx, at[1] + dyPx]);
  },
  /** The handles back where the found fit put them, or where they started. */
  reset() {
    const st = usePhotoAlign.getState();
    usePhotoAlign.setState({ handles: st.found ?? st.start });
    refit();
  },
  /** Keeps the fit of the handles with the photo. */
  async done() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
      refit();
    }
    const st = usePhotoAlign.getState();
    if (!st.photoId || !st.fit || st.message || st.saving) return;
    usePhotoAlign.setState({ saving: true });
    await photos.setFit(st.photoId, st.fit);
    if (usePhotoAlign.getState().photoId === st.photoId) stop();
  },
  cancel: stop,
};

// Another photo shown, or this one gone (deleted, another client opened): the alignment ends.
usePhotos.subscribe((s) => {
  const id = usePhotoAlign.getState().photoId;
  if (id && (s.selectedId !== id || !s.photos.some((p) => p.id === id))) stop();
});
