/** The head's shape read from the outline of the client's head in a fitted photo.
 *
 * The fit (headFit.ts) lays the app's face on the client's; the skull round it is the app's. Its
 * outline is then compared with the photo's, on the rows where the outline is cranium, above the
 * ears (head frame 36-56 mm above the tragi, where the breadth is greatest):
 *  - front and back photos: the breadth between the two sides;
 *  - side photos: the length from the glabella (on the fitted face) to the back of the head.
 * The app's face scales with the square root of breadth x length (head/shape.ts), so a photo fitted
 * on the face shows the head's proportion, not its size: a breadth seen r times the app's means a
 * cephalic index (breadth / length) r² times the app's, a length seen r times means 1 / r². The
 * size stays the client's circumference, measured with a tape: the suggested length and breadth
 * keep the head's horizontal outline as long (an ellipse's perimeter, Ramanujan).
 *
 * The photo's edge is found along each row near the app's outline: the strongest step in colour
 * (CIE76 over three pixels each side) whose outer side looks like the background further out.
 * It reads a shaved or bald head against a plain background; hair standing off the scalp, a busy
 * background or a cut-off head give no reading, or one whose rows disagree, and then none is made. */
import { srgbBytesToLab } from '../color/convert';
import type { Lab } from '../color/lab';
import type { HeadMeasures, Vec3 } from '../head/types';
import { CEPHALIC_INDEX_RANGE, fitShape } from '../head/fit';
import type { Sex } from '../head/form';
import { craniumAtProportion } from '../head/shape';
import { MEASURE_LIMITS } from '../head/measures';
import type { PinholePlacement } from './manualFit';
import { projectHeadPoint } from './pose';

/** Head-frame heights (mm above the tragi) of the rows compared: above the ears, below the
 * vertex's curve, where the breadth is greatest. */
export const OUTLINE_BAND_MM = { from: 36, to: 56 } as const;
/** Rows compared. */
const ROWS = 9;
/** The edge is looked for this share of the app's span each side of its outline. */
const SEARCH_SHARE = 0.12;
/** Pixels averaged each side of a candidate edge. */
const SIDE_PX = 3;
/** Weakest step taken as the head's edge (CIE76). */
const MIN_EDGE_DE = 6;
/** Rows with an edge needed, and the most their readings may spread (interquartile, of the ratio). */
const MIN_ROWS = 5;
const MAX_SPREAD = 0.03;

/** One row of the photo, RGBA, the photo's full width; null outside the photo. */
export type PhotoRows = (yPx: number) => Uint8ClampedArray | null;

export type OutlineView = 'front' | 'back' | 'left' | 'right';

export interface HeadShapeReading {
  /** The photo's span over the app's head's, median of the rows. */
  ratio: number;
  /** Rows read, and the interquartile spread of their ratios. */
  rows: number;
  spread: number;
  /** Breadth / length of the client's head as the photo shows it, and of the app's head. */
  indexSeen: number;
  indexShown: number;
  /** Length and breadth of that proportion, the circumference kept. */
  measures: HeadMeasures;
}

/** What the reading needs of the head: its mesh, landmarks and measures. */
export interface OutlineHead {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
  landmarks: { glabella: Vec3 };
  measures: HeadMeasures;
  sex: Sex;
}

interface Probe {
  yPx: number;
  /** The app's outline on this row: left and right x (front, back), or its back (sides). */
  xPx: [number, number];
}

/** Rows of the photo where the band's heights land where the outline is read: between the tragi
 * (front, back) or at the back of the head (sides). */
function bandRows(placed: PinholePlacement, side: boolean): number[] {
  const rows: number[] = [];
  for (let k = 0; k < ROWS; k++) {
    const h = OUTLINE_BAND_MM.from + ((OUTLINE_BAND_MM.to - OUTLINE_BAND_MM.from) * k) / (ROWS - 1);
    rows.push(Math.round(projectHeadPoint(placed.camera, placed.rotation, placed.translationMm, [0, h, side ? -90 : 0])[1]));
  }
  return rows;
}

/** The photo's rows the reading looks at, top to bottom (to read only those). */
export function outlineRowsOf(placed: PinholePlacement, view: OutlineView): { fromPx: number; toPx: number } {
  const rows = bandRows(placed, view === 'left' || view === 'right');
  return { fromPx: Math.min(...rows), toPx: Math.max(...rows) };
}

/** The outline on these rows of the cranium, its points moved by `move`: where each row's line
 * crosses its triangles, leftmost and rightmost. The face and neck are left out (z < 60 mm, y > 0). */
function probes(head: OutlineHead, placed: PinholePlacement, rows: number[], move: (p: readonly number[]) => Vec3): Probe[] {
  const { camera, rotation, translationMm } = placed;
  const p = head.positions;
  const n = p.length / 3;
  const px = new Float32Array(2 * n);
  const keep = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = [p[3 * i], p[3 * i + 1], p[3 * i + 2]];
    if (v[1] < 0 || v[2] > 60) continue;
    keep[i] = 1;
    const [x, y] = projectHeadPoint(camera, rotation, translationMm, move(v));
    px[2 * i] = x;
    px[2 * i + 1] = y;
  }
  const out: Probe[] = rows.map((yPx) => ({ yPx, xPx: [Infinity, -Infinity] }));
  const idx = head.indices;
  for (let t = 0; t < idx.length; t += 3) {
    const a = idx[t],
      b = idx[t + 1],
      c = idx[t + 2];
    if (!keep[a] || !keep[b] || !keep[c]) continue;
    const ys = [px[2 * a + 1], px[2 * b + 1], px[2 * c + 1]];
    const lo = Math.min(ys[0], ys[1], ys[2]),
      hi = Math.max(ys[0], ys[1], ys[2]);
    for (const probe of out) {
      const y = probe.yPx;
      if (y < lo || y > hi) continue;
      // The row crosses two of the triangle's edges.
      for (const [u, w] of [
        [a, b],
        [b, c],
        [c, a],
      ]) {
        const yu = px[2 * u + 1],
          yw = px[2 * w + 1];
        if ((yu - y) * (yw - y) > 0 || yu === yw) continue;
        const x = px[2 * u] + ((y - yu) / (yw - yu)) * (px[2 * w] - px[2 * u]);
        probe.xPx[0] = Math.min(probe.xPx[0], x);
        probe.xPx[1] = Math.max(probe.xPx[1], x);
      }
    }
  }
  return out;
}

/** The head's edge on one row near `modelX`, going outward in `dir` (±1); null if none clear. */
export function edgeOnRow(row: Uint8ClampedArray, modelX: number, dir: 1 | -1, searchPx: number): number | null {
  const width = row.length / 4;
  searchPx = Math.round(searchPx);
  const from = Math.round(modelX - dir * searchPx);
  const farEnd = Math.round(modelX + dir * (searchPx + SIDE_PX + 12));
  const lo = Math.min(from, farEnd) - SIDE_PX,
    hi = Math.max(from, farEnd) + SIDE_PX;
  if (lo < 0 || hi >= width) return null;
  const labs = new Float32Array(3 * (hi - lo + 1));
  const c: Lab = { L: 0, a: 0, b: 0 };
  for (let x = lo; x <= hi; x++) {
    srgbBytesToLab(row[4 * x], row[4 * x + 1], row[4 * x + 2], c);
    labs.set([c.L, c.a, c.b], 3 * (x - lo));
  }
  const mean = (x0: number, x1: number) => {
    const m = [0, 0, 0];
    const a = Math.min(x0, x1),
      b = Math.max(x0, x1);
    for (let x = a; x <= b; x++) for (let c = 0; c < 3; c++) m[c] += labs[3 * (x - lo) + c] / (b - a + 1);
    return m;
  };
  const de = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
  // The background: past the search, outward.
  const background = mean(Math.round(modelX + dir * (searchPx + SIDE_PX)), farEnd);
  const scores = new Float32Array(2 * searchPx + 1).fill(-Infinity);
  let best = -1;
  for (let k = 0; k < scores.length; k++) {
    const x = from + dir * k;
    const inner = mean(x - dir, x - dir * SIDE_PX);
    const outer = mean(x + dir, x + dir * SIDE_PX);
    const step = de(inner, outer);
    if (step < MIN_EDGE_DE) continue;
    scores[k] = step - de(outer, background);
    if (best < 0 || scores[k] > scores[best]) best = k;
  }
  if (best < 0) return null;
  // Between pixels: the peak of the parabola through the best score and its neighbours.
  let shift = 0;
  if (best > 0 && best < scores.length - 1 && Number.isFinite(scores[best - 1]) && Number.isFinite(scores[best + 1])) {
    const [a, b, c] = [scores[best - 1], scores[best], scores[best + 1]];
    const curve = a - 2 * b + c;
    if (curve < 0) shift = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / curve));
  }
  // Pixel x spans x..x + 1.
  return from + dir * (best + shift) + 0.5;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};

/** Ramanujan's perimeter of the ellipse of these full axes. */
function perimeter(a: number, b: number): number {
  const x = a / 2,
    y = b / 2;
  return Math.PI * (3 * (x + y) - Math.sqrt((3 * x + y) * (x + 3 * y)));
}

/** Length and breadth of breadth/length `index` whose outline is as long as that of `m`. */
export function measuresOfIndex(m: HeadMeasures, index: number): HeadMeasures {
  const i = Math.min(CEPHALIC_INDEX_RANGE.max, Math.max(CEPHALIC_INDEX_RANGE.min, index));
  const lengthMm = perimeter(m.lengthMm, m.breadthMm) / perimeter(1, i);
  const clamp = (v: number, k: keyof typeof MEASURE_LIMITS) => Math.min(MEASURE_LIMITS[k].max, Math.max(MEASURE_LIMITS[k].min, v));
  return { circumferenceMm: m.circumferenceMm, lengthMm: clamp(lengthMm, 'lengthMm'), breadthMm: clamp(i * lengthMm, 'breadthMm') };
}

/** Breadth / length of the head of these measures whose proportion scaleX / scaleZ is `q`, its
 * outline kept (secant steps on the shape fit). */
function* indexOfProportion(m: HeadMeasures, sex: Sex, q: number): Generator<void, number> {
  const qOf = (index: number) => {
    const shape = fitShape(measuresOfIndex(m, index), sex);
    return shape.scaleX / shape.scaleZ;
  };
  let a = m.breadthMm / m.lengthMm;
  let qa = qOf(a);
  let b = a * (q / qa);
  for (let i = 0; i < 6 && Math.abs(b - a) > 1e-5; i++) {
    yield;
    const qb = qOf(b);
    const next = b + ((q - qb) * (b - a)) / (qb - qa || 1e-9);
    [a, qa, b] = [b, qb, Math.min(CEPHALIC_INDEX_RANGE.max, Math.max(CEPHALIC_INDEX_RANGE.min, next))];
  }
  return b;
}

/** The head's shape in a photo fitted by `placed`; null when the outline cannot be read. */
export function headShapeFromPhoto(head: OutlineHead, placed: PinholePlacement, view: OutlineView, rows: PhotoRows): HeadShapeReading | null {
  const steps = headShapeSteps(head, placed, view, rows);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** headShapeFromPhoto in steps of about 10 ms (a shape fit, or the outline redrawn): the caller
 * may let the page breathe between them. */
export function* headShapeSteps(head: OutlineHead, placed: PinholePlacement, view: OutlineView, rows: PhotoRows): Generator<void, HeadShapeReading | null> {
  const side = view === 'left' || view === 'right';
  const glabella = projectHeadPoint(placed.camera, placed.rotation, placed.translationMm, head.landmarks.glabella);
  const back = projectHeadPoint(placed.camera, placed.rotation, placed.translationMm, [0, 45, -100]);
  // The back of the head lies toward where the head frame's back projects.
  const backDir = back[0] < glabella[0] ? -1 : 1;
  const as = (p: readonly number[]): Vec3 => [p[0], p[1], p[2]];
  /** The photo's span over the app's on one row: edge to edge, or the glabella to the back. */
  const ratioOf = ([l, r]: [number, number], [left, right]: [number, number]) => (side ? Math.abs(l - glabella[0]) / Math.abs((backDir < 0 ? left : right) - glabella[0]) : (r - l) / (right - left));
  // The photo's edges, looked for near the app's outline, and the first ratios against it.
  const edges: { yPx: number; at: [number, number] }[] = [];
  const first: number[] = [];
  for (const probe of probes(head, placed, bandRows(placed, side), as)) {
    const row = rows(probe.yPx);
    const [left, right] = probe.xPx;
    if (!row || !(right > left)) continue;
    let at: [number, number] | null = null;
    if (!side) {
      const search = Math.max(4, SEARCH_SHARE * (right - left));
      const l = edgeOnRow(row, left, -1, search);
      const r = edgeOnRow(row, right, 1, search);
      if (l !== null && r !== null) at = [l, r];
    } else {
      const modelBack = backDir < 0 ? left : right;
      const edge = edgeOnRow(row, modelBack, backDir, Math.max(4, SEARCH_SHARE * Math.abs(modelBack - glabella[0])));
      if (edge !== null) at = [edge, edge];
    }
    if (!at) continue;
    edges.push({ yPx: probe.yPx, at });
    first.push(ratioOf(at, probe.xPx));
  }
  if (edges.length < MIN_ROWS) return null;
  const spread = quantile(first, 0.75) - quantile(first, 0.25);
  if (spread > MAX_SPREAD) return null;
  // The ratios against the app's head made of proportion q, row by row.
  const ratiosAt = (move: (p: readonly number[]) => Vec3) =>
    probes(
      head,
      placed,
      edges.map((e) => e.yPx),
      move,
    ).map((probe, k) => ratioOf(edges[k].at, probe.xPx));
  // The proportion whose outline meets the photo's: a breadth seen r times as wide is about r²
  // times the proportion, a length r times as long 1 / r² (the face's scale divided out).
  yield;
  const shape = fitShape(head.measures, head.sex);
  let q = shape.scaleX / shape.scaleZ;
  let ratio = median(first);
  for (let i = 0; i < 6 && Math.abs(ratio - 1) > 1e-4; i++) {
    yield;
    q = side ? q / (ratio * ratio) : q * ratio * ratio;
    ratio = median(ratiosAt(craniumAtProportion(shape, q)));
  }
  const indexShown = head.measures.breadthMm / head.measures.lengthMm;
  yield;
  const indexSeen = yield* indexOfProportion(head.measures, head.sex, q);
  return { ratio: median(first), rows: edges.length, spread, indexSeen, indexShown, measures: measuresOfIndex(head.measures, indexSeen) };
}
