import { PlanarHash } from './planarHash';
import type { ExerciseRegion } from './region';
import type { ExistingDots, Placement } from './scoreTypes';

/** The dots kept for scoring, and a hash of them for neighbour searches. */
export interface NearDots {
  /** All placed dots, near the region or not. */
  nPlaced: number;
  /** Dots kept, the first `n` of each array. */
  n: number;
  pu: Float32Array;
  pv: Float32Array;
  pxyz: Float32Array;
  pd: Float32Array;
  isPlaced: Uint8Array;
  inRegion: Uint8Array;
  /** For a placed dot kept for scoring, its index in `placed`. */
  origin: Int32Array;
  /** Placed dots inside the region and outside it. */
  placedIn: number;
  placedOutside: number;
  hash: PlanarHash;
}

/** The placed and existing dots within three disk radii of the region, hashed for neighbour searches. */
export function gatherDots(region: ExerciseRegion, placed: Placement, existing: ExistingDots | undefined, rPd: number): NearDots {
  const margin = 3 * rPd;

  // Dots near the region, placed first: their planar and 3D positions, diameters, kind.
  const nPlaced = placed.positionsMm.length / 3;
  const nEx = existing ? existing.positionsMm.length / 3 : 0;
  const cap = nPlaced + nEx;
  const pu = new Float32Array(cap),
    pv = new Float32Array(cap),
    pxyz = new Float32Array(cap * 3),
    pd = new Float32Array(cap);
  const isPlaced = new Uint8Array(cap),
    inRegion = new Uint8Array(cap);
  /** For a placed dot kept for scoring, its index in `placed`. */
  const origin = new Int32Array(cap);
  const loc = new Float64Array(3);
  let n = 0,
    placedIn = 0,
    placedOutside = 0;
  const uLo = region.uMinMm - margin,
    uHi = region.uMaxMm + margin,
    vLo = region.vMinMm - margin,
    vHi = region.vMaxMm + margin;
  for (let i = 0; i < cap; i++) {
    const mine = i < nPlaced;
    const src = mine ? placed.positionsMm : existing!.positionsMm;
    const o = mine ? i : i - nPlaced;
    const x = src[3 * o],
      y = src[3 * o + 1],
      z = src[3 * o + 2];
    region.local(x, y, z, loc);
    const inside = region.inside(x, y, z);
    if (mine && !inside) placedOutside++;
    if (loc[0] < uLo || loc[0] > uHi || loc[1] < vLo || loc[1] > vHi || loc[2] <= -25 || loc[2] >= 10) continue;
    pu[n] = loc[0];
    pv[n] = loc[1];
    pxyz[3 * n] = x;
    pxyz[3 * n + 1] = y;
    pxyz[3 * n + 2] = z;
    pd[n] = mine ? placed.diameterMm[o] : existing!.diameterMm[o];
    isPlaced[n] = mine ? 1 : 0;
    origin[n] = o;
    inRegion[n] = inside ? 1 : 0;
    if (mine && inside) placedIn++;
    n++;
  }
  const hash = new PlanarHash(pu, pv, pxyz, n, uLo, vLo, uHi, vHi, rPd);
  return { nPlaced, n, pu, pv, pxyz, pd, isPlaced, inRegion, origin, placedIn, placedOutside, hash };
}
