import type { Sex } from './form';
import { argMax, lengthLandmarks } from './landmarks';
import { castRay } from './raycast';
import { HeadShape, TEMPLATE_HALF_BREADTH_MM, type ShapeParams } from './shape';
import { HeadMeasureError, type HeadMeasures, type Vec3 } from './types';

/** Plausible range of the cranium's fullness (front exponent 1.9-3.3, back 2.1-3.3). Beyond it
 * the skull seen from above turns visibly pointed or boxy. */
export const FULLNESS_RANGE = { min: -1, max: 1 } as const;
/** Plausible cephalic index (breadth / length) of an adult head. */
export const CEPHALIC_INDEX_RANGE = { min: 0.64, max: 0.95 } as const;

export interface SdfMeasures extends HeadMeasures {
  glabella: Vec3;
  opisthocranion: Vec3;
}

const RAYS_PER_SIDE = 160;
const FAR_MM = 300;

/** Max x-extent of the cranium (both sides; the head is symmetric), searched around the
 * cranium's widest section, which lies above the ears. */
export function breadthOf(shape: HeadShape): number {
  const f = (x: number, y: number, z: number) => shape.distance(x, y, z);
  const c = shape.cranium;
  const halfAt = (y: number, z: number) => FAR_MM - castRay(f, FAR_MM, y, z, -1, 0, 0, 2 * FAR_MM);
  const y = argMax((t) => halfAt(t, c.centerZMm), c.centerYMm - 8 * shape.faceScale, c.centerYMm + 25, 12);
  const z = argMax((t) => halfAt(y, t), c.centerZMm - 30, c.centerZMm + 30, 12);
  return 2 * halfAt(y, z);
}

/** Perimeter of the outer contour of the section by the plane through the glabella and the
 * opisthocranion that contains the x direction: rays in that plane from outside toward the
 * midpoint find the outermost surface point at each angle. */
export function circumferenceOf(shape: HeadShape, g: Vec3, o: Vec3): number {
  const f = (x: number, y: number, z: number) => shape.distance(x, y, z);
  const mx = 0,
    my = 0.5 * (g[1] + o[1]),
    mz = 0.5 * (g[2] + o[2]);
  const len = dist(g, o);
  const wy = (g[1] - o[1]) / len,
    wz = (g[2] - o[2]) / len; // in-plane, toward the face
  let perimeter = 0;
  let px = 0,
    pw = 0;
  for (let i = 0; i <= RAYS_PER_SIDE; i++) {
    // Half the contour (x >= 0), from the face (angle 0) to the back (angle pi).
    const a = (Math.PI * i) / RAYS_PER_SIDE;
    const dx = Math.sin(a),
      dw = Math.cos(a);
    const t = castRay(f, mx + dx * FAR_MM, my + wy * dw * FAR_MM, mz + wz * dw * FAR_MM, -dx, -wy * dw, -wz * dw, FAR_MM);
    const r = FAR_MM - t;
    const qx = dx * r,
      qw = dw * r;
    if (i > 0) perimeter += Math.hypot(qx - px, qw - pw);
    px = qx;
    pw = qw;
  }
  return 2 * perimeter;
}

/** Shape parameters that give the measures: breadth sets the cranium's width, length its depth
 * (the face rides on its front), and the fullness of its horizontal section the circumference.
 * The midline profile does not depend on the fullness, so the three are solved in turn. */
export function fitShape(m: HeadMeasures, sex: Sex = 'male'): ShapeParams {
  const index = m.breadthMm / m.lengthMm;
  if (index < CEPHALIC_INDEX_RANGE.min || index > CEPHALIC_INDEX_RANGE.max) {
    throw new HeadMeasureError(
      'measures',
      `Head breadth ${r1(m.breadthMm)} mm and length ${r1(m.lengthMm)} mm do not go together: the breadth of a natural head is ` +
        `${Math.round(CEPHALIC_INDEX_RANGE.min * 100)}-${Math.round(CEPHALIC_INDEX_RANGE.max * 100)}% of its length, ` +
        `here ${r1(CEPHALIC_INDEX_RANGE.min * m.lengthMm)}-${r1(CEPHALIC_INDEX_RANGE.max * m.lengthMm)} mm.`,
    );
  }
  const scaleX = m.breadthMm / (2 * TEMPLATE_HALF_BREADTH_MM);
  const lengthAt = (scaleZ: number) => {
    const shape = new HeadShape({ scaleX, scaleZ, fullness: 0 }, sex);
    const l = lengthLandmarks(shape, (x, y, z) => shape.distance(x, y, z));
    return dist(l.glabella, l.opisthocranion);
  };
  const scaleZ = solveIncreasing(lengthAt, m.lengthMm, m.lengthMm / 196, 0.01, 1e-3);
  // The midline profile, and so the glabella and opisthocranion, do not depend on the fullness.
  const base = new HeadShape({ scaleX, scaleZ, fullness: 0 }, sex);
  const { glabella, opisthocranion } = lengthLandmarks(base, (x, y, z) => base.distance(x, y, z));
  const circumferenceAt = (fullness: number) => circumferenceOf(new HeadShape({ scaleX, scaleZ, fullness }, sex), glabella, opisthocranion);
  const cMin = circumferenceAt(FULLNESS_RANGE.min);
  const cMax = circumferenceAt(FULLNESS_RANGE.max);
  if (m.circumferenceMm < cMin || m.circumferenceMm > cMax) {
    throw new HeadMeasureError(
      'measures',
      `Head circumference ${r1(m.circumferenceMm)} mm does not go with a length of ${r1(m.lengthMm)} mm and a breadth of ` +
        `${r1(m.breadthMm)} mm: a natural head of that length and breadth measures ${Math.ceil(cMin)}-${Math.floor(cMax)} mm around. ` +
        `Change the circumference, or the length and breadth.`,
    );
  }
  // Linear start between the ends of the range, then secant steps.
  const t0 = FULLNESS_RANGE.min + ((m.circumferenceMm - cMin) / (cMax - cMin)) * (FULLNESS_RANGE.max - FULLNESS_RANGE.min);
  const fullness = solveIncreasing(circumferenceAt, m.circumferenceMm, t0, 0.05, 0.05, FULLNESS_RANGE.min, FULLNESS_RANGE.max);
  return { scaleX, scaleZ, fullness };
}

/** Solves g(t) = target for an increasing g by secant steps (kept inside [lo, hi]). */
function solveIncreasing(g: (t: number) => number, target: number, t0: number, dt: number, tolerance: number, lo = -Infinity, hi = Infinity): number {
  let a = t0;
  let ga = g(a) - target;
  let b = Math.min(hi, Math.max(lo, a + (ga > 0 ? -dt : dt)));
  let gb = g(b) - target;
  for (let i = 0; i < 12 && Math.abs(gb) > tolerance; i++) {
    const slope = (gb - ga) / (b - a);
    const next = Math.min(hi, Math.max(lo, slope > 0 ? b - gb / slope : b - Math.sign(gb) * dt));
    a = b;
    ga = gb;
    b = next;
    gb = g(b) - target;
  }
  return b;
}

const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const r1 = (x: number) => Math.round(x * 10) / 10;
