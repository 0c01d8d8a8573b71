import { buildHeadGeometry } from './geometry';
import { resolveMeasures } from './measures';
import { buildScalpChart, chartUvForPositions } from '../scalp/chart';
import type { HeadMeasures, HeadModel } from './types';

/** Builds the parametric head for the given measures (missing ones from ANSUR II), with its
 * scalp chart and landmarks. Throws HeadMeasureError naming the field and range. */
export function createHead(measures?: Partial<HeadMeasures>): HeadModel {
  const resolved = resolveMeasures(measures);
  const g = buildHeadGeometry(resolved);
  const chart = buildScalpChart(g.distance, g.landmarks);
  return {
    measures: resolved,
    positions: g.positions,
    normals: g.normals,
    indices: g.indices,
    landmarks: g.landmarks,
    chart,
    scalpUv: chartUvForPositions(chart, g.positions),
  };
}
