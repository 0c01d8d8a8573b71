import { sdEllipsoid, smax, smin } from './sdf';

/** The open eye, in template face coordinates (mm, left eye, x >= 0). The eyeball is not part of
 * the skin: the renderer draws it as a sphere. The skin gives the lids: a shell a little larger
 * than the globe, with an almond-shaped opening (the palpebral fissure) cut through it down to
 * behind the globe's front, so the lid margins rest on the globe and nothing of the skin covers
 * it inside the opening. */

/** Globe centre and radius (adult axial length ~24 mm). Interpupillary distance 64 mm. */
export const GLOBE = { x: 32, y: 9, z: 76.5, radiusMm: 12 } as const;

/** The fissure seen from the front: corners (canthi) on a chord tilted up laterally by ~5 deg,
 * 15.5 mm medial and 13.5 mm lateral of the pupil (29 mm long); the upper lid arches 4.8 mm above
 * the chord, the lower lid dips 4.5 mm below it: 9.3 mm open, an aspect ratio of ~0.32. */
const TILT_RAD = (5 * Math.PI) / 180;
const MEDIAL_MM = 15.5;
const LATERAL_MM = 13.5;
/** Height of the chord (in the tilted frame) relative to the globe centre. */
const CHORD_V_MM = -1;
const UPPER_SAG_MM = 4.8;
const LOWER_SAG_MM = 4.5;
/** Lid thickness over the globe at the margin: the upper lid (tarsus) is thicker. */
const UPPER_LID_MM = 1.9;
const LOWER_LID_MM = 1.4;
/** Depth of the upper-lid crease under the skin. */
const CREASE_DEPTH_MM = 0.6;

const COS = Math.cos(TILT_RAD);
const SIN = Math.sin(TILT_RAD);
const HALF_CHORD = 0.5 * (MEDIAL_MM + LATERAL_MM);
const MID_U = 0.5 * (LATERAL_MM - MEDIAL_MM);
/** Circle through both canthi with the given sagitta: radius, and centre offset from the chord. */
const arc = (sag: number) => {
  const r = (HALF_CHORD * HALF_CHORD + sag * sag) / (2 * sag);
  return { r, off: r - sag };
};
const UPPER = arc(UPPER_SAG_MM);
const LOWER = arc(LOWER_SAG_MM);

/** A canthus, where the lids meet, seen from the front (template face mm, x >= 0), moved
 * `outMm` further out along the line of the corners. */
export function canthusXY(side: 'medial' | 'lateral', outMm = 0): [number, number] {
  const u = side === 'lateral' ? LATERAL_MM + outMm : -MEDIAL_MM - outMm;
  return [GLOBE.x + u * COS - CHORD_V_MM * SIN, GLOBE.y + u * SIN + CHORD_V_MM * COS];
}

/** The fissure as a 2-D signed distance (mm) in the frame of the chord: the lens between the
 * upper and the lower lid's arcs (a lower bound; exact along the lids). */
export function fissure(u: number, v: number): number {
  const du = u - MID_U;
  const up = Math.hypot(du, v - (CHORD_V_MM - UPPER.off)) - UPPER.r;
  const lo = Math.hypot(du, v - (CHORD_V_MM + LOWER.off)) - LOWER.r;
  return up > lo ? up : lo;
}

/** Lid thickness over the globe at height v (tilted frame): the upper lid is thicker. */
function lidThickness(v: number): number {
  const s = v < -3 ? 0 : v > 3 ? 1 : (v + 3) / 6;
  return LOWER_LID_MM + (UPPER_LID_MM - LOWER_LID_MM) * s * s * (3 - 2 * s);
}

/** Within this distance (template mm) of the globe's centre the opening may change the skin. */
export const EYE_REACH_MM = 28;

/** The whole skin `d` (template mm) with the eye: the lids, the upper-lid crease and the opening.
 * Laid on last, so no blend of the face with the cranium thickens the lids or fills the opening. */
export function eyeRegion(d: number, x: number, y: number, z: number, creaseMm: number): number {
  const px = x - GLOBE.x,
    py = y - GLOBE.y,
    pz = z - GLOBE.z;
  const u = px * COS + py * SIN;
  const v = -px * SIN + py * COS;
  const rho = Math.sqrt(px * px + py * py + pz * pz);
  const r = GLOBE.radiusMm;
  // Lids: a shell over the globe, thicker above, kept to the orbit's opening, blending into the
  // socket and cheek around it.
  const shell = smax(rho - r - lidThickness(v), sdEllipsoid(u - MID_U, v - CHORD_V_MM - 1, 0, 19, 13, 100), 5);
  d = smin(d, shell, 3);
  // Upper-lid crease: a shallow groove concentric with the lid margin, `creaseMm` above it,
  // CREASE_DEPTH_MM deep under the skin wherever that is (so never a tunnel), narrowing toward
  // the canthi; only in front (pz > 3). Every cut here is bounded, well within EYE_REACH_MM of
  // the centre, so beyond it nothing changes.
  const up = Math.hypot(u - MID_U, v - (CHORD_V_MM - UPPER.off)) - UPPER.r - creaseMm;
  const along = (u - MID_U) / HALF_CHORD;
  const halfWidth = 2 - 1.2 * Math.min(1, along * along);
  const ends = Math.abs(u - MID_U) - 0.92 * HALF_CHORD;
  const notch = Math.max(Math.abs(up) - halfWidth, -d - CREASE_DEPTH_MM, rho - r - 8, 3 - pz, ends);
  d = smax(d, -notch, 3);
  // The opening: a prism through the lens, from just behind the globe's centre forward. The
  // blend rounds the lid margins (about a mesh cell, so the mesh follows them); inside the
  // globe nothing shows.
  const cavity = Math.max(fissure(u, v), -1 - pz, pz - r - 7);
  d = smax(d, -cavity, 1.8);
  // The corners reach past the globe's outline: the caruncle fills the inner one and a little
  // tissue the outer one, at about the depth of the white of the eye beside them.
  d = smin(d, sdEllipsoid(u + MEDIAL_MM - 1.8, v - CHORD_V_MM, pz + 1, 3.2, 2.6, 5.5), 1.5);
  d = smin(d, sdEllipsoid(u - LATERAL_MM + 0.8, v - CHORD_V_MM, pz + 1, 2.2, 1.8, 5), 1.5);
  return d;
}
