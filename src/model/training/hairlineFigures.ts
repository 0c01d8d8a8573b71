import type { ExerciseRegion } from './region';
import type { HairlineFigures } from './scoreTypes';

const BAND_MM = 2;
const EDGE_STRIP_MM = 4;

/** The hairline's fade, band by band from the front, and how much its front edge wanders. */
export function hairlineFigures(
  region: ExerciseRegion,
  pu: Float32Array,
  pv: Float32Array,
  isPlaced: Uint8Array,
  inRegion: Uint8Array,
  n: number,
  wanted: (u: number, v: number) => number,
  full: number,
): HairlineFigures {
  const S = region.samples;
  // Bands from the front of the region to 4 mm past the end of the ramp.
  const vEnd = Math.min(region.vMaxMm, region.transitionMm + 4);
  const nb = Math.max(1, Math.round((vEnd - region.vMinMm) / BAND_MM));
  const area = new Float64Array(nb),
    want = new Float64Array(nb),
    count = new Float64Array(nb);
  const band = (v: number) => Math.floor((v - region.vMinMm) / BAND_MM);
  for (let k = 0; k < S.count; k++) {
    const b = band(S.v[k]);
    if (b < 0 || b >= nb) continue;
    area[b] += S.areaMm2[k];
    want[b] += S.areaMm2[k] * wanted(S.u[k], S.v[k]);
  }
  const strips = Math.max(1, Math.round((region.uMaxMm - region.uMinMm) / EDGE_STRIP_MM));
  const front = new Float64Array(strips).fill(Infinity);
  for (let i = 0; i < n; i++) {
    if (!inRegion[i]) continue;
    const b = band(pv[i]);
    if (b >= 0 && b < nb) count[b]++;
    if (!isPlaced[i]) continue;
    const s = Math.min(strips - 1, Math.floor(((pu[i] - region.uMinMm) / (region.uMaxMm - region.uMinMm)) * strips));
    if (pv[i] < front[s]) front[s] = pv[i];
  }
  const bandVMm: number[] = [],
    bandPerCm2: number[] = [],
    bandTargetPerCm2: number[] = [];
  let sq = 0;
  for (let b = 0; b < nb; b++) {
    const measured = count[b] / area[b],
      target = want[b] / area[b];
    bandVMm.push(region.vMinMm + (b + 0.5) * BAND_MM);
    bandPerCm2.push(measured * 100);
    bandTargetPerCm2.push(target * 100);
    sq += ((measured - target) / full) ** 2;
  }
  let s1 = 0,
    s2 = 0,
    m = 0;
  for (let s = 0; s < strips; s++) {
    if (!Number.isFinite(front[s])) continue;
    s1 += front[s];
    s2 += front[s] * front[s];
    m++;
  }
  const mean = m ? s1 / m : 0;
  return {
    bandVMm,
    bandPerCm2,
    bandTargetPerCm2,
    rampRmsError: Math.sqrt(sq / nb),
    edgeSdMm: m > 1 ? Math.sqrt(Math.max(0, s2 / m - mean * mean)) : 0,
  };
}
