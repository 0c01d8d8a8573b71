/** The colour of a healed SMP dot: a layered Kubelka-Munk (two-flux) model of skin, per 10 nm band
 * over 400-700 nm, turned into CIELAB under D65 with the CIE 1931 2-degree observer.
 * Every figure here that is not followed by a source is an assumption of this model.
 * The skin's layers and their optics are in skinLayers.ts, the fit to a client's skin in skinFit.ts.
 *
 * What it predicts, for scale (type III skin, L* 62.2): undiluted ink 0.1 mm under the surface L* 43,
 * at 0.2 mm (the designs' default depth, upper papillary dermis) 47.5, at 0.5 mm 54.6, at 1.5 mm 60.5:
 * most of the light that makes skin's colour comes back from its top half millimetre, so pigment
 * placed deeper is fainter as well as cooler. Cooler is seen at equal lightness: a deep dot has a
 * lower b* than a shallow, more diluted dot of the same L* (optics.test.ts), because the dermis over
 * it sends blue back before it reaches the ink while red goes on down and is absorbed.
 */
import type { Lab } from './lab';
import { BAND_COUNT } from './spectra';
import { checkLab, checkRange, ColorInputError } from './colorInput';
import type { PigmentTone } from './pigments';
import { xyzToLab } from './convert';
import { bottomStack, combine, newStack, TONE_AAE, topStack, xyz } from './skinLayers';
import { coeffsOf, skinFit, type SkinOptics } from './skinFit';

export { ColorInputError };
export { EPIDERMIS_MM, INK_OPTICAL_DEPTH_550, PIGMENT_BAND_MM, TONE_AAE } from './skinLayers';
export { SCATTER_REFERENCE, skinFit } from './skinFit';
export type { SkinOptics } from './skinFit';

export const DEPTH_MIN_MM = 0.1;
export const DEPTH_MAX_MM = 3;

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
