/** The designed hairline on a fitted photo: its handles and its line where the photo shows them,
 * and a handle dragged to a photo pixel, moved to the scalp point that pixel shows (scalpOnPhoto.ts;
 * on the face below the scalp, the head's point there) by the same rules as on the 3D head
 * (scalp/hairlineHandles.ts moveHandle), which hold it where a design must stop. */
import type { HeadModel } from '../head/types';
import type { HairlineSpec } from '../scalp/hairlineSchema';
import { hairlinePolyline, hairlineHandles, moveHandle, type FixedHandleId, type HandleId, type MoveResult } from '../scalp/hairline';
import { fitRotation, projectToPhoto, type OrthoFit } from './fit';
import { headPointAtPixel, scalpPointAtPixel, scalpPointShows } from './scalpOnPhoto';

type HeadLike = Pick<HeadModel, 'chart' | 'landmarks' | 'positions' | 'indices'>;

export interface PhotoHairlineHandle {
  id: HandleId | FixedHandleId;
  fixed: boolean;
  /** Where it lies on the photo (pixels, y down), whether shown or not. */
  xPx: number;
  yPx: number;
  /** The photo shows it (it faces the camera, nothing of the head in front of it). */
  shows: boolean;
}

export interface HairlineOnPhoto {
  handles: PhotoHairlineHandle[];
  /** The line where it faces the camera, as runs of x, y pixel pairs. */
  runs: number[][];
}

/** The hairline's handles and line on the photo. The line is cut where it turns away from the
 * camera (seen from the chart's centre: a guide, not a measure); the handles are each checked
 * against what their pixel shows. */
export function hairlineOnPhoto(head: HeadLike, hairline: HairlineSpec, seed: number, fit: OrthoFit): HairlineOnPhoto {
  const r = fitRotation(fit);
  const handles = hairlineHandles(head, hairline).map((h) => {
    const p = projectToPhoto(fit, h.positionMm, r);
    return { id: h.id, fixed: h.fixed, xPx: p.x, yPx: p.y, shows: scalpPointShows(head.chart, fit, h.positionMm, 2, r) };
  });
  const line = hairlinePolyline(head, hairline, seed);
  const c = head.chart.centerMm;
  const runs: number[][] = [];
  let run: number[] | null = null;
  for (let k = 0; k < line.length; k += 3) {
    const d = [line[k] - c[0], line[k + 1] - c[1], line[k + 2] - c[2]];
    const facing = r[6] * d[0] + r[7] * d[1] + r[8] * d[2] > 0;
    if (!facing) {
      run = null;
      continue;
    }
    if (!run) runs.push((run = []));
    const p = projectToPhoto(fit, [line[k], line[k + 1], line[k + 2]], r);
    run.push(p.x, p.y);
  }
  return { handles, runs: runs.filter((x) => x.length >= 4) };
}

/** The hairline with handle `id` dragged to photo pixel (xPx, yPx): moved to the scalp point the
 * pixel shows (on the face, toward the head's point there), held where a design must stop (with
 * the reason, as on the 3D head). A pixel off the head leaves the hairline as it was, and says so. */
export function moveHandleOnPhoto(head: HeadLike, hairline: HairlineSpec, id: HandleId | FixedHandleId, fit: OrthoFit, xPx: number, yPx: number): MoveResult | { hairline: null; warning: string } {
  const q = scalpPointAtPixel(head.chart, fit, xPx, yPx) ?? headPointAtPixel(head, fit, xPx, yPx);
  if (!q) return { hairline: null, warning: 'The handle was dragged off the head; it is held at the last point on the scalp.' };
  return moveHandle(head, hairline, id, q);
}
