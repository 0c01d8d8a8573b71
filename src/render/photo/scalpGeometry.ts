/** The part of the head drawn for each frame of a photo: the scalp, every triangle touching the
 * chart, where the dots can be (a third to two fifths of the head's triangles). What stands in
 * front of it (an ear, the face seen from below) is in the depth of the whole head, drawn once
 * per fit (photoRenderer.ts). On a software rasteriser a triangle costs about as much as a
 * pixel's worth of shading, so the face, neck and shoulders are not drawn again for each year.
 * The triangles share the head's vertex buffers; only their index list is new. */
import { BufferGeometry, Uint32BufferAttribute } from 'three';

export function scalpGeometry(geometry: BufferGeometry): BufferGeometry {
  const index = geometry.getIndex()!.array;
  const uv = geometry.getAttribute('scalpUv').array;
  const kept: number[] = [];
  for (let t = 0; t < index.length; t += 3) if (uv[2 * index[t]] >= 0 || uv[2 * index[t + 1]] >= 0 || uv[2 * index[t + 2]] >= 0) kept.push(index[t], index[t + 1], index[t + 2]);
  const sub = new BufferGeometry();
  for (const [name, attribute] of Object.entries(geometry.attributes)) sub.setAttribute(name, attribute);
  sub.setIndex(new Uint32BufferAttribute(kept, 1));
  sub.boundingBox = geometry.boundingBox;
  sub.boundingSphere = geometry.boundingSphere;
  return sub;
}

/** Frees the part's own index, leaving the head's vertex buffers to the head (three.js deletes
 * every buffer of a disposed geometry). */
export function disposeScalpGeometry(sub: BufferGeometry): void {
  for (const name of Object.keys(sub.attributes)) sub.deleteAttribute(name);
  sub.dispose();
}
