import { PACKING } from '../dots/limits';
import type { Exercise } from './exercises';
import type { Cells } from './heatMap';
import type { ExerciseRegion } from './region';

/** The density wanted over the region, placed and existing dots together. */
export interface WantedDensity {
  /** Wanted density of all dots together at planar (u, v), per mm². */
  wanted: (u: number, v: number) => number;
  /** `wanted` at each of the region's samples. */
  sWanted: Float32Array;
  /** The highest wanted density (per mm²): the full density. */
  full: number;
  /** Poisson-disk radius at the full density (mm). */
  rPd: number;
}

export function wantedDensity(region: ExerciseRegion, exercise: Exercise): WantedDensity {
  const ex = exercise.existing;
  const target = exercise.targetDensityPerCm2 / 100; // per mm²
  const exDensity = ex ? ex.densityPerCm2 / 100 : 0;
  /** Wanted density of all dots together at planar (u, v), per mm². */
  const wanted = (u: number, v: number): number => {
    let d = target * region.coverage(u, v);
    if (ex && u >= ex.uMinMm && u <= ex.uMaxMm && v >= ex.vMinMm && v <= ex.vMaxMm && !(ex.clearBandMm && Math.abs(v) < ex.clearBandMm)) d += exDensity;
    return d;
  };
  const S = region.samples;
  const sWanted = new Float32Array(S.count);
  let full = 0;
  for (let k = 0; k < S.count; k++) full = Math.max(full, (sWanted[k] = wanted(S.u[k], S.v[k])));
  const rPd = Math.sqrt(PACKING / full);
  return { wanted, sWanted, full, rPd };
}

/** Areas (mm²) of the full zone (where all of the wanted density applies), its inset core and
 * the exercise's target. */
export interface Zones {
  fullArea: number;
  coreArea: number;
  targetArea: number;
  /** Whether planar (u, v) is in the core: far enough inside the region for its spacing to count. */
  isCore: (u: number, v: number) => boolean;
}

/** The zones' areas; sums each cell's sample area and wanted count into `cells` on the way. */
export function measureZones(region: ExerciseRegion, field: WantedDensity, cells: Cells): Zones {
  const S = region.samples;
  const { sWanted, full, rPd } = field;
  const { cellOf, cellArea, cellWanted } = cells;
  // Areas: the full zone (where all of the wanted density applies) and its inset core.
  const inset = 1.5 * rPd;
  const isCore = (u: number, v: number) => u - region.uMinMm >= inset && region.uMaxMm - u >= inset && v - region.vMinMm >= inset && region.vMaxMm - v >= inset;
  let fullArea = 0,
    coreArea = 0,
    targetArea = 0;
  for (let k = 0; k < S.count; k++) {
    const a = S.areaMm2[k];
    const c = cellOf(S.u[k], S.v[k]);
    cellArea[c] += a;
    cellWanted[c] += a * sWanted[k];
    targetArea += a * S.coverage[k];
    if (sWanted[k] >= full * 0.999) {
      fullArea += a;
      if (isCore(S.u[k], S.v[k])) coreArea += a;
    }
  }
  return { fullArea, coreArea, targetArea, isCore };
}
