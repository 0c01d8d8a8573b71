/** The lid map (model/head/lids.ts) as a texture, and each eye's frame as a matrix. */
import { DataTexture, LinearFilter, Matrix3, RedFormat, UnsignedByteType } from 'three';
import { eyeFrame, LID_MAP_TEXELS, type EyeBall } from '../model';

export { LID_MAP_RANGE_MM } from '../model';

/** The eye's frame as a matrix of columns right, up, forward (head space, unit). */
export function eyeBasis(eye: EyeBall, out = new Matrix3()): Matrix3 {
  out.elements.splice(0, 9, ...eyeFrame(eye));
  return out;
}

/** Both eyes' maps side by side (left eye first), R8, linearly filtered. */
export function lidMapTexture(data: Uint8Array): DataTexture {
  const t = new DataTexture(data, 2 * LID_MAP_TEXELS, LID_MAP_TEXELS, RedFormat, UnsignedByteType);
  t.minFilter = LinearFilter;
  t.magFilter = LinearFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}
