import { clusterMesh } from './lod';
import { lidMap } from './lids';
import { headAmbientOcclusion } from './occlusion';
import type { HeadDisplay, HeadModel } from './types';

export type { HeadDisplay };

/** Grid cell (mm) of the coarse head for views from afar: ~51k triangles instead of ~155k. */
export const LOD_CELL_MM = 3;
/** Grid cell (mm) of the coarse bust below the neck: it is meshed coarsely already, and broad. */
export const LOD_BUST_CELL_MM = 8;

/** Height (mm) under the chin and above the shoulders: the head above, the bust below. The nape
 * lies 62 mm below the ear canals (scaled with the head), so twice that is under the chin. */
export function neckCutYMm(landmarks: HeadModel['landmarks']): number {
  return 2 * landmarks.nape[1];
}

export function headDisplay(head: Pick<HeadModel, 'positions' | 'normals' | 'indices' | 'scalpUv' | 'features' | 'landmarks' | 'eyes'>): HeadDisplay {
  const cutY = neckCutYMm(head.landmarks);
  const occlusion = headAmbientOcclusion(head.positions, head.normals, head.indices, cutY);
  const coarse = clusterMesh({ ...head, ao: occlusion }, LOD_CELL_MM, { yMm: cutY - 20, cellMm: LOD_BUST_CELL_MM });
  return { occlusion, coarse, lids: lidMap(head, head.eyes) };
}
