/** What the session controls may offer without dots merging: the sliders stop at these limits,
 * the number inputs accept anything and the store refuses a merging value with its reason. */
import { layerSchema, mergeRefusal, type Layer } from '../model';

const DENSITY = { min: 1, max: 2500 };
const DIAMETER = { min: 0.1, max: 1.2 };

const fits = (densityPerCm2: number, diameterMm: number) => mergeRefusal({ densityPerCm2, diameterMm }, 0) === null;

/** The highest whole density (dots/cm²) at which dots of this diameter stay apart; 0 if none. */
export function maxDensityFor(diameterMm: number): number {
  if (!fits(DENSITY.min, diameterMm)) return 0;
  let lo = DENSITY.min;
  let hi = DENSITY.max;
  if (fits(hi, diameterMm)) return hi;
  // fits(lo) and not fits(hi)
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid, diameterMm)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The largest diameter (mm, in 0.01 mm steps) whose dots stay apart at this density; 0 if none. */
export function maxDiameterFor(densityPerCm2: number): number {
  let lo = Math.round(DIAMETER.min * 100);
  let hi = Math.round(DIAMETER.max * 100);
  if (!fits(densityPerCm2, lo / 100)) return 0;
  if (fits(densityPerCm2, hi / 100)) return hi / 100;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(densityPerCm2, mid / 100)) lo = mid;
    else hi = mid;
  }
  return lo / 100;
}

type LayerNumber = 'densityPerCm2' | 'diameterMm' | 'shade' | 'irregularity' | 'hairlineOffsetMm';

/** The schema's own message for an out-of-range or non-numeric value, or null if it is valid. */
export function layerFieldError(key: LayerNumber, value: number): string | null {
  const result = layerSchema.shape[key].safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Invalid value');
}

/** Density slider on a logarithmic scale: the useful range (20-300) gets most of the track. */
export const DENSITY_SLIDER_STEPS = 1000;
const LOG_MIN = Math.log(DENSITY.min);
const LOG_SPAN = Math.log(DENSITY.max) - LOG_MIN;
export const densityToSlider = (d: number) => Math.round(((Math.log(Math.max(DENSITY.min, d)) - LOG_MIN) / LOG_SPAN) * DENSITY_SLIDER_STEPS);
export const sliderToDensity = (s: number) => Math.max(DENSITY.min, Math.min(DENSITY.max, Math.round(Math.exp(LOG_MIN + (s / DENSITY_SLIDER_STEPS) * LOG_SPAN))));

/** Sum of the visible sessions' densities: the density where every session is at full strength. */
export const visibleDensity = (layers: readonly Layer[]) => layers.reduce((n, l) => n + (l.visible ? l.densityPerCm2 : 0), 0);

export { DENSITY, DIAMETER };
