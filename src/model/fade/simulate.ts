/** The fading simulation: per-dot parameters of closed forms in time (params.ts), evaluated at the
 * requested years, and the design-level figures of each year (contrast.ts).
 *
 * A shader can evaluate any year t (years since the session) from the per-dot parameters:
 *   remaining   m(t) = (R + (1 - R) exp(-t / healTimeYears)) exp(-k t)
 *   diameter    d(t) = sqrt(d0^2 + s t)
 *   colour      colorRamp at concentration c0 m(t) (d0 / d(t))^2   (pigment kept, spread over the disc)
 *               (the ramp's nodes are even in concentration)
 * with R = healedRetention, k = decayPerYear, s = spreadMm2PerYear, c0 = shadeConcentration(shade),
 * d0 = dots.diameterMm. Year 0 is the fresh session; HEALED_YEARS (0.1) counts as healed. */
import type { Design } from '../design';
import type { Lab } from '../color/lab';
import type { DotSet } from '../dots/types';
import type { HeadModel } from '../head/types';
import { shadeConcentration } from '../color/pigments';
import { skinLab } from '../color/skin';
import { hairLab } from '../color/designColors';
import { stubbleLab } from '../color/shadeMatch';
import { deltaE2000 } from '../color/deltaE';
import { buildColorRamp, meanDotLab, treatedAreaMm2, visibleContrast, type AreaSums, type ColorRamp } from './contrast';
import { FadeAbortError, FadeInputError } from './errors';
import { evaluateRange, SUM_AREA, SUM_REMAINING, SUM_SIZE, SUM_X, SUM_Y, SUM_Z, type DotArrays } from './evaluate';
import { fadeParams, HEAL_TIME_YEARS } from './params';
import { defaultFadeScenario, parseFadeScenario, type FadeScenario } from './scenario';

export const MAX_YEARS = 100;
/** Dots per step: their parameters stay in cache across the years. */
const CHUNK = 4096;

/** What the fade needs of the head. The sky is +y in the head's frame, so nothing yet; kept so the
 * public signature (DESIGN.md) can grow, e.g. shade from the ears. */
export type FadeHead = Pick<HeadModel, 'landmarks'>;
export type FadeDots = Pick<DotSet, 'count' | 'normals' | 'diameterMm' | 'shade' | 'layerAreaCm2'>;

export interface FadeOptions {
  /** Per dot, nonzero on scar tissue: its healing loss is more spread. */
  onScar?: Uint8Array;
  /** Checked between chunks; an aborted run throws FadeAbortError. */
  signal?: { readonly aborted: boolean };
  onProgress?: (fraction: number) => void;
  /** Per-dot concentration and diameter for each year (default true); false returns only the
   * parameters and the design-level figures. */
  perDot?: boolean;
  /** Buffers of an earlier result to write the per-dot output into, when big enough (count x years):
   * touching fresh memory for the first time costs more than the simulation itself (measured: ~1 s
   * of page faults for 160 MB on the 2-core VM), so a worker can take last result's buffers back. */
  reuse?: { concentration?: Float32Array | null; diameterMm?: Float32Array | null };
}

export interface FadeResult {
  count: number;
  years: Float64Array;
  /** Closed-form parameters per dot (see the header). */
  healedRetention: Float32Array;
  decayPerYear: Float32Array;
  spreadMm2PerYear: Float32Array;
  /** Year-major: value of dot i at years[y] is at [y * count + i]. Concentration is c0 x remaining
   * (not diluted by spreading; the colour is, see the header). Null when perDot is false. */
  concentration: Float32Array | null;
  diameterMm: Float32Array | null;
  /** Per year: mean remaining pigment share over dots, 0..1. */
  meanRemaining: Float64Array;
  /** Per year: area-averaged CIEDE2000 between the scalp with dots and bare skin. */
  contrastDeltaE00: Float64Array;
  /** Per year: CIEDE2000 between the mean dot colour and the stubble colour. */
  stubbleDeltaE00: Float64Array;
  /** Per year: mean dot colour, L a b. */
  meanDotLab: Float64Array;
  /** The stubble colour: the shaved zone's mean, skin with the client's shafts and cut ends
   * (stubbleLab, with the design's stubble). */
  stubbleLab: Lab;
  healTimeYears: number;
  treatedAreaMm2: number;
  /** Dot colour against concentration at the design's depth: node j at j / (nodes - 1), L a b. */
  colorRamp: { nodes: number; lab: Float32Array };
}

/** Checks the years: an array of finite numbers from 0 to MAX_YEARS. */
export function checkYears(years: readonly number[]): void {
  if (!Array.isArray(years) && !ArrayBuffer.isView(years)) throw new FadeInputError('years', 'years must be a list of numbers');
  for (let y = 0; y < years.length; y++) {
    const t = years[y];
    if (typeof t !== 'number' || !Number.isFinite(t)) throw new FadeInputError(`years[${y}]`, `years[${y}] must be a finite number of years (got ${String(t)})`);
    if (t < 0) throw new FadeInputError(`years[${y}]`, `years[${y}] must be at least 0 (0 = fresh; got ${t})`);
    if (t > MAX_YEARS) throw new FadeInputError(`years[${y}]`, `years[${y}] must be at most ${MAX_YEARS} (got ${t})`);
  }
}

function checkDots(dots: FadeDots, onScar?: Uint8Array): void {
  const n = dots.count;
  if (!Number.isInteger(n) || n < 0) throw new FadeInputError('dots.count', `dots.count must be a whole number (got ${String(n)})`);
  if (dots.normals.length < 3 * n || dots.diameterMm.length < n || dots.shade.length < n) {
    throw new FadeInputError('dots', `dots arrays are shorter than dots.count (${n})`);
  }
  if (onScar && onScar.length !== n) throw new FadeInputError('onScar', `onScar must have one entry per dot (${n}, got ${onScar.length})`);
}

/** What the simulation and the touch-up planner share: validated input, parameters, colours. */
export interface FadeSetup {
  scenario: FadeScenario;
  arrays: DotArrays;
  ramp: ColorRamp;
  /** The shaved zone's mean colour (stubbleLab). */
  stubble: Lab;
  treatedMm2: number;
}

export function fadeSetup(design: Design, dots: FadeDots, scenario: unknown, onScar?: Uint8Array): FadeSetup {
  const s = parseFadeScenario(scenario);
  checkDots(dots, onScar);
  const p = fadeParams(design.seed, design.pigment.depthMm, dots, s, onScar);
  const c0 = new Float32Array(dots.count);
  // Shades repeat session by session: recompute only when the shade changes.
  let shade = NaN,
    c = 0;
  for (let i = 0; i < dots.count; i++) {
    if (dots.shade[i] !== shade) c = shadeConcentration((shade = dots.shade[i]));
    c0[i] = c;
  }
  const skin = skinLab(design.skin);
  return {
    scenario: s,
    arrays: { count: dots.count, concentration0: c0, diameter0Mm: dots.diameterMm, ...p },
    ramp: buildColorRamp(skin, design.pigment.tone, design.pigment.depthMm),
    stubble: stubbleLab(hairLab(design.hair), skin, design.stubble),
    treatedMm2: treatedAreaMm2(dots.layerAreaCm2),
  };
}

const sums: AreaSums = { area: 0, x: 0, y: 0, z: 0 };

/** Design-level figures from one time's sums. */
export function figuresOf(setup: FadeSetup, acc: Float64Array, o: number, scale = 1): { contrast: number; stubble: number; dot: Lab } {
  sums.area = acc[o + SUM_AREA] * scale;
  sums.x = acc[o + SUM_X] * scale;
  sums.y = acc[o + SUM_Y] * scale;
  sums.z = acc[o + SUM_Z] * scale;
  const dot = meanDotLab(setup.ramp, sums);
  return { contrast: visibleContrast(setup.ramp, sums, setup.treatedMm2), stubble: deltaE2000(dot, setup.stubble), dot };
}

/** The simulation as steps: yields the fraction done after each chunk of dots, returns the result.
 * A worker can drive it and yield to its event loop between steps, so a cancel message gets in. */
export function* simulateFadeSteps(
  _head: FadeHead,
  design: Design,
  dots: FadeDots,
  years: readonly number[],
  scenario: unknown = defaultFadeScenario(),
  options: FadeOptions = {},
): Generator<number, FadeResult, void> {
  checkYears(years);
  const setup = fadeSetup(design, dots, scenario, options.onScar);
  const n = dots.count;
  const ny = years.length;
  const perDot = options.perDot ?? true;
  const size = n * ny;
  const fit = (a: Float32Array | null | undefined) => (a && a.length >= size ? a.subarray(0, size) : new Float32Array(size));
  const conc = perDot ? fit(options.reuse?.concentration) : null;
  const diam = perDot ? fit(options.reuse?.diameterMm) : null;
  const acc = new Float64Array(ny * SUM_SIZE);
  // Years in ascending order, so exp(-k t) is a running product over the gaps between them: one
  // exp per dot and distinct gap (one in all for evenly spaced years) instead of one per year.
  const order = Array.from(years.keys()).sort((a, b) => years[a] - years[b]);
  const decay = new Float64Array(CHUNK);
  const step = new Float64Array(CHUNK);
  const k = setup.arrays.decayPerYear;
  yield 0.05; // parameters drawn
  for (let i0 = 0; i0 < n; i0 += CHUNK) {
    if (options.signal?.aborted) throw new FadeAbortError();
    const i1 = Math.min(n, i0 + CHUNK);
    decay.fill(1);
    let prev = 0;
    let stepGap = NaN;
    for (const y of order) {
      const gap = years[y] - prev;
      prev = years[y];
      if (gap > 0) {
        // Gaps equal to rounding (evenly spaced years) share one step factor.
        if (!(Math.abs(gap - stepGap) <= 1e-12 * (1 + gap))) {
          stepGap = gap;
          for (let i = i0; i < i1; i++) step[i - i0] = Math.exp(-k[i] * gap);
        }
        for (let i = 0; i < i1 - i0; i++) decay[i] *= step[i];
      }
      evaluateRange(setup.arrays, i0, i1, years[y], years[y], setup.ramp, acc, y * SUM_SIZE, conc, diam, y * n, decay);
    }
    yield 0.05 + (0.95 * i1) / n;
  }
  const meanRemaining = new Float64Array(ny);
  const contrast = new Float64Array(ny);
  const stubble = new Float64Array(ny);
  const dotLab = new Float64Array(3 * ny);
  for (let y = 0; y < ny; y++) {
    const f = figuresOf(setup, acc, y * SUM_SIZE);
    meanRemaining[y] = n > 0 ? acc[y * SUM_SIZE + SUM_REMAINING] / n : 0;
    contrast[y] = f.contrast;
    stubble[y] = f.stubble;
    dotLab[3 * y] = f.dot.L;
    dotLab[3 * y + 1] = f.dot.a;
    dotLab[3 * y + 2] = f.dot.b;
  }
  const a = setup.arrays;
  return {
    count: n,
    years: Float64Array.from(years),
    healedRetention: a.healedRetention,
    decayPerYear: a.decayPerYear,
    spreadMm2PerYear: a.spreadMm2PerYear,
    concentration: conc,
    diameterMm: diam,
    meanRemaining,
    contrastDeltaE00: contrast,
    stubbleDeltaE00: stubble,
    meanDotLab: dotLab,
    stubbleLab: setup.stubble,
    healTimeYears: HEAL_TIME_YEARS,
    treatedAreaMm2: setup.treatedMm2,
    colorRamp: { nodes: setup.ramp.nodes, lab: setup.ramp.lab },
  };
}

/** Simulates healing, fading and spreading of every dot at each of `years` (>= 0, 0 = fresh) under
 * `scenario` (default: defaultFadeScenario()). Throws FadeInputError naming the field for bad input,
 * FadeAbortError when `options.signal` aborts. Deterministic from design.seed. */
export function simulateFade(head: FadeHead, design: Design, dots: FadeDots, years: readonly number[], scenario: unknown = defaultFadeScenario(), options: FadeOptions = {}): FadeResult {
  const steps = simulateFadeSteps(head, design, dots, years, scenario, options);
  let last = 0;
  for (;;) {
    const r = steps.next();
    if (r.done) {
      if (last < 1) options.onProgress?.(1);
      return r.value;
    }
    last = r.value;
    options.onProgress?.(last);
  }
}
