/** A client's photos inside a client file (only when the user asks for them at export): each
 * picture and its thumbnail as base64 text, with the view, the date, the pose fit and the hair
 * marked to keep (a small PNG, when there is one). Pure: bytes
 * in, text out and back. A photo in a file passes the same checks as one added from the camera
 * roll (type from its bytes, whole, the size it claims). */
import { z } from '../model';
import { timestampSchema } from './clientRecord';
import { PhotoRefusal, inspectPhoto, PHOTO_MIME } from './photoChecks';
import {
  MAX_KEEP_MASK_BYTES,
  MAX_KEPT_PHOTO_BYTES,
  MAX_PHOTOS_PER_CLIENT,
  PHOTO_LONG_SIDE_PX,
  THUMB_LONG_SIDE_PX,
  fitSchema,
  focal35mmSchema,
  keepMaskProblem,
  keptSizeSchema,
  photoMimeSchema,
  photoViewSchema,
  sidePxSchema,
  sourceNameSchema,
  type NewPhoto,
  type PhotoFit,
  type PhotoView,
} from './photoRecord';

export interface ClientFilePicture {
  mimeType: string;
  widthPx: number;
  heightPx: number;
  bytes: Uint8Array;
}

export interface ClientFilePhoto {
  view: PhotoView;
  sourceName: string;
  createdAt: string;
  fit: PhotoFit | null;
  /** The camera's focal length, 35 mm equivalent (photoRecord.ts), when the photo said it. */
  focal35mm?: number;
  image: ClientFilePicture;
  thumb: ClientFilePicture;
  /** The hair marked to keep: PNG bytes (photoRecord.ts keepMaskProblem says what they must be). */
  keepMask?: Uint8Array;
}

/** Bytes as base64 (RFC 4648, padded), in chunks: one String.fromCharCode of a whole photo
 * would pass the engine's argument limit. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The size a photo adds to a client file: base64 of the picture and the thumbnail, and a little for the fields. */
export function filePhotoBytes(photo: { imageBytes: number; thumbBytes: number; keepMaskBytes?: number }): number {
  const b64 = (n: number) => 4 * Math.ceil(n / 3);
  return b64(photo.imageBytes) + b64(photo.thumbBytes) + (photo.keepMaskBytes ? b64(photo.keepMaskBytes) + 20 : 0) + 400;
}

/** The photos as a client file carries them. */
export function photosToFile(photos: readonly ClientFilePhoto[]): unknown[] {
  const picture = (p: ClientFilePicture) => ({ mimeType: p.mimeType, widthPx: p.widthPx, heightPx: p.heightPx, data: toBase64(p.bytes) });
  return photos.map((p) => ({
    view: p.view,
    sourceName: p.sourceName,
    createdAt: p.createdAt,
    fit: p.fit,
    ...(p.focal35mm === undefined ? {} : { focal35mm: p.focal35mm }),
    image: picture(p.image),
    thumb: picture(p.thumb),
    ...(p.keepMask ? { keepMask: toBase64(p.keepMask) } : {}),
  }));
}

const maxData = 4 * Math.ceil(MAX_KEPT_PHOTO_BYTES / 3);
const base64Schema = (maxBytes: number, what: string) =>
  z
    .string({ error: `must be ${what} as base64 text` })
    .min(1, { error: 'is empty' })
    .max(4 * Math.ceil(maxBytes / 3), { error: `must be at most ${maxBytes / 1024} kB` })
    .refine((s) => s.length % 4 === 0 && BASE64.test(s), { error: 'must be base64 text (it has other characters, or was cut short)' });
const pictureSchema = z.object(
  {
    mimeType: photoMimeSchema,
    widthPx: sidePxSchema,
    heightPx: sidePxSchema,
    data: z
      .string({ error: 'must be the picture as base64 text' })
      .min(1, { error: 'is empty' })
      .max(maxData, { error: `must be at most ${MAX_KEPT_PHOTO_BYTES / (1024 * 1024)} MB` })
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), { error: 'must be base64 text (it has other characters, or was cut short)' }),
  },
  { error: (iss) => (iss.input === undefined ? 'is missing' : 'must be an object with mimeType, widthPx, heightPx and data') },
);
const photoSchema = z.object(
  {
    view: photoViewSchema,
    sourceName: sourceNameSchema.default(''),
    createdAt: timestampSchema,
    fit: fitSchema.default(null),
    focal35mm: focal35mmSchema.optional(),
    image: pictureSchema,
    thumb: pictureSchema,
    keepMask: base64Schema(MAX_KEEP_MASK_BYTES, 'the hair marked to keep (a PNG)').optional(),
  },
  { error: (iss) => (iss.input === undefined ? 'is missing' : 'must be an object with view, createdAt, image and thumb') },
);

/** The picture's bytes, checked as an intake checks a photo: the claimed type and size must be what
 * the bytes say. Returns the problem as [subpath, message] instead of throwing. */
function readPicture(p: z.output<typeof pictureSchema>, longSidePx: number): ClientFilePicture | [string, string] {
  const size = keptSizeSchema(longSidePx).safeParse(p);
  if (!size.success) return ['', size.error.issues[0].message];
  const bytes = fromBase64(p.data);
  try {
    const header = inspectPhoto('picture', bytes);
    if (PHOTO_MIME[header.type] !== p.mimeType) return ['mimeType', `is ${p.mimeType} but the picture is ${PHOTO_MIME[header.type]}`];
    if (header.widthPx !== p.widthPx || header.heightPx !== p.heightPx || header.orientation !== 1) {
      return ['', `says ${p.widthPx} × ${p.heightPx} pixels but the picture is ${header.widthPx} × ${header.heightPx}${header.orientation !== 1 ? ' and turned' : ''}`];
    }
  } catch (e) {
    if (!(e instanceof PhotoRefusal)) throw e;
    return ['data', e.reason === 'broken' ? 'is a damaged picture (cut short or malformed)' : 'is not a JPEG, PNG or WebP picture'];
  }
  return { mimeType: p.mimeType, widthPx: p.widthPx, heightPx: p.heightPx, bytes };
}

/** The `photos` of a client file, checked; or the first problem as a path in the file and a message. */
export function readFilePhotos(value: unknown): { photos: ClientFilePhoto[] } | { path: string; message: string } {
  if (!Array.isArray(value)) return { path: 'photos', message: 'photos must be a list of photos' };
  if (value.length > MAX_PHOTOS_PER_CLIENT) return { path: 'photos', message: `photos must be a list of at most ${MAX_PHOTOS_PER_CLIENT} photos (it has ${value.length})` };
  const photos: ClientFilePhoto[] = [];
  for (let i = 0; i < value.length; i++) {
    const parsed = photoSchema.safeParse(value[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = [`photos[${i}]`, ...issue.path.map(String)].join('.');
      return { path, message: `${path} ${issue.message}` };
    }
    const p = parsed.data;
    const pictures: ClientFilePicture[] = [];
    for (const [key, longSide] of [
      ['image', PHOTO_LONG_SIDE_PX],
      ['thumb', THUMB_LONG_SIDE_PX],
    ] as const) {
      const read = readPicture(p[key], longSide);
      if (!Array.isArray(read)) {
        pictures.push(read);
        continue;
      }
      const path = [`photos[${i}]`, key, read[0]].filter(Boolean).join('.');
      return { path, message: `${path} ${read[1]}` };
    }
    let keepMask: Uint8Array | undefined;
    if (p.keepMask !== undefined) {
      keepMask = fromBase64(p.keepMask);
      const problem = keepMaskProblem(keepMask, pictures[0]);
      if (problem) return { path: `photos[${i}].keepMask`, message: `photos[${i}].keepMask ${problem}` };
    }
    photos.push({
      view: p.view,
      sourceName: p.sourceName,
      createdAt: p.createdAt,
      fit: p.fit,
      ...(p.focal35mm === undefined ? {} : { focal35mm: p.focal35mm }),
      image: pictures[0],
      thumb: pictures[1],
      ...(keepMask ? { keepMask } : {}),
    });
  }
  return { photos };
}

/** A photo of a file as a photo to keep (the import gives it a new id and the new client). */
export function newPhotoFromFile(p: ClientFilePhoto): NewPhoto {
  const blob = (pic: ClientFilePicture) => new Blob([pic.bytes as Uint8Array<ArrayBuffer>], { type: pic.mimeType });
  return {
    view: p.view,
    sourceName: p.sourceName,
    createdAt: p.createdAt,
    fit: p.fit,
    ...(p.focal35mm === undefined ? {} : { focal35mm: p.focal35mm }),
    image: blob(p.image),
    mimeType: p.image.mimeType,
    widthPx: p.image.widthPx,
    heightPx: p.image.heightPx,
    thumb: blob(p.thumb),
    thumbWidthPx: p.thumb.widthPx,
    thumbHeightPx: p.thumb.heightPx,
    ...(p.keepMask ? { keepMask: new Blob([p.keepMask as Uint8Array<ArrayBuffer>], { type: 'image/png' }) } : {}),
  };
}

/** A kept photo as a client file carries it (its Blobs read first by the caller). */
export function filePhotoOf(row: NewPhoto & { createdAt: string }, imageBytes: Uint8Array, thumbBytes: Uint8Array, keepMaskBytes?: Uint8Array): ClientFilePhoto {
  return {
    view: row.view,
    sourceName: row.sourceName,
    createdAt: row.createdAt,
    fit: row.fit ?? null,
    ...(row.focal35mm === undefined ? {} : { focal35mm: row.focal35mm }),
    image: { mimeType: row.mimeType, widthPx: row.widthPx, heightPx: row.heightPx, bytes: imageBytes },
    thumb: { mimeType: row.thumb.type || row.mimeType, widthPx: row.thumbWidthPx, heightPx: row.thumbHeightPx, bytes: thumbBytes },
    ...(keepMaskBytes ? { keepMask: keepMaskBytes } : {}),
  };
}
