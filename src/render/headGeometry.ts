import { BufferAttribute, BufferGeometry } from 'three';
import type { HeadModel } from '../model';
import { headAmbientOcclusion } from './headAo';
import { clusterMesh } from './headLod';

/** Ambient occlusion per head: ~100 ms of CPU, so kept for when the geometry is made again
 * (a restored WebGL context). */
const aoCache = new WeakMap<HeadModel, Float32Array>();

/** The head's GPU geometry, in millimetres (the scene scales it once). Built once per head;
 * the typed arrays are used as they are, not copied. `scalpUv` carries the scalp chart,
 * `skinAo` the baked ambient occlusion. */
export function headBufferGeometry(head: HeadModel): BufferGeometry {
  return geometry({ ...head, ao: occlusion(head) });
}

/** Grid cell (mm) of the coarse head: ~48k triangles instead of ~150k. */
export const LOD_CELL_MM = 3;

/** The coarse head for views from afar (see headLod.ts). */
export function headLodGeometry(head: HeadModel): BufferGeometry {
  return geometry(clusterMesh({ ...head, ao: occlusion(head) }, LOD_CELL_MM));
}

function occlusion(head: HeadModel): Float32Array {
  let ao = aoCache.get(head);
  if (!ao) {
    ao = headAmbientOcclusion(head.positions, head.normals, head.indices);
    aoCache.set(head, ao);
  }
  return ao;
}

function geometry(m: { positions: Float32Array; normals: Float32Array; scalpUv: Float32Array; ao: Float32Array; indices: Uint32Array }): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(m.positions, 3));
  g.setAttribute('normal', new BufferAttribute(m.normals, 3));
  g.setAttribute('scalpUv', new BufferAttribute(m.scalpUv, 2));
  g.setAttribute('skinAo', new BufferAttribute(m.ao, 1));
  g.setIndex(new BufferAttribute(m.indices, 1));
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
