import type { NearDots } from './nearDots';
import type { ExerciseRegion } from './region';
import { OVER, UNDER, type HeatMap } from './scoreTypes';

const CELL_MM = 5;
const FLAG_ERROR = 0.35;

/** The heat map's cells over the region's rectangle, row-major, and what is summed into them. */
export interface Cells {
  nu: number;
  nv: number;
  /** Cell size along u and v (mm). */
  cu: number;
  cv: number;
  /** The cell holding planar (u, v), clamped to the grid. */
  cellOf: (u: number, v: number) => number;
  cells: number;
  /** Sample area (mm²), wanted dots and dots in each cell. */
  cellArea: Float64Array;
  cellWanted: Float64Array;
  cellCount: Float64Array;
  flags: Uint8Array;
}

export function cellGrid(region: ExerciseRegion): Cells {
  // Heat map cells.
  const nu = Math.max(1, Math.round((region.uMaxMm - region.uMinMm) / CELL_MM));
  const nv = Math.max(1, Math.round((region.vMaxMm - region.vMinMm) / CELL_MM));
  const cu = (region.uMaxMm - region.uMinMm) / nu,
    cv = (region.vMaxMm - region.vMinMm) / nv;
  const cellOf = (u: number, v: number) => {
    const a = Math.min(nu - 1, Math.max(0, Math.floor((u - region.uMinMm) / cu)));
    const b = Math.min(nv - 1, Math.max(0, Math.floor((v - region.vMinMm) / cv)));
    return b * nu + a;
  };
  const cells = nu * nv;
  const cellArea = new Float64Array(cells),
    cellWanted = new Float64Array(cells),
    cellCount = new Float64Array(cells);
  const flags = new Uint8Array(cells);
  return { nu, nv, cu, cv, cellOf, cells, cellArea, cellWanted, cellCount, flags };
}

/** Counts the dots inside the region in each cell. */
export function countDots(cells: Cells, dots: NearDots): void {
  const { n, pu, pv, inRegion } = dots;
  for (let i = 0; i < n; i++) if (inRegion[i]) cells.cellCount[cells.cellOf(pu[i], pv[i])]++;
}

export interface CellDensity {
  /** -1 (empty) .. 0 (on target) .. 1 (twice the target or more), per cell. */
  value: Float32Array;
  densityPerCm2: Float32Array;
  targetPerCm2: Float32Array;
  cellsUnder: number;
  cellsOver: number;
  /** RMS of the cells' relative density error. */
  densityRmsError: number;
}

/** Each cell's density against the wanted one; flags the cells too sparse or too dense. */
export function cellDensity(grid: Cells, full: number): CellDensity {
  const { cells, cellArea, cellWanted, cellCount, flags } = grid;
  // Density per cell.
  const value = new Float32Array(cells),
    densityPerCm2 = new Float32Array(cells),
    targetPerCm2 = new Float32Array(cells);
  let cellsUnder = 0,
    cellsOver = 0,
    errSq = 0,
    errArea = 0;
  for (let c = 0; c < cells; c++) {
    if (cellArea[c] <= 0) continue;
    const measured = cellCount[c] / cellArea[c],
      want = cellWanted[c] / cellArea[c];
    const floor = Math.max(want, 0.25 * full);
    const err = (measured - want) / floor;
    densityPerCm2[c] = measured * 100;
    targetPerCm2[c] = want * 100;
    value[c] = Math.max(-1, Math.min(1, err));
    // Cells where little is wanted (a hairline's front) weigh less: their counts are small.
    errSq += err * err * cellArea[c] * floor;
    errArea += cellArea[c] * floor;
    // Flagged only beyond chance too: more than one Poisson deviation from the expected count
    // (blue noise varies less than a Poisson set, so the model answer stays clear).
    const expected = cellWanted[c];
    const chance = Math.abs(cellCount[c] - expected) > Math.sqrt(Math.max(expected, 1));
    if (!chance) continue;
    if (err < -FLAG_ERROR) {
      flags[c] |= UNDER;
      cellsUnder++;
    } else if (err > FLAG_ERROR) {
      flags[c] |= OVER;
      cellsOver++;
    }
  }
  const densityRmsError = errArea > 0 ? Math.sqrt(errSq / errArea) : 0;
  return { value, densityPerCm2, targetPerCm2, cellsUnder, cellsOver, densityRmsError };
}

/** The heat map: each cell's centre and normal on the scalp with its density and flags. */
export function heatCells(
  region: ExerciseRegion,
  nu: number,
  nv: number,
  cu: number,
  cv: number,
  value: Float32Array,
  densityPerCm2: Float32Array,
  targetPerCm2: Float32Array,
  flags: Uint8Array,
): HeatMap {
  const centersMm = new Float32Array(nu * nv * 3),
    normals = new Float32Array(nu * nv * 3);
  const s = region.surface,
    c = region.center,
    u = region.uDir,
    v = region.vDir;
  for (let b = 0; b < nv; b++) {
    for (let a = 0; a < nu; a++) {
      const k = b * nu + a;
      const su = region.uMinMm + (a + 0.5) * cu,
        sv = region.vMinMm + (b + 0.5) * cv;
      s.project(c[0] + su * u[0] + sv * v[0], c[1] + su * u[1] + sv * v[1], c[2] + su * u[2] + sv * v[2]);
      centersMm.set([s.x, s.y, s.z], 3 * k);
      normals.set([s.nx, s.ny, s.nz], 3 * k);
    }
  }
  return { nu, nv, centersMm, normals, value, densityPerCm2, targetPerCm2, flags };
}
