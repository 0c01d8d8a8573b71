/** Where the camera goes for each preset, in scene units. */
import { Box3, Vector3 } from 'three';
import type { HeadModel } from '../model';
import { MM_TO_SCENE } from './units';

export type PresetName = 'front' | 'left' | 'right' | 'back' | 'top';

export interface HeadFrame {
  /** The orbit target: near the centre of the head's bounding box. */
  centre: Vector3;
  /** How far the target sits above the bounding box's centre. */
  lift: number;
  /** Bounding box size. */
  size: Vector3;
  /** Bounding sphere radius about the centre. */
  radius: number;
  /** A point on the crown, and the outward direction there: the working-distance close-up looks at it. */
  crown: Vector3;
  crownNormal: Vector3;
}

/** Share of the viewport's height (and at most of its width) the head fills in a preset. */
const FILL_HEIGHT = 0.72;
/** The orbit target sits this share of the model's height above its bounding-box centre, so the
 * middle of a front view falls on the nose and eyes rather than in the shadow under the nose
 * (the model includes a neck). */
const TARGET_LIFT = 0.05;
const FILL_WIDTH = 0.8;
/** Distance of the close-up from the crown: what a technician sees at work. */
export const WORKING_DISTANCE = 180 * MM_TO_SCENE;

export function headFrame(head: HeadModel): HeadFrame {
  const p = head.positions;
  const box = new Box3();
  const v = new Vector3();
  for (let i = 0; i < p.length; i += 3) box.expandByPoint(v.set(p[i], p[i + 1], p[i + 2]));
  const size = box.getSize(new Vector3());
  const lift = size.y * TARGET_LIFT;
  const centre = box.getCenter(new Vector3()).add(new Vector3(0, lift, 0));
  let radius = 0;
  for (let i = 0; i < p.length; i += 3) radius = Math.max(radius, v.set(p[i], p[i + 1], p[i + 2]).distanceTo(centre));

  // The crown (whorl) lies behind the vertex: 30 degrees back from the top, seen from inside the cranium.
  const l = head.landmarks;
  const inside = new Vector3(0, l.tragusLeft[1], (l.glabella[2] + l.opisthocranion[2]) / 2);
  const up = new Vector3(...l.vertex).sub(inside).normalize();
  const back = new Vector3(...l.opisthocranion).sub(inside).normalize();
  const dir = up.multiplyScalar(Math.cos(Math.PI / 6)).addScaledVector(back, Math.sin(Math.PI / 6)).normalize();
  let best = -Infinity;
  const crown = new Vector3();
  const crownNormal = new Vector3();
  for (let i = 0; i < p.length; i += 3) {
    v.set(p[i], p[i + 1], p[i + 2]).sub(inside);
    const score = v.dot(dir) / v.length() + v.length() * 1e-6;
    if (score > best) {
      best = score;
      crown.set(p[i], p[i + 1], p[i + 2]);
      crownNormal.set(head.normals[i], head.normals[i + 1], head.normals[i + 2]).normalize();
    }
  }

  return {
    centre: centre.multiplyScalar(MM_TO_SCENE),
    lift: lift * MM_TO_SCENE,
    size: size.multiplyScalar(MM_TO_SCENE),
    radius: radius * MM_TO_SCENE,
    crown: crown.multiplyScalar(MM_TO_SCENE),
    crownNormal,
  };
}

const DIRECTIONS: Record<PresetName, [number, number, number]> = {
  front: [0, 0, 1],
  // +x is the client's left: the left view looks at the left side of the head.
  left: [1, 0, 0],
  right: [-1, 0, 0],
  back: [0, 0, -1],
  // A hair off vertical, so the orbit has a defined "up" (the face toward the bottom of the screen).
  top: [0, 1, 1e-4],
};

/** Camera position for a preset so that the head fills the viewport as set above. */
export function presetPosition(frame: HeadFrame, preset: PresetName, fovDeg: number, aspect: number, out = new Vector3()): Vector3 {
  const [dx, dy, dz] = DIRECTIONS[preset];
  const s = frame.size;
  // Extents across the screen (w), up the screen (h) and along the view (depth); the target is
  // lifted above the centre, so the lower part of a side view reaches further from it.
  const [w, h, depth] = preset === 'top' ? [s.x, s.z, s.y] : dx !== 0 ? [s.z, s.y + 2 * frame.lift, s.x] : [s.x, s.y + 2 * frame.lift, s.z];
  const t = Math.tan((fovDeg * Math.PI) / 360);
  // Fit the silhouette at the centre plane; a little more for what stands out toward the camera.
  const distance = Math.max(h / FILL_HEIGHT / (2 * t), w / FILL_WIDTH / (2 * t * aspect)) + depth * 0.15;
  return out.set(dx, dy, dz).normalize().multiplyScalar(distance).add(frame.centre);
}
