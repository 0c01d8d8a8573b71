/** The head fitted to a photo by hand: the user drags a few handles onto points of the head that
 * every photo of its view shows (the outer eye corners, chin and top of the head on a face; the
 * ears and the head's outline from behind and above, where there is no face to find), and the
 * head's landmarks are turned and moved until they project onto them through the photo's assumed
 * camera (poseFit.ts). The fit has the shape of the automatic one (state/photoFit.ts), marked
 * `source: 'manual'`, with the handles kept so the alignment opens where it was left. */
import type { Sex } from '../head/form';
import type { Landmark, Vec3 } from '../head/types';
import { z } from '../zod';
import { EXOCANTHION_SPAN_MM, exocanthionSpanMm } from './headFit';
import { apply, poseOf, projectHeadPoint, rotationOf, type HeadPose, type Mat3, type PinholeCamera } from './pose';
import { fitPoints, fitPointsFrom, type PointsFit } from './poseFit';

export const ALIGN_VIEWS = ['front', 'left', 'right', 'back', 'top'] as const;
export type AlignView = (typeof ALIGN_VIEWS)[number];
export type AlignPoint = Extract<Landmark, 'eyeOuterLeft' | 'eyeOuterRight' | 'menton' | 'vertex' | 'tragusLeft' | 'tragusRight' | 'inion' | 'glabella' | 'opisthocranion'>;
/** Handle positions, photo pixels (x right, y down). */
export type AlignHandles = Partial<Record<AlignPoint, [number, number]>>;

/** The points each view is aligned by: four, the fewest a pose and distance can be fitted to, spread
 * over the head and not in one plane. A side shows one eye and one ear. */
export const ALIGN_POINTS: Record<AlignView, readonly AlignPoint[]> = {
  front: ['eyeOuterRight', 'eyeOuterLeft', 'menton', 'vertex'],
  left: ['eyeOuterLeft', 'tragusLeft', 'menton', 'vertex'],
  right: ['eyeOuterRight', 'tragusRight', 'menton', 'vertex'],
  back: ['tragusLeft', 'tragusRight', 'vertex', 'inion'],
  top: ['tragusLeft', 'tragusRight', 'glabella', 'opisthocranion'],
};

/** The handles' short names, as each shows beside it and messages name it. */
export const ALIGN_POINT_LABELS: Record<AlignPoint, string> = {
  eyeOuterLeft: 'L eye',
  eyeOuterRight: 'R eye',
  menton: 'Chin',
  vertex: 'Top',
  tragusLeft: 'L ear',
  tragusRight: 'R ear',
  inion: 'Back',
  glabella: 'Brow',
  opisthocranion: 'Back',
};

/** What each handle goes on, in words. */
export const ALIGN_POINT_NAMES: Record<AlignPoint, string> = {
  eyeOuterLeft: "the outer corner of the client's left eye",
  eyeOuterRight: "the outer corner of the client's right eye",
  menton: 'the bottom of the chin',
  vertex: 'the top of the head',
  tragusLeft: "the client's left ear (its front)",
  tragusRight: "the client's right ear (its front)",
  inion: 'the back of the head at ear level',
  glabella: 'the brow, between the eyebrows',
  opisthocranion: 'the back of the head',
};

/** How each view is usually taken (pose.ts angles): what the handles start from on a photo with no
 * fit, and where the fit starts looking. */
export const NOMINAL_POSES: Record<AlignView, HeadPose> = {
  front: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 },
  left: { yawDeg: -90, pitchDeg: 0, rollDeg: 0 },
  right: { yawDeg: 90, pitchDeg: 0, rollDeg: 0 },
  back: { yawDeg: 180, pitchDeg: -10, rollDeg: 0 },
  top: { yawDeg: 0, pitchDeg: -90, rollDeg: 0 },
};

/** The side of the head each view faces the camera with (head frame). */
const FACING: Record<AlignView, Vec3> = { front: [0, 0, 1], left: [1, 0, 0], right: [-1, 0, 0], back: [0, 0, -1], top: [0, 1, 0] };
/** That side may be turned at most this far from the camera (cosine: 75 degrees). */
const FACING_MIN = Math.cos((75 * Math.PI) / 180);
/** Handles closer than this share of the farthest two are on top of each other. */
const APART_SHARE = 0.05;
/** The handles' spread may be no smaller than this share of the photo's diagonal. */
const SPREAD_MIN_SHARE = 0.02;
/** Handles whose narrower spread is under this share of the wider lie on one line. */
const LINE_SHARE = 0.05;
/** A fit leaving the handles this share of their spread from the head's points, or more, is none. */
const POOR_SHARE = 0.12;
/** How far outside the photo a handle may lie, as a share of its size. */
const OUTSIDE_SHARE = 0.25;

/** A refused alignment, with what to do about it. */
export class ManualFitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManualFitError';
  }
}

/** What the fit needs of the head: its landmarks, its sex (the eyes' published width), and for the
 * default handles its mesh. */
export interface AlignHead {
  landmarks: Record<Landmark, Vec3>;
  sex: Sex;
}

/** Where the head lies before a camera (pose.ts): a head point p is at rotation p + translationMm. */
export interface PinholePlacement {
  rotation: Mat3;
  translationMm: Vec3;
  camera: PinholeCamera;
}

/** The fit of a photo aligned by hand, as kept with the photo. */
export interface ManualPhotoFit extends PinholePlacement {
  source: 'manual';
  view: AlignView;
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** Millimetres per pixel at `scaleAt`: the outer eyes' midpoint on a face (as the automatic fit
   * has it), the point between the ear canals from behind and above. */
  mmPerPx: number;
  scaleAt: 'eyes' | 'ears';
  /** On a face: the same, with the eyes as wide as the published mean for the head's sex. */
  mmPerPxFromEyes?: number;
  /** How far the fitted head's points fall from the handles, root mean square, pixels. */
  rmsPx: number;
  handles: AlignHandles;
}

const name = (p: AlignPoint) => ALIGN_POINT_LABELS[p];

/** The view's handles, checked: each there, inside the photo (or near it), apart, not in a line. */
function checkedHandles(view: AlignView, handles: AlignHandles, camera: PinholeCamera): [number, number][] {
  const points = ALIGN_POINTS[view];
  const [w, h] = [2 * camera.principalPx[0], 2 * camera.principalPx[1]];
  const px = points.map((p) => {
    const at = handles[p];
    if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) throw new ManualFitError(`The handle ${name(p)} is missing.`);
    if (at[0] < -OUTSIDE_SHARE * w || at[0] > (1 + OUTSIDE_SHARE) * w || at[1] < -OUTSIDE_SHARE * h || at[1] > (1 + OUTSIDE_SHARE) * h)
      throw new ManualFitError(`The handle ${name(p)} lies outside the photo: drag it onto the photo.`);
    return at;
  });
  let far = 0;
  for (let i = 0; i < px.length; i++) for (let j = i + 1; j < px.length; j++) far = Math.max(far, Math.hypot(px[i][0] - px[j][0], px[i][1] - px[j][1]));
  if (far < SPREAD_MIN_SHARE * Math.hypot(w, h)) throw new ManualFitError('The handles are all in one spot: drag each onto its point of the head.');
  for (let i = 0; i < px.length; i++)
    for (let j = i + 1; j < px.length; j++)
      if (Math.hypot(px[i][0] - px[j][0], px[i][1] - px[j][1]) < APART_SHARE * far)
        throw new ManualFitError(`The handles ${name(points[i])} and ${name(points[j])} are on top of each other: move each onto its point.`);
  // The spread's two axes (principal components of the points).
  const n = px.length;
  const c = [px.reduce((s, p) => s + p[0], 0) / n, px.reduce((s, p) => s + p[1], 0) / n];
  let sxx = 0,
    syy = 0,
    sxy = 0;
  for (const [x, y] of px) {
    sxx += (x - c[0]) ** 2;
    syy += (y - c[1]) ** 2;
    sxy += (x - c[0]) * (y - c[1]);
  }
  const mean = (sxx + syy) / 2;
  const d = Math.sqrt(((sxx - syy) / 2) ** 2 + sxy ** 2);
  if (Math.sqrt(Math.max(0, mean - d)) < LINE_SHARE * Math.sqrt(mean + d)) throw new ManualFitError('The handles lie on one line: drag each onto its point of the head.');
  return px;
}

const facing = (view: AlignView, r: Mat3) => apply(r, FACING[view])[2];

/** Fits the head to the handles of a view. `near`: a rotation the answer is likely near (the fit
 * the handles were dragged from). Throws ManualFitError when the handles cannot be a head's. */
export function manualPhotoFit(head: AlignHead, view: AlignView, handles: AlignHandles, camera: PinholeCamera, near?: Mat3): ManualPhotoFit {
  const seen = checkedHandles(view, handles, camera);
  const points = ALIGN_POINTS[view];
  const model = points.map((p) => head.landmarks[p]);
  const nominal = NOMINAL_POSES[view];
  const starts: Mat3[] = near ? [near] : [];
  for (const dy of [0, -35, 35]) for (const dp of [0, -25, 25]) starts.push(rotationOf({ yawDeg: nominal.yawDeg + dy, pitchDeg: nominal.pitchDeg + dp, rollDeg: nominal.rollDeg }));
  const fits: PointsFit[] = starts.map((r) => fitPointsFrom(model, seen, camera, r));
  fits.push(fitPoints(model, seen, camera));
  const towards = fits.filter((f) => facing(view, f.rotation) >= FACING_MIN);
  const best = (list: PointsFit[]) => list.reduce<PointsFit | null>((a, f) => (!a || f.rmsPx < a.rmsPx ? f : a), null);
  const fit = best(towards);
  const [cx, cy] = [seen.reduce((t, q) => t + q[0], 0) / seen.length, seen.reduce((t, q) => t + q[1], 0) / seen.length];
  const spread = Math.sqrt(seen.reduce((s, [x, y]) => s + (x - cx) ** 2 + (y - cy) ** 2, 0) / seen.length);
  const poor = (f: PointsFit | null) => !f || f.rmsPx > POOR_SHARE * spread;
  if (poor(fit)) {
    const away = best(fits);
    if (away && !poor(away) && facing(view, away.rotation) < FACING_MIN) throw new ManualFitError('These handles turn the head away from the camera: are left and right swapped?');
    throw new ManualFitError('These handles do not fit a head: drag each onto its point.');
  }
  return fitRecord(head, view, fit!, camera, handles);
}

function fitRecord(head: AlignHead, view: AlignView, fit: PointsFit, camera: PinholeCamera, handles: AlignHandles): ManualPhotoFit {
  const face = view === 'front' || view === 'left' || view === 'right';
  const l = head.landmarks;
  const at: Vec3 = face ? [(l.eyeOuterLeft[0] + l.eyeOuterRight[0]) / 2, (l.eyeOuterLeft[1] + l.eyeOuterRight[1]) / 2, (l.eyeOuterLeft[2] + l.eyeOuterRight[2]) / 2] : [0, 0, 0];
  const mmPerPx = -(apply(fit.rotation, at)[2] + fit.translationMm[2]) / camera.focalPx;
  const kept: AlignHandles = {};
  for (const p of ALIGN_POINTS[view]) kept[p] = [handles[p]![0], handles[p]![1]];
  return {
    source: 'manual',
    view,
    ...poseOf(fit.rotation),
    rotation: fit.rotation,
    translationMm: fit.translationMm,
    camera: { focalPx: camera.focalPx, principalPx: [camera.principalPx[0], camera.principalPx[1]] },
    mmPerPx,
    scaleAt: face ? 'eyes' : 'ears',
    ...(face ? { mmPerPxFromEyes: mmPerPx * (EXOCANTHION_SPAN_MM[head.sex] / exocanthionSpanMm(head)) } : {}),
    rmsPx: fit.rmsPx,
    handles: kept,
  };
}

/** Where the view's points of a placed head fall in the photo: the handles of a fit, to correct it. */
export function handlesOfPlacement(head: Pick<AlignHead, 'landmarks'>, view: AlignView, placed: PinholePlacement): AlignHandles {
  const out: AlignHandles = {};
  for (const p of ALIGN_POINTS[view]) out[p] = projectHeadPoint(placed.camera, placed.rotation, placed.translationMm, head.landmarks[p]);
  return out;
}

/** The head above the chin fills at most this share of the photo's height, or of its width. */
const FILL_HEIGHT = 0.6;
const FILL_WIDTH = 0.8;

/** The handles for a photo with no fit: the head at the view's usual pose, in the middle of the
 * photo, as large as FILL_HEIGHT and FILL_WIDTH allow. */
export function defaultHandles(head: Pick<AlignHead, 'landmarks'> & { positions: ArrayLike<number> }, view: AlignView, camera: PinholeCamera): AlignHandles {
  const rotation = rotationOf(NOMINAL_POSES[view]);
  const p = head.positions;
  const chinY = head.landmarks.menton[1];
  const min = [Infinity, Infinity],
    max = [-Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3) {
    if (p[i + 1] < chinY) continue;
    const q = apply(rotation, [p[i], p[i + 1], p[i + 2]]);
    for (const k of [0, 1]) {
      min[k] = Math.min(min[k], q[k]);
      max[k] = Math.max(max[k], q[k]);
    }
  }
  const [w, h] = [2 * camera.principalPx[0], 2 * camera.principalPx[1]];
  const pxPerMm = Math.min((FILL_WIDTH * w) / (max[0] - min[0]), (FILL_HEIGHT * h) / (max[1] - min[1]));
  const depth = camera.focalPx / pxPerMm;
  const translationMm: Vec3 = [-(min[0] + max[0]) / 2, -(min[1] + max[1]) / 2, -depth];
  return handlesOfPlacement(head, view, { rotation, translationMm, camera });
}

const finite = z.number().finite();
const pixel = z.tuple([finite, finite]);
const placementSchema = z.object({
  rotation: z.array(finite).length(9),
  translationMm: z.array(finite).length(3),
  camera: z.object({ focalPx: finite.positive(), principalPx: z.array(finite).length(2) }),
});

/** Where a kept fit (plain JSON, automatic or by hand) places the head; null for one that does not. */
export function placementOf(fit: unknown): PinholePlacement | null {
  const placed = placementSchema.safeParse(fit);
  if (!placed.success) return null;
  const { rotation, translationMm, camera } = placed.data;
  return { rotation: rotation as Mat3, translationMm: translationMm as Vec3, camera: { focalPx: camera.focalPx, principalPx: [camera.principalPx[0], camera.principalPx[1]] } };
}

/** The handles kept in a fit (`key`: 'handles', or another record of handles in it) for the view's
 * points; null unless every one is there. */
export function keptHandles(fit: unknown, view: AlignView, key = 'handles'): AlignHandles | null {
  const record = z.object({ [key]: z.record(z.string(), pixel) }).safeParse(fit);
  if (!record.success) return null;
  const kept = record.data[key];
  const out: AlignHandles = {};
  for (const p of ALIGN_POINTS[view]) {
    if (!kept[p]) return null;
    out[p] = [kept[p][0], kept[p][1]];
  }
  return out;
}
