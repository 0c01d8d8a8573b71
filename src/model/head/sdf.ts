/** Signed-distance primitives (mm). All return a bound on the Euclidean distance that is exact
 * on the surface and close to it nearby; negative inside. Scalar arguments, no allocation:
 * the head SDF calls these millions of times while meshing. */

/** Ellipsoid (Inigo Quilez's approximation: exact on the surface, a good bound near it). */
export function sdEllipsoid(px: number, py: number, pz: number, rx: number, ry: number, rz: number): number {
  const ax = px / rx;
  const ay = py / ry;
  const az = pz / rz;
  const k0 = Math.sqrt(ax * ax + ay * ay + az * az);
  const bx = ax / rx;
  const by = ay / ry;
  const bz = az / rz;
  const k1 = Math.sqrt(bx * bx + by * by + bz * bz);
  // At the centre the ratio k0/k1 lies between the semi-axes; the smallest is the true depth.
  if (k1 < 1e-12) return -Math.min(rx, ry, rz);
  return Math.max((k0 * (k0 - 1)) / k1, -Math.min(rx, ry, rz));
}

/** Capsule from a to b with radius r. */
export function sdCapsule(px: number, py: number, pz: number, ax: number, ay: number, az: number, bx: number, by: number, bz: number, r: number): number {
  const pax = px - ax;
  const pay = py - ay;
  const paz = pz - az;
  const bax = bx - ax;
  const bay = by - ay;
  const baz = bz - az;
  let h = (pax * bax + pay * bay + paz * baz) / (bax * bax + bay * bay + baz * baz);
  h = h < 0 ? 0 : h > 1 ? 1 : h;
  const dx = pax - bax * h;
  const dy = pay - bay * h;
  const dz = paz - baz * h;
  return Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
}

/** Cone with rounded ends: sphere r1 at a, sphere r2 at b, tangent cone between (exact). */
export function sdRoundCone(px: number, py: number, pz: number, ax: number, ay: number, az: number, bx: number, by: number, bz: number, r1: number, r2: number): number {
  const bax = bx - ax;
  const bay = by - ay;
  const baz = bz - az;
  const l2 = bax * bax + bay * bay + baz * baz;
  const rr = r1 - r2;
  const a2 = l2 - rr * rr;
  const il2 = 1 / l2;
  const pax = px - ax;
  const pay = py - ay;
  const paz = pz - az;
  const y = pax * bax + pay * bay + paz * baz;
  const z = y - l2;
  const xx = pax * l2 - bax * y;
  const xy = pay * l2 - bay * y;
  const xz = paz * l2 - baz * y;
  const x2 = xx * xx + xy * xy + xz * xz;
  const y2 = y * y * l2;
  const z2 = z * z * l2;
  const k = Math.sign(rr) * rr * rr * x2;
  if (Math.sign(z) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - r2;
  if (Math.sign(y) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - r1;
  return (Math.sqrt(x2 * a2 * il2) + y * rr) * il2 - r1;
}

/** Polynomial smooth minimum (union) with blend width k; never above min(a, b). */
export function smin(a: number, b: number, k: number): number {
  const d = a - b;
  const h = k - (d < 0 ? -d : d);
  if (h <= 0) return a < b ? a : b;
  const hk = h / k;
  return (a < b ? a : b) - hk * hk * k * 0.25;
}

/** Smooth maximum: smooth intersection, or subtraction as smax(a, -b, k). */
export function smax(a: number, b: number, k: number): number {
  const d = a - b;
  const h = k - (d < 0 ? -d : d);
  if (h <= 0) return a > b ? a : b;
  const hk = h / k;
  return (a > b ? a : b) + hk * hk * k * 0.25;
}
