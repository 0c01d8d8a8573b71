import { GLOBE } from './eyes';
import type { BodyForm } from './form';

/** Where the face is not plain skin, for the renderer to colour: the vermilion of the lips and
 * the eyebrows, as weights in [0, 1] at a surface point in template face coordinates (mm,
 * x >= 0). Both are outlines seen from the front, kept to the front of the face. */

/** The mouth line (where the lips meet), the corners' half-width, and the vermilion's height
 * above and below it at the middle (template mm; the lips in face.ts). */
const MOUTH_Y_MM = -54.2;
const MOUTH_HALF_WIDTH_MM = 24;
const UPPER_VERMILION_MM = 8;
const LOWER_VERMILION_MM = 10;
/** Lip weight falls from 1 to 0 over this width, centred on the vermilion border. */
const LIP_EDGE_MM = 1.5;
/** Eyebrow from its head (above the medial canthus) to its tail (template x, seen from the front;
 * ~50 mm along the curved brow). Brow weight falls over this width across its outline. */
const BROW_HEAD_X_MM = 14;
const BROW_TAIL_X_MM = 58;
const BROW_EDGE_MM = 2;
/** Radius of the outline's corners (the rounded head, the tip of the tail). */
const BROW_CORNER_MM = 2;

export function faceFeatures(x: number, y: number, z: number, form: BodyForm): [number, number] {
  return [lipWeight(x, y, z, form), browWeight(x, y, z, form)];
}

function lipWeight(x: number, y: number, z: number, form: BodyForm): number {
  if (z < 80 || y < -75 || y > -38 || x > MOUTH_HALF_WIDTH_MM + 2) return 0;
  const f = form.lipFullnessMm;
  const a = Math.min(1, x / MOUTH_HALF_WIDTH_MM);
  const taper = Math.sqrt(1 - a * a);
  // Upper border: the Cupid's bow, two peaks either side of the philtrum's dip.
  const bow = 0.7 * Math.exp(-((x - 6) * (x - 6)) / 12) - 0.9 * Math.exp(-(x * x) / 6);
  const upper = MOUTH_Y_MM + (UPPER_VERMILION_MM + f) * Math.pow(taper, 0.7) + bow * taper;
  const lower = MOUTH_Y_MM - (LOWER_VERMILION_MM + f) * Math.pow(taper, 0.6);
  // Outside the band between the borders, or past the corners of the mouth.
  const outside = Math.max(y - upper, lower - y, x - MOUTH_HALF_WIDTH_MM);
  return 1 - smoothstep(-0.5 * LIP_EDGE_MM, 0.5 * LIP_EDGE_MM, outside);
}

function browWeight(x: number, y: number, z: number, form: BodyForm): number {
  if (z < 40 || x < BROW_HEAD_X_MM - 3 || x > BROW_TAIL_X_MM + 3) return 0;
  const b = form.brow;
  const t = Math.max(0, Math.min(1, (x - BROW_HEAD_X_MM) / (BROW_TAIL_X_MM - BROW_HEAD_X_MM)));
  // Lower edge along the supraorbital rim, lifted by the arch (peak at `peakAt`, easing down
  // after it) and dropping a little toward the tail.
  const arch = t < b.peakAt ? Math.sin((0.5 * Math.PI * t) / b.peakAt) : Math.cos((0.6 * Math.PI * (t - b.peakAt)) / (1 - b.peakAt));
  const lower = GLOBE.y + b.baseMm + b.archMm * arch - 2 * t * t;
  // Height tapers from the head to the tail.
  const height = b.headMm + (b.tailMm - b.headMm) * Math.pow(t, 0.8);
  // Signed distance to the outline (negative inside): a band with rounded corners.
  const across = Math.max(lower - y, y - (lower + height)) + BROW_CORNER_MM;
  const along = Math.max(BROW_HEAD_X_MM - x, x - BROW_TAIL_X_MM) + BROW_CORNER_MM;
  const outside = Math.hypot(Math.max(across, 0), Math.max(along, 0)) + Math.min(Math.max(across, along), 0) - BROW_CORNER_MM;
  return 1 - smoothstep(-0.5 * BROW_EDGE_MM, 0.5 * BROW_EDGE_MM, outside);
}

function smoothstep(a: number, b: number, v: number): number {
  const t = v <= a ? 0 : v >= b ? 1 : (v - a) / (b - a);
  return t * t * (3 - 2 * t);
}
