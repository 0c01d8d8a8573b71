import { clusterMesh, type LodMesh } from './lod';
import { headAmbientOcclusion } from './occlusion';
import type { HeadModel } from './types';

/** Grid cell (mm) of the coarse head for views from afar: ~48k triangles instead of ~150k. */
export const LOD_CELL_MM = 3;

/** What the viewer draws besides the head itself: per-vertex ambient occlusion and a coarse
 * copy of the mesh. A few hundred ms of CPU per head, so the head worker makes it with the head. */
export interface HeadDisplay {
  occlusion: Float32Array;
  coarse: LodMesh;
}

export function headDisplay(head: Pick<HeadModel, 'positions' | 'normals' | 'indices' | 'scalpUv'>): HeadDisplay {
  const occlusion = headAmbientOcclusion(head.positions, head.normals, head.indices);
  return { occlusion, coarse: clusterMesh({ ...head, ao: occlusion }, LOD_CELL_MM) };
}
