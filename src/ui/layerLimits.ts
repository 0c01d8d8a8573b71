/** What the session controls may offer without dots merging: the sliders stop at these limits,
 * the number inputs accept anything and the store refuses a merging value with its reason. */
import { layerSchema, maxDensityPerCm2, maxDiameterMm, mergeRefusal, rangeOf, type Layer } from '../model';

/** The schema's ranges (model/design.ts). */
const DENSITY = rangeOf(layerSchema.shape.densityPerCm2);
const DIAMETER = rangeOf(layerSchema.shape.diameterMm);

/** The highest whole density (dots/cm²) at which dots of this diameter stay apart; 0 if none. */
export function maxDensityFor(diameterMm: number): number {
  const most = maxDensityPerCm2(diameterMm);
  return most < DENSITY.min ? 0 : Math.min(DENSITY.max, most);
}

/** The largest diameter (mm, in 0.01 mm steps) whose dots stay apart at this density; 0 if none. */
export function maxDiameterFor(densityPerCm2: number): number {
  const lowest = Math.round(DIAMETER.min * 100);
  let hundredths = Math.min(Math.round(DIAMETER.max * 100), Math.floor(maxDiameterMm(densityPerCm2) * 100 + 1e-9));
  // Rounding at the boundary: the step offered must pass the store's own test.
  while (hundredths >= lowest && mergeRefusal({ densityPerCm2, diameterMm: hundredths / 100 }, 0) !== null) hundredths--;
  return hundredths < lowest ? 0 : hundredths / 100;
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
