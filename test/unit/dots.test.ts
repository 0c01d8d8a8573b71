import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDesign, DotLimitError, generateDots, MERGE_SPACING, type Design, type DotSet, type HeadModel } from '../../src/model';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { minCrossSpacingMm } from '../../src/model/dots/generate';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
let surface: ScalpSurface;
beforeAll(() => {
  head = defaultHead();
  surface = new ScalpSurface(head.chart);
});

/** Nearest-neighbour distance of every dot among `of` to the dots among `among`, in 3D, via a
 * bucket grid (independent of the sampler's own grid). */
function nearestDistances(d: DotSet, of: (i: number) => boolean, among: (i: number) => boolean): Float64Array {
  const cell = 2;
  const buckets = new Map<string, number[]>();
  const key = (x: number, y: number, z: number) => `${Math.floor(x / cell)},${Math.floor(y / cell)},${Math.floor(z / cell)}`;
  for (let i = 0; i < d.count; i++) {
    if (!among(i)) continue;
    const k = key(d.positions[3 * i], d.positions[3 * i + 1], d.positions[3 * i + 2]);
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = []));
    b.push(i);
  }
  const out: number[] = [];
  for (let i = 0; i < d.count; i++) {
    if (!of(i)) continue;
    const x = d.positions[3 * i],
      y = d.positions[3 * i + 1],
      z = d.positions[3 * i + 2];
    const cx = Math.floor(x / cell),
      cy = Math.floor(y / cell),
      cz = Math.floor(z / cell);
    let best = Infinity;
    for (let a = -1; a <= 1; a++)
      for (let b = -1; b <= 1; b++)
        for (let c = -1; c <= 1; c++) {
          for (const j of buckets.get(`${cx + a},${cy + b},${cz + c}`) ?? []) {
            if (j === i) continue;
            const dd = Math.hypot(d.positions[3 * j] - x, d.positions[3 * j + 1] - y, d.positions[3 * j + 2] - z);
            if (dd < best) best = dd;
          }
        }
    out.push(best);
  }
  return Float64Array.from(out);
}

/** Dots of the given layers within chord distance sqrt(1 cm^2 / pi) of a surface point: on a
 * sphere, exactly the dots in 1 cm^2 of surface. */
function countInSquareCm(d: DotSet, p: readonly number[], layers: number[]): number {
  const r = Math.sqrt(100 / Math.PI);
  let n = 0;
  for (let i = 0; i < d.count; i++) {
    if (!layers.includes(d.layer[i])) continue;
    if (Math.hypot(d.positions[3 * i] - p[0], d.positions[3 * i + 1] - p[1], d.positions[3 * i + 2] - p[2]) <= r) n++;
  }
  return n;
}

/** 1 cm² patches in the fully treated zone. */
function patchCentres(): Record<string, [number, number, number]> {
  const l = head.landmarks;
  return {
    crown: onSurface(l.vertex),
    back: onSurface(l.opisthocranion),
    // 2.5 cm behind the mid-frontal hairline (8 cm above the glabella), past the transition zone.
    forehead: onSurface([0, l.glabella[1] + 95, l.glabella[2] - 45]),
    templeLeft: onSurface([l.tragusLeft[0] - 10, l.tragusLeft[1] + 75, l.tragusLeft[2] + 10]),
    templeRight: onSurface([l.tragusRight[0] + 10, l.tragusRight[1] + 75, l.tragusRight[2] + 10]),
  };
}

/** Mean bond-orientational order psi6 over `samples` dots: the six nearest neighbours are
 * projected into the dot's tangent plane and |mean exp(6i angle)| is taken. */
function hexOrder(d: DotSet, samples: number): number {
  const step = Math.max(1, Math.floor(d.count / samples));
  const idx: number[] = [];
  for (let i = 0; i < d.count; i += step) idx.push(i);
  let sum = 0;
  for (const i of idx) {
    const p = [d.positions[3 * i], d.positions[3 * i + 1], d.positions[3 * i + 2]];
    const n = [d.normals[3 * i], d.normals[3 * i + 1], d.normals[3 * i + 2]];
    const near: [number, number][] = [];
    const t1 = normalize(Math.abs(n[0]) < 0.9 ? [0, n[2], -n[1]] : [-n[2], 0, n[0]]);
    const t2 = [n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]];
    for (let j = 0; j < d.count; j++) {
      if (j === i) continue;
      const v = [d.positions[3 * j] - p[0], d.positions[3 * j + 1] - p[1], d.positions[3 * j + 2] - p[2]];
      const dist2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
      if (dist2 > 16) continue;
      near.push([dist2, Math.atan2(v[0] * t2[0] + v[1] * t2[1] + v[2] * t2[2], v[0] * t1[0] + v[1] * t1[1] + v[2] * t1[2])]);
    }
    near.sort((a, b) => a[0] - b[0]);
    let re = 0,
      im = 0;
    for (const [, a] of near.slice(0, 6)) {
      re += Math.cos(6 * a);
      im += Math.sin(6 * a);
    }
    sum += Math.hypot(re, im) / 6;
  }
  return sum / idx.length;
}

function normalize(v: number[]): number[] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function onSurface(p: readonly number[]): [number, number, number] {
  expect(surface.project(p[0], p[1], p[2])).toBe(true);
  return [surface.x, surface.y, surface.z];
}

describe('generateDots', () => {
  it('spreads a pure blue-noise layer of 10,000+ dots with rho >= 0.65 measured in 3D (Lagae and Dutre 2008)', () => {
    const design: Design = {
      ...defaultDesign(),
      layers: [{ id: 'a', name: 'A', visible: true, densityPerCm2: 40, diameterMm: 0.3, shade: 0.6, irregularity: 0, hairlineOffsetMm: 0 }],
    };
    const d = generateDots(head, design);
    expect(d.count).toBeGreaterThan(10_000);
    const nn = nearestDistances(
      d,
      () => true,
      () => true,
    );
    const dMin = nn.reduce((m, v) => Math.min(m, v), Infinity);
    const areaMm2 = d.layerAreaCm2[0] * 100;
    const rMax = Math.sqrt(areaMm2 / (2 * Math.sqrt(3) * d.count));
    const rho = dMin / (2 * rMax);
    const psi6 = hexOrder(d, 3000);
    console.log('blue noise', JSON.stringify({ dots: d.count, areaCm2: d.layerAreaCm2[0], dMinMm: dMin, rMaxMm: rMax, rho, psi6 }));
    expect(rho).toBeGreaterThanOrEqual(0.65);
    // Not a lattice: the six nearest neighbours' bond-orientational order |<exp(6i angle)>| is 1
    // on a hexagonal grid; Bridson's sampler gives about 0.4, a random set about 0.3.
    expect(psi6).toBeLessThan(0.45);
  });

  it('spreads a dense single layer evenly: every 1 cm² patch within 5% of its target', () => {
    const design: Design = {
      ...defaultDesign(),
      layers: [{ id: 'a', name: 'A', visible: true, densityPerCm2: 170, diameterMm: 0.2, shade: 0.6, irregularity: 0, hairlineOffsetMm: 0 }],
    };
    const d = generateDots(head, design);
    const counts = Object.entries(patchCentres()).map(([name, p]) => [name, countInSquareCm(d, p, [0])] as const);
    console.log('single layer, dots per cm²', JSON.stringify(Object.fromEntries(counts)));
    for (const [name, n] of counts) expect(Math.abs(n - 170) / 170, name).toBeLessThan(0.05);
  });

  describe('the default design (three sessions)', () => {
    let d: DotSet;
    const design = defaultDesign();
    beforeAll(() => {
      d = generateDots(head, design);
    });

    // Between the clinics' ~194 dots/cm² for a full result and the client's ~223 hairs/cm².
    it('totals 190-225 dots/cm² in the fully treated zone', () => {
      const total = design.layers.reduce((s, l) => s + l.densityPerCm2, 0);
      expect(total).toBeGreaterThanOrEqual(190);
      expect(total).toBeLessThanOrEqual(225);
    });

    it('holds the total within 4% of target over 1 cm² patches at the forehead, crown, temples and back, each patch within 10%, each session within 20%', () => {
      const rows: Record<string, number[]> = {};
      const target = design.layers.reduce((s, x) => s + x.densityPerCm2, 0);
      let sum = 0;
      for (const [name, p] of Object.entries(patchCentres())) {
        const perLayer = design.layers.map((_, k) => countInSquareCm(d, p, [k]));
        const total = countInSquareCm(d, p, [0, 1, 2]);
        rows[name] = [...perLayer, total];
        // A session alone has only 50-60 dots in a patch and is placed around the earlier ones,
        // so its own count varies more.
        design.layers.forEach((layer, k) => {
          expect(Math.abs(perLayer[k] - layer.densityPerCm2) / layer.densityPerCm2, `${name} session ${k + 1}`).toBeLessThan(0.2);
        });
        // One patch's total is a random count: over 16 seeds of this design its spread was 2.4 %
        // (sd), the worst patch 8.8 % off, and 6 seeds in 16 had a patch beyond 5 %.
        expect(Math.abs(total - target) / target, `${name} total`).toBeLessThan(0.1);
        sum += total;
      }
      const mean = sum / Object.keys(rows).length;
      console.log('dots per cm² (sessions 1, 2, 3, total)', JSON.stringify(rows), 'mean total', mean);
      // Together the five average out that noise (their mean: 166-172 over those 16 seeds, 1.1 %
      // sd): a density off target shows here.
      expect(Math.abs(mean - target) / target).toBeLessThan(0.04);
    });

    it('never places a later session closer to an earlier one than its minimum spacing', () => {
      for (let later = 1; later < design.layers.length; later++) {
        for (let earlier = 0; earlier < later; earlier++) {
          const nn = nearestDistances(
            d,
            (i) => d.layer[i] === later,
            (i) => d.layer[i] === earlier,
          );
          const closest = nn.reduce((m, v) => Math.min(m, v), Infinity);
          const limit = minCrossSpacingMm(design.layers[later], design.layers[earlier]);
          expect(limit).toBeGreaterThanOrEqual(((design.layers[later].diameterMm + design.layers[earlier].diameterMm) / 2) * MERGE_SPACING);
          expect(closest, `session ${later + 1} to ${earlier + 1}`).toBeGreaterThanOrEqual(limit * 0.999);
        }
      }
    });

    it('gives byte-identical output for the same seed, and different dots for another', () => {
      const again = generateDots(head, design);
      expect(Buffer.from(again.positions.buffer).equals(Buffer.from(d.positions.buffer))).toBe(true);
      expect(Buffer.from(again.layer.buffer).equals(Buffer.from(d.layer.buffer))).toBe(true);
      expect(Buffer.from(again.diameterMm.buffer).equals(Buffer.from(d.diameterMm.buffer))).toBe(true);
      const other = generateDots(head, { ...design, seed: design.seed + 1 });
      expect(Buffer.from(other.positions.buffer).equals(Buffer.from(d.positions.buffer))).toBe(false);
    });

    it('puts dots on the scalp, not on the face, and feathers the hairline', () => {
      const g = head.landmarks.glabella;
      let onFace = 0;
      for (let i = 0; i < d.count; i++) if (d.positions[3 * i + 1] < g[1] + 40 && d.positions[3 * i + 2] > 60) onFace++;
      expect(onFace).toBe(0);
      // Density rises from the front of the transition zone to behind it.
      const front = countInSquareCm(d, onSurface([0, g[1] + 80, g[2] - 25]), [0, 1, 2]);
      const behind = countInSquareCm(d, onSurface([0, g[1] + 100, g[2] - 55]), [0, 1, 2]);
      expect(front).toBeLessThan(behind * 0.8);
    });
  });

  it('gives each dot a texture footprint that maps back to a round dot of its size on the head', () => {
    const d = generateDots(head, defaultDesign());
    const uv = new Float32Array(2);
    let worst = 0;
    const step = Math.floor(d.count / 400);
    for (let i = 0; i < d.count; i += step) {
      const p = [d.positions[3 * i], d.positions[3 * i + 1], d.positions[3 * i + 2]];
      const n = [d.normals[3 * i], d.normals[3 * i + 1], d.normals[3 * i + 2]];
      const t1 = normalize(Math.abs(n[0]) < 0.9 ? [0, n[2], -n[1]] : [-n[2], 0, n[0]]);
      const t2 = [n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]];
      const [ax, ay, bx, by] = d.uvAxes.subarray(4 * i, 4 * i + 4);
      const det = ax * by - bx * ay;
      const r = 0.5; // a 1 mm test circle: big enough to measure, small against the head's curvature
      for (let k = 0; k < 12; k++) {
        const a = (k / 12) * 2 * Math.PI;
        const q = [0, 1, 2].map((c) => p[c] + r * (Math.cos(a) * t1[c] + Math.sin(a) * t2[c]));
        surface.project(q[0], q[1], q[2]);
        surface.chartUv(uv, 0);
        const du = uv[0] - d.uv[2 * i],
          dv = uv[1] - d.uv[2 * i + 1];
        // Back into the dot's own frame: a round dot gives a unit circle.
        const s = (by * du - bx * dv) / det / r,
          t = (-ay * du + ax * dv) / det / r;
        worst = Math.max(worst, Math.abs(Math.hypot(s, t) - 1));
      }
    }
    console.log('footprint roundness, worst radial error', worst);
    expect(worst).toBeLessThan(0.03);
  });

  it('refuses dots so dense they would merge, naming the limit and keeping nothing', () => {
    const design: Design = {
      ...defaultDesign(),
      layers: [{ id: 'a', name: 'A', visible: true, densityPerCm2: 400, diameterMm: 0.8, shade: 0.6, irregularity: 0, hairlineOffsetMm: 0 }],
    };
    expect(() => generateDots(head, design)).toThrow(DotLimitError);
    expect(() => generateDots(head, design)).toThrow(/Session 1: 400 dots\/cm² of 0.8 mm would sit .* they would merge\. At 0.8 mm the most is \d+ dots\/cm²/);
  });

  it('refuses more dots than a device holds', () => {
    const design: Design = {
      ...defaultDesign(),
      layers: [1, 2].map((k) => ({ id: `x${k}`, name: `X${k}`, visible: true, densityPerCm2: 2000, diameterMm: 0.1, shade: 0.5, irregularity: 0, hairlineOffsetMm: 0 })),
    };
    expect(() => generateDots(head, design)).toThrow(/needs about [\d,]+ dots; a device holds at most 2,000,000/);
  });
});
