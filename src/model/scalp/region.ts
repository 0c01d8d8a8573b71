import type { Landmark, Vec3 } from '../head/types';

/** Outline of the largest hair-bearing region SMP may cover, placed from the head's landmarks
 * so it scales with the head: a low frontal hairline (4.5 cm above the glabella, below the
 * 7-10 cm of designed hairlines), the temples, an arc over each ear and the occipital
 * hairline at the nape. Points need only be in the right direction
 * from the chart centre; the chart projects them onto the surface. */
export function hairRegionOutline(l: Record<Landmark, Vec3>): Vec3[] {
  const g = l.glabella;
  const e = l.eyeOuterLeft;
  const t = l.tragusLeft;
  const n = l.nape;
  // Around the ear the outline keeps clear of the pinna (about 30 mm above the tragus and
  // 40 mm behind it), as hair does. Sideburns are left out: seen from the chart centre they
  // lie in the same directions as the scalp above the ear, and they rarely need SMP.
  const half: Vec3[] = [
    [0.5 * e[0], g[1] + 43, g[2] - 14],
    [1.05 * e[0], g[1] + 38, e[2] - 18],
    [t[0], t[1] + 40, t[2] + 30],
    [t[0], t[1] + 36, t[2] + 6],
    [t[0], t[1] + 46, t[2] - 16],
    [t[0], t[1] + 36, t[2] - 44],
    [t[0], t[1] + 5, t[2] - 52],
    [0.85 * t[0], t[1] - 20, t[2] - 52],
    [0.55 * t[0], n[1] + 5, n[2] + 5],
  ];
  const mirrored = half.map(([x, y, z]): Vec3 => [-x, y, z]);
  return [[0, g[1] + 45, g[2] - 8], ...half, [0, n[1], n[2]], ...mirrored];
}
