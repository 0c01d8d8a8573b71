/** Schema pieces every part of the design shares, so refusals read alike everywhere. */
import { z } from './zod';

/** A finite number in [min, max]; messages name the field and the range ("Hours outdoors must be
 * at most 24 h a day"). */
export const range = (label: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .finite({ error: `${label} must be a finite number` })
    .min(min, { error: `${label} must be at least ${min}${unit}` })
    .max(max, { error: `${label} must be at most ${max}${unit}` });

/** The bounds a number field of a schema was given (with `range` or `.min`/`.max`): what a
 * control may offer and a check may allow, read from the schema rather than copied. */
export const rangeOf = (field: { minValue: number | null; maxValue: number | null }): { min: number; max: number } => ({
  min: field.minValue ?? -Infinity,
  max: field.maxValue ?? Infinity,
});
