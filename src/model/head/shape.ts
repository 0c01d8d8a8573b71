import { boxGap, bustDistance, bustLowerBound, BUST_BOTTOM_MM } from './bust';
import { Cranium, type CraniumParams } from './cranium';
import { EYE_REACH_MM, eyeRegion, GLOBE } from './eyes';
import { faceDistance } from './face';
import { faceFeatures } from './features';
import { bodyForm, type BodyForm, type Sex } from './form';
import type { Grading } from './grading';
import { sdCapsule, sdEllipsoid, smax, smin } from './sdf';
import type { EyeBall } from './types';

/** What the fit turns: the cranium's scale across (x) and front to back (z), and its "fullness"
 * in [-1, 1], which moves the exponents of its horizontal superellipse (see below). */
export interface ShapeParams {
  scaleX: number;
  scaleZ: number;
  fullness: number;
}

/** The template cranium: a 50th-percentile adult male skull shape (mm). */
const CRANIUM: CraniumParams = {
  centerYMm: 46,
  centerZMm: -20,
  halfBreadthMm: 76,
  topMm: 84,
  bottomMm: 95,
  frontMm: 116,
  backMm: 76,
  frontExponent: 2.6,
  backExponent: 2.7,
};

/** How the fullness moves the exponents: the long front half of the egg takes more of it (a broad
 * or narrow forehead looks natural), the short back less (a boxy occiput does not). */
const FRONT_EXPONENT_PER_FULLNESS = 0.7;
const BACK_EXPONENT_PER_FULLNESS = 0.6;

export const TEMPLATE_HALF_BREADTH_MM = CRANIUM.halfBreadthMm;

/** Face anchor: the point of the face (template mm) that moves with the front of the cranium. */
const FACE_ANCHOR_Y = 30;
const FACE_ANCHOR_Z = 90;
/** Tragus in the template: the ears ride on the side of the cranium through this point. */
const TRAGUS_X = 72;

const DEG = Math.PI / 180;

/** A cranium point of a head of `from`'s shape moved to where it lies on a head of proportion
 * `q` = scaleX / scaleZ, the second head seen with its face laid on the first's (a photo fitted
 * on the face shows the head so: headFit.ts). The cranium scales by scaleX across, by the face's
 * scale s = sqrt(scaleX scaleZ) up (about y = 0) and by scaleZ front to back (about its centre);
 * the face by s about its anchor. Divided by the second face's scale, only q is left. */
export function craniumAtProportion(from: Pick<ShapeParams, 'scaleX' | 'scaleZ'>, q: number): (p: readonly number[]) => [number, number, number] {
  const s = Math.sqrt(from.scaleX * from.scaleZ);
  const root = Math.sqrt(q);
  const cz = CRANIUM.centerZMm;
  return (p) => {
    const templateZ = cz + (p[2] - cz) / from.scaleZ;
    return [(p[0] / from.scaleX) * s * root, p[1], cz + (FACE_ANCHOR_Z - cz) * from.scaleZ + ((templateZ - FACE_ANCHOR_Z) * s) / root];
  };
}

/** The head as one signed distance function: a cranium scaled to the measures, with face, ears
 * and bust that scale uniformly with head size and ride on it; the face and bust take the
 * client's sex (form.ts), the cranium does not. */
export class HeadShape {
  readonly cranium: CraniumParams;
  readonly form: BodyForm;
  private readonly skull: Cranium;
  /** Uniform scale of face, ears and neck. */
  readonly faceScale: number;
  readonly scaleY: number;
  private readonly faceTy: number;
  private readonly faceTz: number;
  private readonly earShiftX: number;
  // Ear frame rows (template mm): u up and back, v back and out, w out of the ear's face.
  private readonly ux: number;
  private readonly uy: number;
  private readonly uz: number;
  private readonly vx: number;
  private readonly vy: number;
  private readonly vz: number;
  private readonly wx: number;
  private readonly wy: number;
  private readonly wz: number;

  constructor(
    readonly params: ShapeParams,
    readonly sex: Sex = 'male',
  ) {
    this.form = bodyForm(sex);
    const { scaleX, scaleZ, fullness } = params;
    const s = Math.sqrt(scaleX * scaleZ);
    this.faceScale = s;
    this.scaleY = s;
    this.cranium = {
      ...CRANIUM,
      halfBreadthMm: CRANIUM.halfBreadthMm * scaleX,
      topMm: CRANIUM.topMm * s,
      bottomMm: CRANIUM.bottomMm * s,
      frontMm: CRANIUM.frontMm * scaleZ,
      backMm: CRANIUM.backMm * scaleZ,
      centerYMm: CRANIUM.centerYMm * s,
      frontExponent: CRANIUM.frontExponent + FRONT_EXPONENT_PER_FULLNESS * fullness,
      backExponent: CRANIUM.backExponent + BACK_EXPONENT_PER_FULLNESS * fullness,
    };
    this.skull = new Cranium(this.cranium);
    // The face anchor follows the cranium; the face scales uniformly about it.
    const anchorY = this.cranium.centerYMm + (FACE_ANCHOR_Y - CRANIUM.centerYMm) * s;
    const anchorZ = CRANIUM.centerZMm + (FACE_ANCHOR_Z - CRANIUM.centerZMm) * scaleZ;
    this.faceTy = anchorY - FACE_ANCHOR_Y * s;
    this.faceTz = anchorZ - FACE_ANCHOR_Z * s;
    // Ears stay on the side of the head: the tragus moves with the breadth.
    this.earShiftX = TRAGUS_X * scaleX - TRAGUS_X * s;

    const lean = 15 * DEG; // top of the ear leans back
    const flare = 22 * DEG; // back of the ear stands off the head
    const uy = Math.cos(lean),
      uz = -Math.sin(lean);
    const v0y = -Math.sin(lean),
      v0z = -Math.cos(lean);
    this.ux = 0;
    this.uy = uy;
    this.uz = uz;
    this.vx = Math.sin(flare);
    this.vy = Math.cos(flare) * v0y;
    this.vz = Math.cos(flare) * v0z;
    this.wx = Math.cos(flare);
    this.wy = -Math.sin(flare) * v0y;
    this.wz = -Math.sin(flare) * v0z;
  }

  /** Template face coordinates (mm) to head coordinates. */
  faceY(templateYMm: number): number {
    return this.faceTy + templateYMm * this.faceScale;
  }
  faceZ(templateZMm: number): number {
    return this.faceTz + templateZMm * this.faceScale;
  }

  /** A box that holds the whole head and bust with a margin. */
  bounds(): { minMm: [number, number, number]; maxMm: [number, number, number] } {
    const s = this.faceScale;
    const c = this.cranium;
    const halfX = Math.max(c.halfBreadthMm, this.earShiftX + 95 * s, (this.form.acromionXMm + 8) * s) + 8;
    return {
      minMm: [-halfX, (BUST_BOTTOM_MM - 4) * s - 8, Math.min(c.centerZMm - c.backMm - 15, -135 * s) - 12],
      maxMm: [halfX, c.centerYMm + c.topMm + 10, this.faceZ(135)],
    };
  }

  /** How the meshing grid coarsens below the chin: the bust is large and smooth, and seen small. */
  grading(): Grading {
    const s = this.faceScale;
    return { startYMm: -112 * s, spanMm: 75 * s, scale: 3.2, centerZMm: -10 * s };
  }

  /** The eyeballs (left, then right): spheres the renderer draws in the lids' openings. */
  eyes(): EyeBall[] {
    const s = this.faceScale;
    const x = GLOBE.x * s,
      y = this.faceY(GLOBE.y),
      z = this.faceZ(GLOBE.z);
    const r = GLOBE.radiusMm * s;
    return [
      { centerMm: [x, y, z], radiusMm: r, forwardDir: [0, 0, 1] },
      { centerMm: [-x, y, z], radiusMm: r, forwardDir: [0, 0, 1] },
    ];
  }

  /** Face feature weights at a surface point: [lip (vermilion), brow (eyebrow hair density)],
   * each in [0, 1]. */
  features(x: number, y: number, z: number): [number, number] {
    const s = this.faceScale;
    return faceFeatures(x < 0 ? -x / s : x / s, (y - this.faceTy) / s, (z - this.faceTz) / s, this.form);
  }

  /** Signed distance (mm) at a point. */
  distance(x: number, y: number, z: number): number {
    const ax = x < 0 ? -x : x; // the head is symmetric
    const s = this.faceScale;
    let d = this.skull.distance(ax, y, z);
    const fx = ax / s;
    const ny = y / s;
    const nz = z / s;
    // Neck and bust, in template coordinates about the origin. All of it lies below y = 5
    // (template), so above that height by more than the blend's reach it changes nothing; nor
    // where it is that far in front of the neck (the face).
    if (ny - 5 < d / s + 30 && bustLowerBound(fx, ny, nz) < d / s + 30) d = smin(d, bustDistance(fx, ny, nz, this.form) * s, 30 * s);

    // Face and ears, in template coordinates, each inside a box. Where the box is beyond the
    // blend's reach they change nothing. Where it is far, only a lower bound from the box is
    // kept aside (values there are under 0.8x the box gap, blends bulge by k/4 at most): near
    // the surface every value is exact, and the details cost nothing where no one looks.
    let farBound = Infinity;
    const fy = (y - this.faceTy) / s;
    const fz = (z - this.faceTz) / s;
    const faceGap = 0.8 * boxGap(fx, fy, fz, -1, 75, -115, 48, -25, 132);
    if (faceGap < d / s + 18) {
      if (faceGap > 24) farBound = (faceGap - 4.5) * s;
      else d = smin(d, faceDistance(fx, fy, fz, this.form) * s, 18 * s);
    }
    const ex = (ax - this.earShiftX) / s;
    const earGap = 0.7 * boxGap(ex, ny, nz, 55, 103, -43, 38, -53, 15);
    if (earGap < d / s + 6) {
      if (earGap > 8) farBound = Math.min(farBound, (earGap - 1.5) * s);
      // The thin ear's bound overstates a little inside; 0.85 keeps it a bound.
      else d = smin(d, this.ear(ex, ny, nz) * 0.85 * s, 6 * s);
    }
    if (d > farBound) return farBound;
    // The lids and the eyes' openings, laid on last (see eyes.ts).
    const gx = fx - GLOBE.x,
      gy = fy - GLOBE.y,
      gz = fz - GLOBE.z;
    if (gx * gx + gy * gy + gz * gz < EYE_REACH_MM * EYE_REACH_MM) d = eyeRegion(d / s, fx, fy, fz, this.form.creaseMm) * s;
    // Inside thin parts (lips, ear rims) the ellipsoid bound overstates the depth by up to ~20%;
    // scaling the inside keeps the same surface and makes every value a safe step.
    return d < 0 ? 0.85 * d : d;
  }

  /** Left ear (template mm, x is distance from the tragus line). */
  private ear(x: number, y: number, z: number): number {
    // Root, in head coordinates: where the concha sits against the head.
    let d = sdEllipsoid(x - 68, y + 1, z + 11, 6, 16, 11);
    // Pinna, in its own frame (u up, v back, w out of its face).
    const px = x - 80,
      py = y + 3,
      pz = z + 16;
    const u = px * this.ux + py * this.uy + pz * this.uz;
    const v = px * this.vx + py * this.vy + pz * this.vz;
    const w = px * this.wx + py * this.wy + pz * this.wz;
    let e = sdEllipsoid(u - 5, v - 1, w, 25, 16.5, 4.5);
    e = smin(e, sdEllipsoid(u + 21, v + 1, w + 0.5, 10, 9, 3.5), 8);
    // Scapha: a crescent hollow inside the helix rim; what it spares in front is the antihelix.
    const scapha = smax(sdEllipsoid(u - 4, v, w - 5, 21, 12, 4.2), -sdEllipsoid(u + 1, v + 5, w - 5, 16, 9, 6), 2);
    e = smax(e, -scapha, 1.5);
    // Fossa between the crura of the antihelix; antitragus above the lobe.
    e = smax(e, -sdEllipsoid(u - 11, v + 6, w - 4.5, 6, 3.5, 2.5), 1.5);
    e = smin(e, sdEllipsoid(u + 13, v - 1, w - 1.5, 4, 4, 2.5), 2.5);
    // Concha: the deep bowl in front of the antihelix, open toward the ear canal.
    e = smax(e, -sdEllipsoid(u + 5, v + 3, w - 3, 9.5, 7, 6.5), 2);
    // Crus of the helix across the top of the concha.
    e = smin(e, sdCapsule(u, v, w, 4, -12, 1.5, 1, -3, 0.5, 2), 2);
    d = smin(d, e, 6);
    // Tragus, in front of the concha.
    d = smin(d, sdEllipsoid(x - 68.5, y + 1, z - 1, 3.5, 6, 4.5), 3);
    return d;
  }
}
