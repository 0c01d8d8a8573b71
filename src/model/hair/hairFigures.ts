/** Published figures of scalp hair and the geometry of a shaved hair built on them
 * (SCIENCE.md section 4). Assumptions say so. */

/** Scalp hair density of adults: 175-300 hairs/cm², mean about 223 (BioNumbers 116431). */
export const HAIR_DENSITY_PER_CM2 = { min: 175, mean: 223, max: 300 } as const;

/** Follicular units: 80-100 FU/cm² (hair clinic figures). Guo et al. (Plast Aesthet Res 2017;4:150)
 * measured 74 +/- 13 FU/cm² and 143 +/- 28 hairs/cm², in a Chinese cohort. */
export const FU_DENSITY_PER_CM2 = { min: 80, max: 100 } as const;
export const GUO_FU_PER_CM2 = 74;

/** Hairs per follicular unit, 1-4, in Guo et al.'s Chinese cohort: 28, 53, 18, 1.5 % (they sum to
 * 100.5 %; mean 1.93). Kept for reference; the stubble uses HAIRS_PER_UNIT_SHARE. */
export const GUO_HAIRS_PER_UNIT_SHARE = [0.28, 0.53, 0.18, 0.015] as const;

/** Hairs per follicular unit, 1-4, as the stubble draws them: 15, 35, 37, 13 % (assumed: Guo's
 * shares moved toward more hairs a unit so that the mean, 2.48, times 90 FU/cm² gives BioNumbers'
 * mean of about 223 hairs/cm²). */
export const HAIRS_PER_UNIT_SHARE = [0.15, 0.35, 0.37, 0.13] as const;

/** Mean hairs per unit of HAIRS_PER_UNIT_SHARE: 2.48. */
export const MEAN_HAIRS_PER_UNIT = HAIRS_PER_UNIT_SHARE.reduce((sum, share, k) => sum + share * (k + 1), 0);

/** Terminal scalp hair is 0.06-0.1 mm thick (trichology texts). */
export const HAIR_DIAMETER_MM = { min: 0.06, max: 0.1 } as const;
/** Shaft width on the skin (assumed 0.08 mm, the middle of that range). */
export const HAIR_WIDTH_MM = 0.08;
/** Angle at which a hair leaves the skin (assumed 40 degrees). */
export const EXIT_ANGLE_RAD = (40 * Math.PI) / 180;
/** Depth down to which a pigmented shaft shows through the skin: most of the light that makes
 * skin's colour comes back from its top half millimetre (the optical model, color/optics.ts), so
 * the shaft is seen down to about there (assumed 0.5 mm). This is the grey "shadow" of a freshly
 * shaved head, and all a skin-shaved hair shows. */
export const SHAFT_VISIBLE_DEPTH_MM = 0.5;
/** That shaft's length along the skin, running down at the exit angle: 0.6 mm. */
export const SHAFT_UNDER_SKIN_MM = SHAFT_VISIBLE_DEPTH_MM / Math.tan(EXIT_ANGLE_RAD);

/** Length along the skin of the cut end above it, seen from above: the shave length leaning at
 * the exit angle (0 when shaved to the skin). */
export function cutEndLengthMm(shaveLengthMm: number): number {
  return Math.max(0, shaveLengthMm) * Math.cos(EXIT_ANGLE_RAD);
}
