/** How dense a design is against a full SMP result. */

/** A full result is about 194 dots/cm² (~1,250 per square inch): an industry rule of thumb, not a
 * measured figure (SCIENCE.md section 1, scalpevolution.com). */
export const FULL_RESULT_PER_CM2 = 194;

export type FullResultVerdict = 'lighter' | 'near' | 'denser';

/** A density where every session is at full strength, against a full result. The band (80 % to
 * 150 %) is this product's choice for "near": the rule of thumb itself is rough. */
export function fullResultVerdict(densityPerCm2: number): FullResultVerdict {
  if (densityPerCm2 < FULL_RESULT_PER_CM2 * 0.8) return 'lighter';
  if (densityPerCm2 > FULL_RESULT_PER_CM2 * 1.5) return 'denser';
  return 'near';
}
