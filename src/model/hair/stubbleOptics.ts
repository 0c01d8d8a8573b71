/** What a shaved scalp with hair looks like: each hair shows its shaft under the skin, seen through
 * the epidermis, and its cut end above the skin (SCIENCE.md section 4). From a conversational
 * distance the eye cannot resolve them and sees the area mean of the two and the skin between.
 *
 * The shaft is seen through the same optical model as an SMP dot (color/optics.ts): a pigment band
 * under the skin. It runs from the surface down to SHAFT_VISIBLE_DEPTH_MM; its colour is the
 * healed-dot colour averaged over depth in linear light (XYZ), from the optics' shallowest band,
 * 0.1 mm, to 0.5 mm (equal weight per depth: a straight shaft shows as much length at every depth).
 * As with the dots, the band is taken as wide (no light from beside it).
 *
 * How strongly the shaft absorbs (assumed): as ink of the concentration in which the hair's tress
 * holds absorber, relative to black hair's, which is taken to absorb like undiluted ink. A tress is
 * an opaque, scattering pile of fibres, so its absorber follows its Kubelka-Munk remission
 * K/S = (1 - R)² / 2R, R the CIE luminance Y of its CIELAB (K/S is proportional to the absorber's
 * concentration when the scattering is alike): concentration = (K/S)_hair / (K/S)_black, clamped
 * to 0..1. Black 1, dark brown 0.70, light brown 0.32, blond 0.09; white hair next to nothing, as a
 * shaft without melanin should be. (The optical density ln(1/Y) in place of K/S, the rule for a
 * clear, non-scattering layer, gives dark brown 0.91 but blond still 0.44, and a visible grey shaft
 * for white hair.) Tone (assumed): warm when b* > 3 (the brown of eu- and pheomelanin, brown and
 * blond hair), neutral otherwise.
 *
 * Coverage: the share of the scalp each part covers, hairs per mm² x HAIR_WIDTH_MM x the part's
 * length along the skin (overlaps ignored; at the default about 17 % in all). */
import type { Lab } from '../color/lab';
import { labLuminance, labToXyz, xyzToLab, type Xyz } from '../color/convert';
import { checkLab, checkRange } from '../color/colorInput';
import { hairColor } from '../color/hairColors';
import { rangeOf } from '../schema';
import { apparentDotLab, DEPTH_MIN_MM } from '../color/optics';
import type { PigmentTone } from '../color/pigments';
import { stubbleSchema, type Stubble } from './stubble';
import { cutEndLengthMm, HAIR_WIDTH_MM, MEAN_HAIRS_PER_UNIT, SHAFT_UNDER_SKIN_MM, SHAFT_VISIBLE_DEPTH_MM } from './hairFigures';

export interface StubbleOpticsInput {
  /** The client's hair colour, CIELAB (D65). */
  hair: Lab;
  /** The client's skin colour, CIELAB (D65). */
  skin: Lab;
  stubble: Stubble;
}

export interface StubbleOptics {
  /** The shaft under the skin, seen through it: what an SMP dot imitates. */
  shaftLab: Lab;
  /** The cut end above the skin: the hair's own colour. */
  cutLab: Lab;
  /** Share of the scalp covered by shafts under the skin, 0..1. */
  shaftCoverage: number;
  /** Share covered by cut ends (0 when shaved to the skin). */
  cutCoverage: number;
  /** The shaved zone's area mean in linear light: skin, shafts and cut ends. */
  meanLab: Lab;
  /** Hairs per cm² where hair is full: FU density x mean hairs per unit. */
  hairsPerCm2: number;
}

/** Steps of the depth average (Simpson's rule); 8 steps of 0.05 mm. */
const DEPTH_STEPS = 8;
/** CIELAB b* above which hair is taken as brown-pigmented, shown by warm ink (assumed). */
export const WARM_HAIR_B = 3;

/** Kubelka-Munk remission K/S of an opaque sample of reflectance r. */
const remission = (r: number) => (1 - r) ** 2 / (2 * r);
const BLACK_REMISSION = remission(labLuminance(hairColor('black')!.lab));

/** The ink concentration a hair's shaft absorbs like (assumed, see above), 0..1. */
export function shaftConcentration(hair: Lab): number {
  const r = Math.min(1, Math.max(labLuminance(hair), 1e-6));
  return Math.min(1, remission(r) / BLACK_REMISSION);
}

export function shaftTone(hair: Lab): PigmentTone {
  return hair.b > WARM_HAIR_B ? 'warm' : 'neutral';
}

/** The shaft seen through the skin: the dot colour averaged over depth in XYZ. */
function shaftLab(hair: Lab, skin: Lab): Lab {
  const concentration = shaftConcentration(hair);
  const tone = shaftTone(hair);
  const stepMm = (SHAFT_VISIBLE_DEPTH_MM - DEPTH_MIN_MM) / DEPTH_STEPS;
  const sum: Xyz = [0, 0, 0];
  for (let k = 0; k <= DEPTH_STEPS; k++) {
    const w = k === 0 || k === DEPTH_STEPS ? 1 : k % 2 ? 4 : 2;
    const x = labToXyz(apparentDotLab({ skin, concentration, depthMm: DEPTH_MIN_MM + k * stepMm, tone }));
    for (let c = 0; c < 3; c++) sum[c] += (w * x[c]) / (3 * DEPTH_STEPS);
  }
  return xyzToLab(...sum);
}

/** The stubble's colours and coverage on this skin. Throws ColorInputError for a bad colour. */
export function stubbleOptics(input: StubbleOpticsInput): StubbleOptics {
  const { hair, skin, stubble } = input;
  checkLab('hair', hair);
  checkLab('skin', skin);
  for (const key of ['densityFuPerCm2', 'shaveLengthMm'] as const) {
    const { min, max } = rangeOf(stubbleSchema.shape[key]);
    checkRange(`stubble.${key}`, stubble?.[key], min, max);
  }
  const hairsPerCm2 = stubble.densityFuPerCm2 * MEAN_HAIRS_PER_UNIT;
  const perMm2 = hairsPerCm2 / 100;
  const shaftCoverage = perMm2 * HAIR_WIDTH_MM * SHAFT_UNDER_SKIN_MM;
  const cutCoverage = perMm2 * HAIR_WIDTH_MM * cutEndLengthMm(stubble.shaveLengthMm);
  const shaft = shaftLab(hair, skin);
  const parts: [Lab, number][] = [
    [skin, 1 - shaftCoverage - cutCoverage],
    [shaft, shaftCoverage],
    [hair, cutCoverage],
  ];
  const mean: Xyz = [0, 0, 0];
  for (const [c, share] of parts) {
    const x = labToXyz(c);
    for (let k = 0; k < 3; k++) mean[k] += share * x[k];
  }
  return { shaftLab: shaft, cutLab: { ...hair }, shaftCoverage, cutCoverage, meanLab: xyzToLab(...mean), hairsPerCm2 };
}
