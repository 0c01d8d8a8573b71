import { BufferAttribute, BufferGeometry, type DataTexture } from 'three';
import { headDisplay, type HeadDisplay, type HeadModel } from '../model';
import { lidMapTexture } from './lidMap';

/** A head from the worker brings its display data; any other (a restored context keeps the
 * same head) gets it made once here. */
const displayCache = new WeakMap<HeadModel, HeadDisplay>();

/** The head's GPU geometry, in millimetres (the scene scales it once). Built once per head;
 * the typed arrays are used as they are, not copied. `scalpUv` carries the scalp chart,
 * `skinAo` the baked ambient occlusion, `faceFeatures` the lip and brow weights. */
export function headBufferGeometry(head: HeadModel): BufferGeometry {
  return geometry({ ...head, ao: display(head).occlusion });
}

/** The coarse head for views from afar (see model/head/lod.ts). */
export function headLodGeometry(head: HeadModel): BufferGeometry {
  return geometry(display(head).coarse);
}

/** Where the lids cover the eyes (model/head/lids.ts), as a texture. */
export function headLidTexture(head: HeadModel): DataTexture {
  return lidMapTexture(display(head).lids);
}

function display(head: HeadModel): HeadDisplay {
  if (head.display) return head.display;
  let d = displayCache.get(head);
  if (!d) {
    d = headDisplay(head);
    displayCache.set(head, d);
  }
  return d;
}

type Mesh = { positions: Float32Array; normals: Float32Array; scalpUv: Float32Array; ao: Float32Array; features: Float32Array; indices: Uint32Array };

function geometry(m: Mesh): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(m.positions, 3));
  g.setAttribute('normal', new BufferAttribute(m.normals, 3));
  g.setAttribute('scalpUv', new BufferAttribute(m.scalpUv, 2));
  g.setAttribute('skinAo', new BufferAttribute(m.ao, 1));
  g.setAttribute('faceFeatures', new BufferAttribute(m.features, 2));
  g.setIndex(new BufferAttribute(m.indices, 1));
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
