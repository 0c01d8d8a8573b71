import type { Cells } from './heatMap';
import type { PlanarHash } from './planarHash';
import type { ExerciseRegion } from './region';
import { GAP, type Gap } from './scoreTypes';
import type { WantedDensity } from './wantedDensity';

/** Empty disk radius, in Poisson-disk radii, that counts as a gap. A maximal Poisson-disk set
 * leaves no point further than one radius from a dot; 1.6 allows hand placement its slack. */
const GAP_FACTOR = 1.6;

/** The gaps, largest first, and their area (mm²); flags the cells they are in. */
export function findGaps(S: ExerciseRegion['samples'], field: WantedDensity, hash: PlanarHash, grid: Cells): { gaps: Gap[]; gapArea: number } {
  const { sWanted, full, rPd } = field;
  const { cellOf, flags } = grid;
  // Gaps: samples of the full zone further than GAP_FACTOR disk radii from every dot.
  const gapR = GAP_FACTOR * rPd;
  const empty = new Float32Array(S.count);
  let gapArea = 0;
  let nGapSamples = 0;
  for (let k = 0; k < S.count; k++) {
    if (sWanted[k] < full * 0.9) continue;
    const d = Math.min(hash.nearest(S.u[k], S.v[k], S.xyz[3 * k], S.xyz[3 * k + 1], S.xyz[3 * k + 2], -1, 4 * gapR), 4 * gapR);
    if (d <= gapR) continue;
    empty[k] = d;
    gapArea += S.areaMm2[k];
    nGapSamples++;
    flags[cellOf(S.u[k], S.v[k])] |= GAP;
  }
  return { gaps: locateGaps(S, empty, nGapSamples), gapArea };
}

/** Gap centres: the emptiest sample, then the emptiest not inside a gap found already. */
function locateGaps(S: ExerciseRegion['samples'], empty: Float32Array, count: number): Gap[] {
  if (count === 0) return [];
  const order = new Int32Array(count);
  let m = 0;
  for (let k = 0; k < S.count; k++) if (empty[k] > 0) order[m++] = k;
  order.sort((a, b) => empty[b] - empty[a]);
  const gaps: Gap[] = [];
  const taken: number[] = [];
  for (let t = 0; t < count && gaps.length < 20; t++) {
    const k = order[t];
    const x = S.xyz[3 * k],
      y = S.xyz[3 * k + 1],
      z = S.xyz[3 * k + 2];
    let covered = false;
    for (const g of taken) {
      const dx = S.xyz[3 * g] - x,
        dy = S.xyz[3 * g + 1] - y,
        dz = S.xyz[3 * g + 2] - z;
      if (dx * dx + dy * dy + dz * dz < empty[g] * empty[g]) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    taken.push(k);
    gaps.push({ centerMm: [x, y, z], diameterMm: 2 * empty[k] });
  }
  return gaps;
}
