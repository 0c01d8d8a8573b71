/** The closed forms of params.ts evaluated over a range of dots at one time, accumulating the
 * area-weighted colour sums contrast.ts turns into design-level figures. The hot loop of the
 * simulation: typed arrays only, no allocation.
 *
 * The apparent colour of a dot uses its pigment spread over its grown disc: the amount is kept, so
 * the concentration in the disc is c0 x remaining x (d0 / d)^2. */
import type { ColorRamp } from './contrast';
import { fadeRemaining, healingShare } from './formula';
import { HEAL_TIME_YEARS } from './params';

/** Per-dot inputs of the closed forms. */
export interface DotArrays {
  count: number;
  /** Concentration as placed (share of undiluted ink). */
  concentration0: Float32Array;
  /** Diameter as placed, mm. */
  diameter0Mm: Float32Array;
  healedRetention: Float32Array;
  decayPerYear: Float32Array;
  spreadMm2PerYear: Float32Array;
}

/** Indices into the sums: area (mm²), area x X, Y, Z, sum of remaining shares. */
export const SUM_AREA = 0,
  SUM_X = 1,
  SUM_Y = 2,
  SUM_Z = 3,
  SUM_REMAINING = 4,
  SUM_SIZE = 5;

/** Share of a dot's pigment left `t` years after its session (formula.ts). */
export const remainingShare = (healedRetention: number, decayPerYear: number, t: number): number => fadeRemaining(healedRetention, decayPerYear, t, HEAL_TIME_YEARS);

/** Dots [i0, i1) with pigment `tPigment` years old and spreading for `tSpread` years: adds to
 * `sums` (at `sumOffset`) and, when given, writes each dot's concentration (c0 x remaining) and
 * diameter to `conc` / `diam` at `outOffset + i`. `decay`, when given, holds exp(-k tPigment) of
 * each dot at [i - i0] (the caller can build it by products, saving an exp per dot and year). */
export function evaluateRange(
  d: DotArrays,
  i0: number,
  i1: number,
  tPigment: number,
  tSpread: number,
  ramp: ColorRamp,
  sums: Float64Array,
  sumOffset: number,
  conc: Float32Array | null,
  diam: Float32Array | null,
  outOffset: number,
  decay: Float64Array | null = null,
): void {
  const heal = Math.exp(-tPigment / HEAL_TIME_YEARS);
  const last = ramp.nodes - 1;
  const xyz = ramp.xyz;
  const c0 = d.concentration0,
    d0 = d.diameter0Mm,
    R = d.healedRetention,
    k = d.decayPerYear,
    s = d.spreadMm2PerYear;
  let sa = 0,
    sx = 0,
    sy = 0,
    sz = 0,
    sm = 0;
  for (let i = i0; i < i1; i++) {
    const r = R[i];
    const m = healingShare(r, heal) * (decay !== null ? decay[i - i0] : Math.exp(-k[i] * tPigment));
    const dd0 = d0[i] * d0[i];
    const dd = dd0 + s[i] * tSpread;
    const c = c0[i] * m;
    const u = ((c * dd0) / dd) * last;
    let j = u | 0;
    if (j >= last) j = last - 1;
    const f = u - j;
    const o = 3 * j;
    const a = 0.7853981633974483 * dd; // pi / 4 d^2
    sa += a;
    sx += a * (xyz[o] + f * (xyz[o + 3] - xyz[o]));
    sy += a * (xyz[o + 1] + f * (xyz[o + 4] - xyz[o + 1]));
    sz += a * (xyz[o + 2] + f * (xyz[o + 5] - xyz[o + 2]));
    sm += m;
    if (conc !== null) conc[outOffset + i] = c;
    if (diam !== null) diam[outOffset + i] = Math.sqrt(dd);
  }
  sums[sumOffset + SUM_AREA] += sa;
  sums[sumOffset + SUM_X] += sx;
  sums[sumOffset + SUM_Y] += sy;
  sums[sumOffset + SUM_Z] += sz;
  sums[sumOffset + SUM_REMAINING] += sm;
}
