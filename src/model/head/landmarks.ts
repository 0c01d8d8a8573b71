import { canthusXY } from './eyes';
import { castRay } from './raycast';
import type { HeadShape } from './shape';
import type { Sdf } from './surfaceNets';
import type { Landmark, Vec3 } from './types';

const FAR_MM = 400;

/** Midline profile seen from the front: z of the surface at height y (x = 0). */
export function frontZ(f: Sdf, yMm: number): number {
  return FAR_MM - castRay(f, 0, yMm, FAR_MM, 0, 0, -1, 2 * FAR_MM);
}
/** Midline profile seen from behind. */
export function backZ(f: Sdf, yMm: number): number {
  return -FAR_MM + castRay(f, 0, yMm, -FAR_MM, 0, 0, 1, 2 * FAR_MM);
}
/** Midline profile seen from above: y of the surface at depth z. */
export function topY(f: Sdf, zMm: number): number {
  return FAR_MM - castRay(f, 0, FAR_MM, zMm, 0, -1, 0, 2 * FAR_MM);
}

/** Arg-max of a smooth function on [a, b]: coarse scan, then golden section around the best. */
export function argMax(g: (t: number) => number, a: number, b: number, steps = 24): number {
  let best = a;
  let bestV = -Infinity;
  for (let i = 0; i <= steps; i++) {
    const t = a + ((b - a) * i) / steps;
    const v = g(t);
    if (v > bestV) {
      bestV = v;
      best = t;
    }
  }
  const step = (b - a) / steps;
  let lo = Math.max(a, best - step);
  let hi = Math.min(b, best + step);
  const r = (Math.sqrt(5) - 1) / 2;
  let c = hi - r * (hi - lo);
  let d = lo + r * (hi - lo);
  let gc = g(c);
  let gd = g(d);
  for (let i = 0; i < 30 && hi - lo > 0.01; i++) {
    if (gc > gd) {
      hi = d;
      d = c;
      gd = gc;
      c = hi - r * (hi - lo);
      gc = g(c);
    } else {
      lo = c;
      c = d;
      gc = gd;
      d = lo + r * (hi - lo);
      gd = g(d);
    }
  }
  return 0.5 * (lo + hi);
}

/** Glabella and opisthocranion, the ends of the head length, found on the SDF. */
export function lengthLandmarks(shape: HeadShape, f: Sdf): { glabella: Vec3; nasion: Vec3; opisthocranion: Vec3 } {
  // Nasion: the deepest point of the profile between the nose and the brow.
  const nasionY = argMax((y) => -frontZ(f, y), shape.faceY(10), shape.faceY(34));
  // Glabella: the most forward point of the brow above it.
  const glabellaY = argMax((y) => frontZ(f, y), nasionY + 1, shape.faceY(70));
  const glabella: Vec3 = [0, glabellaY, frontZ(f, glabellaY)];
  // Opisthocranion: the point of the back midline farthest from the glabella.
  const distG = (y: number) => Math.hypot(y - glabella[1], backZ(f, y) - glabella[2]);
  const opY = argMax(distG, shape.faceY(-20), shape.faceY(110));
  return {
    glabella,
    nasion: [0, nasionY, frontZ(f, nasionY)],
    opisthocranion: [0, opY, backZ(f, opY)],
  };
}

/** Menton: the lowest point of the chin seen from the front, where a level line of sight along the
 * midline leaves the chin for the neck behind it (the chin's lower edge in a front photo). */
export function mentonLandmark(shape: HeadShape, f: Sdf): Vec3 {
  const s = shape.faceScale;
  // The chin's front (template y -91) stands well before the neck: a drop of 20 mm is the edge.
  const chinZ = frontZ(f, shape.faceY(-91));
  const onChin = (y: number) => frontZ(f, y) > chinZ - 20 * s;
  let above = shape.faceY(-91);
  let below = above - 5 * s;
  while (onChin(below) && below > shape.faceY(-160)) {
    above = below;
    below -= 5 * s;
  }
  for (let i = 0; i < 24; i++) {
    const mid = (above + below) / 2;
    if (onChin(mid)) above = mid;
    else below = mid;
  }
  return [0, above, frontZ(f, above)];
}

export function findLandmarks(shape: HeadShape, f: Sdf): Record<Landmark, Vec3> {
  const s = shape.faceScale;
  const { glabella, nasion, opisthocranion } = lengthLandmarks(shape, f);
  const vertexZ = argMax((z) => topY(f, z), -80 * s, 40 * s);
  const inionY = 6 * s;
  const napeY = -62 * s;
  const tragusX = FAR_MM - castRay(f, FAR_MM, 0, 0, -1, 0, 0, 2 * FAR_MM);
  // Outer canthus: the lateral corner of the eye's opening, on the skin seen from the front,
  // 1.5 mm out from the very corner, where the mesh follows the surface (the notch is finer).
  const [cx, cy] = canthusXY('lateral', 1.5);
  const eyeX = cx * s;
  const eyeY = shape.faceY(cy);
  const eyeZ = FAR_MM - castRay(f, eyeX, eyeY, FAR_MM, 0, 0, -1, 2 * FAR_MM);
  return {
    glabella,
    nasion,
    vertex: [0, topY(f, vertexZ), vertexZ],
    opisthocranion,
    inion: [0, inionY, backZ(f, inionY)],
    nape: [0, napeY, backZ(f, napeY)],
    tragusLeft: [tragusX, 0, 0],
    tragusRight: [-tragusX, 0, 0],
    eyeOuterLeft: [eyeX, eyeY, eyeZ],
    eyeOuterRight: [-eyeX, eyeY, eyeZ],
    menton: mentonLandmark(shape, f),
  };
}
