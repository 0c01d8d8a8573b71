/** A client's photo with the design drawn on it, as a picture for the report. It is drawn
 * off-screen by a photo view of its own (photoView.ts: the same renderer, skin sample, dots and
 * year as the photo on screen, which is left alone), with the hair marked to keep, over the whole
 * photo without the before/after divider; its GL resources are freed as soon as the picture is
 * read. */
import { fitAtScale, type OrthoFit } from '../../model';
import { PhotoView, type PhotoReport } from './photoView';

export interface PhotoStill {
  /** JPEGs of the photo as taken and with the design drawn on it, the same size. */
  before: Uint8Array;
  after: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** The year drawn (the year on screen). */
  years: number;
}

const STILL_TIMEOUT_MS = 60_000;

function jpeg(canvas: HTMLCanvasElement, quality: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('the picture could not be encoded'))), 'image/jpeg', quality),
  );
}

/** The marks of the hair to keep (a PNG, white where kept, any size) as the renderer takes them;
 * null when there are none or they cannot be read (the photo view then shows none either). */
async function keepMaskOf(png: Blob | null | undefined): Promise<HTMLCanvasElement | null> {
  if (!png) return null;
  try {
    const bitmap = await createImageBitmap(png);
    const mask = document.createElement('canvas');
    [mask.width, mask.height] = [bitmap.width, bitmap.height];
    mask.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return mask;
  } catch {
    return null;
  }
}

/** The photo (`image`, placed by `fit` at its own size) before and after, at most `longSidePx` on
 * its long side; `keepMask` the hair marked to keep on it. Rejects with the reason when the design
 * cannot be drawn on it. */
export async function photoStill(image: Blob, fit: OrthoFit, longSidePx: number, options: { keepMask?: Blob | null; quality?: number } = {}): Promise<PhotoStill> {
  const { quality = 0.88 } = options;
  const keep = await keepMaskOf(options.keepMask);
  const bitmap = await createImageBitmap(image);
  const scale = Math.min(1, longSidePx / Math.max(bitmap.width, bitmap.height));
  const widthPx = Math.max(1, Math.round(bitmap.width * scale));
  const heightPx = Math.max(1, Math.round(bitmap.height * scale));
  const placed = fitAtScale(fit, widthPx / bitmap.width);
  const source = document.createElement('canvas');
  [source.width, source.height] = [widthPx, heightPx];
  source.getContext('2d')!.drawImage(bitmap, 0, 0, widthPx, heightPx);
  bitmap.close();
  // The view draws into a canvas of its own that is never on the page.
  const canvas = document.createElement('canvas');
  [canvas.width, canvas.height] = [widthPx, heightPx];
  canvas.getContext('2d')!.drawImage(source, 0, 0);
  let view: PhotoView | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const drawn = await new Promise<PhotoReport>((resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`the design was not drawn on it within ${STILL_TIMEOUT_MS / 1000} s`)), STILL_TIMEOUT_MS);
      const onReport = (r: PhotoReport) => {
        if (r.status === 'error') reject(new Error(r.message ?? 'the design could not be drawn on it'));
        else if (r.status === 'ready' && r.renderCount > 0) resolve({ ...r });
      };
      view = new PhotoView(canvas, source, placed, onReport, { still: true });
      if (keep) view.setKeepMask(keep);
    });
    // Read before anything else can draw: the view shows a new frame only in a later task.
    const [before, after] = await Promise.all([jpeg(source, quality), jpeg(canvas, quality)]);
    return { before, after, widthPx, heightPx, years: drawn.years ?? 0 };
  } finally {
    clearTimeout(timer);
    (view as PhotoView | null)?.dispose();
  }
}
