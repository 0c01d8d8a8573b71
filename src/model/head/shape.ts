import { Cranium, type CraniumParams } from './cranium';
import { sdCapsule, sdEllipsoid, sdRoundCone, smax, smin } from './sdf';

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

/** The head as one signed distance function: a cranium scaled to the measures, with face, ears
 * and neck that scale uniformly with head size and ride on it. */
export class HeadShape {
  readonly cranium: CraniumParams;
  private readonly skull: Cranium;
  /** Uniform scale of face, ears and neck. */
  readonly faceScale: number;
  readonly scaleY: number;
  private readonly faceTy: number;
  private readonly faceTz: number;
  private readonly earShiftX: number;
  // Ear frame rows (template mm): u up and back, v back and out, w out of the ear's face.
  private readonly ux: number; private readonly uy: number; private readonly uz: number;
  private readonly vx: number; private readonly vy: number; private readonly vz: number;
  private readonly wx: number; private readonly wy: number; private readonly wz: number;

  constructor(readonly params: ShapeParams) {
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
    const uy = Math.cos(lean), uz = -Math.sin(lean);
    const v0y = -Math.sin(lean), v0z = -Math.cos(lean);
    this.ux = 0; this.uy = uy; this.uz = uz;
    this.vx = Math.sin(flare); this.vy = Math.cos(flare) * v0y; this.vz = Math.cos(flare) * v0z;
    this.wx = Math.cos(flare); this.wy = -Math.sin(flare) * v0y; this.wz = -Math.sin(flare) * v0z;
  }

  /** Template face coordinates (mm) to head coordinates. */
  faceY(templateYMm: number): number {
    return this.faceTy + templateYMm * this.faceScale;
  }
  faceZ(templateZMm: number): number {
    return this.faceTz + templateZMm * this.faceScale;
  }

  /** A box that holds the whole head with a margin. */
  bounds(): { minMm: [number, number, number]; maxMm: [number, number, number] } {
    const s = this.faceScale;
    const c = this.cranium;
    const halfX = Math.max(c.halfBreadthMm, this.earShiftX + 95 * s) + 8;
    return {
      minMm: [-halfX, -185 * s - 8, Math.min(c.centerZMm - c.backMm - 15, -80 * s) - 12],
      maxMm: [halfX, c.centerYMm + c.topMm + 10, this.faceZ(135)],
    };
  }

  /** Signed distance (mm) at a point. */
  distance(x: number, y: number, z: number): number {
    const ax = x < 0 ? -x : x; // the head is symmetric
    const s = this.faceScale;
    let d = this.skull.distance(ax, y, z);
    const fx = ax / s;
    const ny = y / s;
    const nz = z / s;
    // Neck, in template coordinates about the origin. All of it lies below y = 5 (template), so
    // above that height by more than the blend's reach it changes nothing.
    if (ny - 5 < d / s + 30) d = smin(d, neck(fx, ny, nz) * s, 30 * s);

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
      else d = smin(d, this.face(fx, fy, fz) * s, 18 * s);
    }
    const ex = (ax - this.earShiftX) / s;
    const earGap = 0.7 * boxGap(ex, ny, nz, 55, 103, -43, 38, -53, 15);
    if (earGap < d / s + 6) {
      if (earGap > 8) farBound = Math.min(farBound, (earGap - 1.5) * s);
      // The thin ear's bound overstates a little inside; 0.85 keeps it a bound.
      else d = smin(d, this.ear(ex, ny, nz) * 0.85 * s, 6 * s);
    }
    if (d > farBound) return farBound;
    // Inside thin parts (lips, ear rims) the ellipsoid bound overstates the depth by up to ~20%;
    // scaling the inside keeps the same surface and makes every value a safe step.
    return d < 0 ? 0.85 * d : d;
  }

  /** Face features (template mm, x >= 0); parts farther than reach are left out. */
  private face(x: number, y: number, z: number): number {
    // Soft masses: cheeks and midface, maxilla, lower face; wide blends keep them fleshy.
    let d = sdEllipsoid(x, y + 8, z - 40, 63, 40, 58);
    d = smin(d, sdEllipsoid(x, y + 60, z - 52, 44, 38, 48), 24);
    d = smin(d, sdEllipsoid(x, y + 45, z - 68, 38, 22, 38), 16);
    if (sphereGap(x, y, z, 30, -62, 45, 72) < d + 24) {
      // Jaw: one soft line from below the ear to the chin, and the chin.
      d = smin(d, sdRoundCone(x, y, z, 47, -66, 8, 16, -97, 80, 7, 10), 24);
      d = smin(d, sdRoundCone(x, y, z, 47, -66, 8, 52, -18, 2, 7, 8), 22);
      d = smin(d, sdEllipsoid(x, y + 91, z - 90, 16, 13, 11), 12);
    }
    if (sphereGap(x, y, z, 44, -27, 38, 46) < d + 22) {
      // Cheek and masseter: fill the hollow under the cheekbone.
      d = smin(d, sdEllipsoid(x - 40, y + 27, z - 50, 20, 28, 30), 22);
      d = smin(d, sdEllipsoid(x - 48, y + 26, z - 25, 12, 32, 22), 22);
    }
    // Cheekbones and zygomatic arch, soft.
    if (sphereGap(x, y, z, 56, 0, 38, 50) < d + 22) {
      d = smin(d, sdEllipsoid(x - 50, y + 2, z - 60, 16, 11, 18), 22);
      d = smin(d, sdCapsule(x, y, z, 59, 1, 50, 62, 0, 12, 2.6), 18);
    }
    // Brow ridge, eye sockets, closed lids over the eyeballs.
    if (sphereGap(x, y, z, 25, 20, 84, 52) < d + 12) {
      d = smin(d, sdCapsule(x, y, z, 0, 31, 90, 24, 30, 87, 9), 14);
      d = smax(d, -sdEllipsoid(x - 32, y - 13, z - 95, 17, 11, 12), 8);
      d = smin(d, sdEllipsoid(x - 32, y - 10, z - 76, 15, 11, 12.5), 5);
    }
    // Nose: bridge (narrower across than deep), tip, soft alar wings; shallow nostril slits.
    if (sphereGap(x, y, z, 0, -8, 108, 40) < d + 8) {
      let n = sdRoundCone(x * 1.3, y, z, 0, 16, 92, 0, -17, 115, 4.5, 8) * 0.77;
      n = smin(n, sdEllipsoid(x, y + 24, z - 116, 8.5, 8, 9), 6);
      n = smin(n, sdEllipsoid(x - 10, y + 27.5, z - 104, 3.5, 5, 9), 9);
      n = smax(n, -sdEllipsoid(x - 5.5, y + 33.4, z - 112, 2.4, 1.5, 4.5), 1.5);
      d = smin(d, n, 8);
    }
    // Lips: they meet in a crease (the mouth line) and blend into the face.
    if (sphereGap(x, y, z, 0, -56, 100, 34) < d + 10) {
      const lips = smin(sdEllipsoid(x, y + 48.5, z - 102, 23, 5, 5.5), sdEllipsoid(x, y + 60, z - 100, 19, 5.5, 5.5), 1);
      d = smin(d, lips, 10);
    }
    return d;
  }

  /** Left ear (template mm, x is distance from the tragus line). */
  private ear(x: number, y: number, z: number): number {
    // Root, in head coordinates: where the concha sits against the head.
    let d = sdEllipsoid(x - 68, y + 1, z + 11, 6, 16, 11);
    // Pinna, in its own frame (u up, v back, w out of its face).
    const px = x - 80, py = y + 3, pz = z + 16;
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

/** Distance from a point to an axis-aligned box, 0 inside: a lower bound for anything in it. */
function boxGap(
  x: number, y: number, z: number,
  x0: number, x1: number, y0: number, y1: number, z0: number, z1: number,
): number {
  const dx = x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
  const dy = y < y0 ? y0 - y : y > y1 ? y - y1 : 0;
  const dz = z < z0 ? z0 - z : z > z1 ? z - z1 : 0;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Distance from a point to a sphere's surface, 0 inside: a lower bound for anything within it. */
function sphereGap(x: number, y: number, z: number, cx: number, cy: number, cz: number, r: number): number {
  const dx = x - cx, dy = y - cy, dz = z - cz;
  const g = Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
  return g > 0 ? g : 0;
}

/** Neck: an elliptic column, narrowest at the throat and flaring toward the shoulders, leaning
 * forward from under the occiput; the sternocleidomastoids run from behind the ears to the top
 * of the sternum, with the larynx between them. Capped at the bottom with a rounded rim. */
function neck(x: number, y: number, z: number): number {
  let d = sdRoundCone(x, y, z, 0, -180, 3, 0, -50, -24, 58, 55);
  // Each detail is skipped where its box is beyond the blend's reach (it would change nothing).
  // Flare toward the shoulders (trapezius at the back, the base of the neck at the front).
  if (boxGap(x, y, z, 0, 86, -239, -171, -60, 72) < d + 32) d = smin(d, sdEllipsoid(x, y + 205, z + 6, 86, 34, 66), 32);
  // Sternocleidomastoids (a hint) and the larynx between them.
  if (boxGap(x, y, z, 0, 55, -177, -25, -27, 49) < d + 20) d = smin(d, sdCapsule(x, y, z, 48, -32, -20, 14, -170, 42, 7), 20);
  if (boxGap(x, y, z, 0, 8, -125, -103, 36, 50) < d + 10) d = smin(d, sdEllipsoid(x, y + 114, z - 43, 8, 11, 7), 10);
  return smax(d, -180 - y, 10);
}
