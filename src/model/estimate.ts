/** The treatment estimate for a consultation: treated area, sessions, dots, hours and price.
 * Figures and sources: ../shared/SCIENCE.md section 1. */
import { z } from './zod';
import { range } from './schema';
import type { Design } from './design';
import type { DotSet } from './dots/generate';
import { fadeScenarioSchema, type FadeScenario } from './fade/scenario';

/** Placement rate, needle time and pauses included. No published figure [NF]: calibrated so that a
 * full head takes 20-30 h in total (Nguyen et al., Skin Appendage Disord 2022 [C]) at ~194 dots/cm²
 * (scalpevolution.com [I]) over the ~520 cm² hair-bearing scalp of the default head (measured with
 * generateDots, full scalp): ~100,000 dots / 30 h = ~3,400 an hour, / 20 h = 5,000 an hour. */
export const estimateSettingsSchema = z
  .object({
    dotsPerHourSlow: range('Slow placement rate', ' dots an hour', 100, 50_000),
    dotsPerHourFast: range('Fast placement rate', ' dots an hour', 100, 50_000),
  })
  .refine((s) => s.dotsPerHourSlow <= s.dotsPerHourFast, { error: 'Slow placement rate must not exceed the fast rate', path: ['dotsPerHourSlow'] });

export type EstimateSettings = z.infer<typeof estimateSettingsSchema>;

export function defaultEstimateSettings(): EstimateSettings {
  return { dotsPerHourSlow: 3400, dotsPerHourFast: 5000 };
}

export type EstimateDots = Pick<DotSet, 'count' | 'layerCounts' | 'layerAreaCm2'>;
export type Prices = FadeScenario['prices'];

export interface TreatmentEstimate {
  /** Treated area: the largest session's (sessions cover nested regions; fade/contrast.ts). */
  areaCm2: number;
  sessions: number;
  dots: number;
  dotsPerSession: number[];
  /** Total hours [fast, slow]; an illustrative estimate (rate assumed, see estimateSettingsSchema). */
  hours: [number, number];
  hoursPerSession: [number, number][];
  /** The clinic's full-treatment price range, as set in the design. */
  price: { low: number; high: number; currency: string };
  touchUpPrice: { low: number; high: number; currency: string };
  /** Dots per cm² over the treated area, all sessions together. */
  densityPerCm2: number;
}

export class EstimateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'EstimateError';
  }
}

function check<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const path = r.error.issues[0].path.join('.');
  throw new EstimateError(`${what}${path ? '.' + path : ''}`, `${what}${path ? '.' + path : ''}: ${r.error.issues[0].message}`);
}

/** Pure: the same design, dots and prices always give the same estimate. */
export function treatmentEstimate(
  design: Pick<Design, 'layers' | 'fade'>,
  dots: EstimateDots,
  prices: Prices = design.fade.prices,
  settings: EstimateSettings = defaultEstimateSettings(),
): TreatmentEstimate {
  const p = check(fadeScenarioSchema.shape.prices, prices, 'prices');
  const s = check(estimateSettingsSchema, settings, 'settings');
  const n = design.layers.length;
  if (dots.layerCounts.length !== n || dots.layerAreaCm2.length !== n) {
    throw new EstimateError('dots', `dots: the dots are for ${dots.layerCounts.length} sessions but the design has ${n}; generate them again`);
  }
  let areaCm2 = 0;
  let total = 0;
  const dotsPerSession: number[] = [];
  const hoursPerSession: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    areaCm2 = Math.max(areaCm2, dots.layerAreaCm2[k]);
    const c = dots.layerCounts[k];
    total += c;
    dotsPerSession.push(c);
    hoursPerSession.push([c / s.dotsPerHourFast, c / s.dotsPerHourSlow]);
  }
  return {
    areaCm2,
    sessions: n,
    dots: total,
    dotsPerSession,
    hours: [total / s.dotsPerHourFast, total / s.dotsPerHourSlow],
    hoursPerSession,
    price: { low: p.treatmentLow, high: p.treatmentHigh, currency: p.currency },
    touchUpPrice: { low: p.touchUpLow, high: p.touchUpHigh, currency: p.currency },
    densityPerCm2: areaCm2 > 0 ? total / areaCm2 : 0,
  };
}
