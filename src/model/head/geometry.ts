import { fitShape } from './fit';
import { findLandmarks } from './landmarks';
import { resolveMeasures } from './measures';
import { HeadShape } from './shape';
import { meshSdf } from './surfaceNets';
import type { HeadMeasures, Landmark, Vec3 } from './types';

/** Grid spacing of the mesh for the 50th percentile head, scaled with head size so every head
 * has about 140k triangles; with vertices projected onto the surface the silhouette stays
 * smooth at 1080p. */
export const HEAD_CELL_MM = 1.8;

export interface HeadGeometry {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  landmarks: Record<Landmark, Vec3>;
  /** Signed distance to the same surface (mm, negative inside); a bound, close to Euclidean
   * near the surface. */
  distance: (x: number, y: number, z: number) => number;
}

/** The parametric adult head for the given measures: the template is fitted so that the
 * circumference, length and breadth measured on the surface match (within 1%). Throws
 * HeadMeasureError for values out of range or combinations no natural head shape reaches. */
export function buildHeadGeometry(m: HeadMeasures, cellMm?: number): HeadGeometry {
  const measures = resolveMeasures(m);
  const shape = new HeadShape(fitShape(measures));
  const distance = (x: number, y: number, z: number): number => shape.distance(x, y, z);
  const mesh = meshSdf(distance, shape.bounds(), cellMm ?? HEAD_CELL_MM * shape.faceScale);
  return { ...mesh, landmarks: findLandmarks(shape, distance), distance };
}
