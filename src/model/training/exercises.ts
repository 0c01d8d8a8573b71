import { z } from '../zod';
import { range } from '../schema';
import { LANDMARKS } from '../head/types';

/** Where an exercise's region sits, as data: a surface point given relative to a landmark (or
 * the designed mid-frontal hairline point), and a rectangle in the tangent plane there. */
const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
export const anchorSchema = z.union([
  z.object({
    /** The point in direction landmark + offset from the chart centre, on the scalp. */
    landmark: z.enum(LANDMARKS, { error: `Anchor landmark must be one of ${LANDMARKS.join(', ')}` }),
    offsetMm: vec3,
  }),
  z.object({
    /** The mid-frontal hairline point of a design with this hairline height. */
    hairlineHeightMm: range('Hairline height', ' mm', 60, 120),
  }),
]);

export const regionSchema = z.object({
  kind: z.enum(['patch', 'hairline', 'border', 'scar'], { error: "Region kind must be 'patch', 'hairline', 'border' or 'scar'" }),
  anchor: anchorSchema,
  /** Direction (any length) whose tangent part gives the region's u axis; v = normal x u. */
  acrossDir: vec3,
  /** The rectangle in the tangent frame (mm): u in [uMin, uMax], v in [vMin, vMax]. */
  uMinMm: range('Region left edge', ' mm', -60, 0),
  uMaxMm: range('Region right edge', ' mm', 0, 60),
  vMinMm: range('Region near edge', ' mm', -60, 0),
  vMaxMm: range('Region far edge', ' mm', 0, 60),
  /** Hairline exercises: density rises from none at v = 0 to full at v = transitionMm. */
  transitionMm: range('Transition', ' mm', 0, 30),
});

/** Dots already on the head when the exercise starts, made by the app's sampler. */
export const existingLayerSchema = z.object({
  label: z.string().min(1).max(60),
  densityPerCm2: range('Existing density', ' dots/cm²', 1, 400),
  diameterMm: range('Existing dot diameter', ' mm', 0.05, 1.2),
  /** Where they are, in the region's frame (mm). */
  uMinMm: z.number().finite(),
  uMaxMm: z.number().finite(),
  vMinMm: z.number().finite(),
  vMaxMm: z.number().finite(),
  /** And, when set, only outside |v| < this (a scar band keeps no hair). */
  clearBandMm: z.number().finite().min(0).optional(),
  seed: z.number().int().min(0).max(0xffffffff),
});

export const exerciseSchema = z.object({
  id: z.string().min(1).max(40),
  title: z.string().min(1).max(80),
  instructions: z.string().min(1).max(600),
  /** Density the trainee's dots should reach (on top of any existing layer). */
  targetDensityPerCm2: range('Target density', ' dots/cm²', 1, 400),
  needleDiameterMm: range('Needle diameter', ' mm', 0.1, 1.2),
  region: regionSchema,
  budget: z.object({
    dots: z.number().int().min(1, { error: 'Dot budget must be at least 1 dot' }).max(20000, { error: 'Dot budget must be at most 20000 dots' }),
    minutes: range('Time budget', ' min', 1, 120),
  }),
  existing: existingLayerSchema.optional(),
  /** Seed of the model answer. */
  seed: z.number().int().min(0).max(0xffffffff),
});

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseRegionSpec = z.infer<typeof regionSchema>;

/** Follicular units of an average scalp, 74 +/- 13 per cm² (Guo et al. 2017, SCIENCE.md section
 * 4): the density a client's stubble shows, so the density to match next to it. */
const STUBBLE_PER_CM2 = 74;
/** Stubble hair shaft diameter: an assumption (fine to medium scalp hair is 0.06-0.1 mm; no
 * figure in SCIENCE.md). */
const STUBBLE_DIAMETER_MM = 0.08;

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'patch-crown-40',
    title: 'Fill a 2 × 2 cm patch at the crown',
    instructions: 'Fill the square evenly at 40 dots/cm², the density of a light first session: about 160 dots, none closer than 0.3 mm, no rows, no holes.',
    targetDensityPerCm2: 40,
    needleDiameterMm: 0.25, // 0803 round needle (SCIENCE.md section 1)
    // The crown lies behind the vertex; 35 mm back is an assumption for an average head.
    region: { kind: 'patch', anchor: { landmark: 'vertex', offsetMm: [0, 0, -35] }, acrossDir: [1, 0, 0], uMinMm: -10, uMaxMm: 10, vMinMm: -10, vMaxMm: 10, transitionMm: 0 },
    budget: { dots: 220, minutes: 15 },
    seed: 101,
  },
  {
    id: 'hairline-soft',
    title: 'Build a soft hairline',
    instructions: 'Full density (60 dots/cm²) behind the line, thinning to none over 10 mm toward the face, with an irregular front edge: no ruler-straight row of dots.',
    targetDensityPerCm2: 60,
    needleDiameterMm: 0.2, // 0603, finer at the front
    // 8 cm above the glabella: the common mid-frontal height (Shapiro & Shapiro 2013).
    region: { kind: 'hairline', anchor: { hairlineHeightMm: 80 }, acrossDir: [1, 0, 0], uMinMm: -20, uMaxMm: 20, vMinMm: -4, vMaxMm: 20, transitionMm: 10 },
    budget: { dots: 500, minutes: 30 },
    seed: 102,
  },
  {
    id: 'second-session',
    title: 'Second session: fill between the first layer',
    instructions: 'A first session of 40 dots/cm² is in place. Add 40 dots/cm² between its dots, keeping at least 0.28 mm from every dot so nothing merges.',
    targetDensityPerCm2: 40,
    needleDiameterMm: 0.22,
    region: { kind: 'patch', anchor: { landmark: 'vertex', offsetMm: [0, 0, 0] }, acrossDir: [1, 0, 0], uMinMm: -10, uMaxMm: 10, vMinMm: -10, vMaxMm: 10, transitionMm: 0 },
    budget: { dots: 220, minutes: 15 },
    existing: { label: 'First session', densityPerCm2: 40, diameterMm: 0.25, uMinMm: -14, uMaxMm: 14, vMinMm: -14, vMaxMm: 14, seed: 7 },
    seed: 103,
  },
  {
    id: 'norwood-v-border',
    title: 'Match the stubble at a Norwood V border',
    instructions: `The client's stubble ends at the bottom of the box. Continue it upward at its density (${STUBBLE_PER_CM2} dots/cm²) so the border disappears.`,
    targetDensityPerCm2: STUBBLE_PER_CM2,
    needleDiameterMm: 0.2,
    // Top of the horseshoe of side hair, 60 mm above the left tragus: an assumed typical border.
    region: { kind: 'border', anchor: { landmark: 'tragusLeft', offsetMm: [0, 60, -10] }, acrossDir: [0, 0, -1], uMinMm: -15, uMaxMm: 15, vMinMm: 0, vMaxMm: 20, transitionMm: 0 },
    budget: { dots: 600, minutes: 30 },
    existing: { label: 'Stubble', densityPerCm2: STUBBLE_PER_CM2, diameterMm: STUBBLE_DIAMETER_MM, uMinMm: -18, uMaxMm: 18, vMinMm: -12, vMaxMm: 0, seed: 8 },
    seed: 104,
  },
  {
    id: 'strip-scar',
    title: 'Camouflage a strip scar',
    instructions: `A 50 mm strip scar runs across the back of the head. Fill the 10 mm band over it at the stubble's density (${STUBBLE_PER_CM2} dots/cm²), blending into the hair above and below.`,
    targetDensityPerCm2: STUBBLE_PER_CM2,
    needleDiameterMm: 0.2,
    // FUT donor strips are taken from the occiput above the inion; 25 mm above it is assumed.
    region: { kind: 'scar', anchor: { landmark: 'inion', offsetMm: [0, 25, 0] }, acrossDir: [-1, 0, 0], uMinMm: -25, uMaxMm: 25, vMinMm: -5, vMaxMm: 5, transitionMm: 0 },
    budget: { dots: 500, minutes: 30 },
    existing: { label: 'Stubble', densityPerCm2: STUBBLE_PER_CM2, diameterMm: STUBBLE_DIAMETER_MM, uMinMm: -28, uMaxMm: 28, vMinMm: -12, vMaxMm: 12, clearBandMm: 5, seed: 9 },
    seed: 105,
  },
];

export function exerciseById(id: string): Exercise | undefined {
  return EXERCISES.find((e) => e.id === id);
}

/** The training mode's part of the design: which exercise is open and what is overlaid. */
export const trainingSchema = z.object({
  exerciseId: z.enum(EXERCISES.map((e) => e.id) as [string, ...string[]], { error: `Exercise must be one of ${EXERCISES.map((e) => e.id).join(', ')}` }),
  showModelAnswer: z.boolean({ error: 'Show model answer must be true or false' }),
  showHeatMap: z.boolean({ error: 'Show heat map must be true or false' }),
});
export type TrainingSettings = z.infer<typeof trainingSchema>;

export function defaultTraining(): TrainingSettings {
  return { exerciseId: EXERCISES[0].id, showModelAnswer: false, showHeatMap: true };
}
