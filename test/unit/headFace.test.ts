import { describe, expect, it } from 'vitest';
import { defaultDesign, DesignError, parseDesign } from '../../src/model';
import { headDisplay } from '../../src/model/head/display';
import { LID_MAP_TEXELS } from '../../src/model/head/lids';
import { fitShape } from '../../src/model/head/fit';
import type { Sex } from '../../src/model/head/form';
import { buildHeadGeometry, type HeadGeometry } from '../../src/model/head/geometry';
import { measuresAtZ } from '../../src/model/head/measures';
import { castRay } from '../../src/model/head/raycast';
import { HeadShape } from '../../src/model/head/shape';
import type { EyeBall, Vec3 } from '../../src/model/head/types';

/** Triangles of the bare head before the bust (154k full, 48k coarse, 50th percentile) and what
 * the bust, on coarser cells, may add. */
const FULL_TRIANGLES_MAX = 170_000;
const COARSE_TRIANGLES_MAX = 55_000;

interface Head {
  g: HeadGeometry;
  shape: HeadShape;
}
const heads = new Map<string, Head>();
function head(sex: Sex, z = 0): Head {
  const key = `${sex} ${z}`;
  if (!heads.has(key)) {
    const m = measuresAtZ(z);
    heads.set(key, { g: buildHeadGeometry(m, { sex }), shape: new HeadShape(fitShape(m, sex), sex) });
  }
  return heads.get(key)!;
}

/** The eye seen from the front, by ray casting on the SDF with the eyeball as a sphere: each
 * ray in a 0.25 mm grid sees the eyeball, recessed tissue in the corners (the caruncle: skin
 * in a slot, with lid skin 1.5 mm or more in front of it within 3 mm above and below), or the
 * lids and face. The opening is what is not lid, connected to the pupil. */
function scanEye(g: HeadGeometry, eye: EyeBall) {
  const [cx, cy, cz] = eye.centerMm;
  const r = eye.radiusMm;
  const step = 0.25;
  const half = Math.ceil((1.8 * r) / step);
  const n = 2 * half + 1;
  const at = (i: number, j: number): [number, number] => [cx + (i - half) * step, cy + (j - half) * step];
  const kind = new Uint8Array(n * n); // 0 lid/face, 1 eyeball first, 2 recessed skin
  const skinT = new Float64Array(n * n);
  const eyeT = new Float64Array(n * n);
  const z0 = cz + 3 * r;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const [x, y] = at(i, j);
      const t = castRay(g.distance, x, y, z0, 0, 0, -1, 6 * r);
      const q = r * r - (x - cx) ** 2 - (y - cy) ** 2;
      const te = q >= 0 ? z0 - (cz + Math.sqrt(q)) : -1;
      skinT[j * n + i] = t < 0 ? Infinity : t;
      eyeT[j * n + i] = te;
      if (te >= 0 && (t < 0 || te < t)) kind[j * n + i] = 1;
    }
  }
  const slot = 3 / step;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const t = skinT[j * n + i];
      if (kind[j * n + i] || z0 - t - cz > 0.6 * r) continue;
      let above = false,
        below = false;
      for (let k = 1; k <= slot; k++) {
        if (j + k < n && skinT[(j + k) * n + i] < t - 1.5) above = true;
        if (j - k >= 0 && skinT[(j - k) * n + i] < t - 1.5) below = true;
      }
      if (above && below) kind[j * n + i] = 2;
    }
  }
  // The opening: open cells 4-connected to the pupil.
  const open = new Uint8Array(n * n);
  const stack = [half * n + half];
  open[half * n + half] = 1;
  while (stack.length) {
    const c = stack.pop()!;
    const i = c % n,
      j = (c / n) | 0;
    for (const [di, dj] of [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ]) {
      const ii = i + di,
        jj = j + dj;
      if (ii < 0 || jj < 0 || ii >= n || jj >= n) continue;
      const k = jj * n + ii;
      if (!open[k] && kind[k]) ((open[k] = 1), stack.push(k));
    }
  }
  let minX = Infinity,
    maxX = -Infinity,
    height = 0;
  for (let i = 0; i < n; i++) {
    let lo = Infinity,
      hi = -Infinity;
    for (let j = 0; j < n; j++) if (open[j * n + i]) ((lo = Math.min(lo, j)), (hi = Math.max(hi, j)));
    if (hi < lo) continue;
    minX = Math.min(minX, i);
    maxX = Math.max(maxX, i);
    height = Math.max(height, (hi - lo + 1) * step);
  }
  const width = (maxX - minX + 1) * step;
  return { n, step, at, kind, open, skinT, eyeT, width, height, z0 };
}

describe('head: open eyes', () => {
  const cases: [Sex, number][] = [
    ['male', -1.645],
    ['male', 0],
    ['male', 1.645],
    ['female', 0],
  ];
  for (const [sex, z] of cases) {
    it(`are open as real eyes are (${sex}, z ${z}): a fissure ~29 x 9.3 mm, aspect ratio 0.28-0.34`, () => {
      const { g, shape } = head(sex, z);
      const s = shape.faceScale;
      expect(g.eyes).toHaveLength(2);
      const [left, right] = g.eyes;
      expect(left.centerMm[0]).toBeGreaterThan(0);
      expect(right.centerMm[0]).toBeCloseTo(-left.centerMm[0], 6);
      expect(left.radiusMm / s).toBeCloseTo(12, 6);
      const e = scanEye(g, left);
      const ear = e.height / e.width;
      console.log(`${sex} z ${z}: fissure ${e.width.toFixed(2)} x ${e.height.toFixed(2)} mm, EAR ${ear.toFixed(3)}`);
      expect(ear).toBeGreaterThan(0.28);
      expect(ear).toBeLessThan(0.34);
      expect(e.width / s).toBeGreaterThan(27);
      expect(e.width / s).toBeLessThan(31);
      expect(e.height / s).toBeGreaterThan(8.5);
      expect(e.height / s).toBeLessThan(11);
    });
  }

  it('show the eyeball in the whole opening, with no gap at the lids and no eyeball through them', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      const { g } = head(sex);
      const eye = g.eyes[0];
      const [cx, cy, cz] = eye.centerMm;
      const r = eye.radiusMm;
      const e = scanEye(g, eye);
      let inOpening = 0,
        lidOverGlobe = 0,
        worstLid = 0,
        worstMedial = 0;
      for (let j = 0; j < e.n; j++) {
        for (let i = 0; i < e.n; i++) {
          const k = j * e.n + i;
          const [x, y] = e.at(i, j);
          const rho = Math.hypot(x - cx, y - cy);
          if (e.open[k]) {
            // Within the globe's outline every ray into the opening meets the eyeball first: no
            // dark gap between lid and eyeball. Only the corners beyond it show tissue, and that
            // lies in front of the globe's centre (no hole).
            if (rho < 0.9 * r) expect(e.kind[k], `opening at ${x.toFixed(2)}, ${y.toFixed(2)}`).toBe(1);
            if (e.kind[k] === 2) expect(e.z0 - e.skinT[k] - cz).toBeGreaterThan(0);
            inOpening++;
          } else if (rho < 0.97 * r) {
            // Outside the opening the lids cover the globe: its surface is inside the skin.
            const p: Vec3 = [x, y, cz + Math.sqrt(r * r - (x - cx) ** 2 - (y - cy) ** 2)];
            const nearEdge = [
              [1, 0],
              [-1, 0],
              [0, 1],
              [0, -1],
              [2, 0],
              [-2, 0],
              [0, 2],
              [0, -2],
            ].some(([di, dj]) => e.open[(j + dj) * e.n + i + di]);
            if (!nearEdge) expect(g.distance(...p), `globe at ${x.toFixed(2)}, ${y.toFixed(2)}`).toBeLessThan(0);
            // The lids lie on the globe: just outside the opening, over the globe's front, the
            // skin seen there is a lid's thickness off the globe's surface: ~2-3 mm over the
            // pupil, up to 5 mm toward the inner corner, which is set deeper, by the nose.
            if (nearEdge && Math.abs(x - cx) < 0.6 * r) {
              const lid = Math.hypot(x - cx, y - cy, e.z0 - e.skinT[k] - cz) - r;
              if (Math.abs(x - cx) < 0.35 * r) worstLid = Math.max(worstLid, lid);
              else worstMedial = Math.max(worstMedial, lid);
            }
            lidOverGlobe++;
          }
        }
      }
      console.log(
        `${sex}: ${inOpening} rays in the opening, ${lidOverGlobe} over the lids; lid edge at most ` + `${worstLid.toFixed(2)} mm off the globe over the pupil, ${worstMedial.toFixed(2)} mm elsewhere`,
      );
      expect(worstLid).toBeGreaterThan(0.5);
      expect(worstLid).toBeLessThan(3.5);
      expect(worstMedial).toBeLessThan(5.5);
      // The pupil and the white either side of it are seen.
      for (const [dx, dy] of [
        [0, 0],
        [0.6, 0],
        [-0.6, 0],
        [0, 0.25],
        [0, -0.3],
      ]) {
        const x = cx + dx * r,
          y = cy + dy * r;
        const t = castRay(g.distance, x, y, cz + 3 * r, 0, 0, -1, 6 * r);
        const te = cz + 3 * r - (cz + Math.sqrt(r * r - (x - cx) ** 2 - (y - cy) ** 2));
        expect(t < 0 || te < t, `eyeball at ${dx}, ${dy}`).toBe(true);
      }
    }
  });

  it('put the outer canthus landmark at the lateral corner of the opening', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      const { g } = head(sex);
      const e = scanEye(g, g.eyes[0]);
      let lateral = -Infinity;
      for (let j = 0; j < e.n; j++) for (let i = 0; i < e.n; i++) if (e.open[j * e.n + i]) lateral = Math.max(lateral, e.at(i, j)[0]);
      const c = g.landmarks.eyeOuterLeft;
      expect(Math.abs(c[0] - lateral)).toBeLessThan(2.5);
      expect(Math.abs(c[1] - g.eyes[0].centerMm[1])).toBeLessThan(3);
    }
  });
});

/** The mesh vertex nearest a surface point seen from the front at (x, y). */
function vertexSeenAt(g: HeadGeometry, x: number, y: number): number {
  const z = 400 - castRay(g.distance, x, y, 400, 0, 0, -1, 800);
  let best = -1,
    bestD = Infinity;
  const p = g.positions;
  for (let v = 0; v < p.length / 3; v++) {
    const d = (p[3 * v] - x) ** 2 + (p[3 * v + 1] - y) ** 2 + (p[3 * v + 2] - z) ** 2;
    if (d < bestD) ((bestD = d), (best = v));
  }
  expect(Math.sqrt(bestD)).toBeLessThan(2);
  return best;
}

describe('head: lips and brows for the renderer', () => {
  it('weights the vermilion and the eyebrows per vertex, each in [0, 1]', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      const { g, shape } = head(sex);
      const f = g.features;
      expect(f.length).toBe((g.positions.length / 3) * 2);
      let lips = 0,
        brows = 0;
      for (let v = 0; v < f.length; v += 2) {
        expect(f[v] >= 0 && f[v] <= 1 && f[v + 1] >= 0 && f[v + 1] <= 1).toBe(true);
        if (f[v] > 0.5) lips++;
        if (f[v + 1] > 0.5) brows++;
      }
      const s = shape.faceScale;
      const lip = (x: number, y: number) => f[2 * vertexSeenAt(g, x * s, shape.faceY(y))];
      const brow = (x: number, y: number) => f[2 * vertexSeenAt(g, x * s, shape.faceY(y)) + 1];
      // Mid upper lip and mid lower lip: vermilion. Cheek, chin, philtrum skin: not.
      expect(lip(0, -50.6)).toBeGreaterThan(0.95);
      expect(lip(8, -59)).toBeGreaterThan(0.95);
      expect(lip(45, -40)).toBe(0);
      expect(lip(0, -80)).toBe(0);
      expect(lip(0, -40)).toBe(0);
      // Above the eye centre, on the brow ridge: brow. Forehead middle, between the brows, the lid: not.
      const eyeX = g.eyes[0].centerMm[0] / s;
      let best = 0;
      for (let y = 18; y <= 30; y += 1) best = Math.max(best, brow(eyeX, y));
      expect(best).toBeGreaterThan(0.95);
      expect(brow(0, 60)).toBe(0);
      expect(brow(0, 30)).toBe(0);
      expect(brow(eyeX, 9)).toBe(0);
      expect(brow(eyeX, 45)).toBe(0);
      console.log(`${sex}: ${lips} lip vertices, ${brows} brow vertices (weight > 0.5)`);
    }
  });

  it('arches the female brow higher, peaking two thirds along; the male brow is straighter and thicker', () => {
    const rise = (sex: Sex) => {
      const { g, shape } = head(sex);
      const s = shape.faceScale;
      // Middle of the brow (weighted height) at its head, two thirds along and its thickness.
      const column = (x: number) => {
        let sum = 0,
          sy = 0;
        for (let y = 10; y <= 45; y += 0.5) {
          const w = g.features[2 * vertexSeenAt(g, x * s, shape.faceY(y)) + 1];
          sum += w;
          sy += w * y;
        }
        return { mid: sy / sum, thick: sum * 0.5 };
      };
      const headEnd = column(17),
        peak = column(14 + (2 / 3) * 44);
      return { arch: peak.mid - headEnd.mid, thick: headEnd.thick };
    };
    const m = rise('male'),
      f = rise('female');
    console.log(`brow rise head -> 2/3: male ${m.arch.toFixed(1)} mm, female ${f.arch.toFixed(1)} mm; thickness at the head: male ${m.thick.toFixed(1)}, female ${f.thick.toFixed(1)} mm`);
    expect(f.arch).toBeGreaterThan(m.arch + 2);
    expect(m.thick).toBeGreaterThan(9);
    expect(m.thick).toBeLessThan(13);
    expect(f.thick).toBeLessThan(m.thick - 2);
  });
});

describe('head: male and female', () => {
  const shoulders = (g: HeadGeometry) => {
    let x = 0;
    for (let v = 0; v < g.positions.length; v += 3) x = Math.max(x, Math.abs(g.positions[v]));
    return 2 * x;
  };
  /** Breadth of the lower face 15 mm above the chin's lowest midline point, seen from the front. */
  const chinBreadth = (g: HeadGeometry, shape: HeadShape) => {
    let chinY = Infinity;
    const p = g.positions;
    for (let v = 0; v < p.length; v += 3) if (Math.abs(p[v]) < 1.5 && p[v + 2] > shape.faceZ(60) && p[v + 1] > shape.faceY(-130)) chinY = Math.min(chinY, p[v + 1]);
    const y = chinY + 15 * shape.faceScale;
    let x = 0;
    for (let v = 0; v < p.length; v += 3) if (Math.abs(p[v + 1] - y) < 1 && p[v + 2] > shape.faceZ(50)) x = Math.max(x, Math.abs(p[v]));
    return 2 * x;
  };
  /** Front of the neck in the midline at the larynx (mm in z). */
  const throat = (g: HeadGeometry, shape: HeadShape) => 400 - castRay(g.distance, 0, shape.faceY(-114), 400, 0, 0, -1, 800);

  it('gives the female head narrower shoulders, a smaller chin and no laryngeal prominence', () => {
    const m = head('male'),
      f = head('female');
    const s = m.shape.faceScale,
      sf = f.shape.faceScale;
    const sm = shoulders(m.g) / s,
      sfm = shoulders(f.g) / sf;
    const cm = chinBreadth(m.g, m.shape),
      cf = chinBreadth(f.g, f.shape);
    const tm = throat(m.g, m.shape),
      tf = throat(f.g, f.shape);
    console.log(`shoulders ${sm.toFixed(0)} / ${sfm.toFixed(0)} mm, chin ${cm.toFixed(1)} / ${cf.toFixed(1)} mm, throat z ${tm.toFixed(1)} / ${tf.toFixed(1)} mm (male / female)`);
    // Biacromial breadth ~400 mm (male), ~360 mm (female), at the template's scale.
    expect(Math.abs(sm / 400 - 1)).toBeLessThan(0.05);
    expect(Math.abs(sfm / 360 - 1)).toBeLessThan(0.05);
    expect(cf).toBeLessThan(cm - 4);
    expect(tm).toBeGreaterThan(tf + 4);
  });

  it('keeps the bust below the views: shoulders 60-90 mm under the chin, cut off 320 mm or more below the ear canals', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      const { g, shape } = head(sex);
      const s = shape.faceScale;
      let minY = Infinity;
      for (let v = 1; v < g.positions.length; v += 3) minY = Math.min(minY, g.positions[v]);
      expect(minY / s).toBeLessThan(-320);
      // Top of the shoulder 150 mm out from the midline (over the acromion, near its top).
      const top = 400 - castRay(g.distance, 150 * s, 400, -10 * s, 0, -1, 0, 800);
      const drop = shape.faceY(-104) - top;
      console.log(`${sex}: shoulder top ${top.toFixed(0)} mm, ${drop.toFixed(0)} mm under the chin; bottom ${minY.toFixed(0)} mm`);
      expect(drop / s).toBeGreaterThan(55);
      expect(drop / s).toBeLessThan(95);
    }
  });

  it('bounds the triangles: the bust adds little, the coarse mesh carries the weights too', () => {
    for (const sex of ['male', 'female'] as Sex[]) {
      const { g } = head(sex);
      const nv = g.positions.length / 3;
      const display = headDisplay({ ...g, scalpUv: new Float32Array(2 * nv) });
      const full = g.indices.length / 3,
        coarse = display.coarse.indices.length / 3;
      console.log(`${sex}: ${full} triangles, coarse ${coarse}`);
      expect(full).toBeLessThan(FULL_TRIANGLES_MAX);
      expect(coarse).toBeLessThan(COARSE_TRIANGLES_MAX);
      const c = display.coarse;
      expect(c.features.length).toBe((c.positions.length / 3) * 2);
      let lips = 0;
      for (let v = 0; v < c.features.length; v += 2) if (c.features[v] > 0.9) lips++;
      expect(lips).toBeGreaterThan(20);
      expect(display.occlusion.length).toBe(nv);
      let dark = 0;
      for (const a of display.occlusion) if (a < 0.7) dark++;
      // Creases (ears, nostrils, under the chin, the eye's corners) darken; most of the skin does not.
      expect(dark / nv).toBeGreaterThan(0.005);
      expect(dark / nv).toBeLessThan(0.2);

      // The lid map: along the gaze each eye is open (under 0.5 is the opening), toward the brow
      // and the cheek (the map's top and bottom rows) it is covered by the lids.
      const n = LID_MAP_TEXELS;
      for (const k of [0, 1]) {
        const at = (x: number, y: number) => display.lids[y * 2 * n + k * n + x] / 255;
        expect(at(n >> 1, n >> 1), `${sex} eye ${k} open along the gaze`).toBeLessThan(0.2);
        expect(at(n >> 1, 2), `${sex} eye ${k} covered below`).toBeGreaterThan(0.8);
        expect(at(n >> 1, n - 3), `${sex} eye ${k} covered above`).toBeGreaterThan(0.8);
      }
    }
  });
});

describe('design: the head sex', () => {
  it('defaults to male, so files and links made before it still open; a bad value is refused by name', () => {
    const d = defaultDesign();
    expect(d.head.sex).toBe('male');
    const { sex: _omit, ...older } = d.head;
    void _omit;
    expect(parseDesign({ ...d, head: older }).head.sex).toBe('male');
    expect(parseDesign({ ...d, head: { ...d.head, sex: 'female' } }).head.sex).toBe('female');
    expect(() => parseDesign({ ...d, head: { ...d.head, sex: 'other' } })).toThrow(DesignError);
    expect(() => parseDesign({ ...d, head: { ...d.head, sex: 'other' } })).toThrow(/head\.sex: Sex must be 'male' or 'female'/);
  });
});
