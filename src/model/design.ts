import { z } from './zod';
import { range } from './schema';
import { DEFAULT_MEASURES, MEASURE_LIMITS } from './head/measures';
import { SEXES, type Sex } from './head/form';
import { HAIR_COLORS } from './color/hairColors';
import type { PigmentTone } from './color/pigments';
import type { Lab } from './color/lab';
import { defaultHairline, hairlineSchema } from './scalp/hairlineSchema';
import { defaultScars, scarsSchema } from './scalp/scarSchema';
import { defaultHairLoss, hairLossSchema, type HairLoss } from './hair/hairLoss';
import { defaultStubble, stubbleSchema } from './hair/stubble';
import { defaultFadeScenario, fadeScenarioSchema } from './fade/scenario';

export const DESIGN_VERSION = 3;
export const MAX_LAYERS = 8;

const measure = (key: keyof typeof MEASURE_LIMITS, label: string) => {
  const { min, max } = MEASURE_LIMITS[key];
  return z
    .number({ error: `${label} must be a number of millimetres` })
    .finite()
    .min(min, { error: `${label} must be at least ${min} mm` })
    .max(max, { error: `${label} must be at most ${max} mm` });
};

const labSchema = z.object({
  L: z.number().min(0).max(100),
  a: z.number().min(-128).max(127),
  b: z.number().min(-128).max(127),
});

/** One session of pigment: SMP is built up in 2-4 sessions, lighter first (SCIENCE.md section 1). */
export const layerSchema = z.object({
  id: z.string().min(1).max(40),
  name: z.string().max(60),
  visible: z.boolean(),
  densityPerCm2: range('Density', ' dots/cm²', 1, 2500),
  /** Healed dot diameter on the skin. */
  diameterMm: range('Dot diameter', ' mm', 0.1, 1.2),
  /** Place on the dilution ladder (pigments.ts): 0 the lightest grey, 1 undiluted black. */
  shade: range('Shade', '', 0, 1),
  /** 0 pure blue noise; 1 as irregular as spacing allows without dots merging. */
  irregularity: range('Irregularity', '', 0, 1),
  /** How far behind the designed hairline this session's front edge sits. */
  hairlineOffsetMm: range('Hairline offset', ' mm', -10, 20),
});

export const designSchema = z.object({
  version: z.literal(DESIGN_VERSION),
  name: z.string().max(200),
  /** Seed of every random choice in the model, so a design always shows the same dots. */
  seed: z.number().int().min(0).max(0xffffffff),
  head: z.object({
    circumferenceMm: measure('circumferenceMm', 'Head circumference'),
    lengthMm: measure('lengthMm', 'Head length'),
    breadthMm: measure('breadthMm', 'Head breadth'),
    /** The face and bust of the 3D head (the measures set the skull alone). Optional in files and
     * links made before it existed: they show the male head they showed then. */
    sex: z.enum(SEXES as [Sex, ...Sex[]], { error: "Sex must be 'male' or 'female'" }).default('male'),
  }),
  skin: z.object({
    fitzpatrick: z.number().int().min(1, { error: 'Fitzpatrick type must be 1 to 6' }).max(6, { error: 'Fitzpatrick type must be 1 to 6' }),
    /** A measured or picked skin colour; overrides the Fitzpatrick preset's colour when set. */
    customLab: labSchema.nullable(),
  }),
  /** The client's own hair colour, for the shade match and the stubble. */
  hair: z.object({
    preset: z.enum(HAIR_COLORS.map((h) => h.id) as [string, ...string[]], { error: 'Hair colour must be one of the presets' }),
    /** A measured or picked hair colour; overrides the preset's colour when set. */
    customLab: labSchema.nullable(),
  }),
  pigment: z.object({
    /** Top of the healed pigment below the skin surface: SMP aims at the upper papillary dermis. */
    depthMm: range('Pigment depth', ' mm', 0.1, 3),
    tone: z.enum(['neutral', 'warm', 'cool'], { error: "Pigment tone must be 'neutral', 'warm' or 'cool'" }),
  }),
  /** The designed front hairline: height, transition, style, handles (scalp/hairline.ts). */
  hairline: hairlineSchema,
  /** Where the client's own hair still grows (hair/hairLoss.ts). */
  hairLoss: hairLossSchema,
  /** The client's remaining hair, shaved (hair/stubble.ts). */
  stubble: stubbleSchema,
  /** Strip, punctate and free-form scars (scalp/scars.ts). */
  scars: scarsSchema,
  /** The client's sun habits, aftercare and the clinic's touch-up rule and prices (fade/scenario.ts). */
  fade: fadeScenarioSchema,
  layers: z.array(layerSchema).max(MAX_LAYERS, { error: `A design has at most ${MAX_LAYERS} sessions` }),
});

export type Design = z.infer<typeof designSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type { Lab };

/** Dark brown: the commonest hair colour of SMP clients is no better known than any other; a middle
 * choice that the consultation replaces. */
export const DEFAULT_HAIR: { preset: string; customLab: Lab | null } = { preset: 'dark-brown', customLab: null };
/** 0.2 mm: just under the 0.1 mm epidermis, in the upper papillary dermis where SMP places pigment
 * (SCIENCE.md section 1: "upper/mid papillary dermis"; the healed dot sits about 0.1 mm under the
 * surface, Rassman et al.). */
export const DEFAULT_PIGMENT: { depthMm: number; tone: PigmentTone } = { depthMm: 0.2, tone: 'neutral' };
/** Norwood VI: the commonest reason a client comes for SMP is advanced loss with a kept fringe;
 * the consultation sets the client's own pattern. */
export const DEFAULT_HAIR_LOSS = (): HairLoss => ({ ...defaultHairLoss(), pattern: 'norwood-6' });

export function defaultDesign(): Design {
  return {
    version: DESIGN_VERSION,
    name: 'New design',
    seed: 20261121,
    head: { ...DEFAULT_MEASURES, sex: 'male' },
    skin: { fitzpatrick: 3, customLab: null },
    hair: { ...DEFAULT_HAIR },
    pigment: { ...DEFAULT_PIGMENT },
    hairline: defaultHairline(),
    hairLoss: DEFAULT_HAIR_LOSS(),
    stubble: defaultStubble(),
    scars: defaultScars(),
    fade: defaultFadeScenario(),
    // Three sessions, 220 dots/cm² together: a dot for each of the client's hairs (about 223/cm²,
    // hairFigures.ts; clinics quote about 194/cm² for a full result), dots of 0.24-0.3 mm (the healed
    // dot of a 0803 needle and a little wider). The lightest session draws the feathered
    // front; the darker ones start 2 and 3 mm behind it and fill in. Shades 0.6, 0.7 and 0.8 step
    // from charcoal, the shade match's pick for the default client's follicles, to a little darker:
    // each session healed within CIEDE2000 4 of them (designColors.test.ts), and together they
    // darken the scalp about as much as the client's own shaved hair does (e2e look.test.ts).
    layers: [
      { id: 's1', name: 'Session 1', visible: true, densityPerCm2: 80, diameterMm: 0.3, shade: 0.6, irregularity: 0.3, hairlineOffsetMm: 0 },
      { id: 's2', name: 'Session 2', visible: true, densityPerCm2: 75, diameterMm: 0.27, shade: 0.7, irregularity: 0.3, hairlineOffsetMm: 2 },
      { id: 's3', name: 'Session 3', visible: true, densityPerCm2: 65, diameterMm: 0.24, shade: 0.8, irregularity: 0.3, hairlineOffsetMm: 3 },
    ],
  };
}

export class DesignError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'DesignError';
  }
}

/** Older versions are migrated here, one step at a time, before validation. */
const migrations: Record<number, (d: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 added the client's hair colour and the pigment's depth and tone.
  1: (d) => ({ ...d, hair: { ...DEFAULT_HAIR }, pigment: { ...DEFAULT_PIGMENT } }),
  // Version 3 added the hairline's style and handles, the client's hair loss, stubble and scars,
  // and the fading scenario. An older design was drawn over a whole scalp: no hair kept.
  2: (d) => ({
    ...d,
    hairline: { ...defaultHairline(), ...(isObject(d.hairline) ? d.hairline : {}) },
    hairLoss: { ...defaultHairLoss(), pattern: 'diffuse', diffuseRemaining: 0 },
    stubble: defaultStubble(),
    scars: defaultScars(),
    fade: defaultFadeScenario(),
  }),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseDesign(input: unknown): Design {
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch {
      throw new DesignError('The design is not valid JSON.', '');
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new DesignError('A design must be an object.', '');
  }
  let data = input as Record<string, unknown>;
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new DesignError('The design has no version number.', 'version');
  }
  if (version > DESIGN_VERSION) {
    throw new DesignError(`The design is version ${version}, newer than this app understands (${DESIGN_VERSION}). Update the app to open it.`, 'version');
  }
  for (let v = version; v < DESIGN_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate) throw new DesignError(`Design version ${v} is not supported.`, 'version');
    data = { ...migrate(data), version: v + 1 };
  }
  const result = designSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.join('.');
    throw new DesignError(`${path || 'design'}: ${issue.message}`, path);
  }
  return result.data;
}
