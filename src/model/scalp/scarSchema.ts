/** The scars a design records: a strip (FUT) scar across the back of the head, punctate (FUE)
 * scars in the donor area, and free shapes; their schemas and the defaults the controls add. */
import { z } from '../zod';
import { range } from '../schema';

export const MAX_SCARS = 20;
const id = z.string().min(1, { error: 'A scar needs an id' }).max(40, { error: 'A scar id has at most 40 characters' });

/** A linear donor scar left by strip harvesting, centred on the back midline. */
export const stripScarSchema = z.object({
  id,
  kind: z.literal('strip'),
  /** End to end, along the surface. FUT strips run up to ear to ear (~25-30 cm). */
  lengthMm: range('Strip scar length', ' mm', 20, 350),
  /** Healed width: a fine line of 1-2 mm to a stretched scar of a centimetre or more. */
  widthMm: range('Strip scar width', ' mm', 0.5, 20),
  /** Height of its centre line above the inion (vertical). */
  heightAboveInionMm: range('Strip scar height above the inion', ' mm', -40, 80),
});

/** Round white dots left by follicular unit extraction punches, spread over the donor area. */
export const punctateScarsSchema = z.object({
  id,
  kind: z.literal('punctate'),
  count: z
    .number({ error: 'Number of FUE scars must be a number' })
    .int({ error: 'Number of FUE scars must be a whole number' })
    .min(1, { error: 'Number of FUE scars must be at least 1' })
    .max(5000, { error: 'Number of FUE scars must be at most 5000' }),
  /** Punches are 0.7-1.2 mm; the scar is about the punch's size. */
  diameterMm: range('FUE scar diameter', ' mm', 0.3, 2),
});

/** Any other scar: a closed polygon of points on the scalp (projected onto it), mm. */
export const freeScarSchema = z.object({
  id,
  kind: z.literal('free'),
  pointsMm: z
    .array(z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]), { error: 'A free scar is a list of [x, y, z] points in mm' })
    .min(3, { error: 'A free scar needs at least 3 points' })
    .max(64, { error: 'A free scar has at most 64 points' }),
});

export const scarSchema = z.discriminatedUnion('kind', [stripScarSchema, punctateScarsSchema, freeScarSchema], {
  error: "A scar's kind must be 'strip', 'punctate' or 'free'",
});
export const scarsSchema = z.array(scarSchema).max(MAX_SCARS, { error: `A design has at most ${MAX_SCARS} scars` });

export type Scar = z.infer<typeof scarSchema>;
export type StripScar = z.infer<typeof stripScarSchema>;
export type PunctateScars = z.infer<typeof punctateScarsSchema>;

/** A client without scars. */
export function defaultScars(): Scar[] {
  return [];
}

/** A new scar of each kind, as the controls add it. Figures are typical, not measured: a
 * 20 cm x 2 mm fine-line FUT scar 4 cm above the inion; 1,500 FUE grafts of 0.9 mm; a
 * 2.4 x 1 cm oval on the right parietal scalp (placed for the 50th percentile head and
 * projected onto any other). */
export function defaultScar(kind: Scar['kind'], scarId: string = kind): Scar {
  if (kind === 'strip') return { id: scarId, kind, lengthMm: 200, widthMm: 2, heightAboveInionMm: 40 };
  if (kind === 'punctate') return { id: scarId, kind, count: 1500, diameterMm: 0.9 };
  const pointsMm: [number, number, number][] = [];
  for (let k = 0; k < 12; k++) {
    const a = (k / 12) * 2 * Math.PI;
    pointsMm.push([-55, 105 + 5 * Math.sin(a), -10 + 12 * Math.cos(a)]);
  }
  return { id: scarId, kind, pointsMm };
}
