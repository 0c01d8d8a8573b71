/** The client's habits and the clinic's settings for the fading simulation, with their schema.
 * Figures and sources: ../shared/SCIENCE.md sections 1-3. */
import { z } from '../zod';
import { range } from '../schema';
import { FadeInputError } from './errors';

const flag = (label: string) => z.boolean({ error: `${label} must be true or false` });

export const CLIMATES = ['northern-europe', 'us-average', 'australia', 'custom'] as const;
export type Climate = (typeof CLIMATES)[number];
export const HATS = ['none', 'sometimes', 'always'] as const;
export type Hat = (typeof HATS)[number];

const price = (label: string) => range(label, '', 0, 1_000_000);

export const fadeScenarioSchema = z.object({
  climate: z.object({
    preset: z.enum(CLIMATES, { error: `Climate must be one of ${CLIMATES.join(', ')}` }),
    /** Annual mean of the daily noon UV index; used when the preset is 'custom'. */
    customUvIndex: range('Custom mean UV index', '', 0, 20),
  }),
  /** Daylight hours spent outdoors on an average day. */
  hoursOutdoorsPerDay: range('Hours outdoors', ' h a day', 0, 24),
  hat: z.enum(HATS, { error: `Hat must be one of ${HATS.join(', ')}` }),
  sunscreen: z.object({
    /** Label SPF; 0 = no sunscreen. */
    spf: range('Sunscreen SPF', '', 0, 100),
    /** Amount applied; the label SPF is tested at 2 mg/cm² (ISO 24444), people apply about 1 (Stenberg & Larko 1985). */
    amountMgPerCm2: range('Sunscreen amount', ' mg/cm²', 0.1, 4),
  }),
  /** Aftercare faults while healing (SCIENCE.md section 1: no washing for ~3-4 days, no sweating, no sun). */
  aftercare: z.object({
    washedBeforeDay4: flag('Washed before day 4'),
    sweating: flag('Sweating or sauna while healing'),
    sunWhileHealing: flag('Sun in the first weeks'),
    pickedScabs: flag('Picked scabs'),
  }),
  touchUp: z.object({
    /** A touch-up is due when visible contrast falls below this share of its healed value. */
    contrastShare: range('Touch-up threshold', '', 0.05, 1),
    /** ... or when the dots differ from the stubble by more than this (CIEDE2000). */
    stubbleMismatchDeltaE00: range('Stubble mismatch threshold', ' (CIEDE2000)', 0.5, 50),
  }),
  prices: z
    .object({
      treatmentLow: price('Full treatment price (low)'),
      treatmentHigh: price('Full treatment price (high)'),
      touchUpLow: price('Touch-up price (low)'),
      touchUpHigh: price('Touch-up price (high)'),
      currency: z.string({ error: 'Currency symbol must be text' }).max(4, { error: 'Currency symbol must be at most 4 characters' }),
    })
    .refine((p) => p.treatmentLow <= p.treatmentHigh, { error: 'Full treatment price (low) must not exceed the high price', path: ['treatmentLow'] })
    .refine((p) => p.touchUpLow <= p.touchUpHigh, { error: 'Touch-up price (low) must not exceed the high price', path: ['touchUpLow'] }),
});

export type FadeScenario = z.infer<typeof fadeScenarioSchema>;

/** A temperate indoor worker with ordinary sunscreen use and good aftercare. Prices: full treatment
 * $1,000-4,500, touch-up $300-500 (SCIENCE.md section 1, seeds and clinic sites) [I]. */
export function defaultFadeScenario(): FadeScenario {
  return {
    climate: { preset: 'us-average', customUvIndex: 5 },
    hoursOutdoorsPerDay: 2,
    hat: 'none',
    sunscreen: { spf: 30, amountMgPerCm2: 1 },
    aftercare: { washedBeforeDay4: false, sweating: false, sunWhileHealing: false, pickedScabs: false },
    touchUp: { contrastShare: 0.75, stubbleMismatchDeltaE00: 6 },
    prices: { treatmentLow: 1000, treatmentHigh: 4500, touchUpLow: 300, touchUpHigh: 500, currency: '$' },
  };
}

/** Whole scenarios the UI offers to compare on one chart. */
export const FADE_PRESETS = ['indoor-temperate-sunscreen', 'outdoor-australia-unprotected', 'spf50-hat'] as const;
export type FadePreset = (typeof FADE_PRESETS)[number];

export const FADE_PRESET_NAMES: Readonly<Record<FadePreset, string>> = {
  'indoor-temperate-sunscreen': 'Indoor worker, northern Europe, SPF 30',
  'outdoor-australia-unprotected': 'Outdoor worker, Australia, no protection',
  'spf50-hat': 'Outdoor worker, Australia, SPF 50 and a hat',
};

/** A preset scenario. Indoor about 2 h and outdoor about 7 h of daylight outdoors a day are what
 * makes Godar's 3 % and 10 % of ambient (uv.ts). */
export function fadePreset(id: FadePreset): FadeScenario {
  const base = defaultFadeScenario();
  switch (id) {
    case 'indoor-temperate-sunscreen':
      return { ...base, climate: { preset: 'northern-europe', customUvIndex: 3 }, hoursOutdoorsPerDay: 2, hat: 'none', sunscreen: { spf: 30, amountMgPerCm2: 1 } };
    case 'outdoor-australia-unprotected':
      return { ...base, climate: { preset: 'australia', customUvIndex: 8 }, hoursOutdoorsPerDay: 7, hat: 'none', sunscreen: { spf: 0, amountMgPerCm2: 1 } };
    case 'spf50-hat':
      return { ...base, climate: { preset: 'australia', customUvIndex: 8 }, hoursOutdoorsPerDay: 7, hat: 'always', sunscreen: { spf: 50, amountMgPerCm2: 1 } };
    default:
      throw new FadeInputError('preset', `Unknown scenario preset '${String(id)}'; one of ${FADE_PRESETS.join(', ')}`);
  }
}

/** Validates a scenario; throws FadeInputError naming the first bad field (e.g. `hoursOutdoorsPerDay`). */
export function parseFadeScenario(input: unknown): FadeScenario {
  const result = fadeScenarioSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.join('.');
    throw new FadeInputError(path || 'scenario', `${path || 'scenario'}: ${issue.message}`);
  }
  return result.data;
}
