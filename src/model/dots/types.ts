/** The dots' own types, at the bottom of the model: what the hair, scars and fading read of dots
 * without the generator. */
import type { HeadModel } from '../head/types';

/** Dots of all layers, in layer order. Typed arrays only, so they can be transferred. */
export interface DotSet {
  count: number;
  positions: Float32Array;
  normals: Float32Array;
  /** Scalp chart texture coordinates, for baking. */
  uv: Float32Array;
  /** Per dot, the chart images (texture units per mm) of two orthonormal tangent directions:
   * the dot's footprint in the texture is the ellipse they span (see chartStretch). The first is
   * stretched by the layer's `elongation`, when it has one. */
  uvAxes: Float32Array;
  layer: Uint8Array;
  diameterMm: Float32Array;
  /** Pigment concentration share: 0 the lightest dilution, 1 undiluted carbon black. */
  shade: Float32Array;
  /** Dots per layer. */
  layerCounts: Uint32Array;
  /** Treated area of each layer, weighted by its coverage (cm^2): dots / area is its density. */
  layerAreaCm2: Float32Array;
  /** Per layer, the footprint's length over its width (diameterMm) along the first axis: a hair
   * shaft is a strip, not a disk. Absent: every layer round (1). */
  elongation?: Float32Array;
}

/** What the sampler needs of the head; a worker can be sent just this. */
export type DotsHead = Pick<HeadModel, 'chart' | 'landmarks' | 'measures'>;
