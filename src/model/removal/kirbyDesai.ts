/** Kirby-Desai scale: a rough count of laser sessions to remove a tattoo, for clients asking "what
 * if I want it gone". Points table: SCIENCE.md section 6 (Kirby et al., J Clin Aesthet Dermatol
 * 2009;2(3):32, validated on 100 patients, r = 0.757). */
import { z } from '../zod';
import type { Design } from '../design';

export const KD_LOCATIONS = ['head-neck', 'upper-trunk', 'lower-trunk', 'proximal-extremity', 'distal-extremity'] as const;
export const KD_COLORS = ['black', 'black-some-red', 'black-red-other', 'multicolor'] as const;
export const KD_INK_AMOUNTS = ['amateur', 'minimal', 'moderate', 'significant'] as const;
export const KD_SCARRING = ['none', 'minimal', 'moderate', 'significant'] as const;

/** Points per factor value, in the published order. */
export const KIRBY_DESAI_POINTS = {
  location: { 'head-neck': 1, 'upper-trunk': 2, 'lower-trunk': 3, 'proximal-extremity': 4, 'distal-extremity': 5 },
  color: { black: 1, 'black-some-red': 2, 'black-red-other': 3, multicolor: 4 },
  inkAmount: { amateur: 1, minimal: 2, moderate: 3, significant: 4 },
  scarring: { none: 0, minimal: 1, moderate: 3, significant: 5 },
  layering: { false: 0, true: 2 },
} as const;

/** The score's own spread: the sum approximates the number of sessions +/- 2.5 (Kirby 2009). */
export const KIRBY_DESAI_SPREAD = 2.5;

const oneOf = <T extends readonly [string, ...string[]]>(field: string, label: string, values: T) => z.enum(values, { error: `${field}: ${label} must be one of ${values.join(', ')}` });

export const kirbyDesaiInputSchema = z.object({
  fitzpatrick: z
    .number({ error: 'fitzpatrick: Fitzpatrick skin type must be a whole number from 1 to 6 (I-VI)' })
    .int({ error: 'fitzpatrick: Fitzpatrick skin type must be a whole number from 1 to 6 (I-VI)' })
    .min(1, { error: 'fitzpatrick: Fitzpatrick skin type must be a whole number from 1 to 6 (I-VI)' })
    .max(6, { error: 'fitzpatrick: Fitzpatrick skin type must be a whole number from 1 to 6 (I-VI)' }),
  location: oneOf('location', 'Location', KD_LOCATIONS),
  color: oneOf('color', 'Colour', KD_COLORS),
  inkAmount: oneOf('inkAmount', 'Ink amount', KD_INK_AMOUNTS),
  scarring: oneOf('scarring', 'Scarring', KD_SCARRING),
  layering: z.boolean({ error: 'layering: Layering (a cover-up over an older tattoo) must be true or false' }),
});

export type KirbyDesaiInput = z.infer<typeof kirbyDesaiInputSchema>;
export interface KirbyDesai {
  points: number;
  /** Whole sessions within +/- 2.5 of the points, never below 1. */
  sessions: [number, number];
}

export class KirbyDesaiError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'KirbyDesaiError';
  }
}

/** SMP as the scale sees it: on the head, carbon black only, a professional's small amount of
 * diluted ink in the upper dermis ('minimal'; an assumption: the scale was built on tattoos, not
 * SMP), no scarring and no cover-up. The skin type comes from the design. */
export function defaultKirbyDesaiInput(design?: Pick<Design, 'skin'>): KirbyDesaiInput {
  return { fitzpatrick: design?.skin.fitzpatrick ?? 3, location: 'head-neck', color: 'black', inkAmount: 'minimal', scarring: 'none', layering: false };
}

/** Points and session range; throws KirbyDesaiError naming the bad field and its accepted values. */
export function kirbyDesai(input: KirbyDesaiInput): KirbyDesai {
  const r = kirbyDesaiInputSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.join('.') || 'input';
    throw new KirbyDesaiError(field, issue.path.length ? issue.message : 'Kirby-Desai input must be an object with fitzpatrick, location, color, inkAmount, scarring and layering');
  }
  const v = r.data;
  const P = KIRBY_DESAI_POINTS;
  const points = v.fitzpatrick + P.location[v.location] + P.color[v.color] + P.inkAmount[v.inkAmount] + P.scarring[v.scarring] + P.layering[`${v.layering}`];
  // Whole sessions n with |n - points| <= 2.5: points are whole, so points - 2 .. points + 2.
  const low = Math.max(1, Math.ceil(points - KIRBY_DESAI_SPREAD));
  const high = Math.max(low, Math.floor(points + KIRBY_DESAI_SPREAD));
  return { points, sessions: [low, high] };
}
