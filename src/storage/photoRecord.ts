/** What is kept of a client's photo, and the checks a photo record passes before it is written.
 * Pure: no IndexedDB; photoOps.ts writes the rows, clientFilePhotos.ts carries them in files. */
import { keepMaskSizePx, z } from '../model';
import { FOCAL_35MM_RANGE, MAX_KEPT_PHOTO_BYTES, PHOTO_LONG_SIDE_PX, PhotoRefusal, THUMB_LONG_SIDE_PX, inspectPhoto, sniffType } from './photoChecks';

export { MAX_KEPT_PHOTO_BYTES, PHOTO_LONG_SIDE_PX, THUMB_LONG_SIDE_PX };

/** Which side of the head a photo shows: the camera presets' names. */
export const PHOTO_VIEWS = ['front', 'left', 'right', 'back', 'top'] as const;
export type PhotoView = (typeof PHOTO_VIEWS)[number];
export const PHOTO_VIEW_LABELS: Record<PhotoView, string> = { front: 'Front', left: 'Left side', right: 'Right side', back: 'Back', top: 'Top' };

/** Five views, at a few visits: the cap keeps every client exportable as one file. */
export const MAX_PHOTOS_PER_CLIENT = 20;
/** A pose fit is a few numbers and handle points; anything larger is not one. */
export const MAX_FIT_JSON_CHARS = 64 * 1024;

/** The pose fit of a photo as the fitting code produces it (yaw, pitch and roll in degrees, mm per
 * pixel, the handles the user moved, …). Opaque to storage: kept as plain JSON and given back
 * as it was, so the photo opens aligned next time. */
export type PhotoFit = Record<string, unknown>;

/** A photo of a client as kept on the device: the picture downscaled by the photo worker (JPEG) and
 * its thumbnail, both turned upright (EXIF orientation applied). */
export interface PhotoRow {
  id: string;
  clientId: string;
  view: PhotoView;
  /** The file it came from ("IMG_2041.jpg", "Camera"), for messages only. */
  sourceName: string;
  createdAt: string;
  image: Blob;
  mimeType: string;
  widthPx: number;
  heightPx: number;
  thumb: Blob;
  thumbWidthPx: number;
  thumbHeightPx: number;
  fit: PhotoFit | null;
  /** The camera's focal length as a 35 mm equivalent (mm), from the photo's EXIF: it sets how the
   * head's near and far parts differ in size on the photo. Absent when the photo did not say. */
  focal35mm?: number;
  /** The client's own hair to keep on this photo: a PNG, white where kept, of keepMaskSizePx of the
   * photo (model/photo/keepMask.ts). Absent when none is marked, and on rows kept before marks were. */
  keepMask?: Blob;
}

/** A processed photo, to be added to a client. */
export type NewPhoto = Omit<PhotoRow, 'id' | 'clientId' | 'createdAt' | 'fit'> & { fit?: PhotoFit | null; createdAt?: string };

/** A mask painted with the brush is a few kB as PNG (broad strokes, two colours); 256 kB is far
 * more than one can be, and little enough to keep twenty in a client file. */
export const MAX_KEEP_MASK_BYTES = 256 * 1024;

/** Why these bytes are not a keep mask for a photo of this size, or null when they are one: a whole
 * PNG (its signature, header and end), at most MAX_KEEP_MASK_BYTES, of the mask's size for the photo. */
export function keepMaskProblem(bytes: Uint8Array, photo: { widthPx: number; heightPx: number }): string | null {
  if (bytes.length === 0) return 'is empty';
  if (bytes.length > MAX_KEEP_MASK_BYTES) return `must be at most ${MAX_KEEP_MASK_BYTES / 1024} kB (it has ${Math.ceil(bytes.length / 1024)} kB)`;
  if (sniffType(bytes.subarray(0, 64)) !== 'png') return 'must be a PNG picture';
  let header;
  try {
    header = inspectPhoto('mask', bytes);
  } catch (e) {
    if (e instanceof PhotoRefusal) return 'is a damaged PNG (cut short or malformed)';
    throw e;
  }
  const want = keepMaskSizePx(photo.widthPx, photo.heightPx);
  if (header.widthPx !== want.widthPx || header.heightPx !== want.heightPx) {
    return `must be ${want.widthPx} × ${want.heightPx} pixels for a ${photo.widthPx} × ${photo.heightPx} photo (it is ${header.widthPx} × ${header.heightPx})`;
  }
  return null;
}

export const photoViewSchema = z.enum(PHOTO_VIEWS, { error: `must be one of ${PHOTO_VIEWS.join(', ')}` });
const MAX_SIDE_PX = 16_384;
export const sidePxSchema = z
  .number({ error: 'must be a number of pixels' })
  .int({ error: 'must be a whole number of pixels' })
  .min(1, { error: 'must be at least 1 pixel' })
  .max(MAX_SIDE_PX, { error: `must be at most ${MAX_SIDE_PX} pixels` });
export const photoMimeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp'], { error: 'must be image/jpeg, image/png or image/webp' });
/** A 35 mm equivalent focal length (photoChecks.ts FOCAL_35MM_RANGE). */
const { min: FOCAL_MIN, max: FOCAL_MAX } = FOCAL_35MM_RANGE;
export const focal35mmSchema = z
  .number({ error: 'must be a number of millimetres' })
  .finite()
  .min(FOCAL_MIN, { error: `must be at least ${FOCAL_MIN} mm` })
  .max(FOCAL_MAX, { error: `must be at most ${FOCAL_MAX} mm` });
export const sourceNameSchema = z.string({ error: 'must be text' }).max(255, { error: 'must be at most 255 characters' });

/** Plain JSON (what JSON.stringify gives back the same), at most MAX_FIT_JSON_CHARS, or null. */
export const fitSchema = z
  .record(z.string(), z.unknown(), { error: 'must be an object (the pose fit) or null' })
  .nullable()
  .superRefine((fit, ctx) => {
    if (fit === null) return;
    let text: string;
    try {
      text = JSON.stringify(fit);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be plain data' });
      return;
    }
    if (text.length > MAX_FIT_JSON_CHARS) ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_FIT_JSON_CHARS} characters as JSON (it has ${text.length})` });
  });

/** A kept picture's size: what the worker makes is at most `longSidePx` on its long side. */
export const keptSizeSchema = (longSidePx: number) =>
  z.object({ widthPx: sidePxSchema, heightPx: sidePxSchema }).refine((s) => Math.max(s.widthPx, s.heightPx) <= longSidePx, {
    error: `must be at most ${longSidePx} pixels on the long side`,
  });

/** The next view a new photo takes: the first of front, left, right, back, top not yet taken, or
 * front again when all are. */
export function nextPhotoView(taken: readonly PhotoView[]): PhotoView {
  return PHOTO_VIEWS.find((v) => !taken.includes(v)) ?? 'front';
}

/** Photos in the order the strip shows them: by view (front first), then oldest first. */
export function byViewThenAge<T extends { view: PhotoView; createdAt: string }>(a: T, b: T): number {
  const dv = PHOTO_VIEWS.indexOf(a.view) - PHOTO_VIEWS.indexOf(b.view);
  return dv !== 0 ? dv : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}

/** A number from a fit, or null: the fit is opaque, so each reader checks what it reads. */
export function fitNumber(fit: PhotoFit | null | undefined, key: string): number | null {
  const v = fit?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
