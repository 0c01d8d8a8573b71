import { BufferAttribute, BufferGeometry } from 'three';
import type { HeadModel } from '../model';

/** The head's GPU geometry, in millimetres (the scene scales it once). Built once per head;
 * the typed arrays are used as they are, not copied. `scalpUv` carries the scalp chart. */
export function headBufferGeometry(head: HeadModel): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(head.positions, 3));
  g.setAttribute('normal', new BufferAttribute(head.normals, 3));
  g.setAttribute('scalpUv', new BufferAttribute(head.scalpUv, 2));
  g.setIndex(new BufferAttribute(head.indices, 1));
  g.computeBoundingBox();
  g.computeBoundingSphere();
  return g;
}
