import type { BodyForm } from './form';
import { sdCapsule, sdEllipsoid, sdRoundCone, smax, smin } from './sdf';

/** Face features (template mm, x >= 0); parts farther than their blend's reach are left out. */
export function faceDistance(x: number, y: number, z: number, form: BodyForm): number {
  // Soft masses: cheeks and midface, maxilla, lower face; wide blends keep them fleshy.
  let d = sdEllipsoid(x, y + 8, z - 40, 63, 40, 58);
  d = smin(d, sdEllipsoid(x, y + 60, z - 52, 44, 38, 48), 24);
  d = smin(d, sdEllipsoid(x, y + 45, z - 68, 38, 22, 38), 16);
  if (sphereGap(x, y, z, 30, -62, 45, 72) < d + 24) {
    // Jaw: one soft line from below the ear to the chin, the ramus, and the chin.
    const jx = form.jawAngleXMm;
    d = smin(d, sdRoundCone(x, y, z, jx, -66, 8, form.chinJawXMm, -97, 80, 7, 10), 24);
    d = smin(d, sdRoundCone(x, y, z, jx, -66, 8, 52, -18, 2, 7, 8), 22);
    d = smin(d, sdEllipsoid(x, y + 91, z - 90, form.chinHalfWidthMm, form.chinHalfHeightMm, 11), 12);
  }
  if (sphereGap(x, y, z, 44, -30, 38, 52) < d + 22) {
    // Cheek and masseter: fill the hollow under the cheekbone.
    d = smin(d, sdEllipsoid(x - 40, y + 27, z - 50, 20, 28, 30), 22);
    d = smin(d, sdEllipsoid(x - 48, y + 26, z - 25, 12, 32, 22), 22);
    // Buccal fat over the masseter: a broad soft mass that evens the cheek seen from the side.
    d = smin(d, sdEllipsoid(x - 47, y + 36, z - 32, 16, 28, 30), 20);
  }
  // Cheekbones and zygomatic arch, soft.
  if (sphereGap(x, y, z, 56, 0, 38, 50) < d + 22) {
    d = smin(d, sdEllipsoid(x - 50, y + 2, z - 60, 16, 11, 18), 22);
    d = smin(d, sdCapsule(x, y, z, 59, 1, 50, 62, 0, 12, 2.6), 18);
  }
  // Brow ridge and the socket under it (the lids and their opening are laid on in eyes.ts).
  if (sphereGap(x, y, z, 28, 18, 82, 54) < d + 14) {
    const f = form.browRidgeForwardMm;
    d = smin(d, sdCapsule(x, y, z, 0, 31, 90 + f, 24, 30, 87 + f, form.browRidgeMm), 14);
    d = smax(d, -sdEllipsoid(x - 32, y - 13, z - 95, 17, 11, 12), 8);
  }
  // Nose: bridge (narrower across than deep), tip, soft alar wings; shallow nostril slits.
  // Scaled about the nasal root.
  if (sphereGap(x, y, z, 0, -8, 108, 40) < d + 8) {
    const k = form.noseScale;
    const nx = x / k,
      ny = 16 + (y - 16) / k,
      nz = 92 + (z - 92) / k;
    let n = sdRoundCone(nx * 1.3, ny, nz, 0, 16, 92, 0, -17, 115, 4.5, 8) * 0.77;
    n = smin(n, sdEllipsoid(nx, ny + 24, nz - 116, 8.5, 8, 9), 6);
    n = smin(n, sdEllipsoid(nx - 10, ny + 27.5, nz - 104, 3.5, 5, 9), 9);
    n = smax(n, -sdEllipsoid(nx - 5.5, ny + 33.4, nz - 112, 2.4, 1.5, 4.5), 1.5);
    d = smin(d, n * k, 8);
  }
  // Lips: they meet in a crease (the mouth line) and blend into the face.
  if (sphereGap(x, y, z, 0, -56, 100, 34) < d + 10) {
    const f = form.lipFullnessMm;
    const upper = sdEllipsoid(x, y + 48.5 - 0.4 * f, z - 102, 23, 5 + f, 5.5 + f);
    const lower = sdEllipsoid(x, y + 60 + 0.4 * f, z - 100, 19, 5.5 + f, 5.5 + f);
    d = smin(d, smin(upper, lower, 1), 10);
  }
  return d;
}

/** Distance from a point to a sphere's surface, 0 inside: a lower bound for anything within it. */
export function sphereGap(x: number, y: number, z: number, cx: number, cy: number, cz: number, r: number): number {
  const dx = x - cx,
    dy = y - cy,
    dz = z - cz;
  const g = Math.sqrt(dx * dx + dy * dy + dz * dz) - r;
  return g > 0 ? g : 0;
}
