/** The client's skin colour, read from their photo: a patch of the forehead (where the fit puts
 * it), averaged in linear light, as CIELAB. The design's dots are then coloured for this skin by
 * the same optical model as on the 3D head, so they sit in the photo's exposure and white balance. */
import { converter } from 'culori';
import type { Lab } from '../color/lab';
import type { HeadModel } from '../head/types';
import { facingCamera, fitRotation, projectToPhoto, type OrthoFit } from './fit';

/** The patch's centre: this far above the glabella on the midline (clear of the brows, below
 * any hairline), and its radius on the skin. */
const ABOVE_GLABELLA_MM = 25;
const PATCH_RADIUS_MM = 8;
/** A forehead turned further from the camera than this (cosine) is too foreshortened to sample. */
const MIN_FACING = 0.35;
/** Shares of the patch's pixels left out, darkest and brightest: stray hairs, brow ends, a highlight. */
const TRIM_DARK = 0.2;
const TRIM_BRIGHT = 0.1;

export interface SkinPatch {
  centerPx: [number, number];
  radiusPx: number;
  /** Cosine between the forehead's normal and the direction to the camera. */
  facing: number;
}

/** Where the forehead is in the photo; null when the fit turns it away from the camera (a back
 * or top view). */
export function foreheadPatch(head: HeadModel, fit: OrthoFit): SkinPatch | null {
  const g = head.landmarks.glabella;
  const p = head.positions;
  const targetY = g[1] + ABOVE_GLABELLA_MM;
  // The front-most vertex near the midline at that height.
  let best = -1;
  for (let i = 0; i < p.length; i += 3) {
    if (Math.abs(p[i]) > 4 || Math.abs(p[i + 1] - targetY) > 3 || p[i + 2] < g[2] - 30) continue;
    if (best < 0 || p[i + 2] > p[best + 2]) best = i;
  }
  if (best < 0) return null;
  const rotation = fitRotation(fit);
  const facing = facingCamera(rotation, [head.normals[best], head.normals[best + 1], head.normals[best + 2]]);
  if (facing < MIN_FACING) return null;
  const c = projectToPhoto(fit, [p[best], p[best + 1], p[best + 2]], rotation);
  return { centerPx: [c.x, c.y], radiusPx: Math.max(2, PATCH_RADIUS_MM / fit.mmPerPx), facing };
}

const toLab = converter('lab65');
const linear = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Mean colour of the patch's pixels (RGBA, sRGB, row-major, `width` wide), averaged in linear
 * light after the darkest and brightest are left out; null when the patch is off the photo. */
export function patchLab(rgba: ArrayLike<number>, width: number, height: number, patch: SkinPatch): Lab | null {
  const [cx, cy] = patch.centerPx;
  const r = patch.radiusPx;
  const px: [number, number, number, number][] = [];
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(height - 1, Math.ceil(cy + r)); y++)
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(width - 1, Math.ceil(cx + r)); x++) {
      if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) continue;
      const i = 4 * (y * width + x);
      if (rgba[i + 3] < 128) continue;
      const R = linear(rgba[i]),
        G = linear(rgba[i + 1]),
        B = linear(rgba[i + 2]);
      px.push([R, G, B, 0.2126 * R + 0.7152 * G + 0.0722 * B]);
    }
  // Less than half the disc on the photo: not a sample to trust.
  if (px.length < Math.max(4, 0.5 * Math.PI * r * r)) return null;
  px.sort((a, b) => a[3] - b[3]);
  const kept = px.slice(Math.floor(px.length * TRIM_DARK), Math.ceil(px.length * (1 - TRIM_BRIGHT)));
  const mean = [0, 1, 2].map((k) => kept.reduce((s, v) => s + v[k], 0) / kept.length);
  const lab = toLab({ mode: 'lrgb', r: mean[0], g: mean[1], b: mean[2] });
  const tenth = (v: number) => Math.round(v * 10) / 10;
  return { L: tenth(lab.l), a: tenth(lab.a), b: tenth(lab.b) };
}
