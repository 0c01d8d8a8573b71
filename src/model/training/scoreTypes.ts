import type { Vec3 } from '../head/types';

export interface Placement {
  /** xyz per dot on the scalp (mm). */
  positionsMm: Float32Array;
  diameterMm: Float32Array;
  /** When each dot was placed (ms, any origin), for the time budget and replay. */
  timeMs?: Float64Array;
}
export type ExistingDots = Pick<Placement, 'positionsMm' | 'diameterMm'>;

/** Heat map cell flags. */
export const UNDER = 1;
export const OVER = 2;
export const MERGE = 4;
export const GAP = 8;

/** ~5 mm cells over the region's rectangle, row-major (v rows of u cells). */
export interface HeatMap {
  nu: number;
  nv: number;
  /** Cell centres on the scalp and their normals, xyz per cell (mm). */
  centersMm: Float32Array;
  normals: Float32Array;
  /** -1 (empty) .. 0 (on target) .. 1 (twice the target or more). */
  value: Float32Array;
  densityPerCm2: Float32Array;
  targetPerCm2: Float32Array;
  flags: Uint8Array;
}

export interface Gap {
  centerMm: Vec3;
  /** Diameter of the largest dot-free disk there. */
  diameterMm: number;
}

export interface HairlineFigures {
  /** Per 2 mm band from the front of the region: its centre (mm behind the hairline), the
   * measured and the target density. */
  bandVMm: number[];
  bandPerCm2: number[];
  bandTargetPerCm2: number[];
  /** RMS of (measured - target) over the bands, as a share of full density. */
  rampRmsError: number;
  /** Standard deviation of the frontmost dot's depth across 4 mm wide strips (mm). */
  edgeSdMm: number;
}

export interface ScoreFigures {
  placed: number;
  placedOutside: number;
  /** Placed dots in the region per cm² of target area, against the exercise's target. */
  placedPerCm2: number;
  targetPerCm2: number;
  /** Every dot (placed and existing) where full density is wanted, against the full target. */
  densityPerCm2: number;
  fullTargetPerCm2: number;
  /** Nearest-neighbour (3D) distances of dots in the full zone, away from its edge. */
  nnMeanMm: number;
  nnCv: number;
  /** Clark & Evans (1954) aggregation index: mean NN over its value for a random set at the
   * same density, 0.5 / sqrt(density). 1 random, about 1.6-1.8 blue noise, 2.15 hexagonal. */
  clarkEvansR: number;
  /** Lagae & Dutre (2008) normalised radius: closest pair over the hexagonal packing spacing. */
  rho: number;
  /** Bond-orientational order of the 4 and 6 nearest neighbours in the tangent plane: mean of
   * each dot's |<exp(i n angle)>| (local) and |mean over all bonds| (global, one orientation). */
  psi4: number;
  psi6: number;
  psi4Global: number;
  psi6Global: number;
  /** 0 blue noise .. 1 a perfect lattice or rows. */
  regularity: number;
  mergePairs: number;
  mergeDots: number;
  minSpacingMm: number;
  gaps: Gap[];
  largestGapMm: number;
  gapAreaShare: number;
  cellsUnder: number;
  cellsOver: number;
  /** RMS of the cells' relative density error. */
  densityRmsError: number;
  hairline: HairlineFigures | null;
  minutes: number | null;
}

export type Part = 'uniformity' | 'density' | 'regularity' | 'merges' | 'gaps' | 'softness' | 'edge' | 'budget';
export interface Fault {
  part: Part;
  /** Points lost to it out of 100. */
  pointsLost: number;
  message: string;
}
export interface TrainingScore {
  /** 0-100. */
  score: number;
  /** Per placed dot, 1 where it sits closer to another than the needle allows (a merge, "blowout risk"). */
  mergedPlaced: Uint8Array;
  /** Each part's score, 0-1. */
  parts: Partial<Record<Part, number>>;
  figures: ScoreFigures;
  /** The worst three, worst first. */
  faults: Fault[];
  heatMap: HeatMap;
}
