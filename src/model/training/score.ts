/** Scoring of hand-placed dots against an exercise, step by step: the wanted density, the dots
 * near the region, the heat map's cells and zones, merges, spacing, density, gaps, the hairline,
 * the time taken; then the grades. */
import { MERGE_SPACING } from '../dots/limits';
import type { Exercise } from './exercises';
import { findGaps } from './gaps';
import { hairlineFigures } from './hairlineFigures';
import { cellDensity, cellGrid, countDots, heatCells } from './heatMap';
import { judge } from './judge';
import { gatherDots } from './nearDots';
import { resolveRegion, type TrainingHead } from './region';
import type { ExistingDots, Placement, ScoreFigures, TrainingScore } from './scoreTypes';
import { findMerges, measureSpacing } from './spacing';
import { measureZones, wantedDensity } from './wantedDensity';

export { UNDER, OVER, MERGE, GAP } from './scoreTypes';
export type { Placement, ExistingDots, HeatMap, Gap, HairlineFigures, ScoreFigures, Part, Fault, TrainingScore } from './scoreTypes';

/** Scores a placement against an exercise; `existing` are dots already there (the first
 * session, the client's stubble), which count for density, spacing and merges. */
export function scorePlacement(head: TrainingHead, exercise: Exercise, placed: Placement, existing?: ExistingDots): TrainingScore {
  const region = resolveRegion(head, exercise);
  const field = wantedDensity(region, exercise);
  const dots = gatherDots(region, placed, existing, field.rPd);
  const grid = cellGrid(region);
  const zones = measureZones(region, field, grid);
  countDots(grid, dots);
  const merges = findMerges(dots, grid);
  const spacing = measureSpacing(dots, field, zones);
  const density = cellDensity(grid, field.full);
  const { gaps, gapArea } = findGaps(region.samples, field, dots.hash, grid);
  const hairline = region.kind === 'hairline' ? hairlineFigures(region, dots.pu, dots.pv, dots.isPlaced, dots.inRegion, dots.n, field.wanted, field.full) : null;
  const minutes = minutesTaken(placed.timeMs);

  const { fullArea, targetArea } = zones;
  const figures: ScoreFigures = {
    placed: dots.nPlaced,
    placedOutside: dots.placedOutside,
    placedPerCm2: targetArea > 0 ? (dots.placedIn / targetArea) * 100 : 0,
    targetPerCm2: exercise.targetDensityPerCm2,
    densityPerCm2: fullArea > 0 ? (spacing.fullDots / fullArea) * 100 : 0,
    fullTargetPerCm2: field.full * 100,
    nnMeanMm: spacing.nnMeanMm,
    nnCv: spacing.nnCv,
    clarkEvansR: spacing.clarkEvansR,
    rho: spacing.rho,
    psi4: spacing.psi4,
    psi6: spacing.psi6,
    psi4Global: spacing.psi4Global,
    psi6Global: spacing.psi6Global,
    regularity: spacing.regularity,
    mergePairs: merges.mergePairs,
    mergeDots: merges.mergeDots,
    minSpacingMm: MERGE_SPACING * exercise.needleDiameterMm,
    gaps,
    largestGapMm: gaps.length ? gaps[0].diameterMm : 0,
    gapAreaShare: fullArea > 0 ? gapArea / fullArea : 0,
    cellsUnder: density.cellsUnder,
    cellsOver: density.cellsOver,
    densityRmsError: density.densityRmsError,
    hairline,
    minutes,
  };
  const heatMap = heatCells(region, grid.nu, grid.nv, grid.cu, grid.cv, density.value, density.densityPerCm2, density.targetPerCm2, grid.flags);
  return { ...judge(exercise, figures), figures, heatMap, mergedPlaced: merges.mergedPlaced };
}

/** Minutes from the first dot placed to the last, or null without their times. */
function minutesTaken(timeMs: Placement['timeMs']): number | null {
  let minutes: number | null = null;
  if (timeMs && timeMs.length > 1) {
    let t0 = Infinity,
      t1 = -Infinity;
    for (let i = 0; i < timeMs.length; i++) {
      t0 = Math.min(t0, timeMs[i]);
      t1 = Math.max(t1, timeMs[i]);
    }
    minutes = (t1 - t0) / 60000;
  }
  return minutes;
}
