import { MERGE_SPACING, PACKING } from '../dots/limits';
import { GHOST, PointGrid, surfaceBounds } from '../dots/pointGrid';
import { createRng } from '../rng';
import { sampleLayer, type LayerPass } from '../dots/sampler';
import type { Exercise } from './exercises';
import { resolveRegion, type ExerciseRegion, type TrainingHead } from './region';
import type { ExistingDots, Placement } from './score';

export interface FillSpec {
  densityPerCm2: number;
  diameterMm: number;
  /** Share of the density wanted at planar (u, v) in the region's frame. */
  coverage: (u: number, v: number) => number;
  seed: number;
  /** Where dots may go, in the region's frame (mm); the region's rectangle when left out. */
  rect?: { uMinMm: number; uMaxMm: number; vMinMm: number; vMaxMm: number };
  /** Dots already there, which the new ones keep clear of as a later session would. */
  earlier?: ExistingDots & { densityPerCm2: number };
}

/** Calibration rounds: the sampler's packing varies with the region's shape and with earlier
 * dots, so the disk radius is corrected from the density measured over the fill. */
const CALIBRATE = 5;
const LATTICE_MM = 0.5;

/**
 * Fills part of an exercise's region with the app's own blue-noise sampler (sampleLayer, as
 * the dot generator uses it) and returns the dots, in sampling order.
 */
export function fillRegion(head: TrainingHead, region: ExerciseRegion, spec: FillSpec): Placement {
  const surface = region.surface;
  const density = spec.densityPerCm2 / 100;
  const earlier = spec.earlier;
  const nEarlier = earlier ? earlier.positionsMm.length / 3 : 0;
  const rect = spec.rect ?? { uMinMm: region.uMinMm, uMaxMm: region.uMaxMm, vMinMm: region.vMinMm, vMaxMm: region.vMaxMm };
  const loc = new Float64Array(3);
  const coverageUv = (u: number, v: number) => (u < rect.uMinMm || u > rect.uMaxMm || v < rect.vMinMm || v > rect.vMaxMm ? 0 : spec.coverage(u, v));
  const coverageAt = (x: number, y: number, z: number) => {
    region.local(x, y, z, loc);
    return loc[2] > -25 && loc[2] < 10 ? coverageUv(loc[0], loc[1]) : 0;
  };
  // Coverage-weighted surface area and start points, from a lattice over the rectangle.
  let area = 0;
  const seedList: number[] = [];
  const c = region.center,
    u = region.uDir,
    v = region.vDir,
    n = region.normal;
  const nu = Math.round((rect.uMaxMm - rect.uMinMm) / LATTICE_MM),
    nv = Math.round((rect.vMaxMm - rect.vMinMm) / LATTICE_MM);
  const du = (rect.uMaxMm - rect.uMinMm) / nu,
    dv = (rect.vMaxMm - rect.vMinMm) / nv;
  for (let b = 0; b < nv; b++) {
    for (let a = 0; a < nu; a++) {
      const su = rect.uMinMm + (a + 0.5) * du,
        sv = rect.vMinMm + (b + 0.5) * dv;
      const cov = coverageUv(su, sv);
      if (cov <= 0) continue;
      if (!surface.project(c[0] + su * u[0] + sv * v[0], c[1] + su * u[1] + sv * v[1], c[2] + su * u[2] + sv * v[2])) continue;
      // Surface area over the plane cell: the plane area over the cosine between the normals.
      const cos = Math.max(0.5, Math.abs(surface.nx * n[0] + surface.ny * n[1] + surface.nz * n[2]));
      area += (cov * du * dv) / cos;
      if ((a % 8 === 4 && b % 8 === 4) || seedList.length === 0) seedList.push(surface.x, surface.y, surface.z);
    }
  }
  const seeds = new Float32Array(seedList);
  const bounds = surfaceBounds(head.chart.surfaceMm);
  const expected = density * area * 1.5 + nEarlier;
  let radius = Math.sqrt(PACKING / density);
  const grid = new PointGrid(3 * radius, Math.max(1024, expected), bounds.min, bounds.max);
  const crossMm = new Float64Array(2);
  if (earlier) {
    for (let i = 0; i < nEarlier; i++) {
      const p = earlier.positionsMm;
      surface.project(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
      grid.add(p[3 * i], p[3 * i + 1], p[3 * i + 2], surface.nx, surface.ny, surface.nz, surface.theta, surface.phi, 0);
    }
    let dMax = 0;
    for (let i = 0; i < nEarlier; i++) dMax = Math.max(dMax, earlier.diameterMm[i]);
    // As the generator does: never close enough to merge, and spread toward the spacing of
    // both sessions together, so the new dots fill the gaps.
    const unionRadius = Math.sqrt(PACKING / (density + earlier.densityPerCm2 / 100));
    crossMm[0] = Math.max(((spec.diameterMm + dMax) / 2) * MERGE_SPACING, 0.5 * unionRadius);
  }
  const start = grid.count;
  for (let round = 0; round < CALIBRATE; round++) {
    const pass: LayerPass = {
      layer: 1,
      radiusMm: radius,
      minRadiusMm: spec.diameterMm * MERGE_SPACING,
      irregularity: 0,
      crossMm,
      coverage: (s) => coverageAt(s.x, s.y, s.z),
    };
    const rng = createRng(spec.seed, round);
    sampleLayer(surface, grid, pass, seeds, rng);
    let dots = 0;
    for (let i = start; i < grid.count; i++) if ((grid.tag(i) & GHOST) === 0) dots++;
    const ratio = dots / (density * area);
    if (round === CALIBRATE - 1 || Math.abs(ratio - 1) < 0.02) break;
    grid.truncate(start);
    radius = Math.max(pass.minRadiusMm, radius * Math.sqrt(Math.min(2, Math.max(0.25, ratio))));
  }
  let count = 0;
  for (let i = start; i < grid.count; i++) if ((grid.tag(i) & GHOST) === 0) count++;
  const positionsMm = new Float32Array(count * 3);
  const diameterMm = new Float32Array(count).fill(spec.diameterMm);
  let m = 0;
  for (let i = start; i < grid.count; i++) {
    if (grid.tag(i) & GHOST) continue;
    positionsMm[3 * m] = grid.pos[4 * i];
    positionsMm[3 * m + 1] = grid.pos[4 * i + 1];
    positionsMm[3 * m + 2] = grid.pos[4 * i + 2];
    m++;
  }
  return { positionsMm, diameterMm };
}

/** The dots already on the head when the exercise starts (its `existing` layer), or null. */
export function existingDots(head: TrainingHead, exercise: Exercise): ExistingDots | null {
  const ex = exercise.existing;
  if (!ex) return null;
  const region = resolveRegion(head, exercise);
  return fillRegion(head, region, {
    densityPerCm2: ex.densityPerCm2,
    diameterMm: ex.diameterMm,
    seed: ex.seed,
    rect: ex,
    coverage: (_u, v) => (ex.clearBandMm && Math.abs(v) < ex.clearBandMm ? 0 : 1),
  });
}

/** The app's own solution of an exercise: its target density over the region (feathered for
 * a hairline), between any existing dots, at the exercise's needle size. */
export function modelAnswer(head: TrainingHead, exercise: Exercise, existing: ExistingDots | null = existingDots(head, exercise)): Placement {
  const region = resolveRegion(head, exercise);
  return fillRegion(head, region, {
    densityPerCm2: exercise.targetDensityPerCm2,
    diameterMm: exercise.needleDiameterMm,
    seed: exercise.seed,
    coverage: region.coverage,
    earlier: existing && exercise.existing ? { ...existing, densityPerCm2: exercise.existing.densityPerCm2 } : undefined,
  });
}
