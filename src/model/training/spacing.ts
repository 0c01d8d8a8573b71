import { MERGE_SPACING } from '../dots/limits';
import type { Cells } from './heatMap';
import { clamp01 } from './judge';
import type { NearDots } from './nearDots';
import { MERGE, type ScoreFigures } from './scoreTypes';
import type { WantedDensity, Zones } from './wantedDensity';

/** Blue-noise baselines of the local order, measured on the model answer (test/unit/training). */
const PSI4_BLUE = 0.45;
const PSI6_BLUE = 0.4;

export interface Merges {
  mergePairs: number;
  mergeDots: number;
  /** Per placed dot, 1 where it merges with another. */
  mergedPlaced: Uint8Array;
}

/** Merges over placed dots: closer to another dot, placed or existing, than the needle allows. */
export function findMerges(dots: NearDots, grid: Cells): Merges {
  const { nPlaced, n, pu, pv, pxyz, pd, isPlaced, origin, hash } = dots;
  const { cellOf, flags } = grid;
  const mergedPlaced = new Uint8Array(nPlaced);
  const idx = new Int32Array(16),
    dist = new Float64Array(16);
  let mergePairs = 0,
    mergeDots = 0;
  let maxDiameter = 0;
  for (let i = 0; i < n; i++) maxDiameter = Math.max(maxDiameter, pd[i]);
  const mergeReach = MERGE_SPACING * maxDiameter;
  for (let i = 0; i < n; i++) {
    if (!isPlaced[i]) continue;
    const x = pxyz[3 * i],
      y = pxyz[3 * i + 1],
      z = pxyz[3 * i + 2];
    const m = hash.kNearest(pu[i], pv[i], x, y, z, i, 16, mergeReach, idx, dist);
    let merged = false;
    for (let t = 0; t < m; t++) {
      const j = idx[t];
      if (dist[t] >= MERGE_SPACING * 0.5 * (pd[i] + pd[j])) continue;
      merged = true;
      if (j > i) mergePairs++; // existing dots come after placed ones: each pair once
    }
    if (merged) {
      mergeDots++;
      mergedPlaced[origin[i]] = 1;
      flags[cellOf(pu[i], pv[i])] |= MERGE;
    }
  }
  return { mergePairs, mergeDots, mergedPlaced };
}

/** The spacing figures of the score (scoreTypes.ts), and the dots in the full zone. */
export type Spacing = { fullDots: number } & Pick<ScoreFigures, 'nnMeanMm' | 'nnCv' | 'clarkEvansR' | 'rho' | 'psi4' | 'psi6' | 'psi4Global' | 'psi6Global' | 'regularity'>;

/** Spacing and orientational order over core dots (nearest-neighbour distances and the bond
 * order of the 4 and 6 nearest); counts the dots of the full zone on the way. */
export function measureSpacing(dots: NearDots, field: WantedDensity, zones: Zones): Spacing {
  const { n, pu, pv, pxyz, inRegion, hash } = dots;
  const { wanted, full, rPd } = field;
  const { isCore, coreArea } = zones;
  const idx = new Int32Array(16),
    dist = new Float64Array(16);
  let nnSum = 0,
    nnSq = 0,
    nnN = 0,
    dMin = Infinity,
    fullDots = 0;
  let l4 = 0,
    l6 = 0,
    g4re = 0,
    g4im = 0,
    g6re = 0,
    g6im = 0,
    nPsi = 0;
  for (let i = 0; i < n; i++) {
    if (!inRegion[i] || wanted(pu[i], pv[i]) < full * 0.999) continue;
    fullDots++;
    if (!isCore(pu[i], pv[i])) continue;
    const x = pxyz[3 * i],
      y = pxyz[3 * i + 1],
      z = pxyz[3 * i + 2];
    const found = hash.kNearest(pu[i], pv[i], x, y, z, i, 6, 4 * rPd, idx, dist);
    const nn = found ? dist[0] : 4 * rPd;
    nnSum += nn;
    nnSq += nn * nn;
    nnN++;
    if (nn < dMin) dMin = nn;
    if (found < 6) continue;
    let r4 = 0,
      i4 = 0,
      r6 = 0,
      i6 = 0;
    for (let t = 0; t < 6; t++) {
      const j = idx[t];
      const a = Math.atan2(pv[j] - pv[i], pu[j] - pu[i]);
      if (t < 4) {
        r4 += Math.cos(4 * a);
        i4 += Math.sin(4 * a);
      }
      r6 += Math.cos(6 * a);
      i6 += Math.sin(6 * a);
    }
    l4 += Math.hypot(r4, i4) / 4;
    l6 += Math.hypot(r6, i6) / 6;
    g4re += r4;
    g4im += i4;
    g6re += r6;
    g6im += i6;
    nPsi++;
  }
  const nnMean = nnN ? nnSum / nnN : 0;
  const nnCv = nnN > 1 ? Math.sqrt(Math.max(0, nnSq / nnN - nnMean * nnMean)) / nnMean : 0;
  const coreDensity = coreArea > 0 ? nnN / coreArea : 0;
  const clarkEvansR = coreDensity > 0 ? nnMean / (0.5 / Math.sqrt(coreDensity)) : 0;
  const rMax = nnN > 0 ? Math.sqrt(coreArea / (2 * Math.sqrt(3) * nnN)) : 0;
  const rho = rMax > 0 && Number.isFinite(dMin) ? dMin / (2 * rMax) : 0;
  const psi4 = nPsi ? l4 / nPsi : 0,
    psi6 = nPsi ? l6 / nPsi : 0;
  const psi4Global = nPsi ? Math.hypot(g4re, g4im) / (4 * nPsi) : 0;
  const psi6Global = nPsi ? Math.hypot(g6re, g6im) / (6 * nPsi) : 0;
  // Local order only: the sampler's own fronts leave a global psi6 of up to ~0.3 on a small
  // patch (measured), and a hand-made grid drifts in direction but stays ordered locally.
  const regularity = Math.max(clamp01((psi4 - PSI4_BLUE) / (1 - PSI4_BLUE)), clamp01((psi6 - PSI6_BLUE) / (1 - PSI6_BLUE)));
  return { fullDots, nnMeanMm: nnMean, nnCv, clarkEvansR, rho, psi4, psi6, psi4Global, psi6Global, regularity };
}
