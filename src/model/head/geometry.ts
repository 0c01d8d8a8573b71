import { fitShape } from './fit';
import type { Sex } from './form';
import { findLandmarks } from './landmarks';
import { resolveMeasures } from './measures';
import { HeadShape } from './shape';
import { meshSdf } from './surfaceNets';
import type { EyeBall, HeadMeasures, Landmark, Vec3 } from './types';

/** Grid spacing of the mesh for the 50th percentile head, scaled with head size so every head
 * has about 150k triangles; with vertices projected onto the surface the silhouette stays
 * smooth at 1080p. Below the chin the cells grow (HeadShape.grading): the bust costs about as
 * many triangles as the bare neck it replaced. */
export const HEAD_CELL_MM = 1.8;

export interface HeadBuildOptions {
  sex?: Sex;
  /** Grid cell (mm) at the head; default HEAD_CELL_MM scaled with head size. */
  cellMm?: number;
}

export interface HeadGeometry {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  landmarks: Record<Landmark, Vec3>;
  /** Per vertex: [lip, brow] weights in [0, 1]. */
  features: Float32Array;
  /** The eyeballs (left, right), drawn apart from the mesh. */
  eyes: EyeBall[];
  sex: Sex;
  /** Signed distance to the same surface (mm, negative inside); a bound, close to Euclidean
   * near the surface. */
  distance: (x: number, y: number, z: number) => number;
}

/** The parametric adult head for the given measures: the template is fitted so that the
 * circumference, length and breadth measured on the surface match (within 1%). Throws
 * HeadMeasureError for values out of range or combinations no natural head shape reaches. */
export function buildHeadGeometry(m: HeadMeasures, options: HeadBuildOptions = {}): HeadGeometry {
  const measures = resolveMeasures(m);
  const sex = options.sex ?? 'male';
  const shape = new HeadShape(fitShape(measures, sex), sex);
  const distance = (x: number, y: number, z: number): number => shape.distance(x, y, z);
  const mesh = meshSdf(distance, shape.bounds(), options.cellMm ?? HEAD_CELL_MM * shape.faceScale, shape.grading());
  const p = mesh.positions;
  const features = new Float32Array((p.length / 3) * 2);
  for (let v = 0, n = p.length / 3; v < n; v++) {
    const [lip, brow] = shape.features(p[3 * v], p[3 * v + 1], p[3 * v + 2]);
    features[2 * v] = lip;
    features[2 * v + 1] = brow;
  }
  return { ...mesh, features, eyes: shape.eyes(), sex, landmarks: findLandmarks(shape, distance), distance };
}
