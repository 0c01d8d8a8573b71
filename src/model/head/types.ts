import type { Sex } from './form';
import type { LodMesh } from './lod';

/** Millimetres, right-handed: +y up, +z out through the face, +x toward the client's left ear,
 * origin midway between the tragi. */
export type Vec3 = [number, number, number];

/** An eyeball: not part of the skin mesh, drawn by the renderer as a sphere in the lids'
 * opening, with the cornea (and iris) toward `forwardDir` (unit). */
export interface EyeBall {
  centerMm: Vec3;
  radiusMm: number;
  forwardDir: Vec3;
}

export interface HeadMeasures {
  /** Maximum circumference in the plane through glabella and opisthocranion. */
  circumferenceMm: number;
  /** Glabella to opisthocranion, straight line. */
  lengthMm: number;
  /** Maximum breadth of the cranium above the ears. */
  breadthMm: number;
}

export const LANDMARKS = ['glabella', 'nasion', 'vertex', 'opisthocranion', 'inion', 'nape', 'tragusLeft', 'tragusRight', 'eyeOuterLeft', 'eyeOuterRight', 'menton'] as const;
export type Landmark = (typeof LANDMARKS)[number];

/** The scalp chart: an area-preserving polar map of the hair-bearing region.
 * A surface point is seen from `centerMm` in direction d; theta is the angle between d and
 * `poleDir`, phi the azimuth around it measured from `frontDir`. The chart radius rho(theta, phi)
 * is chosen so that chart area equals surface area (rho drho = dA/dtheta per unit phi). */
export interface ScalpChart {
  centerMm: Vec3;
  poleDir: Vec3;
  frontDir: Vec3;
  thetaSteps: number;
  phiSteps: number;
  thetaMaxRad: number;
  /** rho in mm, (phiSteps + 1) rows of (thetaSteps + 1) samples; phi row 0 and phiSteps coincide. */
  rhoMm: Float32Array;
  /** Surface point hit by each (phi, theta) ray, xyz mm, same layout as rhoMm: lets samplers
   * move on the surface without the head's distance function. */
  surfaceMm: Float32Array;
  /** Chart half-width in mm: texture u, v = 0.5 + rho(cos, sin) / (2 * extentMm). */
  extentMm: number;
  /** Polar angle of the hair-bearing boundary per phi row (radians). */
  boundaryThetaRad: Float32Array;
  /** Surface area of the hair-bearing region, mm^2. */
  regionAreaMm2: number;
}

export interface HeadModel {
  measures: HeadMeasures;
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
  landmarks: Record<Landmark, Vec3>;
  chart: ScalpChart;
  /** Per vertex: chart texture coordinates (u, v) in [0, 1]; -1, -1 where the vertex is outside the chart. */
  scalpUv: Float32Array;
  /** Per vertex: [lip, brow] weights in [0, 1] (vermilion; eyebrow hair density), for colouring. */
  features: Float32Array;
  /** The eyeballs, left then right. */
  eyes: EyeBall[];
  /** The sex the face and bust were built for. */
  sex: Sex;
  /** Occlusion and the coarse mesh for the viewer, when the head worker has made them. */
  display?: HeadDisplay;
}

export class HeadMeasureError extends Error {
  constructor(
    readonly field: keyof HeadMeasures | 'measures',
    message: string,
  ) {
    super(message);
    this.name = 'HeadMeasureError';
  }
}

/** What the viewer draws besides the head itself: per-vertex ambient occlusion, a coarse copy of
 * the mesh and where the lids cover the eyes (lids.ts). A few hundred ms of CPU per head, so the
 * head worker makes it with the head. */
export interface HeadDisplay {
  occlusion: Float32Array;
  coarse: LodMesh;
  lids: Uint8Array;
}
