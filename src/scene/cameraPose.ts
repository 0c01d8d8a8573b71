/** The camera put anywhere round the head, and what it is (where it looks from, its projection):
 * for tests and scripts that take pictures of the head at known poses (window.smpStudio). */
import type { RootState } from '@react-three/fiber';
import { PerspectiveCamera, Vector3 } from 'three';
import type { Vec3 } from '../model';
import { MM_TO_SCENE } from '../render/units';
import { useAppStore } from '../state/store';

export interface CameraPlacement {
  /** Round the head from the front, + toward the client's left, degrees (as the presets). */
  azimuthDeg: number;
  /** Above the target, degrees. */
  elevationDeg: number;
  /** Turn of the camera about its line of sight, degrees: + turns its up counter-clockwise as it
   * looks, so the head in the picture tilts toward the client's left shoulder (roll +, pose.ts). */
  rollDeg?: number;
  /** From the target, mm. */
  distanceMm: number;
  /** What the camera looks at (head coordinates, mm); the current orbit target when not given. */
  targetMm?: Vec3;
}

/** What a picture of the canvas was taken with, in head coordinates (mm): a point p of the head
 * is at rotation * p + translationMm in the camera's frame (x right, y up, z toward the viewer,
 * three.js's convention), and lands at (cx + f x / -z, cy - f y / -z) in CSS pixels. */
export interface CameraFigures {
  /** World to camera, row-major 3x3. */
  rotation: number[];
  translationMm: Vec3;
  focalPx: number;
  /** Where the line of sight meets the picture, CSS pixels from its top left. */
  principalPx: [number, number];
  widthPx: number;
  heightPx: number;
}

type OrbitLike = { target: Vector3; update(): void };

export function placeCamera(state: RootState, p: CameraPlacement): CameraFigures {
  const { camera, controls, invalidate } = state;
  // The camera moved by hand as far as the app knows: a resize does not frame a preset again.
  useAppStore.getState().actions.freeView();
  const orbit = controls as unknown as OrbitLike | null;
  const target = p.targetMm ? new Vector3(...p.targetMm).multiplyScalar(MM_TO_SCENE) : (orbit?.target.clone() ?? new Vector3());
  const az = (p.azimuthDeg * Math.PI) / 180;
  const el = (p.elevationDeg * Math.PI) / 180;
  const back = new Vector3(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el));
  camera.position.copy(target).addScaledVector(back, p.distanceMm * MM_TO_SCENE);
  camera.up.set(0, 1, 0).applyAxisAngle(back, ((p.rollDeg ?? 0) * Math.PI) / 180);
  camera.lookAt(target);
  if (orbit) {
    orbit.target.copy(target);
    orbit.update();
  }
  invalidate();
  return cameraFigures(state);
}

export function cameraFigures(state: RootState): CameraFigures {
  const { camera, size } = state;
  if (!(camera instanceof PerspectiveCamera)) throw new Error('the viewer has no perspective camera');
  camera.updateMatrixWorld();
  const m = camera.matrixWorldInverse.elements; // column-major
  // A view offset (a control over the bottom of the view) moves the picture off the line of sight.
  const v = camera.view?.enabled ? camera.view : null;
  const principalPx: [number, number] = v ? [v.fullWidth / 2 - v.offsetX, v.fullHeight / 2 - v.offsetY] : [size.width / 2, size.height / 2];
  return {
    rotation: [m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]],
    translationMm: [m[12] / MM_TO_SCENE, m[13] / MM_TO_SCENE, m[14] / MM_TO_SCENE],
    focalPx: size.height / 2 / Math.tan((camera.fov * Math.PI) / 360) / camera.zoom,
    principalPx,
    widthPx: size.width,
    heightPx: size.height,
  };
}
