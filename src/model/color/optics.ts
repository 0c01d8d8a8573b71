/** The colour of a healed SMP dot: a layered Kubelka-Munk (two-flux) model of skin, per 10 nm band
 * over 400-700 nm, turned into CIELAB under D65 with the CIE 1931 2-degree observer.
 * Every figure here that is not followed by a source is an assumption of this model.
 *
 * Layers, top down:
 *   1. epidermis, 0.1 mm (SCIENCE.md section 1), melanosome volume fraction f_mel;
 *   2. dermis from 0.1 mm down to the pigment, blood volume fraction f_blood;
 *   3. the pigment band: dermis holding carbon black, 0.1 mm thick (assumed), its top at depthMm;
 *   4. dermis below it, taken as semi-infinite (the fat under the scalp dermis is ignored).
 * Bare skin is layers 1 and 4 only. The dot is taken as wide: light entering beside it is ignored.
 *
 * Optical coefficients (cm^-1; lambda in nm):
 *   melanosome absorption   6.6e11 lambda^-3.33          (Jacques & McAuliffe 1991; Jacques, OMLC 1998)
 *   bloodless skin baseline 0.244 + 85.3 exp(-(lambda - 154) / 66.2)  (Jacques, OMLC 1998)
 *   whole blood             ln10 x eps(lambda) x 150 g/L / 64500 g/mol, eps from Prahl's table
 *                           (spectra.ts), at 75 % oxygen saturation (assumed, mixed arterial/venous)
 *   epidermis mus'          66.7 [0.29 (lambda/500)^-4 + 0.71 (lambda/500)^-0.689]  (Jacques 2013)
 *   dermis mus'             43.6 [0.41 (lambda/500)^-4 + 0.59 (lambda/500)^-0.562]  (Jacques 2013)
 *                           both times a scale fitted per skin (below)
 *   carbon black            c x tau / 0.01 cm x (lambda/550)^-AAE in the band, c the share of undiluted
 *                           ink. tau, the band's absorption optical depth at 550 nm for undiluted
 *                           healed ink, is 1: no measurement of healed SMP ink was found, and 1 keeps
 *                           neighbouring shades of the dilution ladder (pigments.ts) about one CIEDE2000
 *                           unit or more apart on light skin at 0.2 mm, as a ladder of greys that
 *                           clinics use must be (at 2 and more the dark half of the ladder merges).
 *                           AAE, the absorption Angstrom exponent: 1.0 for neutral black carbon (the
 *                           accepted value; observed 0.6-1.3, Liu et al., ACP 2018); warm 1.6 (a brown
 *                           tint raises it: black carbon mixed with a humic brown-carbon surrogate
 *                           measured 1.9, You et al., Environ Sci Technol 2016); cool 0.6 (the low end
 *                           of the observed range: flatter, so relatively more red is absorbed).
 *                           The warm and cool exponents are assumed.
 * Kubelka-Munk from transport coefficients: K = 2 mua, S = mus' (a common diffuse approximation).
 * The surface adds a neutral specular reflectance of 0.028 (skin's refractive index about 1.4), so
 * colours are "specular included", like the ISSA measurements of the skin presets. Saunderson's
 * internal-reflection term is left out: with it (0.53 for n = 1.4) this two-flux model cannot reach
 * the measured chroma of light skin (best CIEDE2000 2.1-2.4 for types II-III).
 *
 * Fitting the skin: f_mel, f_blood and one scale on both layers' scattering are fitted so the bare
 * skin's CIELAB matches the client's skin (Levenberg-Marquardt on the CIELAB difference, from fixed
 * starting points). The scattering scale comes out at 0.17-0.31 of Jacques' values for the presets:
 * the model needs less scattering, relative to absorption, than Jacques' in-vitro figures to produce
 * skin's colour. What the fit misses (skinFit().residualDeltaE00; 0.000 for the presets) is then
 * removed by scaling X, Y and Z by the ratio of the measured to the modelled skin, applied to the dot
 * too, so a dot of concentration 0 is exactly the skin the app shows.
 *
 * What it predicts, for scale (type III skin, L* 62.2): undiluted ink 0.1 mm under the surface L* 43,
 * at 0.2 mm (the designs' default depth, upper papillary dermis) 47.5, at 0.5 mm 54.6, at 1.5 mm 60.5:
 * most of the light that makes skin's colour comes back from its top half millimetre, so pigment
 * placed deeper is fainter as well as cooler. Cooler is seen at equal lightness: a deep dot has a
 * lower b* than a shallow, more diluted dot of the same L* (optics.test.ts), because the dermis over
 * it sends blue back before it reaches the ink while red goes on down and is absorbed.
 *
 * CIELAB here is relative to the white of the same 31-band sums (X 0.9494, Z 1.0871 for Y = 1),
 * 0.1-0.2 % off the white of the full 380-780 nm D65 tables; too small to matter (< 0.1 CIEDE2000). */
import type { Lab } from './lab';
import { BAND_COUNT, BAND_NM, CMF_X, CMF_Y, CMF_Z, D65, EPS_HB, EPS_HBO2 } from './spectra';
import { checkLab, checkRange, ColorInputError } from './colorInput';
import { deltaE2000 } from './deltaE';
import type { PigmentTone } from './pigments';

export { ColorInputError };

export const EPIDERMIS_MM = 0.1;
export const PIGMENT_BAND_MM = 0.1;
export const DEPTH_MIN_MM = 0.1;
export const DEPTH_MAX_MM = 3;
/** Absorption optical depth at 550 nm of the band of undiluted healed ink (assumed, see above). */
export const INK_OPTICAL_DEPTH_550 = 1;
export const TONE_AAE: Readonly<Record<PigmentTone, number>> = { neutral: 1.0, warm: 1.6, cool: 0.6 };
const OXY_SATURATION = 0.75;
const SPECULAR = 0.028;

const MM_TO_CM = 0.1;
const LN10 = Math.LN10;

// Per-band constants, cm^-1.
const MUA_MEL = new Float64Array(BAND_COUNT);
const MUA_BASE = new Float64Array(BAND_COUNT);
const MUA_BLOOD = new Float64Array(BAND_COUNT);
const MUS_EPI = new Float64Array(BAND_COUNT);
const MUS_DERM = new Float64Array(BAND_COUNT);
/** Weights turning a reflectance spectrum into X, Y, Z (Y of the perfect white = 1). */
const WX = new Float64Array(BAND_COUNT);
const WY = new Float64Array(BAND_COUNT);
const WZ = new Float64Array(BAND_COUNT);
let WHITE_X = 0;
let WHITE_Z = 0;
{
  let yn = 0;
  for (let i = 0; i < BAND_COUNT; i++) yn += D65[i] * CMF_Y[i];
  for (let i = 0; i < BAND_COUNT; i++) {
    const nm = BAND_NM[i];
    const r = nm / 500;
    MUA_MEL[i] = 6.6e11 * nm ** -3.33;
    MUA_BASE[i] = 0.244 + 85.3 * Math.exp(-(nm - 154) / 66.2);
    const eps = OXY_SATURATION * EPS_HBO2[i] + (1 - OXY_SATURATION) * EPS_HB[i];
    MUA_BLOOD[i] = (LN10 * eps * 150) / 64500;
    MUS_EPI[i] = 66.7 * (0.29 * r ** -4 + 0.71 * r ** -0.689);
    MUS_DERM[i] = 43.6 * (0.41 * r ** -4 + 0.59 * r ** -0.562);
    WX[i] = (D65[i] * CMF_X[i]) / yn;
    WY[i] = (D65[i] * CMF_Y[i]) / yn;
    WZ[i] = (D65[i] * CMF_Z[i]) / yn;
    WHITE_X += WX[i];
    WHITE_Z += WZ[i];
  }
}

/** The fitted optical make-up of a client's skin. */
export interface SkinOptics {
  /** The skin colour it was fitted to. */
  readonly skin: Readonly<Lab>;
  /** Epidermal melanosome volume fraction. */
  readonly melanin: number;
  /** Dermal blood volume fraction. */
  readonly blood: number;
  /** Scale on Jacques' scattering of both layers. */
  readonly scatter: number;
  /** CIELAB of the fitted model's bare skin, before the final calibration. */
  readonly modelLab: Readonly<Lab>;
  /** CIEDE2000 between the fitted model's bare skin and `skin`; large for colours no skin has. */
  readonly residualDeltaE00: number;
  /** X, Y, Z scale applied to every colour so bare skin comes out exactly as `skin`. */
  readonly calibration: readonly [number, number, number];
}

// ---------------------------------------------------------------- Kubelka-Munk

/** Reflectance and transmittance of a layer (absorption K, scattering S, per cm; thickness d, cm). */
function layer(K: number, S: number, d: number, out: Float64Array): void {
  if (d <= 0) {
    out[0] = 0;
    out[1] = 1;
    return;
  }
  const a = 1 + K / S;
  const b = Math.sqrt(a * a - 1);
  const x = b * S * d;
  if (x > 30) {
    // coth x = 1 and sinh x = cosh x = e^x / 2 to double precision.
    out[0] = 1 / (a + b);
    out[1] = (2 * b * Math.exp(-x)) / (a + b);
    return;
  }
  const e = Math.exp(x);
  const sh = (e - 1 / e) / 2;
  const ch = (e + 1 / e) / 2;
  const den = a * sh + b * ch;
  out[0] = sh / den;
  out[1] = b / den;
}

/** Reflectance of a semi-infinite layer. */
function rInfinity(K: number, S: number): number {
  const q = K / S;
  return 1 + q - Math.sqrt(q * q + 2 * q);
}

/** Reflectance seen from above of layer (R1, T1) over a backing of reflectance R2. */
function over(R1: number, T1: number, R2: number): number {
  return R1 + (T1 * T1 * R2) / (1 - R1 * R2);
}

/** The reflectance seen through the skin surface: the body reflectance plus the specular. */
function surface(R: number): number {
  return SPECULAR + (1 - SPECULAR) * R;
}

// ---------------------------------------------------------------- spectra and colour

interface Params {
  melanin: number;
  blood: number;
  scatter: number;
}

const scratch = new Float64Array(2);

/** Kubelka-Munk K and S of the epidermis and the dermis, per band. */
interface Coeffs {
  Ke: Float64Array;
  Se: Float64Array;
  Kd: Float64Array;
  Sd: Float64Array;
}

const newCoeffs = (): Coeffs => ({
  Ke: new Float64Array(BAND_COUNT),
  Se: new Float64Array(BAND_COUNT),
  Kd: new Float64Array(BAND_COUNT),
  Sd: new Float64Array(BAND_COUNT),
});

function coefficients(p: Params, out: Coeffs): Coeffs {
  for (let i = 0; i < BAND_COUNT; i++) {
    out.Ke[i] = 2 * (p.melanin * MUA_MEL[i] + (1 - p.melanin) * MUA_BASE[i]);
    out.Se[i] = p.scatter * MUS_EPI[i];
    out.Kd[i] = 2 * (p.blood * MUA_BLOOD[i] + (1 - p.blood) * MUA_BASE[i]);
    out.Sd[i] = p.scatter * MUS_DERM[i];
  }
  return out;
}

/** Spectral reflectance of bare skin, through the surface. */
function skinSpectrum(k: Coeffs, out: Float64Array): void {
  const d = EPIDERMIS_MM * MM_TO_CM;
  for (let i = 0; i < BAND_COUNT; i++) {
    layer(k.Ke[i], k.Se[i], d, scratch);
    out[i] = surface(over(scratch[0], scratch[1], rInfinity(k.Kd[i], k.Sd[i])));
  }
}

function inkMua(concentration: number, tone: PigmentTone, i: number): number {
  const perCm = INK_OPTICAL_DEPTH_550 / (PIGMENT_BAND_MM * MM_TO_CM);
  return concentration * perCm * (BAND_NM[i] / 550) ** -TONE_AAE[tone];
}

/** What lies above the pigment (epidermis and the dermis down to depthMm), per band: reflectance
 * seen from above, transmittance (the same both ways in two-flux theory), reflectance from below. */
interface Stack {
  R: Float64Array;
  T: Float64Array;
  RBelow: Float64Array;
}

const newStack = (): Stack => ({
  R: new Float64Array(BAND_COUNT),
  T: new Float64Array(BAND_COUNT),
  RBelow: new Float64Array(BAND_COUNT),
});

function topStack(k: Coeffs, depthMm: number, out: Stack): void {
  const de = EPIDERMIS_MM * MM_TO_CM;
  const dd = (depthMm - EPIDERMIS_MM) * MM_TO_CM;
  for (let i = 0; i < BAND_COUNT; i++) {
    layer(k.Ke[i], k.Se[i], de, scratch);
    const R1 = scratch[0];
    const T1 = scratch[1];
    layer(k.Kd[i], k.Sd[i], dd, scratch);
    const R2 = scratch[0];
    const T2 = scratch[1];
    const den = 1 - R1 * R2;
    out.R[i] = R1 + (T1 * T1 * R2) / den;
    out.T[i] = (T1 * T2) / den;
    out.RBelow[i] = R2 + (T2 * T2 * R1) / den;
  }
}

/** Per band: reflectance of the pigment band over the deep dermis. */
function bottomStack(k: Coeffs, concentration: number, tone: PigmentTone, out: Float64Array): void {
  const dp = PIGMENT_BAND_MM * MM_TO_CM;
  for (let i = 0; i < BAND_COUNT; i++) {
    const Kd = k.Kd[i];
    const Sd = k.Sd[i];
    const Rdeep = rInfinity(Kd, Sd);
    if (concentration === 0) {
      out[i] = Rdeep;
      continue;
    }
    layer(Kd + 2 * inkMua(concentration, tone, i), Sd, dp, scratch);
    out[i] = over(scratch[0], scratch[1], Rdeep);
  }
}

/** Reflectance of the top stack over a backing, band i, through the surface. */
function combine(top: Stack, i: number, back: number): number {
  return surface(top.R[i] + (top.T[i] * top.T[i] * back) / (1 - top.RBelow[i] * back));
}

function xyz(spectrum: Float64Array): [number, number, number] {
  let X = 0;
  let Y = 0;
  let Z = 0;
  for (let i = 0; i < BAND_COUNT; i++) {
    X += spectrum[i] * WX[i];
    Y += spectrum[i] * WY[i];
    Z += spectrum[i] * WZ[i];
  }
  return [X, Y, Z];
}

const EPS = 216 / 24389;
const KAPPA = 24389 / 27;
const f = (t: number) => (t > EPS ? Math.cbrt(t) : (KAPPA * t + 16) / 116);
const finv = (t: number) => (t ** 3 > EPS ? t ** 3 : (116 * t - 16) / KAPPA);

function xyzToLab(X: number, Y: number, Z: number): Lab {
  const fx = f(X / WHITE_X);
  const fy = f(Y);
  const fz = f(Z / WHITE_Z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

function labToXyz(lab: Lab): [number, number, number] {
  const fy = (lab.L + 16) / 116;
  const fx = fy + lab.a / 500;
  const fz = fy - lab.b / 200;
  return [finv(fx) * WHITE_X, lab.L > KAPPA * EPS ? fy ** 3 : lab.L / KAPPA, finv(fz) * WHITE_Z];
}

// ---------------------------------------------------------------- fitting the skin

const BOUNDS: Record<keyof Params, [number, number]> = {
  melanin: [0.001, 0.6],
  blood: [0.0005, 0.3],
  scatter: [0.1, 4],
};
const KEYS: (keyof Params)[] = ['melanin', 'blood', 'scatter'];

function paramsFrom(u: number[]): Params {
  const p = {} as Params;
  KEYS.forEach((k, j) => {
    const [lo, hi] = BOUNDS[k];
    p[k] = Math.min(hi, Math.max(lo, Math.exp(u[j])));
  });
  return p;
}

const skinScratch = new Float64Array(BAND_COUNT);
const coeffScratch = newCoeffs();

function modelSkinLab(p: Params): Lab {
  const s = skinScratch;
  skinSpectrum(coefficients(p, coeffScratch), s);
  const [X, Y, Z] = xyz(s);
  return xyzToLab(X, Y, Z);
}

function solve3(A: number[][], y: number[]): number[] {
  const m = A.map((row, i) => [...row, y[i]]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const k = m[r][c] / m[c][c];
      for (let j = c; j < 4; j++) m[r][j] -= k * m[c][j];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}

/** Levenberg-Marquardt from `u0` (log parameters); returns the end point and its squared residual. */
function levenbergMarquardt(target: Lab, u0: number[]): { u: number[]; cost: number } {
  const residual = (u: number[]) => {
    const lab = modelSkinLab(paramsFrom(u));
    return [lab.L - target.L, lab.a - target.a, lab.b - target.b];
  };
  const cost = (r: number[]) => r[0] * r[0] + r[1] * r[1] + r[2] * r[2];
  let u = [...u0];
  let r = residual(u);
  let lambda = 1e-3;
  for (let iter = 0; iter < 100 && cost(r) > 1e-10; iter++) {
    const J: number[][] = [[], [], []];
    for (let j = 0; j < 3; j++) {
      const h = 1e-5;
      const up = [...u];
      up[j] += h;
      const rp = residual(up);
      for (let k = 0; k < 3; k++) J[k][j] = (rp[k] - r[k]) / h;
    }
    // (JtJ + lambda diag(JtJ)) du = -Jt r
    const JtJ = [0, 1, 2].map((a) => [0, 1, 2].map((b) => J[0][a] * J[0][b] + J[1][a] * J[1][b] + J[2][a] * J[2][b]));
    const Jtr = [0, 1, 2].map((a) => J[0][a] * r[0] + J[1][a] * r[1] + J[2][a] * r[2]);
    let improved = false;
    for (let tries = 0; tries < 12; tries++) {
      const A = JtJ.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) + 1e-12 : v)));
      const du = solve3(
        A,
        Jtr.map((v) => -v),
      );
      // Keep the parameters inside their bounds (in log space).
      const next = u.map((v, j) => {
        const [lo, hi] = BOUNDS[KEYS[j]];
        return Math.min(Math.log(hi), Math.max(Math.log(lo), v + du[j]));
      });
      const rn = residual(next);
      if (cost(rn) < cost(r)) {
        u = next;
        r = rn;
        lambda = Math.max(lambda / 3, 1e-9);
        improved = true;
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  return { u, cost: cost(r) };
}

/** Starting points: a coarse grid over melanin and blood at three levels of scattering. Fixed, so
 * the fit is deterministic. */
const START_SCATTER = [0.2, 0.5, 1.5];
const STARTS: number[][][] = START_SCATTER.map((s) => {
  const out: number[][] = [];
  for (const m of [0.005, 0.02, 0.06, 0.15, 0.35]) for (const b of [0.003, 0.01, 0.04]) out.push([Math.log(m), Math.log(b), Math.log(s)]);
  return out;
});

/** The model has more than one make-up of the same colour: for light skin a fit with less and one
 * with more scattering. Deeply pigmented skin has only one, at about a quarter of Jacques'
 * scattering (fitted: 0.26 for type V, 0.24 for type VI). Assuming the dermis scatters much the
 * same in everyone, of the fits that reach the colour keep the one whose scale is nearest
 * SCATTER_REFERENCE (nearest in log); if none reaches the colour, the closest fit. */
export const SCATTER_REFERENCE = 0.25;
const REF = Math.log(SCATTER_REFERENCE);

function fitParams(target: Lab): Params {
  const startCost = (u: number[]) => {
    const lab = modelSkinLab(paramsFrom(u));
    return (lab.L - target.L) ** 2 + (lab.a - target.a) ** 2 + (lab.b - target.b) ** 2;
  };
  const runs: { u: number[]; cost: number }[] = [];
  for (const level of STARTS) {
    let best = level[0];
    let bestCost = Infinity;
    for (const u of level) {
      const c = startCost(u);
      if (c < bestCost) [best, bestCost] = [u, c];
    }
    runs.push(levenbergMarquardt(target, best));
  }
  const reached = runs.filter((r) => r.cost < 1e-4);
  const pick = reached.length ? reached.reduce((x, y) => (Math.abs(y.u[2] - REF) < Math.abs(x.u[2] - REF) ? y : x)) : runs.reduce((x, y) => (y.cost < x.cost ? y : x));
  return paramsFrom(pick.u);
}

const fitCache = new Map<string, SkinOptics>();
const FIT_CACHE_SIZE = 64;
const fitCoeffs = new WeakMap<SkinOptics, Coeffs>();

function coeffsOf(fit: SkinOptics): Coeffs {
  return fitCoeffs.get(fit)!;
}

/** Fits the optical model to a skin colour (memoised; the same colour always gives the same fit). */
export function skinFit(skin: Lab): SkinOptics {
  checkLab('skin', skin);
  const key = `${skin.L},${skin.a},${skin.b}`;
  const hit = fitCache.get(key);
  if (hit) return hit;
  const p = fitParams(skin);
  const modelLab = modelSkinLab(p);
  const [Xm, Ym, Zm] = labToXyz(modelLab);
  const [Xt, Yt, Zt] = labToXyz(skin);
  const fit: SkinOptics = Object.freeze({
    skin: Object.freeze({ ...skin }),
    ...p,
    modelLab: Object.freeze(modelLab),
    residualDeltaE00: deltaE2000(modelLab, skin),
    calibration: Object.freeze([Xt / Xm, Yt / Ym, Zt / Zm] as const),
  });
  fitCoeffs.set(fit, coefficients(p, newCoeffs()));
  if (fitCache.size >= FIT_CACHE_SIZE) fitCache.delete(fitCache.keys().next().value as string);
  fitCache.set(key, fit);
  return fit;
}

// ---------------------------------------------------------------- the public functions

export interface DotInput {
  /** The client's skin, CIELAB (D65). */
  skin: Lab;
  /** Share of undiluted ink, 0..1. */
  concentration: number;
  /** Depth of the top of the pigment band below the skin surface, 0.1-3 mm. */
  depthMm: number;
  tone: PigmentTone;
}

function checkTone(tone: PigmentTone): void {
  if (!(tone in TONE_AAE)) throw new ColorInputError('tone', `tone must be 'neutral', 'warm' or 'cool' (got ${String(tone)})`);
}

function checkDot(depthMm: number, concentration: number): void {
  checkRange('depthMm', depthMm, DEPTH_MIN_MM, DEPTH_MAX_MM, ' mm');
  checkRange('concentration', concentration, 0, 1);
}

const top = newStack();
const bottom = new Float64Array(BAND_COUNT);
const spectrum = new Float64Array(BAND_COUNT);

function calibratedLab(fit: SkinOptics, s: Float64Array): Lab {
  const [X, Y, Z] = xyz(s);
  const [cx, cy, cz] = fit.calibration;
  return xyzToLab(X * cx, Y * cy, Z * cz);
}

/** Spectral reflectance (400-700 nm, 10 nm bands) of a healed dot, before the calibration. */
export function dotSpectrum(input: DotInput): Float64Array {
  spectrumOf(input, spectrum);
  return Float64Array.from(spectrum);
}

/** The dot's spectrum into `out`; returns the skin's fit. Checks the input first. */
function spectrumOf(input: DotInput, out: Float64Array): SkinOptics {
  checkDot(input.depthMm, input.concentration);
  checkTone(input.tone);
  const fit = skinFit(input.skin);
  topStack(coeffsOf(fit), input.depthMm, top);
  bottomStack(coeffsOf(fit), input.concentration, input.tone, bottom);
  for (let i = 0; i < BAND_COUNT; i++) out[i] = combine(top, i, bottom[i]);
  return fit;
}

/** CIELAB (D65) of a healed dot of `concentration` ink whose pigment band starts `depthMm` below the
 * surface of skin of colour `skin`. Throws ColorInputError naming the field for bad input. */
export function apparentDotLab(input: DotInput): Lab {
  return calibratedLab(spectrumOf(input, spectrum), spectrum);
}

// ---------------------------------------------------------------- the fast path

/** Dot colours precomputed on a grid: depth 0.1-3 mm every `depthStepMm`; concentration on a grid
 * uniform in sqrt(concentration), which puts more nodes where colour changes fastest. */
export interface DotColorTable {
  skin: Lab;
  tone: PigmentTone;
  depthStepMm: number;
  depthNodes: number;
  concentrationNodes: number;
  /** L, a, b per node, depth-major: ((iDepth * concentrationNodes) + iConc) * 3. */
  lab: Float64Array;
}

const TABLE_DEPTH_STEP_MM = 0.05;
const TABLE_CONC_NODES = 33;

/** Precomputes dot colours on `skin` for ink of `tone` over depth x concentration. */
export function buildDotColorTable(skin: Lab, tone: PigmentTone): DotColorTable {
  checkLab('skin', skin);
  checkTone(tone);
  const fit = skinFit(skin);
  const k = coeffsOf(fit);
  const depthNodes = Math.round((DEPTH_MAX_MM - DEPTH_MIN_MM) / TABLE_DEPTH_STEP_MM) + 1;
  const nc = TABLE_CONC_NODES;
  const lab = new Float64Array(depthNodes * nc * 3);
  const bottoms: Float64Array[] = [];
  for (let j = 0; j < nc; j++) {
    const u = j / (nc - 1);
    const b = new Float64Array(BAND_COUNT);
    bottomStack(k, u * u, tone, b);
    bottoms.push(b);
  }
  const t = newStack();
  const s = new Float64Array(BAND_COUNT);
  for (let d = 0; d < depthNodes; d++) {
    const depthMm = Math.min(DEPTH_MAX_MM, DEPTH_MIN_MM + d * TABLE_DEPTH_STEP_MM);
    topStack(k, depthMm, t);
    for (let j = 0; j < nc; j++) {
      const b = bottoms[j];
      for (let i = 0; i < BAND_COUNT; i++) s[i] = combine(t, i, b[i]);
      const c = calibratedLab(fit, s);
      const o = (d * nc + j) * 3;
      lab[o] = c.L;
      lab[o + 1] = c.a;
      lab[o + 2] = c.b;
    }
  }
  return { skin: { ...skin }, tone, depthStepMm: TABLE_DEPTH_STEP_MM, depthNodes, concentrationNodes: nc, lab };
}

/** Bilinear lookup of a dot's CIELAB in a table from buildDotColorTable. Writes into `out` when given
 * (no allocation). Throws ColorInputError for a depth or concentration out of range. */
export function lookupDotColor(table: DotColorTable, depthMm: number, concentration: number, out?: Lab): Lab {
  if (!(depthMm >= DEPTH_MIN_MM && depthMm <= DEPTH_MAX_MM && concentration >= 0 && concentration <= 1)) {
    checkDot(depthMm, concentration); // throws, naming the field
  }
  const nc = table.concentrationNodes;
  const fd = (depthMm - DEPTH_MIN_MM) / table.depthStepMm;
  const i = Math.min(table.depthNodes - 2, Math.floor(fd));
  const td = fd - i;
  const fc = Math.sqrt(concentration) * (nc - 1);
  const j = Math.min(nc - 2, Math.floor(fc));
  const tc = fc - j;
  const lab = table.lab;
  const k00 = (i * nc + j) * 3;
  const k01 = k00 + 3;
  const k10 = k00 + nc * 3;
  const k11 = k10 + 3;
  const w00 = (1 - td) * (1 - tc);
  const w01 = (1 - td) * tc;
  const w10 = td * (1 - tc);
  const w11 = td * tc;
  const o = out ?? { L: 0, a: 0, b: 0 };
  o.L = w00 * lab[k00] + w01 * lab[k01] + w10 * lab[k10] + w11 * lab[k11];
  o.a = w00 * lab[k00 + 1] + w01 * lab[k01 + 1] + w10 * lab[k10 + 1] + w11 * lab[k11 + 1];
  o.b = w00 * lab[k00 + 2] + w01 * lab[k01 + 2] + w10 * lab[k10 + 2] + w11 * lab[k11 + 2];
  return o;
}
