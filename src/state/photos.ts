/** The photos of the client open in the records: taken in (checked and downscaled in the photo
 * worker, then kept with the client in IndexedDB), shown (object URLs of the kept JPEGs), given a
 * view, the client's own hair marked to keep, deleted (with undo), and carried in a client file on
 * request. Photos belong to the clinic's
 * client records: none without an open client, none in Try at home, never in a share link. */
import { create } from 'zustand';
import type { ClientStore, UndoToken } from '../storage/clientDb';
import { StorageError } from '../storage/storageError';
import { filePhotoBytes, filePhotoOf, type ClientFilePhoto } from '../storage/clientFilePhotos';
import { nextPhotoView, byViewThenAge, type PhotoFit, type PhotoRow, type PhotoView } from '../storage/photoRecord';
import { computePhotoFit, fitIsStale } from './photoFit';
import type { HeadModel } from '../model';
import { PhotoClient, type PhotoOutcome, type ProcessedPhoto } from './photoClient';
import { openRecords, useRecords } from './records';

/** A kept photo as the UI shows it; `url` and `thumbUrl` are object URLs of the kept JPEGs. */
export type ShownPhoto = PhotoRow & { url: string; thumbUrl: string };

/** What became of a file given to the intake, in words for the user. */
export interface IntakeNote {
  id: number;
  kind: 'kept' | 'refused' | 'failed';
  text: string;
}

/** Where a photo's fit stands (photoFit.ts): not asked yet, being computed, or what came of it. */
export type FitState = 'fitting' | 'fitted' | 'none' | 'no-face' | 'failed';

export interface PhotosState {
  clientId: string | null;
  /** In the order they were added (the panel's list); the strip orders them by view. */
  photos: ShownPhoto[];
  selectedId: string | null;
  /** The open client's photos are being read from the records. */
  loading: boolean;
  /** Files still being checked and kept. */
  pending: number;
  /** What came of the last files given (kept, refused and why). */
  notes: IntakeNote[];
  fits: Record<string, FitState>;
  /** The last photo deleted, until undone or replaced. */
  removed: { label: string; token: UndoToken } | null;
}

export const usePhotos = create<PhotosState>()(() => ({
  clientId: null,
  photos: [],
  selectedId: null,
  loading: false,
  pending: 0,
  notes: [],
  fits: {},
  removed: null,
}));

/** A pause in the painting this long before a keep mask is written: a burst of strokes is one write. */
export const KEEP_MASK_SAVE_MS = 300;

let worker: PhotoClient | null = null;
/** Keep masks waiting for their write, by photo: the latest mask, and who waits for it. */
const maskSaves = new Map<string, { mask: Blob | null; timer: ReturnType<typeof setTimeout>; waiting: ((kept: boolean) => void)[] }>();
let noteId = 0;
const note = (kind: IntakeNote['kind'], text: string): IntakeNote => ({ id: ++noteId, kind, text });
const say = (e: unknown, what: string) => (e instanceof StorageError ? e.message : `${what}: ${e instanceof Error ? e.message : String(e)}`);

function shown(row: PhotoRow): ShownPhoto {
  return { ...row, url: URL.createObjectURL(row.image), thumbUrl: URL.createObjectURL(row.thumb) };
}
function forget(photos: readonly ShownPhoto[]) {
  for (const p of photos) {
    URL.revokeObjectURL(p.url);
    URL.revokeObjectURL(p.thumbUrl);
  }
}

/** The front photo first (then by view): what the photo view opens on. */
export const stripOrder = (photos: readonly ShownPhoto[]) => [...photos].sort(byViewThenAge);
const firstShown = (photos: readonly ShownPhoto[]) => stripOrder(photos)[0]?.id ?? null;
const byAge = (a: PhotoRow, b: PhotoRow) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

async function store(): Promise<ClientStore | null> {
  return openRecords();
}

/** Reads the photos of `clientId` (null: none), replacing those shown. */
async function load(clientId: string | null): Promise<void> {
  const before = usePhotos.getState();
  forget(before.photos);
  usePhotos.setState({ clientId, photos: [], selectedId: null, loading: clientId !== null, fits: {}, notes: before.clientId === clientId ? before.notes : [], removed: null });
  if (!clientId) return;
  const s = await store();
  let rows: PhotoRow[] = [];
  try {
    rows = s ? await s.listPhotos(clientId) : [];
  } catch (e) {
    usePhotos.setState({ notes: [note('failed', say(e, "The client's photos could not be read"))] });
  }
  // Another client was opened meanwhile.
  if (usePhotos.getState().clientId !== clientId) return;
  const photos = rows.sort(byAge).map(shown);
  usePhotos.setState({ photos, selectedId: firstShown(photos), loading: false });
}

// The photos follow the client open in the records.
let followed: string | null = null;
function follow(clientId: string | null) {
  if (clientId === followed) return;
  followed = clientId;
  void load(clientId);
}
useRecords.subscribe((s) => follow(s.client?.id ?? null));
follow(useRecords.getState().client?.id ?? null);

/** Keeps a processed photo with the open client; a note says what became of it. */
async function keep(clientId: string, sourceName: string, processed: ProcessedPhoto): Promise<boolean> {
  const s = await store();
  if (!s) {
    usePhotos.setState((st) => ({ notes: [...st.notes, note('failed', `The photo “${sourceName}” was not kept: ${useRecords.getState().problem ?? 'the records cannot be used.'}`)] }));
    return false;
  }
  const taken = usePhotos.getState().photos.map((p) => p.view);
  try {
    const row = await s.addPhoto(clientId, {
      view: nextPhotoView(taken),
      sourceName,
      image: processed.image,
      mimeType: processed.mimeType,
      widthPx: processed.widthPx,
      heightPx: processed.heightPx,
      thumb: processed.thumb,
      thumbWidthPx: processed.thumbWidthPx,
      thumbHeightPx: processed.thumbHeightPx,
      ...(processed.focal35mm === null ? {} : { focal35mm: processed.focal35mm }),
    });
    if (usePhotos.getState().clientId !== clientId) return true;
    usePhotos.setState((st) => ({ photos: [...st.photos, shown(row)] }));
    return true;
  } catch (e) {
    usePhotos.setState((st) => ({ notes: [...st.notes, note('failed', say(e, `The photo “${sourceName}” was not kept`))] }));
    return false;
  }
}

/** Runs a batch of intakes one after another: refusals are noted, a storage failure stops the rest. */
async function intake(items: { name: string; run: (w: PhotoClient) => Promise<PhotoOutcome> }[]): Promise<void> {
  const clientId = usePhotos.getState().clientId;
  if (!clientId || items.length === 0) return;
  worker ??= new PhotoClient();
  usePhotos.setState((st) => ({ pending: st.pending + items.length, notes: [], removed: null }));
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const { name, run } = items[i];
    const outcome = await run(worker);
    let ok = false;
    if (outcome.kind === 'ok') ok = await keep(clientId, name, outcome.photo);
    else usePhotos.setState((st) => ({ notes: [...st.notes, note(outcome.kind === 'refused' ? 'refused' : 'failed', outcome.message)] }));
    usePhotos.setState((st) => ({ pending: st.pending - 1 }));
    if (ok) kept++;
    else if (outcome.kind === 'ok') {
      // Nothing more can be kept now (a full disk): the rest are not tried.
      const rest = items.length - i - 1;
      usePhotos.setState((st) => ({ pending: st.pending - rest, notes: rest ? [...st.notes, note('failed', `${rest} more photo${rest === 1 ? ' was' : 's were'} not added.`)] : st.notes }));
      break;
    }
  }
  const st = usePhotos.getState();
  if (st.clientId !== clientId) return;
  if (kept) usePhotos.setState({ notes: [note('kept', `${kept} photo${kept === 1 ? '' : 's'} added.`), ...st.notes], selectedId: firstShown(st.photos) });
}

export const photos = {
  /** Takes in files (from "Add photos"): each is checked and downscaled in the worker, then kept. */
  addFiles(files: readonly File[]): Promise<void> {
    return intake(files.map((f) => ({ name: f.name, run: (w) => w.process(f, f.name) })));
  },
  /** Takes in a frame of the camera (handed over). */
  addFrame(frame: ImageBitmap): Promise<void> {
    const name = `Camera photo ${new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
    return intake([{ name, run: (w) => w.processFrame(frame, name) }]);
  },
  select(id: string) {
    usePhotos.setState({ selectedId: id });
  },
  async setView(id: string, view: PhotoView) {
    const s = await store();
    try {
      const row = await s?.setPhotoView(id, view);
      if (row) usePhotos.setState((st) => ({ photos: st.photos.map((p) => (p.id === id ? { ...p, view: row.view } : p)) }));
    } catch (e) {
      usePhotos.setState({ notes: [note('failed', say(e, 'The view of the photo could not be changed'))] });
    }
  },
  async delete(id: string) {
    const s = await store();
    const photo = usePhotos.getState().photos.find((p) => p.id === id);
    if (!s || !photo) return;
    // A mask still waiting to be written goes with the photo.
    const pending = maskSaves.get(id);
    if (pending) {
      clearTimeout(pending.timer);
      maskSaves.delete(id);
      pending.waiting.forEach((w) => w(false));
    }
    try {
      const token = await s.deletePhoto(id);
      forget([photo]);
      usePhotos.setState((st) => {
        const rest = st.photos.filter((p) => p.id !== id);
        return { photos: rest, selectedId: st.selectedId === id ? firstShown(rest) : st.selectedId, removed: { label: `Photo “${photo.sourceName}” deleted.`, token }, notes: [] };
      });
    } catch (e) {
      usePhotos.setState({ notes: [note('failed', say(e, 'The photo could not be deleted'))] });
    }
  },
  async undoDelete() {
    const removed = usePhotos.getState().removed;
    const s = await store();
    if (!removed || !s) return;
    try {
      await s.restore(removed.token);
    } catch (e) {
      usePhotos.setState({ notes: [note('failed', say(e, 'The photo could not be put back'))] });
    }
    await load(usePhotos.getState().clientId);
  },
  dismissRemoved() {
    usePhotos.setState({ removed: null });
  },
  /** Keeps a photo's fit (computed, or corrected by hand), so it opens aligned next time. */
  async setFit(id: string, fit: PhotoFit | null) {
    const s = await store();
    const show = (kept: PhotoFit | null) =>
      usePhotos.setState((st) => ({ photos: st.photos.map((p) => (p.id === id ? { ...p, fit: kept } : p)), fits: { ...st.fits, [id]: kept ? 'fitted' : 'none' } }));
    try {
      const row = await s?.setPhotoFit(id, fit);
      show(row ? row.fit : fit);
    } catch (e) {
      // Shown all the same: only keeping it for next time failed.
      show(fit);
      usePhotos.setState((st) => ({ notes: [...st.notes, note('failed', say(e, 'The fit of the photo could not be kept'))] }));
    }
  },
  /** Keeps the client's own hair marked on a photo (a PNG of keepMaskSizePx of the photo; null:
   * none), once the painting pauses for KEEP_MASK_SAVE_MS; the latest mask given wins. Resolves to
   * whether it was kept (if not, a note says why). */
  setKeepMask(id: string, mask: Blob | null): Promise<boolean> {
    return new Promise((resolve) => {
      const pending = maskSaves.get(id);
      if (pending) clearTimeout(pending.timer);
      const waiting = [...(pending?.waiting ?? []), resolve];
      maskSaves.set(id, { mask, waiting, timer: setTimeout(() => void writeKeepMask(id), KEEP_MASK_SAVE_MS) });
    });
  },
  /** Asks photoFit.ts for the fit of a photo shown without one (once per photo and load), or with
   * one found for another head than `head`. */
  async ensureFit(id: string, head: HeadModel | null) {
    const st = usePhotos.getState();
    const photo = st.photos.find((p) => p.id === id);
    if (!photo || st.fits[id] === 'fitting') return;
    if (photo.fit ? !fitIsStale(photo.fit, head) : st.fits[id]) return;
    usePhotos.setState({ fits: { ...st.fits, [id]: 'fitting' } });
    const outcome = await computePhotoFit(photo);
    if (outcome.kind === 'fit') await photos.setFit(id, outcome.fit);
    else usePhotos.setState((s) => ({ fits: { ...s.fits, [id]: outcome.kind } }));
  },
};

async function writeKeepMask(id: string): Promise<void> {
  const pending = maskSaves.get(id);
  if (!pending) return;
  maskSaves.delete(id);
  const s = await store();
  let kept = false;
  try {
    if (!s) throw new Error(useRecords.getState().problem ?? 'the records cannot be used.');
    const row = await s.setPhotoKeepMask(id, pending.mask);
    kept = true;
    usePhotos.setState((st) => ({ photos: st.photos.map((p) => (p.id === id ? { ...withoutMask(p), ...(row.keepMask ? { keepMask: row.keepMask } : {}) } : p)) }));
  } catch (e) {
    usePhotos.setState((st) => ({ notes: [...st.notes, note('failed', say(e, 'The hair marked on the photo was not kept'))] }));
  }
  pending.waiting.forEach((w) => w(kept));
}

const withoutMask = ({ keepMask: _mask, ...rest }: ShownPhoto): ShownPhoto => rest;

/** What the open client's photos add to a client file, in bytes. */
export function photosFileBytes(list: readonly ShownPhoto[]): number {
  return list.reduce((n, p) => n + filePhotoBytes({ imageBytes: p.image.size, thumbBytes: p.thumb.size, keepMaskBytes: p.keepMask?.size }), 0);
}

/** The open client's photos as a client file carries them (their bytes read without blocking). */
export async function photosForFile(clientId: string): Promise<ClientFilePhoto[]> {
  const st = usePhotos.getState();
  if (st.clientId !== clientId) return [];
  const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
  return Promise.all([...st.photos].sort(byAge).map(async (p) => filePhotoOf(p, await bytes(p.image), await bytes(p.thumb), p.keepMask && (await bytes(p.keepMask)))));
}
