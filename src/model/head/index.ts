import { buildHeadGeometry } from './geometry';
import type { Sex } from './form';
import { resolveMeasures } from './measures';
import { buildScalpChart, chartUvForPositions } from '../scalp/chart';
import type { HeadMeasures, HeadModel } from './types';

/** What a head is built from: the measures (missing ones from ANSUR II) and the sex of the face
 * and bust ('male' when not given). */
export type HeadInput = Partial<HeadMeasures> & { sex?: Sex };

/** Builds the parametric head for the given measures (missing ones from ANSUR II), with its
 * scalp chart and landmarks. Throws HeadMeasureError naming the field and range. */
export function createHead(input?: HeadInput): HeadModel {
  const { sex = 'male', ...measures } = input ?? {};
  const resolved = resolveMeasures(measures);
  const g = buildHeadGeometry(resolved, { sex });
  const chart = buildScalpChart(g.distance, g.landmarks);
  return {
    measures: resolved,
    positions: g.positions,
    normals: g.normals,
    indices: g.indices,
    landmarks: g.landmarks,
    chart,
    scalpUv: chartUvForPositions(chart, g.positions),
    features: g.features,
    eyes: g.eyes,
    sex: g.sex,
  };
}
