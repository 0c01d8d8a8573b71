/** What the face-landmark model (MediaPipe BlazeFace and FaceMesh, run by the landmark worker) finds in a photo: the input the head's pose and scale are fitted to. */

/** FaceMesh's points (MediaPipe's canonical face mesh numbering). */
export const FACE_MESH_POINTS = 468;

export interface FaceLandmarks {
  /** The image the points are in, pixels. */
  imageWidthPx: number;
  imageHeightPx: number;
  /** The face's box: left, top, width, height, pixels. */
  boxPx: [number, number, number, number];
  /** The detector's confidence in the box, 0-1. */
  boxScore: number;
  /** The mesh's confidence, 0-1. */
  meshScore: number;
  /** FACE_MESH_POINTS points, x and y in image pixels (x right, y down) and z, a relative depth
   * in about the same units (toward the camera negative), as FaceMesh gives it. */
  meshPx: Float32Array;
  /** The pose the landmark library itself reads from the mesh, degrees, its own conventions
   * (kept for comparison; the app's pose comes from the fit, poseFit.ts). */
  libraryAnglesDeg: { yaw: number; pitch: number; roll: number };
}

/** Point `i` of the mesh, in image pixels. */
export function meshPoint(f: FaceLandmarks, i: number): [number, number] {
  return [f.meshPx[3 * i], f.meshPx[3 * i + 1]];
}
