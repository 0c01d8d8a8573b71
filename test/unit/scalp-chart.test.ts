import { beforeAll, describe, expect, it } from 'vitest';
import { type HeadModel } from '../../src/model';
import { inHairRegion, toChart, type ChartPoint } from '../../src/model/scalp/chart';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { quantile, triangleArea } from './helpers/mesh';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
beforeAll(() => {
  head = defaultHead();
});

/** Per triangle of the hair-bearing region: 3D area / chart area (both mm^2). */
function distortion(h: HeadModel) {
  const { positions: p, indices, scalpUv: uv, chart } = h;
  const s = 2 * chart.extentMm;
  const ratios: number[] = [];
  let area3d = 0;
  let flipped = 0;
  for (let f = 0; f < indices.length; f += 3) {
    const a = indices[f],
      b = indices[f + 1],
      c = indices[f + 2];
    const cx = (p[3 * a] + p[3 * b] + p[3 * c]) / 3;
    const cy = (p[3 * a + 1] + p[3 * b + 1] + p[3 * c + 1]) / 3;
    const cz = (p[3 * a + 2] + p[3 * b + 2] + p[3 * c + 2]) / 3;
    if (!inHairRegion(chart, cx, cy, cz)) continue;
    const u1 = (uv[2 * b] - uv[2 * a]) * s,
      v1 = (uv[2 * b + 1] - uv[2 * a + 1]) * s;
    const u2 = (uv[2 * c] - uv[2 * a]) * s,
      v2 = (uv[2 * c + 1] - uv[2 * a + 1]) * s;
    const signed = 0.5 * (u1 * v2 - u2 * v1);
    const a3 = triangleArea(p, a, b, c);
    area3d += a3;
    if (signed <= 0) flipped++;
    ratios.push(a3 / Math.abs(signed));
  }
  ratios.sort((x, y) => x - y);
  return { ratios, area3d, flipped };
}

describe('scalp chart', () => {
  it('preserves area: 3D / chart area per triangle within 0.98-1.02 for 90% of the region, 0.95-1.05 for 98%', () => {
    const { ratios, area3d, flipped } = distortion(head);
    const stats = {
      triangles: ratios.length,
      p1: quantile(ratios, 0.01),
      p5: quantile(ratios, 0.05),
      median: quantile(ratios, 0.5),
      p95: quantile(ratios, 0.95),
      p99: quantile(ratios, 0.99),
      regionCm2: area3d / 100,
    };
    console.log('scalp chart area distortion', JSON.stringify(stats));
    expect(ratios.length).toBeGreaterThan(10_000);
    expect(stats.median).toBeGreaterThan(0.99);
    expect(stats.median).toBeLessThan(1.01);
    expect(stats.p5).toBeGreaterThan(0.98);
    expect(stats.p95).toBeLessThan(1.02);
    expect(stats.p1).toBeGreaterThan(0.95);
    expect(stats.p99).toBeLessThan(1.05);
    // The chart's own integral of the region area agrees with the mesh.
    expect(Math.abs(head.chart.regionAreaMm2 - area3d) / area3d).toBeLessThan(0.02);
    // One-to-one: no triangle of the region folds over in the chart.
    expect(flipped).toBe(0);
  });

  it('covers a plausible adult scalp area', () => {
    // Hair-bearing scalp of an adult: roughly 500-700 cm^2 for a full (Norwood I) head.
    expect(head.chart.regionAreaMm2 / 100).toBeGreaterThan(450);
    expect(head.chart.regionAreaMm2 / 100).toBeLessThan(750);
  });

  it('contains the scalp and leaves out the face, ears and neck', () => {
    const l = head.landmarks;
    const surface = new ScalpSurface(head.chart);
    // Landmarks are on the head; other points are first taken onto the charted surface.
    const inside = (p: readonly number[]) => inHairRegion(head.chart, p[0], p[1], p[2]);
    const onScalp = (p: readonly number[]) => surface.project(p[0], p[1], p[2]) && inside([surface.x, surface.y, surface.z]);
    expect(inside(l.vertex)).toBe(true);
    expect(inside(l.opisthocranion)).toBe(true);
    expect(inside(l.inion)).toBe(true);
    expect(onScalp([0, l.glabella[1] + 80, l.glabella[2] - 30])).toBe(true); // 8 cm hairline zone
    expect(onScalp([l.tragusLeft[0], l.tragusLeft[1] + 60, l.tragusLeft[2]])).toBe(true); // above the ear
    expect(inside(l.glabella)).toBe(false);
    expect(inside(l.nasion)).toBe(false);
    expect(inside(l.eyeOuterLeft)).toBe(false);
    expect(inside(l.eyeOuterRight)).toBe(false);
    expect(inside([l.tragusLeft[0] + 15, l.tragusLeft[1] - 5, l.tragusLeft[2] - 20])).toBe(false); // the pinna, off the scalp
    expect(onScalp([0, l.nape[1] - 30, l.nape[2]])).toBe(false); // neck below the nape
  });

  it('is symmetric: mirrored points land at mirrored chart positions with equal area scale', () => {
    const a: ChartPoint = { thetaRad: 0, phiRad: 0, xMm: 0, yMm: 0, u: 0, v: 0, inRegion: false };
    const b = { ...a };
    for (const p of [head.landmarks.tragusLeft, [40, 120, 20], [60, 60, -60]]) {
      toChart(head.chart, p[0], p[1], p[2], a);
      toChart(head.chart, -p[0], p[1], p[2], b);
      expect(Math.hypot(a.xMm, a.yMm)).toBeCloseTo(Math.hypot(b.xMm, b.yMm), 0);
      expect(a.xMm).toBeCloseTo(b.xMm, 0);
      expect(a.yMm).toBeCloseTo(-b.yMm, 0);
    }
  });
});
