/** The head's proportion read from the outline of the client's head on a fitted photo (model
 * headShapeSteps), for the photo view to offer as the head's length and breadth. Only the photo's
 * rows the reading needs are decoded into pixels. */
import { headShapeSteps, outlineRowsOf, placementOf, type HeadModel, type HeadShapeReading, type OutlineView } from '../model';
import type { ShownPhoto } from './photos';

const OUTLINE_VIEWS: readonly string[] = ['front', 'back', 'left', 'right'];

/** The reading of a photo with a fit, for this head; null when the photo has none to give (a top
 * view, no fit, an outline that does not stand out). */
export async function readHeadShape(photo: ShownPhoto, head: HeadModel): Promise<HeadShapeReading | null> {
  const placed = placementOf(photo.fit);
  if (!placed || !OUTLINE_VIEWS.includes(photo.view)) return null;
  const view = photo.view as OutlineView;
  const { fromPx, toPx } = outlineRowsOf(placed, view);
  const top = Math.max(0, Math.floor(fromPx));
  const bottom = Math.min(photo.heightPx - 1, Math.ceil(toPx));
  if (bottom < top) return null;
  const bitmap = await createImageBitmap(photo.image);
  try {
    const canvas = new OffscreenCanvas(photo.widthPx, bottom - top + 1);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, -top, photo.widthPx, photo.heightPx);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const rowBytes = 4 * photo.widthPx;
    const steps = headShapeSteps(head, placed, view, (y) => (y >= top && y <= bottom ? data.subarray((y - top) * rowBytes, (y - top + 1) * rowBytes) : null));
    // A step at a time, the page free between them: the whole is 60-120 ms on a 2-core machine.
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await new Promise((resolve) => setTimeout(resolve));
    }
  } finally {
    bitmap.close();
  }
}
