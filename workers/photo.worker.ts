/** Takes in a client's photo off the main thread: checks the file (storage/photoChecks.ts), decodes
 * it upright (EXIF orientation applied), and re-encodes it as a JPEG of the size the photo view
 * needs and a thumbnail. A refused photo is an answer with the reason, not a crash. */
import * as Comlink from 'comlink';
import {
  MAX_KEPT_PHOTO_BYTES,
  PHOTO_LONG_SIDE_PX,
  THUMB_LONG_SIDE_PX,
  checkPhotoDimensions,
  checkPhotoSize,
  fitWithin,
  inspectPhoto,
  PhotoRefusal,
  quoteName,
  type PhotoRefusalReason,
} from '../src/storage/photoChecks';

export interface ProcessedPhoto {
  image: Blob;
  mimeType: string;
  widthPx: number;
  heightPx: number;
  thumb: Blob;
  thumbWidthPx: number;
  thumbHeightPx: number;
  /** As taken: the oriented size before downscaling, the EXIF orientation, and the camera's 35 mm
   * equivalent focal length when the EXIF says it. */
  sourceWidthPx: number;
  sourceHeightPx: number;
  orientation: number;
  focal35mm: number | null;
  ms: number;
}

export type PhotoJobResult = { ok: true; photo: ProcessedPhoto } | { ok: false; reason: PhotoRefusalReason; message: string };

/** JPEG qualities tried in turn until the picture fits MAX_KEPT_PHOTO_BYTES; the first is chosen
 * for skin and stubble without visible blocks at 2048 px. */
const QUALITIES = [0.9, 0.8, 0.7, 0.6];
const THUMB_QUALITY = 0.8;

async function encode(source: ImageBitmap, longSidePx: number, qualities: number[], maxBytes: number): Promise<{ blob: Blob; widthPx: number; heightPx: number }> {
  const size = fitWithin(source.width, source.height, longSidePx);
  // resizeQuality 'high' filters over the whole footprint; drawImage's own downscale would alias.
  const scaled = size.widthPx === source.width ? source : await createImageBitmap(source, { resizeWidth: size.widthPx, resizeHeight: size.heightPx, resizeQuality: 'high' });
  const canvas = new OffscreenCanvas(size.widthPx, size.heightPx);
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('this browser has no 2D canvas in workers');
  // A PNG's transparent parts become white, not black, in a JPEG.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, size.widthPx, size.heightPx);
  ctx.drawImage(scaled, 0, 0);
  if (scaled !== source) scaled.close();
  let blob: Blob | null = null;
  for (const quality of qualities) {
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (blob.size <= maxBytes) break;
  }
  return { blob: blob!, ...size };
}

/** The picture and thumbnail of an upright bitmap. */
async function fromBitmap(name: string, bitmap: ImageBitmap, orientation: number, focal35mm: number | null, t0: number): Promise<ProcessedPhoto> {
  checkPhotoDimensions(name, bitmap.width, bitmap.height);
  const image = await encode(bitmap, PHOTO_LONG_SIDE_PX, QUALITIES, MAX_KEPT_PHOTO_BYTES);
  const thumb = await encode(bitmap, THUMB_LONG_SIDE_PX, [THUMB_QUALITY], MAX_KEPT_PHOTO_BYTES);
  return {
    image: image.blob,
    mimeType: 'image/jpeg',
    widthPx: image.widthPx,
    heightPx: image.heightPx,
    thumb: thumb.blob,
    thumbWidthPx: thumb.widthPx,
    thumbHeightPx: thumb.heightPx,
    sourceWidthPx: bitmap.width,
    sourceHeightPx: bitmap.height,
    orientation,
    focal35mm,
    ms: performance.now() - t0,
  };
}

async function processPhoto(file: Blob, name: string): Promise<PhotoJobResult> {
  const t0 = performance.now();
  try {
    checkPhotoSize(name, file.size);
    const header = inspectPhoto(name, new Uint8Array(await file.arrayBuffer()));
    // The header's size is known before any decoding: a thumbnail is refused at once.
    checkPhotoDimensions(name, header.widthPx, header.heightPx);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      throw new PhotoRefusal(
        'broken',
        `${quoteName(name)} could not be decoded (it is damaged, or uses a kind of ${header.type.toUpperCase()} this browser cannot read). Save it again as JPEG and add that.`,
      );
    }
    try {
      return { ok: true, photo: await fromBitmap(name, bitmap, header.orientation, header.focal35mm, t0) };
    } finally {
      bitmap.close();
    }
  } catch (e) {
    if (e instanceof PhotoRefusal) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}

const api = {
  processPhoto,
  /** A frame of the camera (grabbed on the main thread as an ImageBitmap, transferred): it becomes
   * a photo as a file would, without a JPEG round trip. */
  async processFrame(frame: ImageBitmap, name: string): Promise<PhotoJobResult> {
    try {
      return { ok: true, photo: await fromBitmap(name, frame, 1, null, performance.now()) };
    } catch (e) {
      if (e instanceof PhotoRefusal) return { ok: false, reason: e.reason, message: e.message };
      throw e;
    } finally {
      frame.close();
    }
  },
};

export type PhotoWorkerApi = typeof api;

Comlink.expose(api);
