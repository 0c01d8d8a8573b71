/** What the eye sees of a design at conversational distance, as two figures:
 *
 * Visible contrast: the dots and the skin between them blend (too fine to resolve), so the scalp's
 * colour is their mix in linear light (XYZ), weighted by the share of area the dots cover,
 * sum(pi d^2 / 4) / treated area. The treated area is the largest session's coverage-weighted area
 * (`dots.layerAreaCm2`): sessions cover nested regions that differ only by their hairline offset, so
 * the largest one is their union. The figure is CIEDE2000 between that mix and bare skin.
 *
 * Dot-vs-stubble: CIEDE2000 between the mean dot colour (area-weighted, in XYZ) and the colour of
 * the shaved zone (stubbleLab: skin with the hair's shafts and cut ends, shadeMatch.ts).
 *
 * Dot colours come from the optical model (optics.ts) through its table at the design's depth,
 * resampled finely and evenly in concentration so a lookup is one linear interpolation (1025 nodes:
 * steps of 0.001, under 0.05 L* each where colour changes fastest). */
import type { Lab } from '../color/lab';
import { labToXyz, xyzToLab, type Xyz } from '../color/convert';
import type { PigmentTone } from '../color/pigments';
import { buildDotColorTable, lookupDotColor } from '../color/optics';
import { deltaE2000 } from '../color/deltaE';

export const RAMP_NODES = 1025;

/** Dot colour against concentration at one depth; node j at concentration j / (nodes - 1). */
export interface ColorRamp {
  nodes: number;
  depthMm: number;
  skin: Lab;
  /** CIELAB per node, for a shader: L, a, b. */
  lab: Float32Array;
  /** Linear XYZ (D65, Y of white = 1) per node. */
  xyz: Float64Array;
  skinXyz: Xyz;
}

export function buildColorRamp(skin: Lab, tone: PigmentTone, depthMm: number): ColorRamp {
  const table = buildDotColorTable(skin, tone);
  const n = RAMP_NODES;
  const lab = new Float32Array(3 * n);
  const xyz = new Float64Array(3 * n);
  const c: Lab = { L: 0, a: 0, b: 0 };
  const x: Xyz = [0, 0, 0];
  for (let j = 0; j < n; j++) {
    lookupDotColor(table, depthMm, j / (n - 1), c);
    lab[3 * j] = c.L;
    lab[3 * j + 1] = c.a;
    lab[3 * j + 2] = c.b;
    labToXyz(c, x);
    xyz[3 * j] = x[0];
    xyz[3 * j + 1] = x[1];
    xyz[3 * j + 2] = x[2];
  }
  return { nodes: n, depthMm, skin: { ...skin }, lab, xyz, skinXyz: labToXyz(skin) };
}

/** Treated area in mm² (see the header). */
export function treatedAreaMm2(layerAreaCm2: Float32Array): number {
  let a = 0;
  for (let k = 0; k < layerAreaCm2.length; k++) a = Math.max(a, layerAreaCm2[k]);
  return a * 100;
}

/** Area-weighted sums over dots at one time: sum a, sum a X, sum a Y, sum a Z (a in mm²). */
export interface AreaSums {
  area: number;
  x: number;
  y: number;
  z: number;
}

/** CIEDE2000 between bare skin and the skin with dots blended in. */
export function visibleContrast(ramp: ColorRamp, s: AreaSums, treatedMm2: number): number {
  if (s.area <= 0 || treatedMm2 <= 0) return 0;
  // Dots overlapping (cover over 1) cannot hide more than all of the skin.
  const norm = Math.max(treatedMm2, s.area);
  const cover = s.area / norm;
  const [sx, sy, sz] = ramp.skinXyz;
  const mix = xyzToLab(sx * (1 - cover) + s.x / norm, sy * (1 - cover) + s.y / norm, sz * (1 - cover) + s.z / norm);
  return deltaE2000(mix, ramp.skin);
}

/** Area-weighted mean dot colour (skin's colour if there are no dots). */
export function meanDotLab(ramp: ColorRamp, s: AreaSums): Lab {
  return s.area > 0 ? xyzToLab(s.x / s.area, s.y / s.area, s.z / s.area) : { ...ramp.skin };
}
