import { HeadMeasureError, type HeadMeasures } from './types';

/** ANSUR II means (SCIENCE.md section 4). */
export const DEFAULT_MEASURES: HeadMeasures = { circumferenceMm: 570, lengthMm: 196, breadthMm: 152 };

/** ANSUR II standard deviations, for percentiles. */
export const MEASURE_SD: HeadMeasures = { circumferenceMm: 18, lengthMm: 9, breadthMm: 6 };

/** Accepted ranges: circumference as the product allows; length and breadth about +/- 4 SD. */
export const MEASURE_LIMITS = {
  circumferenceMm: { min: 480, max: 660 },
  lengthMm: { min: 160, max: 235 },
  breadthMm: { min: 125, max: 185 },
} as const;

const LABELS: Record<keyof HeadMeasures, string> = {
  circumferenceMm: 'Head circumference',
  lengthMm: 'Head length',
  breadthMm: 'Head breadth',
};

/** The measures at a given percentile (normal approximation). z = 1.645 for the 95th. */
export function measuresAtZ(z: number): HeadMeasures {
  return {
    circumferenceMm: DEFAULT_MEASURES.circumferenceMm + z * MEASURE_SD.circumferenceMm,
    lengthMm: DEFAULT_MEASURES.lengthMm + z * MEASURE_SD.lengthMm,
    breadthMm: DEFAULT_MEASURES.breadthMm + z * MEASURE_SD.breadthMm,
  };
}

/** Fills missing measures (scaled with the circumference when only it is given) and refuses
 * values out of range with a message naming the field and the range. */
export function resolveMeasures(partial: Partial<HeadMeasures> = {}): HeadMeasures {
  // Only the measures: a head input may carry other keys (the sex).
  for (const key of Object.keys(MEASURE_LIMITS) as (keyof HeadMeasures)[]) {
    const value = partial[key];
    if (value === undefined) continue;
    const { min, max } = MEASURE_LIMITS[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new HeadMeasureError(key, `${LABELS[key]} must be a number of millimetres.`);
    }
    if (value < min || value > max) {
      throw new HeadMeasureError(key, `${LABELS[key]} of ${round(value)} mm is outside the accepted range of ${min}-${max} mm.`);
    }
  }
  const scale = (partial.circumferenceMm ?? DEFAULT_MEASURES.circumferenceMm) / DEFAULT_MEASURES.circumferenceMm;
  const m: HeadMeasures = {
    circumferenceMm: partial.circumferenceMm ?? DEFAULT_MEASURES.circumferenceMm,
    lengthMm: partial.lengthMm ?? DEFAULT_MEASURES.lengthMm * scale,
    breadthMm: partial.breadthMm ?? DEFAULT_MEASURES.breadthMm * scale,
  };
  if (m.breadthMm >= m.lengthMm) {
    throw new HeadMeasureError('breadthMm', `Head breadth (${round(m.breadthMm)} mm) must be less than head length (${round(m.lengthMm)} mm).`);
  }
  return m;
}

const round = (x: number) => Math.round(x * 10) / 10;
