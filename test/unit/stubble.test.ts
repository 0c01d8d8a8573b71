import { beforeAll, describe, expect, it } from 'vitest';
import { type HeadModel } from '../../src/model';
import { defaultHairLoss, hairField, type HairLoss } from '../../src/model/hair/hairLoss';
import { defaultStubble, generateStubble, stubbleSchema, SPLAT_SCALE, type StubbleSet } from '../../src/model/hair/stubble';
import { cutEndLengthMm, HAIR_DENSITY_PER_CM2, HAIR_WIDTH_MM, HAIRS_PER_UNIT_SHARE, MEAN_HAIRS_PER_UNIT, SHAFT_UNDER_SKIN_MM } from '../../src/model/hair/hairFigures';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { defaultHead } from './helpers/defaultHead';

/** Stubble shaved to 0.5 mm: the default is shaved to the skin, which has no cut ends to measure. */
const halfMmStubble = () => ({ ...defaultStubble(), shaveLengthMm: 0.5 });

let head: HeadModel;
let surface: ScalpSurface;
let full: Float32Array;
let stubble: StubbleSet;
let ms = 0;
beforeAll(() => {
  head = defaultHead();
  surface = new ScalpSurface(head.chart);
  full = hairField(head, defaultHairLoss());
  generateStubble(head, { ...halfMmStubble(), seed: 7, hairField: full }); // warm-up (JIT)
  const t = performance.now();
  stubble = generateStubble(head, { ...halfMmStubble(), seed: 7, hairField: full });
  ms = performance.now() - t;
}, 60_000);

const field = (pattern: HairLoss['pattern'], extra: Partial<HairLoss> = {}) => hairField(head, { ...defaultHairLoss(), pattern, ...extra });
const onSurface = (p: readonly number[]): [number, number, number] => {
  surface.project(p[0], p[1], p[2]);
  return [surface.x, surface.y, surface.z];
};
/** Units within chord sqrt(1 cm^2 / pi) of p: on a sphere exactly 1 cm^2 of surface. */
function unitsInSquareCm(s: StubbleSet, p: readonly number[]): { units: number; hairs: number } {
  const r = Math.sqrt(100 / Math.PI);
  let units = 0,
    hairs = 0;
  for (let u = 0; u < s.unitCount; u++) {
    if (Math.hypot(s.unitPositions[3 * u] - p[0], s.unitPositions[3 * u + 1] - p[1], s.unitPositions[3 * u + 2] - p[2]) <= r) {
      units++;
      hairs += s.hairsPerUnit[u];
    }
  }
  return { units, hairs };
}
function patches(): Record<string, [number, number, number]> {
  const l = head.landmarks;
  return {
    vertex: onSurface(l.vertex),
    back: onSurface(l.opisthocranion),
    crownLeft: onSurface([40, l.vertex[1], l.vertex[2] - 30]),
    sideLeft: onSurface([l.tragusLeft[0], l.tragusLeft[1] + 70, -20]),
    sideRight: onSurface([l.tragusRight[0], l.tragusRight[1] + 70, -20]),
    top: onSurface([0, l.vertex[1], l.vertex[2] + 40]),
  };
}

describe('stubble', () => {
  it('has 90 FU/cm² (+/- 10 %) where hair is full, in 1 cm² patches, and ~223 hairs/cm² (BioNumbers: 175-300)', () => {
    const counts = Object.fromEntries(Object.entries(patches()).map(([k, p]) => [k, unitsInSquareCm(stubble, p)]));
    console.log(`stubble: ${stubble.unitCount} units, ${stubble.hairCount} hairs, ${stubble.count} splats in ${ms.toFixed(0)} ms; per cm²:`, counts);
    const fu = defaultStubble().densityFuPerCm2;
    expect(fu).toBe(90);
    for (const c of Object.values(counts)) {
      expect(c.units).toBeGreaterThanOrEqual(fu * 0.9);
      expect(c.units).toBeLessThanOrEqual(fu * 1.1);
      // 90 FU x 2.48 hairs each = 223, with the patch's chance (about +/- 10 for the hairs per unit).
      expect(c.hairs).toBeGreaterThan(HAIR_DENSITY_PER_CM2.mean - 35);
      expect(c.hairs).toBeLessThan(HAIR_DENSITY_PER_CM2.mean + 35);
    }
    // Whole head: units and hairs / hair-weighted area.
    const overall = stubble.unitCount / stubble.layerAreaCm2[0];
    const hairs = stubble.hairCount / stubble.layerAreaCm2[0];
    console.log('overall FU/cm²:', overall.toFixed(1), 'hairs/cm²:', hairs.toFixed(1));
    expect(overall).toBeGreaterThan(fu * 0.95);
    expect(overall).toBeLessThan(fu * 1.05);
    expect(hairs).toBeGreaterThan(HAIR_DENSITY_PER_CM2.min);
    expect(hairs).toBeLessThan(HAIR_DENSITY_PER_CM2.max);
    expect(Math.abs(hairs / HAIR_DENSITY_PER_CM2.mean - 1)).toBeLessThan(0.05);
  });

  it('has 1-4 hairs per unit in the assumed proportions (15 / 35 / 37 / 13 %, mean 2.48) within 1.5 points', () => {
    const n = [0, 0, 0, 0];
    for (const h of stubble.hairsPerUnit) n[h - 1]++;
    const shares = n.map((c) => (100 * c) / stubble.unitCount);
    console.log(
      'hairs per unit 1/2/3/4 (%):',
      shares.map((x) => +x.toFixed(2)),
      'mean hairs per unit',
      (stubble.hairCount / stubble.unitCount).toFixed(3),
    );
    HAIRS_PER_UNIT_SHARE.forEach((want, k) => expect(Math.abs(shares[k] - 100 * want)).toBeLessThan(1.5));
    expect(MEAN_HAIRS_PER_UNIT).toBeCloseTo(2.48, 6);
    expect(Math.abs(stubble.hairCount / stubble.unitCount - MEAN_HAIRS_PER_UNIT)).toBeLessThan(0.03);
  });

  it('hairs of a unit sit within 0.5 mm of each other (their shafts)', () => {
    let worst = 0,
      sum = 0,
      pairs = 0;
    for (let h = 1; h < stubble.hairCount; h++) {
      if (stubble.unitOf[h] !== stubble.unitOf[h - 1]) continue;
      const d = Math.hypot(
        stubble.positions[3 * h] - stubble.positions[3 * h - 3],
        stubble.positions[3 * h + 1] - stubble.positions[3 * h - 2],
        stubble.positions[3 * h + 2] - stubble.positions[3 * h - 1],
      );
      worst = Math.max(worst, d);
      sum += d;
      pairs++;
    }
    console.log('neighbouring hairs of a unit: mean', (sum / pairs).toFixed(3), 'mm, max', worst.toFixed(3), 'mm');
    expect(sum / pairs).toBeGreaterThan(0.2);
    expect(worst).toBeLessThan(0.6);
  });

  it('is absent where the field is bald and thins with it', () => {
    const viiField = field('norwood-7');
    const vii = generateStubble(head, { ...defaultStubble(), seed: 7, hairField: viiField });
    let inBald = 0;
    for (let u = 0; u < vii.unitCount; u++) {
      surface.project(vii.unitPositions[3 * u], vii.unitPositions[3 * u + 1], vii.unitPositions[3 * u + 2]);
      if (surface.sampleGrid(viiField) <= 0) inBald++;
    }
    const top = unitsInSquareCm(vii, patches().vertex).units;
    const diffuse = generateStubble(head, { ...defaultStubble(), seed: 7, hairField: field('diffuse', { diffuseRemaining: 0.5 }) });
    const half = unitsInSquareCm(diffuse, patches().vertex).units + unitsInSquareCm(diffuse, patches().back).units;
    console.log('Norwood VII: units', vii.unitCount, 'on the vertex cm²', top, 'in bald nodes', inBald, '; diffuse 0.5: per cm² (mean of 2)', half / 2);
    expect(top).toBe(0);
    expect(inBald).toBe(0);
    expect(vii.unitCount).toBeLessThan(0.35 * stubble.unitCount);
    const halfFu = defaultStubble().densityFuPerCm2 / 2;
    expect(half / 2).toBeGreaterThan(halfFu * 0.8);
    expect(half / 2).toBeLessThan(halfFu * 1.2);
  });

  it('grows in a spiral out of the whorl, turning the asked way, forward on the forehead and down the sides', () => {
    const turning = (s: StubbleSet) => {
      let cw = 0,
        n = 0;
      const w = s.whorlMm;
      for (let h = 0; h < s.count; h++) {
        const rx = s.positions[3 * h] - w[0],
          ry = s.positions[3 * h + 1] - w[1],
          rz = s.positions[3 * h + 2] - w[2];
        const d = Math.hypot(rx, ry, rz);
        if (d < 3 || d > 15) continue;
        // Seen from above (+y): clockwise when (r x dir) . y < 0.
        const cross = rz * s.directions[3 * h] - rx * s.directions[3 * h + 2];
        if (cross < 0) cw++;
        n++;
      }
      return cw / n;
    };
    const anti = generateStubble(head, { ...defaultStubble(), seed: 7, hairField: full, whorl: { offsetMm: 5, clockwise: false } });
    const cw = turning(stubble),
      acw = turning(anti);
    console.log(
      'whorl at',
      stubble.whorlMm.map((v) => +v.toFixed(1)),
      'clockwise share near it: clockwise spec',
      cw.toFixed(3),
      'anticlockwise spec',
      acw.toFixed(3),
    );
    expect(stubble.whorlMm[0]).toBeLessThan(-4); // 5 mm to the client's right (-x)
    expect(cw).toBeGreaterThan(0.95);
    expect(acw).toBeLessThan(0.05);

    // Forehead: units within 8 mm of the front-most full-hair node on the midline.
    let i = 0;
    while (full[i + 1] >= 0.99) i++;
    const s = head.chart.surfaceMm;
    const front = [s[3 * i], s[3 * i + 1], s[3 * i + 2]];
    const dirsNear = (p: readonly number[], r: number) => {
      const out: number[][] = [];
      for (let h = 0; h < stubble.count; h++) {
        if (Math.hypot(stubble.positions[3 * h] - p[0], stubble.positions[3 * h + 1] - p[1], stubble.positions[3 * h + 2] - p[2]) > r) continue;
        out.push([stubble.directions[3 * h], stubble.directions[3 * h + 1], stubble.directions[3 * h + 2]]);
      }
      return out;
    };
    const fore = dirsNear(front, 8);
    const side = dirsNear(patches().sideLeft, 6);
    const meanZ = fore.reduce((a, d) => a + d[2], 0) / fore.length;
    const meanSideY = side.reduce((a, d) => a + d[1], 0) / side.length;
    console.log('forehead hairs', fore.length, 'mean dir z', meanZ.toFixed(3), '; left side hairs', side.length, 'mean dir y', meanSideY.toFixed(3));
    expect(fore.every((d) => d[2] > 0.3)).toBe(true);
    expect(side.every((d) => d[1] < -0.3)).toBe(true);
  });

  it('draws each hair as two ellipses in two layers, shafts then cut ends, each as large as the strip it stands for', () => {
    const uvPerMm = 1 / (2 * head.chart.extentMm);
    const shave = halfMmStubble().shaveLengthMm;
    const H = stubble.hairCount;
    expect(stubble.count).toBe(2 * H);
    expect(Array.from(stubble.layerCounts)).toEqual([H, H]);
    expect(stubble.layerAreaCm2[1]).toBe(stubble.layerAreaCm2[0]);
    for (let k = 0; k < stubble.count; k += 101) expect(stubble.layer[k]).toBe(k < H ? 0 : 1);
    // The chart preserves area, so a splat's axes span uvPerMm^2 x (length / width) when the along
    // axis is length / width times the across one (ratio 1 below); with d = SPLAT_SCALE x width
    // the ellipse's area, pi/4 d^2 x length / width, is then width x length.
    const d = stubble.diameterMm[0];
    expect(d).toBeCloseTo(HAIR_WIDTH_MM * SPLAT_SCALE, 6);
    const ratio = (k: number, lengthMm: number) => {
      const a = stubble.uvAxes.subarray(4 * k, 4 * k + 4);
      return Math.abs(a[0] * a[3] - a[1] * a[2]) / ((lengthMm / HAIR_WIDTH_MM) * uvPerMm * uvPerMm);
    };
    const spread = (first: number, lengthMm: number) => {
      const r: number[] = [];
      for (let h = 0; h < H; h += 97) r.push(ratio(first + h, lengthMm));
      r.sort((x, y) => x - y);
      return [r[Math.floor(0.05 * (r.length - 1))], r[Math.floor(0.5 * (r.length - 1))], r[Math.floor(0.95 * (r.length - 1))]];
    };
    const shaft = spread(0, SHAFT_UNDER_SKIN_MM),
      cut = spread(H, cutEndLengthMm(shave));
    console.log(
      `shaft ${SHAFT_UNDER_SKIN_MM.toFixed(3)} mm, cut end ${cutEndLengthMm(shave).toFixed(3)} mm (0.5 mm shave); splat area / true area 5 %, median, 95 %: shafts`,
      shaft.map((x) => +x.toFixed(3)),
      'cut ends',
      cut.map((x) => +x.toFixed(3)),
    );
    for (const q of [shaft, cut]) {
      expect(q[0]).toBeGreaterThan(0.95);
      expect(q[2]).toBeLessThan(1.05);
    }
    // The shaft lies behind where the hair leaves the skin and the cut end in front, along its direction.
    let behind = 0;
    for (let h = 0; h < H; h += 13) {
      let dot = 0;
      for (let c = 0; c < 3; c++) dot += (stubble.positions[3 * (H + h) + c] - stubble.positions[3 * h + c]) * stubble.directions[3 * h + c];
      const want = 0.5 * (SHAFT_UNDER_SKIN_MM + cutEndLengthMm(shave));
      if (Math.abs(dot - want) < 0.05) behind++;
      expect(stubble.unitOf[H + h]).toBe(stubble.unitOf[h]);
    }
    expect(behind / Math.ceil(H / 13)).toBeGreaterThan(0.99);
    expect(cutEndLengthMm(0)).toBe(0);
    expect(cutEndLengthMm(3)).toBeCloseTo(3 * Math.cos((40 * Math.PI) / 180), 6);
    expect(SHAFT_UNDER_SKIN_MM).toBeCloseTo(0.5 / Math.tan((40 * Math.PI) / 180), 6);
  });

  it('leaves the cut ends out when shaved to the skin', () => {
    const bare = generateStubble(head, { ...defaultStubble(), shaveLengthMm: 0, seed: 7, hairField: full });
    expect(bare.hairCount).toBe(stubble.hairCount);
    expect(bare.count).toBe(bare.hairCount);
    expect(Array.from(bare.layerCounts)).toEqual([bare.hairCount, 0]);
    expect(bare.layer.every((l) => l === 0)).toBe(true);
    expect(Buffer.from(bare.uvAxes.buffer).equals(Buffer.from(stubble.uvAxes.buffer, 0, bare.uvAxes.byteLength))).toBe(true);
  });

  it('repeats byte for byte with the same seed, and differs with another', () => {
    const again = generateStubble(head, { ...halfMmStubble(), seed: 7, hairField: full });
    expect(again.count).toBe(stubble.count);
    expect(Buffer.from(again.positions.buffer).equals(Buffer.from(stubble.positions.buffer))).toBe(true);
    expect(Buffer.from(again.uvAxes.buffer).equals(Buffer.from(stubble.uvAxes.buffer))).toBe(true);
    expect(Buffer.from(again.hairsPerUnit.buffer).equals(Buffer.from(stubble.hairsPerUnit.buffer))).toBe(true);
    const other = generateStubble(head, { ...halfMmStubble(), seed: 8, hairField: full });
    expect(Buffer.from(other.positions.buffer).equals(Buffer.from(stubble.positions.buffer))).toBe(false);
  });

  it('the schema refuses bad input with the field and range named', () => {
    expect(stubbleSchema.parse(defaultStubble())).toEqual(defaultStubble());
    const msg = (x: unknown) => {
      const r = stubbleSchema.safeParse(x);
      return r.success ? '' : r.error.issues[0].message;
    };
    expect(msg({ ...defaultStubble(), shaveLengthMm: 4 })).toBe('Shave length must be at most 3 mm');
    expect(msg({ ...defaultStubble(), densityFuPerCm2: 5 })).toBe('Follicular unit density must be at least 20 FU/cm²');
    expect(msg({ ...defaultStubble(), whorl: { offsetMm: 50, clockwise: true } })).toBe('Whorl offset must be at most 30 mm');
  });
});
