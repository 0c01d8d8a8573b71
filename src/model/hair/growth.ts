/**
 * Direction in which hair grows out of the scalp, as a unit tangent field.
 *
 * Construction: away from the crown whorl w, along the surface, is r = (p - w) with its normal
 * part removed. Seen from a whorl at the back of the top of the head, that points forward over
 * the front, down the sides and down the back, which is how scalp hair lies (the whorl is the
 * source of the pattern). Near the whorl the hair also circles it: the direction is turned out
 * of r toward the circling tangent t by an angle beta(d) = BETA0 exp(-d / SWIRL), d the distance
 * to the whorl, so hair spirals out of the whorl and straightens within a few centimetres.
 * t = r x n turns clockwise seen from outside (from above at the crown), n x r anticlockwise.
 */

/** Turn at the whorl's centre (assumed: there hair lies almost along circles round it). */
const BETA0_RAD = (75 * Math.PI) / 180;
/** Distance over which the spiral straightens, on the average head (assumed; whorls span a few cm). */
export const SWIRL_MM = 25;

/** Writes the growth direction at surface point p with unit normal n into out[at..at+2]. */
export function growthDirection(
  px: number,
  py: number,
  pz: number,
  nx: number,
  ny: number,
  nz: number,
  whorl: readonly number[],
  clockwise: boolean,
  swirlMm: number,
  out: Float32Array | Float64Array,
  at: number,
): void {
  let rx = px - whorl[0],
    ry = py - whorl[1],
    rz = pz - whorl[2];
  const d = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const dn = rx * nx + ry * ny + rz * nz;
  rx -= dn * nx;
  ry -= dn * ny;
  rz -= dn * nz;
  let l = Math.sqrt(rx * rx + ry * ry + rz * rz);
  if (l < 1e-6) {
    // At the whorl itself: any tangent will do; take the one toward the face.
    rx = -nz * nx;
    ry = -nz * ny;
    rz = 1 - nz * nz;
    l = Math.sqrt(rx * rx + ry * ry + rz * rz) || 1;
  }
  rx /= l;
  ry /= l;
  rz /= l;
  // Circling tangent: r x n (clockwise seen from outside) or n x r.
  let tx = ry * nz - rz * ny,
    ty = rz * nx - rx * nz,
    tz = rx * ny - ry * nx;
  if (!clockwise) {
    tx = -tx;
    ty = -ty;
    tz = -tz;
  }
  const beta = BETA0_RAD * Math.exp(-d / swirlMm);
  const c = Math.cos(beta),
    s = Math.sin(beta);
  out[at] = c * rx + s * tx;
  out[at + 1] = c * ry + s * ty;
  out[at + 2] = c * rz + s * tz;
}
