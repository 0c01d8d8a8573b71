// The head's proportion read from a photo's outline (model/photo/headShape.ts), in closed loop:
// heads of known measures drawn as photos (their mesh filled in skin over a plain background, a
// phone camera), the app's default head fitted on their faces as the face fit does (same face,
// scaled about the camera), then the outline read.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHead, DEFAULT_MEASURES, rotationOf, type HeadModel, type Mat3, type PinholeCamera, type Vec3 } from '../../src/model';
import { headShapeFromPhoto, measuresOfIndex, type OutlineView } from '../../src/model/photo/headShape';
import { apply, projectPx } from '../../src/model/photo/pose';
import { assumedCamera } from '../../src/model/photo/headFit';
import { defaultHead } from './helpers/defaultHead';

const W = 900;
const H = 1200;
const BACKGROUND = [205, 208, 214];
const SKIN = [196, 146, 122];

/** The head filled in skin colour (a little shaded by its normal) over the background, drawn at
 * twice the size and averaged down, as a camera blurs an edge over a pixel. */
function photoOf(head: HeadModel, rotation: Mat3, tMm: Vec3, camera: PinholeCamera): Uint8ClampedArray {
  const big = drawn(head, rotation, tMm, { focalPx: 2 * camera.focalPx, principalPx: [2 * camera.principalPx[0], 2 * camera.principalPx[1]] }, 2 * W, 2 * H);
  const img = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < 4; c++) {
        const at = (dx: number, dy: number) => big[4 * ((2 * y + dy) * 2 * W + 2 * x + dx) + c];
        img[4 * (y * W + x) + c] = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
      }
  return img;
}

function drawn(head: HeadModel, rotation: Mat3, tMm: Vec3, cam: PinholeCamera, W: number, H: number): Uint8ClampedArray {
  const img = new Uint8ClampedArray(W * H * 4);
  const depth = new Float32Array(W * H).fill(Infinity);
  for (let i = 0; i < W * H; i++) img.set([...BACKGROUND, 255], 4 * i);
  const p = head.positions;
  const n = p.length / 3;
  const xy = new Float32Array(2 * n);
  const z = new Float32Array(n);
  const shade = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const q = apply(rotation, [p[3 * i], p[3 * i + 1], p[3 * i + 2]]);
    const c: Vec3 = [q[0] + tMm[0], q[1] + tMm[1], q[2] + tMm[2]];
    const [x, y] = projectPx(cam, c);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
    z[i] = -c[2];
    const nq = apply(rotation, [head.normals[3 * i], head.normals[3 * i + 1], head.normals[3 * i + 2]]);
    shade[i] = 0.75 + 0.25 * Math.max(0, nq[2]);
  }
  const idx = head.indices;
  for (let t = 0; t < idx.length; t += 3) {
    const [a, b, c] = [idx[t], idx[t + 1], idx[t + 2]];
    const x0 = Math.max(0, Math.floor(Math.min(xy[2 * a], xy[2 * b], xy[2 * c])));
    const x1 = Math.min(W - 1, Math.ceil(Math.max(xy[2 * a], xy[2 * b], xy[2 * c])));
    const y0 = Math.max(0, Math.floor(Math.min(xy[2 * a + 1], xy[2 * b + 1], xy[2 * c + 1])));
    const y1 = Math.min(H - 1, Math.ceil(Math.max(xy[2 * a + 1], xy[2 * b + 1], xy[2 * c + 1])));
    const [ax, ay, bx, by, cx, cy] = [xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1], xy[2 * c], xy[2 * c + 1]];
    const area = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if (Math.abs(area) < 1e-9) continue;
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5,
          py = y + 0.5;
        const wa = ((bx - px) * (cy - py) - (cx - px) * (by - py)) / area;
        const wb = ((cx - px) * (ay - py) - (ax - px) * (cy - py)) / area;
        const wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) continue;
        const d = wa * z[a] + wb * z[b] + wc * z[c];
        if (d >= depth[y * W + x]) continue;
        depth[y * W + x] = d;
        const s = wa * shade[a] + wb * shade[b] + wc * shade[c];
        img.set([SKIN[0] * s, SKIN[1] * s, SKIN[2] * s, 255], 4 * (y * W + x));
      }
  }
  return img;
}

const rowsOf = (img: Uint8ClampedArray) => (y: number) => (y >= 0 && y < H ? img.subarray(4 * W * y, 4 * W * (y + 1)) : null);

/** The app's head placed so that its face lies exactly on the client's face in the photo: the
 * faces differ by a scale about the camera (headFit.ts fits the same). */
function faceFitted(app: HeadModel, client: HeadModel, rotation: Mat3, tMm: Vec3): Vec3 {
  const span = (h: HeadModel) => h.landmarks.eyeOuterLeft[0] - h.landmarks.eyeOuterRight[0];
  const sigma = span(client) / span(app);
  const pc = client.landmarks.eyeOuterLeft,
    pm = app.landmarks.eyeOuterLeft;
  const d = apply(rotation, [(pc[0] - sigma * pm[0]) / sigma, (pc[1] - sigma * pm[1]) / sigma, (pc[2] - sigma * pm[2]) / sigma]);
  return [d[0] + tMm[0] / sigma, d[1] + tMm[1] / sigma, d[2] + tMm[2] / sigma];
}

const cam = assumedCamera(W, H);
const T: Vec3 = [0, -30, -480];
const POSES: Record<OutlineView, { yawDeg: number; pitchDeg: number; rollDeg: number }> = {
  front: { yawDeg: 0, pitchDeg: -8, rollDeg: 0 },
  back: { yawDeg: 180, pitchDeg: -8, rollDeg: 0 },
  left: { yawDeg: -90, pitchDeg: 0, rollDeg: 0 },
  right: { yawDeg: 90, pitchDeg: 0, rollDeg: 2 },
};

let app: HeadModel;
beforeAll(() => {
  app = defaultHead();
});

function read(client: HeadModel, view: OutlineView) {
  const rotation = rotationOf(POSES[view]);
  const photo = photoOf(client, rotation, T, cam);
  return headShapeFromPhoto(app, { rotation, translationMm: faceFitted(app, client, rotation, T), camera: cam }, view, rowsOf(photo));
}

describe('the head shape read from a photo', () => {
  const broad = measuresOfIndex(DEFAULT_MEASURES, 0.84);
  const long = measuresOfIndex(DEFAULT_MEASURES, 0.72);
  const indexOf = (m: { breadthMm: number; lengthMm: number }) => m.breadthMm / m.lengthMm;

  it('keeps the circumference and the outline length when the proportion changes', () => {
    expect(broad.circumferenceMm).toBe(DEFAULT_MEASURES.circumferenceMm);
    expect(indexOf(broad)).toBeCloseTo(0.84, 6);
    // A broader head of the same outline is shorter: ANSUR II heads of index 0.84 are.
    expect(broad.lengthMm).toBeLessThan(DEFAULT_MEASURES.lengthMm);
    expect(broad.breadthMm).toBeGreaterThan(DEFAULT_MEASURES.breadthMm);
  });

  it('reads the default head on itself as it is, from every side', () => {
    for (const view of ['front', 'back', 'left', 'right'] as const) {
      const r = read(app, view);
      expect(r, view).not.toBeNull();
      expect(r!.ratio, view).toBeCloseTo(1, 1);
      expect(Math.abs(r!.indexSeen - indexOf(DEFAULT_MEASURES)), view).toBeLessThan(0.01);
    }
  });

  it('reads a broad and a long head within 0.01 of their breadth/length, front and side', { timeout: 60_000 }, () => {
    const out: number[][] = [];
    for (const m of [broad, long]) {
      const client = createHead(m);
      for (const view of ['front', 'back', 'left', 'right'] as const) {
        const r = read(client, view);
        expect(r, `${view}, index ${indexOf(m).toFixed(3)}`).not.toBeNull();
        console.log(`head shape: ${view}, true index ${indexOf(m).toFixed(3)}, read ${r!.indexSeen.toFixed(3)} (${r!.rows} rows, spread ${r!.spread.toFixed(4)})`);
        out.push([Math.abs(r!.indexSeen - indexOf(m)), Math.abs(r!.measures.breadthMm - m.breadthMm), Math.abs(r!.measures.lengthMm - m.lengthMm)]);
      }
    }
    for (const [di, db, dl] of out) {
      expect(di).toBeLessThan(0.01);
      expect(db).toBeLessThan(2);
      expect(dl).toBeLessThan(2);
    }
  });

  it('makes no reading where the head does not stand out from the background', () => {
    const rotation = rotationOf(POSES.front);
    const flat = new Uint8ClampedArray(W * H * 4).fill(200);
    expect(headShapeFromPhoto(app, { rotation, translationMm: T, camera: cam }, 'front', rowsOf(flat))).toBeNull();
  });
});
