/** The hairline's draggable handles: their default positions from the landmarks, the stored
 * offsets applied to them, and moving one within the limits that hold it.
 *
 * Handles are stored as OFFSETS IN CHART ANGLES (degrees) FROM THE STYLE'S LANDMARK-DEFINED
 * DEFAULTS. The defaults come from the glabella, the outer eye corners and the hair-bearing
 * outline, and the chart itself is built from the landmarks, so a dragged design carries over
 * to a smaller or larger head in proportion, and the mid-frontal point keeps its meaning: it
 * always sits `midFrontalHeightMm` along the surface above the glabella. */
import type { Vec3 } from '../head/types';
import { boundaryAt } from './chart';
import { hairRegionOutline } from './region';
import { midlineHeightMm, midlineTheta, phiAtX, polarOf, surfacePointAt, type HeadLike } from './chartGeometry';
import { HAIRLINE_STYLE_PRESETS, resolve, type FixedHandleId, type Hairline, type HairlineHandles, type HairlineSpec, type HairlineStyle, type HandleId } from './hairlineSchema';

/** Lowest a handle may go: 45 mm along the surface above the glabella on the midline, and the
 * hair-bearing outline elsewhere. 45 mm is the outline's own front edge (region.ts) and leaves
 * the brows (about 1-2 cm above the glabella) a forehead between them and any hairline; no
 * design hairline goes there (the schema's minimum is 60 mm, 7 cm is "aggressive"). */
export const BROW_LIMIT_MM = 45;
/** Highest: a handle 150 mm above the glabella (along the midline's chart angle) is on the crown,
 * beyond any designed hairline (10 cm is conservative). Assumption. */
const CEILING_MM = 150;
/** Handles keep this far inside the outline, so the transition zone has room (assumption). */
const EDGE_MARGIN_RAD = (1.5 * Math.PI) / 180;
/** Smallest azimuth gap between neighbouring handles: closer and the curve folds (assumption). */
const MIN_GAP_RAD = (4 * Math.PI) / 180;
const DEG = 180 / Math.PI;
const MID_RANGE_MM: [number, number] = [60, 120];

/** Control points of the curve, right temple end to left temple end, signed phi (left > 0). */
interface Controls {
  phi: Float64Array; // 7
  theta: Float64Array; // 7
}
const ORDER: (HandleId | FixedHandleId)[] = ['templeEndRight', 'templeRight', 'frontotemporalRight', 'mid', 'frontotemporalLeft', 'templeLeft', 'templeEndLeft'];

// ---- default handles from the landmarks -------------------------------------------------

/** Left-side defaults (theta, phi > 0) of the frontotemporal point, temple peak and temple end
 * for a style at a mid-frontal height; the right side mirrors them. */
function defaultControls(head: HeadLike, style: HairlineStyle, midHeightMm: number): Controls {
  const chart = head.chart;
  const l = head.landmarks;
  const p = HAIRLINE_STYLE_PRESETS[style];
  const tMid = midlineTheta(head, midHeightMm);
  const mid: Vec3 = [0, 0, 0];
  surfacePointAt(chart, tMid, 0, mid);
  const e = l.eyeOuterLeft;
  // Frontotemporal point: on the vertical through the outer eye corner (Garg et al. 2017), at
  // the mid point's polar angle less the style's rise (equal polar angle is an equal distance
  // from the crown, as the chart's pole tilts back with the head).
  const rMid = Math.hypot(mid[0] - chart.centerMm[0], mid[1] - chart.centerMm[1], mid[2] - chart.centerMm[2]);
  let tFt = tMid - p.ftRiseMm / rMid;
  let pFt = phiAtX(chart, tFt, e[0]);
  // Temple end: where the hairline meets the hair-bearing outline at the temple (region.ts).
  const [, pEnd] = polarOf(chart, hairRegionOutline(l)[3]);
  const tEnd = boundaryAt(chart, pEnd);
  // Temple peak: on the meridian halfway from the frontotemporal point to the temple end, the
  // point `peakFromEyeMm` straight from the outer eye corner (Garg et al. 2017: ~5 cm),
  // found walking up from the outline; kept inside the outline.
  const pPeak = 0.5 * (pFt + pEnd);
  const tLow = boundaryAt(chart, pPeak) - EDGE_MARGIN_RAD;
  let tPeak = tLow;
  const q: Vec3 = [0, 0, 0];
  for (let t = tLow; t > 0.3; t -= 0.002) {
    surfacePointAt(chart, t, pPeak, q);
    tPeak = t;
    if (Math.hypot(q[0] - e[0], q[1] - e[1], q[2] - e[2]) >= p.peakFromEyeMm) break;
  }
  tFt = Math.min(tFt, boundaryAt(chart, pFt) - EDGE_MARGIN_RAD);
  pFt = Math.max(pFt, MIN_GAP_RAD);
  return {
    phi: Float64Array.from([-pEnd, -pPeak, -pFt, 0, pFt, pPeak, pEnd]),
    theta: Float64Array.from([tEnd, tPeak, tFt, tMid, tFt, tPeak, tEnd]),
  };
}

const RAD = Math.PI / 180;
const SLOT: Record<HandleId, number> = { templeRight: 1, frontotemporalRight: 2, mid: 3, frontotemporalLeft: 4, templeLeft: 5 };

/** The control points of a hairline on a head: style defaults plus the stored offsets. */
export function controls(head: HeadLike, h: Hairline): Controls {
  const c = defaultControls(head, h.style, h.midFrontalHeightMm);
  const o = h.handles;
  if (!o) return c;
  // A symmetric hairline takes the left side as the master (so switching symmetry on mirrors it).
  c.phi[3] += h.symmetric ? 0 : o.midDPhiDeg * RAD;
  for (const id of ['frontotemporalLeft', 'frontotemporalRight', 'templeLeft', 'templeRight'] as const) {
    const src = h.symmetric && id.endsWith('Right') ? o[MIRROR[id]] : o[id];
    const sign = h.symmetric && id.endsWith('Right') ? -1 : 1;
    c.phi[SLOT[id]] += sign * src.dPhiDeg * RAD;
    c.theta[SLOT[id]] += src.dThetaDeg * RAD;
  }
  // Offsets made on another head stay on this one's scalp.
  const ceiling = midlineTheta(head, CEILING_MM);
  for (const k of [1, 2, 4, 5]) c.theta[k] = Math.max(ceiling, Math.min(c.theta[k], boundaryAt(head.chart, c.phi[k]) - EDGE_MARGIN_RAD));
  // The mid point's height is midFrontalHeightMm at any sideways offset.
  return c;
}

// ---- handles -------------------------------------------------------------------------

export interface HairlineHandle {
  id: HandleId | FixedHandleId;
  positionMm: Vec3;
  /** Signed azimuth (rad), left > 0, and polar angle (rad) on the chart. */
  phi: number;
  theta: number;
  fixed: boolean;
}

/** Every handle, right temple end to left temple end. */
export function hairlineHandles(head: HeadLike, hairline: HairlineSpec): HairlineHandle[] {
  const c = controls(head, resolve(hairline));
  return ORDER.map((id, k) => {
    const positionMm: Vec3 = [0, 0, 0];
    surfacePointAt(head.chart, c.theta[k], c.phi[k], positionMm);
    return { id, positionMm, phi: c.phi[k], theta: c.theta[k], fixed: k === 0 || k === 6 };
  });
}

export interface MoveResult {
  hairline: Hairline;
  /** Why the handle was held short of the point, or null when it went where asked. */
  warning: string | null;
}

const NAMES: Record<HandleId, string> = {
  mid: 'mid-frontal point',
  frontotemporalLeft: 'left frontotemporal point',
  frontotemporalRight: 'right frontotemporal point',
  templeLeft: 'left temple peak',
  templeRight: 'right temple peak',
};
type LateralId = Exclude<HandleId, 'mid'>;
const MIRROR: Record<LateralId, LateralId> = {
  frontotemporalLeft: 'frontotemporalRight',
  frontotemporalRight: 'frontotemporalLeft',
  templeLeft: 'templeRight',
  templeRight: 'templeLeft',
};

/** Moves a handle to the scalp point nearest `pointMm` (and its mirror image when symmetric).
 * A point off the scalp, below the brows, past a neighbouring handle or onto the crown holds
 * the handle at the nearest valid position, with the reason. Returns a new hairline. */
export function moveHandle(head: HeadLike, hairline: HairlineSpec, id: HandleId | FixedHandleId, pointMm: Vec3): MoveResult {
  const h = resolve(hairline);
  if (id === 'templeEndLeft' || id === 'templeEndRight') {
    return { hairline: h, warning: 'The temple ends sit where the hairline meets the hair-bearing outline; they do not move.' };
  }
  const chart = head.chart;
  const g = head.landmarks.glabella;
  let [theta, phi] = polarOf(chart, pointMm);
  const reasons: string[] = [];
  const name = NAMES[id];
  const onForehead = Math.abs(phi) < polarOf(chart, hairRegionOutline(head.landmarks)[2])[1];

  // 1. Onto the hair-bearing scalp.
  const floor = boundaryAt(chart, phi) - EDGE_MARGIN_RAD;
  if (theta > floor) {
    const belowBrowLine = pointMm[1] < g[1] + BROW_LIMIT_MM && pointMm[2] > 0;
    if (onForehead && belowBrowLine) {
      const held = id === 'mid' ? `${MID_RANGE_MM[0]} mm, the lowest hairline a design allows` : 'the edge of the hair-bearing scalp';
      reasons.push(`The ${name} can't go down to the eyebrows (under ${BROW_LIMIT_MM} mm above the glabella); it is held at ${held}.`);
    } else {
      reasons.push(`The ${name} was dragged off the hair-bearing scalp; it is held on its edge.`);
    }
    theta = floor;
  }
  const ceiling = midlineTheta(head, CEILING_MM);
  if (theta < ceiling) {
    reasons.push(`The ${name} can't go onto the crown (more than ${CEILING_MM} mm above the glabella); it is held in front of it.`);
    theta = ceiling;
  }

  // 2. The mid point's height is the design's midFrontalHeightMm, within its range.
  let next: Hairline = { ...h };
  const offsets: HairlineHandles = h.handles ? structuredClone(h.handles) : zeroHandles();
  if (id === 'mid') {
    let height = midlineHeightMm(head, theta);
    if (height < MID_RANGE_MM[0]) {
      if (!reasons.length) {
        reasons.push(
          height < BROW_LIMIT_MM
            ? `The mid-frontal point can't go down to the eyebrows; it is held at ${MID_RANGE_MM[0]} mm above the glabella, the lowest hairline a design allows.`
            : `The mid-frontal point is held at ${MID_RANGE_MM[0]} mm above the glabella, the lowest hairline a design allows (7 cm is already aggressive).`,
        );
      }
      height = MID_RANGE_MM[0];
    } else if (height > MID_RANGE_MM[1]) {
      reasons.push(`The mid-frontal point is held at ${MID_RANGE_MM[1]} mm above the glabella, the highest hairline a design allows.`);
      height = MID_RANGE_MM[1];
    }
    next.midFrontalHeightMm = Math.round(height * 100) / 100;
    if (h.symmetric) phi = 0;
  }

  // 3. Keep the handles in order left to right, so the curve cannot cross or fold.
  const c = controls(head, { ...next, handles: offsets });
  const slot = SLOT[id];
  const lo = c.phi[slot - 1] + MIN_GAP_RAD,
    hi = c.phi[slot + 1] - MIN_GAP_RAD;
  if (phi < lo || phi > hi) {
    phi = Math.max(lo, Math.min(hi, phi));
    const between = neighbours(id);
    reasons.push(`The ${name} must stay between the ${between[0]} and the ${between[1]}, or the hairline would cross itself; it is held there.`);
  }
  // Re-check the outline where the handle ended up.
  theta = Math.min(theta, boundaryAt(chart, phi) - EDGE_MARGIN_RAD);

  // 4. Store as offsets from the defaults (the defaults follow the mid-frontal height).
  const d = defaultControls(head, next.style, next.midFrontalHeightMm);
  if (id === 'mid') {
    offsets.midDPhiDeg = clampDeg((phi - d.phi[3]) * DEG, 20);
  } else {
    offsets[id] = { dPhiDeg: clampDeg((phi - d.phi[slot]) * DEG, 40), dThetaDeg: clampDeg((theta - d.theta[slot]) * DEG, 40) };
    if (h.symmetric) offsets[MIRROR[id]] = { dPhiDeg: -offsets[id].dPhiDeg, dThetaDeg: offsets[id].dThetaDeg };
  }
  next = { ...next, handles: offsets };
  return { hairline: next, warning: reasons.length ? reasons.join(' ') : null };
}

function neighbours(id: HandleId): [string, string] {
  switch (id) {
    case 'mid':
      return ['right frontotemporal point', 'left frontotemporal point'];
    case 'frontotemporalLeft':
      return ['mid-frontal point', 'left temple peak'];
    case 'frontotemporalRight':
      return ['right temple peak', 'mid-frontal point'];
    case 'templeLeft':
      return ['left frontotemporal point', 'left temple end'];
    case 'templeRight':
      return ['right temple end', 'right frontotemporal point'];
  }
}

function clampDeg(v: number, limit: number): number {
  return Math.round(Math.max(-limit, Math.min(limit, v)) * 1e4) / 1e4;
}

function zeroHandles(): HairlineHandles {
  const z0 = () => ({ dPhiDeg: 0, dThetaDeg: 0 });
  return { midDPhiDeg: 0, frontotemporalLeft: z0(), frontotemporalRight: z0(), templeLeft: z0(), templeRight: z0() };
}
