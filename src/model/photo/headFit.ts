/** The app's head fitted to a photo: its pose, and its scale in millimetres per pixel.
 *
 * FaceMesh's 468 points are matched with where the same points lie on the app's own head
 * (faceMeshOnHead.ts: found by FaceMesh itself on renders of the head at known poses, as they
 * slide with the pose), and the head turned and moved until the two agree in the photo
 * (slidingPoints.ts, poseFit.ts). FaceMesh's points are not
 * the anthropometric landmarks their names suggest: matched instead with the head's own eye and
 * mouth corners, nose tip, subnasale, nasion and chin (13 points), FaceMesh's fell 4-10 mm from
 * them on renders of the head and the pose came out 5-18 degrees off. The head's size is taken
 * as the app's head has it (the client's measures); a second scale follows from a published
 * width of the eyes (ex-ex), for comparison. */
import { canthusXY } from '../head/eyes';
import type { Sex } from '../head/form';
import type { Landmark, Vec3 } from '../head/types';
import type { FaceLandmarks } from './faceLandmarks';
import { FACE_MESH_CALIBRATION, FACE_MESH_ON_HEAD_MM } from './faceMeshOnHead';
import { apply, type HeadPose, type Mat3, type PinholeCamera } from './pose';
import { fitSlidingPoints, placesAt, type SlidingPoints } from './slidingPoints';

/** What the fit needs of the head: its outer eye corners (they place and size its face) and sex. */
export interface FaceModelSource {
  landmarks: Pick<Record<Landmark, Vec3>, 'eyeOuterLeft' | 'eyeOuterRight'>;
  sex: Sex;
}

/** Biocular width (ex-ex, outer eye corner to outer eye corner), mm: young adults, 3D
 * stereophotogrammetry (SOURCES, "Width of the eyes"). */
export const EXOCANTHION_SPAN_MM: Record<Sex, number> = { male: 93.0, female: 88.4 };

/** A phone's main camera, as a 35 mm-equivalent focal length (mm), for a photo whose own is not
 * known (ASSUMPTIONS). */
export const ASSUMED_FOCAL_35MM = 26;
/** The 35 mm frame's diagonal, mm. */
const FRAME_DIAGONAL_MM = Math.hypot(36, 24);

/** The camera assumed for a photo of this size: the focal length above, the line of sight through
 * the middle of the picture. */
export function assumedCamera(widthPx: number, heightPx: number, focal35mm = ASSUMED_FOCAL_35MM): PinholeCamera {
  return { focalPx: (focal35mm / FRAME_DIAGONAL_MM) * Math.hypot(widthPx, heightPx), principalPx: [widthPx / 2, heightPx / 2] };
}

/** The head's outer eye landmarks sit this far (template mm, along the eye's axis) outside the
 * very corner (head/landmarks.ts); the corners themselves: */
const CORNER_X = canthusXY('lateral')[0];
const LANDMARK_X = canthusXY('lateral', 1.5)[0];

/** The face's scale against the head the points were found on, and the outer eyes' midpoint. */
function faceFrame(head: FaceModelSource): { scale: number; origin: Vec3 } {
  const l = head.landmarks.eyeOuterLeft;
  const r = head.landmarks.eyeOuterRight;
  return {
    scale: (l[0] - r[0]) / 2 / FACE_MESH_CALIBRATION.eyeOuterHalfSpanMm,
    origin: [(l[0] + r[0]) / 2, (l[1] + r[1]) / 2, (l[2] + r[2]) / 2],
  };
}

/** Outer eye corner to outer eye corner on the head, mm. */
export function exocanthionSpanMm(head: FaceModelSource): number {
  return (head.landmarks.eyeOuterLeft[0] - head.landmarks.eyeOuterRight[0]) * (CORNER_X / LANDMARK_X);
}

/** FaceMesh's points on this head (head coordinates, mm), as they slide with the pose
 * (slidingPoints.ts): the face scales as a whole with the head, about the outer eyes' midpoint. */
export function faceMeshSliding(head: FaceModelSource): SlidingPoints {
  const { scale, origin } = faceFrame(head);
  const terms = FACE_MESH_ON_HEAD_MM.map((p, k) =>
    Array.from({ length: p.length / 3 }, (_, i): Vec3 => {
      const at = k === 0 ? origin : [0, 0, 0];
      return [at[0] + scale * p[3 * i], at[1] + scale * p[3 * i + 1], at[2] + scale * p[3 * i + 2]];
    }),
  );
  const { yawRangeDeg, pitchRangeDeg, rollRangeDeg } = FACE_MESH_CALIBRATION;
  return { terms, yawRangeDeg, pitchRangeDeg, rollRangeDeg };
}

/** Where FaceMesh's points lie on this head (head coordinates, mm) seen at a pose (yaw, pitch and
 * roll 0 when not given). */
export function faceMeshOnHead(head: FaceModelSource, pose: HeadPose = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 }): Vec3[] {
  return placesAt(faceMeshSliding(head), pose);
}

export interface PhotoFit {
  pose: HeadPose;
  /** Head to camera (pose.ts): a head point p is at rotation p + translationMm. */
  rotation: Mat3;
  translationMm: Vec3;
  camera: PinholeCamera;
  /** Millimetres per pixel at the outer eyes' midpoint, with the head as large as the app's head. */
  mmPerPx: number;
  /** The same, with the eyes as wide as the published mean for the head's sex. */
  mmPerPxFromEyes: number;
  /** How far the fitted head's points fall from FaceMesh's, root mean square, pixels. */
  rmsPx: number;
}

/** Fits the head to the face found in a photo. `camera` defaults to assumedCamera(). */
export function fitHeadToPhoto(face: FaceLandmarks, head: FaceModelSource, camera?: PinholeCamera): PhotoFit {
  const cam = camera ?? assumedCamera(face.imageWidthPx, face.imageHeightPx);
  const points = faceMeshSliding(head);
  const seen = points.terms[0].map((_, i): [number, number] => [face.meshPx[3 * i], face.meshPx[3 * i + 1]]);
  const fit = fitSlidingPoints(points, seen, cam);
  const eyes = faceFrame(head).origin;
  const q = apply(fit.rotation, eyes);
  const mmPerPx = -(q[2] + fit.translationMm[2]) / cam.focalPx;
  return {
    pose: fit.pose,
    rotation: fit.rotation,
    translationMm: fit.translationMm,
    camera: cam,
    mmPerPx,
    // The whole scene scaled about the camera projects the same: scale follows the eyes' width.
    mmPerPxFromEyes: mmPerPx * (EXOCANTHION_SPAN_MM[head.sex] / exocanthionSpanMm(head)),
    rmsPx: fit.rmsPx,
  };
}
