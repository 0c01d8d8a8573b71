/** The skin of the optical model (optics.ts): its layers, their per-band Kubelka-Munk coefficients,
 * the reflectance of a stack of them, and the CIELAB of a reflectance spectrum.
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
 * CIELAB here is relative to the white of the same 31-band sums (X 0.9494, Z 1.0871 for Y = 1),
 * 0.1-0.2 % off the white of the full 380-780 nm D65 tables; too small to matter (< 0.1 CIEDE2000).
 * The sums' X and Z are scaled so that this white comes out as the app's D65 white (convert.ts): the
 * spectrum's XYZ then shares the white of every other colour, and its CIELAB is unchanged. */
import { D65_WHITE, type Xyz } from './convert';
import { BAND_COUNT, BAND_NM, CMF_X, CMF_Y, CMF_Z, D65, EPS_HB, EPS_HBO2 } from './spectra';
import type { PigmentTone } from './pigments';

export const EPIDERMIS_MM = 0.1;
export const PIGMENT_BAND_MM = 0.1;
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
/** Weights turning a reflectance spectrum into X, Y, Z: the perfect white comes out as D65_WHITE. */
const WX = new Float64Array(BAND_COUNT);
const WY = new Float64Array(BAND_COUNT);
const WZ = new Float64Array(BAND_COUNT);
{
  let yn = 0;
  let whiteX = 0;
  let whiteZ = 0;
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
    whiteX += WX[i];
    whiteZ += WZ[i];
  }
  for (let i = 0; i < BAND_COUNT; i++) {
    WX[i] *= D65_WHITE[0] / whiteX;
    WZ[i] *= D65_WHITE[2] / whiteZ;
  }
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

export interface Params {
  melanin: number;
  blood: number;
  scatter: number;
}

const scratch = new Float64Array(2);

/** Kubelka-Munk K and S of the epidermis and the dermis, per band. */
export interface Coeffs {
  Ke: Float64Array;
  Se: Float64Array;
  Kd: Float64Array;
  Sd: Float64Array;
}

export const newCoeffs = (): Coeffs => ({
  Ke: new Float64Array(BAND_COUNT),
  Se: new Float64Array(BAND_COUNT),
  Kd: new Float64Array(BAND_COUNT),
  Sd: new Float64Array(BAND_COUNT),
});

export function coefficients(p: Params, out: Coeffs): Coeffs {
  for (let i = 0; i < BAND_COUNT; i++) {
    out.Ke[i] = 2 * (p.melanin * MUA_MEL[i] + (1 - p.melanin) * MUA_BASE[i]);
    out.Se[i] = p.scatter * MUS_EPI[i];
    out.Kd[i] = 2 * (p.blood * MUA_BLOOD[i] + (1 - p.blood) * MUA_BASE[i]);
    out.Sd[i] = p.scatter * MUS_DERM[i];
  }
  return out;
}

/** Spectral reflectance of bare skin, through the surface. */
export function skinSpectrum(k: Coeffs, out: Float64Array): void {
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
export interface Stack {
  R: Float64Array;
  T: Float64Array;
  RBelow: Float64Array;
}

export const newStack = (): Stack => ({
  R: new Float64Array(BAND_COUNT),
  T: new Float64Array(BAND_COUNT),
  RBelow: new Float64Array(BAND_COUNT),
});

export function topStack(k: Coeffs, depthMm: number, out: Stack): void {
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
export function bottomStack(k: Coeffs, concentration: number, tone: PigmentTone, out: Float64Array): void {
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
export function combine(top: Stack, i: number, back: number): number {
  return surface(top.R[i] + (top.T[i] * top.T[i] * back) / (1 - top.RBelow[i] * back));
}

/** XYZ of a reflectance spectrum under D65 (see the header for the white). */
export function xyz(spectrum: Float64Array): Xyz {
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
