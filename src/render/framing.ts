/** Where the camera goes for each preset, in scene units. */
import { Box3, Vector3 } from 'three';
import type { HeadModel } from '../model';
import { MM_TO_SCENE } from './units';

export type PresetName = 'front' | 'left' | 'right' | 'back' | 'top';

export interface HeadFrame {
  /** The orbit target: midway between the crown and the chin, on the head's midline. */
  centre: Vector3;
  /** Crown to chin. */
  headHeight: number;
  /** Bounding box size. */
  size: Vector3;
  /** Bounding sphere radius about the centre. */
  radius: number;
  /** A point on the crown, and the outward direction there: the working-distance close-up looks at it. */
  crown: Vector3;
  crownNormal: Vector3;
}

/** Share of the view's height the head (crown to chin) fills in a preset: a portrait, with a
 * little neck below and air above, as a consultation photo is framed. */
const HEAD_FILL = 0.7;
/** At most this share of the view's width (ear to ear, or nose to back of the head). */
const FILL_WIDTH = 0.86;
/** The target sits this share of the head's height below the crown-chin midpoint: the centre of
 * a front view falls on the nose, and a little neck shows below the chin. */
const TARGET_DROP = 0.1;
/** Distance of the close-up from the crown: what a technician sees at work. */
export const WORKING_DISTANCE = 180 * MM_TO_SCENE;

/** Where each preset looks from: azimuth round the head (0 = face on, + toward the client's left)
 * and elevation above the target, degrees. People see each other's heads from a little above: a
 * practitioner stands while the client sits, so the front is taken from 15 degrees up, where the
 * hairline and the top of the head show; the sides level; the back a little from above, for the
 * crown; the top from straight above. */
const PRESET_ANGLES: Record<PresetName, { azimuthDeg: number; elevationDeg: number }> = {
  front: { azimuthDeg: 0, elevationDeg: 15 },
  left: { azimuthDeg: 90, elevationDeg: 0 },
  right: { azimuthDeg: -90, elevationDeg: 0 },
  back: { azimuthDeg: 180, elevationDeg: 10 },
  top: { azimuthDeg: 0, elevationDeg: 89.99 },
};

/** Lowest point of the chin: the lowest vertex near the midline in front of the face, above the
 * chest (the chin lies about 1.3 brow-to-vertex heights below the glabella, the chest far lower). */
function chinY(head: HeadModel): number {
  const p = head.positions;
  const { glabella, vertex } = head.landmarks;
  const front = glabella[2] - 35;
  const lowest = glabella[1] - 1.8 * (vertex[1] - glabella[1]);
  let y = Infinity;
  for (let i = 0; i < p.length; i += 3) if (p[i + 2] > front && Math.abs(p[i]) < 20 && p[i + 1] < y && p[i + 1] > lowest) y = p[i + 1];
  return Number.isFinite(y) ? y : glabella[1] - 120;
}

/** The head is framed, not the shoulders under it: only vertices above the chin count. */
export function headFrame(head: HeadModel): HeadFrame {
  const p = head.positions;
  const top = head.landmarks.vertex[1];
  const chin = chinY(head);
  const box = new Box3();
  const v = new Vector3();
  for (let i = 0; i < p.length; i += 3) if (p[i + 1] >= chin) box.expandByPoint(v.set(p[i], p[i + 1], p[i + 2]));
  const size = box.getSize(new Vector3());
  const headHeight = top - chin;
  const centre = new Vector3(0, (top + chin) / 2 - TARGET_DROP * headHeight, box.getCenter(v).z);
  let radius = 0;
  for (let i = 0; i < p.length; i += 3) if (p[i + 1] >= chin) radius = Math.max(radius, v.set(p[i], p[i + 1], p[i + 2]).distanceTo(centre));
  // The crown (whorl) lies behind the vertex: 30 degrees back from the top, seen from inside the cranium.
  const l = head.landmarks;
  const inside = new Vector3(0, l.tragusLeft[1], (l.glabella[2] + l.opisthocranion[2]) / 2);
  const up = new Vector3(...l.vertex).sub(inside).normalize();
  const back = new Vector3(...l.opisthocranion).sub(inside).normalize();
  const dir = up
    .multiplyScalar(Math.cos(Math.PI / 6))
    .addScaledVector(back, Math.sin(Math.PI / 6))
    .normalize();
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
    headHeight: headHeight * MM_TO_SCENE,
    size: size.multiplyScalar(MM_TO_SCENE),
    radius: radius * MM_TO_SCENE,
    crown: crown.multiplyScalar(MM_TO_SCENE),
    crownNormal,
  };
}

/** Unit vector from the target toward a preset's camera. */
function presetDirection(preset: PresetName, out = new Vector3()): Vector3 {
  const { azimuthDeg, elevationDeg } = PRESET_ANGLES[preset];
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  return out.set(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el));
}

/** Camera position for a preset so that the head fills the view as set above; `clearShare` is the
 * share of the view's height that no control covers, which the head fills instead. */
export function presetPosition(frame: HeadFrame, preset: PresetName, fovDeg: number, aspect: number, out = new Vector3(), clearShare = 1): Vector3 {
  const s = frame.size;
  const side = preset === 'left' || preset === 'right';
  // Up the screen: crown to chin (seen from above, the head's length); across: its width.
  const h = preset === 'top' ? s.z : frame.headHeight;
  const w = preset === 'top' ? s.x : side ? s.z : s.x;
  const depth = preset === 'top' ? s.y : side ? s.x : s.z;
  const t = Math.tan((fovDeg * Math.PI) / 360);
  // Fit at the target's plane; the near half of the head is closer and looks a little larger.
  const distance = Math.max(h / (HEAD_FILL * clearShare) / (2 * t), w / FILL_WIDTH / (2 * t * aspect)) + depth * 0.25;
  return presetDirection(preset, out).multiplyScalar(distance).add(frame.centre);
}
