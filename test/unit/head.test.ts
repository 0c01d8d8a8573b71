import { describe, expect, it } from 'vitest';
import type { Sex } from '../../src/model/head/form';
import { buildHeadGeometry, type HeadGeometry } from '../../src/model/head/geometry';
import { measuresAtZ } from '../../src/model/head/measures';
import { HeadMeasureError, LANDMARKS, type HeadMeasures } from '../../src/model/head/types';
import { distanceToMesh, edgeUseHistogram, signedVolume, slicePerimeters, windingAgreement, type V3 } from './helpers/mesh';

interface Measured {
  circumferenceMm: number;
  lengthMm: number;
  breadthMm: number;
  earTopMm: number;
  planeAtEarMm: number;
}

/** The three measures as a tape and a caliper would take them on the mesh. */
function measureMesh(g: HeadGeometry): Measured {
  const { glabella: gl, opisthocranion: op } = g.landmarks;
  const p = g.positions;
  // Plane through glabella and opisthocranion that contains the x direction.
  const dy = op[1] - gl[1],
    dz = op[2] - gl[2];
  const len = Math.hypot(dy, dz);
  const normal: V3 = [0, -dz / len, dy / len];
  const [outer] = slicePerimeters(p, g.indices, gl, normal);
  // Half-width of the head per 1 mm of height. Scanning up from the ear canal, the ears stand
  // out; the narrowest level below the glabella plane is the notch just above them.
  const bins = new Map<number, number>();
  for (let v = 0; v < p.length; v += 3) {
    const bin = Math.floor(p[v + 1]);
    bins.set(bin, Math.max(bins.get(bin) ?? 0, Math.abs(p[v])));
  }
  let notchY = 0;
  for (let y = 0; y <= Math.floor(gl[1]) + 5; y++) if ((bins.get(y) ?? Infinity) < (bins.get(notchY) ?? Infinity)) notchY = y;
  const notchHalfWidth = bins.get(notchY)!;
  let earTopMm = -Infinity;
  for (let y = 0; y < notchY; y++) if (bins.get(y)! > notchHalfWidth + 2) earTopMm = y + 1;
  let minX = Infinity,
    maxX = -Infinity;
  for (let v = 0; v < p.length; v += 3) {
    if (p[v + 1] <= notchY) continue;
    minX = Math.min(minX, p[v]);
    maxX = Math.max(maxX, p[v]);
  }
  return {
    circumferenceMm: outer,
    lengthMm: Math.hypot(gl[0] - op[0], gl[1] - op[1], gl[2] - op[2]),
    breadthMm: maxX - minX,
    earTopMm,
    // Height of the measuring plane above the ear canal (z = 0).
    planeAtEarMm: gl[1] + (dy * (0 - gl[2])) / dz,
  };
}

function expectMeasures(measured: Measured, wanted: HeadMeasures): void {
  expect(Math.abs(measured.circumferenceMm / wanted.circumferenceMm - 1)).toBeLessThan(0.02);
  expect(Math.abs(measured.lengthMm / wanted.lengthMm - 1)).toBeLessThan(0.02);
  expect(Math.abs(measured.breadthMm / wanted.breadthMm - 1)).toBeLessThan(0.02);
}

const PERCENTILES = [
  ['5th', -1.645],
  ['50th', 0],
  ['95th', 1.645],
] as const;

const SEXES: Sex[] = ['male', 'female'];

const built = new Map<string, HeadGeometry>();
function headAt(z: number, sex: Sex = 'male'): HeadGeometry {
  const key = `${sex} ${z}`;
  if (!built.has(key)) built.set(key, buildHeadGeometry(measuresAtZ(z), { sex }));
  return built.get(key)!;
}

describe('parametric head: measures', () => {
  for (const sex of SEXES)
    for (const [name, z] of PERCENTILES) {
      it(`the ${name} percentile ${sex} head measures as asked (circumference, length, breadth within 2%)`, () => {
        const wanted = measuresAtZ(z);
        const t0 = performance.now();
        const g = headAt(z, sex);
        const ms = performance.now() - t0;
        const m = measureMesh(g);
        console.log(
          `${sex} ${name}: built in ${ms.toFixed(0)} ms, ${g.indices.length / 3} triangles; ` +
            `circumference ${m.circumferenceMm.toFixed(1)} (${wanted.circumferenceMm.toFixed(1)}), ` +
            `length ${m.lengthMm.toFixed(1)} (${wanted.lengthMm.toFixed(1)}), breadth ${m.breadthMm.toFixed(1)} (${wanted.breadthMm.toFixed(1)})`,
        );
        expectMeasures(m, wanted);
        // The tape passes above the ears.
        expect(m.earTopMm).toBeLessThan(m.planeAtEarMm - 2);
        expect(m.earTopMm).toBeLessThan(g.landmarks.glabella[1]);
      });
    }

  it('odd but accepted combinations are fitted too', () => {
    const combos: HeadMeasures[] = [
      { circumferenceMm: 584, lengthMm: 196, breadthMm: 152 },
      { circumferenceMm: 556, lengthMm: 196, breadthMm: 152 },
      { circumferenceMm: 565, lengthMm: 202, breadthMm: 144 },
      { circumferenceMm: 575, lengthMm: 188, breadthMm: 160 },
    ];
    for (const wanted of combos) expectMeasures(measureMesh(buildHeadGeometry(wanted)), wanted);
  });
});

describe('parametric head: mesh', () => {
  it('is closed: every edge is shared by two triangles', () => {
    const g = headAt(0);
    const histogram = edgeUseHistogram(g.indices, g.positions.length / 3);
    expect(histogram.get(1) ?? 0).toBe(0);
    expect(histogram.get(3) ?? 0).toBe(0);
    // Surface nets may pinch a handful of edges where two sheets touch.
    expect(histogram.get(4) ?? 0).toBeLessThan(10);
    expect(g.indices.length / 3).toBeGreaterThan(50_000);
    expect(g.indices.length / 3).toBeLessThan(250_000);
  });

  it('winds outward: positive volume equal to the volume inside the SDF, normals agree with faces', () => {
    const g = headAt(0);
    const volume = signedVolume(g.positions, g.indices);
    // Count SDF-inside cells on a 2.5 mm lattice over head and bust as an independent estimate
    // of the same volume.
    let inside = 0;
    const h = 2.5;
    for (let x = -225; x <= 225; x += h) for (let y = -350; y <= 150; y += h) for (let z = -150; z <= 150; z += h) if (g.distance(x + 0.37, y + 0.21, z + 0.13) < 0) inside++;
    const lattice = inside * h * h * h;
    console.log(`volume ${(volume / 1e3).toFixed(0)} cm3 (lattice ${(lattice / 1e3).toFixed(0)} cm3)`);
    expect(volume).toBeGreaterThan(0);
    expect(Math.abs(volume / lattice - 1)).toBeLessThan(0.01);
    expect(windingAgreement(g.positions, g.normals, g.indices)).toBeGreaterThan(0.999);
    // Normals are unit length.
    for (let v = 0; v < g.normals.length; v += 997 * 3) {
      expect(Math.hypot(g.normals[v], g.normals[v + 1], g.normals[v + 2])).toBeCloseTo(1, 5);
    }
  });

  it('distance is zero on the mesh and never far above the true distance', () => {
    const g = headAt(0);
    const p = g.positions,
      n = g.normals;
    let worstOnSurface = 0;
    let worstRatio = 0;
    let wrongSide = 0;
    for (let v = 0; v < p.length; v += 3 * 101) {
      worstOnSurface = Math.max(worstOnSurface, Math.abs(g.distance(p[v], p[v + 1], p[v + 2])));
      // A point t along the normal is at most |t| from the surface.
      for (const t of [-8, -3, -1, 1, 3, 8, 20]) {
        const d = g.distance(p[v] + n[v] * t, p[v + 1] + n[v + 1] * t, p[v + 2] + n[v + 2] * t);
        worstRatio = Math.max(worstRatio, Math.abs(d) / Math.abs(t));
        if (Math.abs(t) <= 1 && Math.sign(d) !== Math.sign(t)) wrongSide++;
      }
    }
    const t0 = performance.now();
    let sink = 0;
    for (let i = 0; i < 200_000; i++) sink += g.distance((i % 180) - 90, ((i * 7) % 300) - 170, ((i * 13) % 240) - 110);
    const nsPerCall = ((performance.now() - t0) / 200_000) * 1e6;
    console.log(`distance: ${nsPerCall.toFixed(0)} ns per call; worst overestimate ratio ${worstRatio.toFixed(3)}`, sink > 0);
    expect(worstOnSurface).toBeLessThan(0.01);
    expect(worstRatio).toBeLessThan(1.15);
    expect(wrongSide).toBe(0);
  });

  it('is deterministic', () => {
    const a = headAt(0);
    const b = buildHeadGeometry(measuresAtZ(0));
    expect(b.positions).toEqual(a.positions);
    expect(b.indices).toEqual(a.indices);
  });
});

describe('parametric head: landmarks', () => {
  for (const sex of SEXES)
    for (const [name, z] of PERCENTILES) {
      it(`lie on the surface and where anatomy puts them (${name} percentile, ${sex})`, () => {
        const g = headAt(z, sex);
        const l = g.landmarks;
        for (const key of LANDMARKS) {
          expect(distanceToMesh(g.positions, g.indices, l[key]), key).toBeLessThan(0.5);
          expect(Math.abs(g.distance(...l[key])), key).toBeLessThan(0.3);
        }
        const p = g.positions;
        let topY = -Infinity;
        let foreheadZ = -Infinity;
        let noseZ = -Infinity;
        let farthest = 0;
        let chinLowY = Infinity;
        for (let v = 0; v < p.length; v += 3) {
          const [x, y, zz] = [p[v], p[v + 1], p[v + 2]];
          topY = Math.max(topY, y);
          if (Math.abs(x) < 1.5 && zz > l.menton[2] + 0.5 && y > l.menton[1] - 40) chinLowY = Math.min(chinLowY, y);
          if (Math.abs(x) > 1.5) continue;
          if (y > l.nasion[1] && y < l.glabella[1] + 60) foreheadZ = Math.max(foreheadZ, zz);
          if (y < l.nasion[1] && y > l.nasion[1] - 70) noseZ = Math.max(noseZ, zz);
          if (y > -40) farthest = Math.max(farthest, Math.hypot(y - l.glabella[1], zz - l.glabella[2]));
        }
        // Glabella: the most forward point of the forehead midline; the nose tip stands in front.
        expect(l.glabella[2]).toBeGreaterThan(foreheadZ - 0.2);
        expect(noseZ).toBeGreaterThan(l.glabella[2] + 10);
        expect(l.nasion[2]).toBeLessThan(l.glabella[2]);
        expect(l.nasion[1]).toBeLessThan(l.glabella[1]);
        // Vertex: the highest point. Opisthocranion: farthest from the glabella.
        expect(l.vertex[1]).toBeGreaterThan(topY - 0.2);
        const length = Math.hypot(l.opisthocranion[1] - l.glabella[1], l.opisthocranion[2] - l.glabella[2]);
        expect(length).toBeGreaterThan(farthest - 0.3);
        expect(l.opisthocranion[2]).toBeLessThan(-60);
        // Inion below the opisthocranion on the back; nape lower still, at the neck.
        expect(l.inion[1]).toBeLessThan(l.opisthocranion[1] - 20);
        expect(l.inion[2]).toBeLessThan(-60);
        expect(l.nape[1]).toBeLessThan(l.inion[1] - 30);
        expect(l.nape[2]).toBeGreaterThan(l.inion[2]); // the neck lies under the occiput
        expect(l.nape[2]).toBeLessThan(-40);
        // Tragi: symmetric about the origin, the ear canals' midpoint.
        expect(l.tragusLeft[0]).toBeGreaterThan(60);
        expect(l.tragusLeft[0]).toBeCloseTo(-l.tragusRight[0], 6);
        expect(Math.hypot(l.tragusLeft[1] + l.tragusRight[1], l.tragusLeft[2] + l.tragusRight[2])).toBeLessThan(0.5);
        // Outer eye corners: symmetric, below and behind the glabella, on the left for x > 0.
        expect(l.eyeOuterLeft[0]).toBeGreaterThan(30);
        expect(l.eyeOuterLeft[0]).toBeCloseTo(-l.eyeOuterRight[0], 6);
        expect(l.eyeOuterLeft[1]).toBeLessThan(l.glabella[1] - 10);
        expect(l.eyeOuterLeft[2]).toBeLessThan(l.glabella[2] - 10);
        // Menton: on the midline, a face's height below the eyes, the chin's lowest point seen from
        // the front (nothing of the face in front of it lies lower; the neck lies behind it).
        expect(l.menton[0]).toBe(0);
        expect(l.eyeOuterLeft[1] - l.menton[1]).toBeGreaterThan(95);
        expect(l.eyeOuterLeft[1] - l.menton[1]).toBeLessThan(135);
        expect(l.menton[2]).toBeGreaterThan(l.eyeOuterLeft[2] - 15);
        expect(chinLowY).toBeGreaterThan(l.menton[1] - 1);
      });
    }
});

describe('parametric head: refusals', () => {
  it('refuses a measure out of range, naming the field', () => {
    const cases: [Partial<HeadMeasures>, keyof HeadMeasures][] = [
      [{ circumferenceMm: 700 }, 'circumferenceMm'],
      [{ lengthMm: 150 }, 'lengthMm'],
      [{ breadthMm: 190 }, 'breadthMm'],
    ];
    for (const [change, field] of cases) {
      const m = { ...measuresAtZ(0), ...change };
      expect(() => buildHeadGeometry(m)).toThrow(HeadMeasureError);
      try {
        buildHeadGeometry(m);
      } catch (e) {
        expect((e as HeadMeasureError).field).toBe(field);
        expect((e as Error).message).toMatch(/mm/);
      }
    }
  });

  it('refuses a combination no natural head has, saying what would be accepted', () => {
    const cases: HeadMeasures[] = [
      { circumferenceMm: 490, lengthMm: 220, breadthMm: 170 }, // too small around for its size
      { circumferenceMm: 650, lengthMm: 175, breadthMm: 135 }, // too large around
      { circumferenceMm: 560, lengthMm: 170, breadthMm: 165 }, // as broad as long
    ];
    for (const m of cases) {
      try {
        buildHeadGeometry(m);
        expect.unreachable(`accepted ${JSON.stringify(m)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(HeadMeasureError);
        expect((e as HeadMeasureError).field).toBe('measures');
        expect((e as Error).message).toMatch(/\d+-\d+/);
      }
    }
  });
});
