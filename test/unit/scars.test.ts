import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDesign, generateDots, type HeadModel } from '../../src/model';
import { ScalpSurface } from '../../src/model/scalp/surface';
import { dotsOnScar, scarAreaMm2, scarField } from '../../src/model/scalp/scars';
import { defaultScar, scarsSchema, type StripScar } from '../../src/model/scalp/scarSchema';
import { stripCentreline } from '../../src/model/scalp/scarShapes';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
beforeAll(() => {
  head = defaultHead();
}, 30_000);

describe('scars', () => {
  it('validates scars with messages naming the field and its range', () => {
    expect(scarsSchema.parse([defaultScar('strip'), defaultScar('punctate'), defaultScar('free')])).toHaveLength(3);
    const r = scarsSchema.safeParse([{ ...defaultScar('strip'), widthMm: 40 }]);
    expect(r.error?.issues[0].message).toBe('Strip scar width must be at most 20 mm');
    expect(scarsSchema.safeParse(Array.from({ length: 21 }, (_, k) => defaultScar('strip', `s${k}`))).error?.issues[0].message).toBe('A design has at most 20 scars');
  });

  it("covers about length x width with a strip scar's field (within 15 %)", () => {
    const rows: Record<string, unknown>[] = [];
    for (const [lengthMm, widthMm] of [
      [200, 2],
      [120, 5],
      [250, 10],
      [60, 1],
    ]) {
      const scar: StripScar = { id: 's', kind: 'strip', lengthMm, widthMm, heightAboveInionMm: 40 };
      const f = scarField(head, [scar], 1);
      const area = scarAreaMm2(head.chart, f);
      const line = stripCentreline(head, scar);
      let len = 0;
      for (let k = 3; k < line.length; k += 3) len += Math.hypot(line[k] - line[k - 3], line[k + 1] - line[k - 2], line[k + 2] - line[k - 1]);
      let max = 0;
      for (const v of f) max = Math.max(max, v);
      rows.push({
        lengthMm,
        widthMm,
        areaMm2: +area.toFixed(1),
        expectedMm2: lengthMm * widthMm,
        ratio: +(area / (lengthMm * widthMm)).toFixed(3),
        centrelineMm: +len.toFixed(1),
        maxShare: +max.toFixed(2),
      });
    }
    console.log('strip scar areas', JSON.stringify(rows));
    // A strip longer than the hair-bearing band at its height stops at the outline (over the ears).
    const low = stripCentreline(head, { id: 's', kind: 'strip', lengthMm: 300, widthMm: 2, heightAboveInionMm: 10 });
    let lowLen = 0;
    for (let k = 3; k < low.length; k += 3) lowLen += Math.hypot(low[k] - low[k - 3], low[k + 1] - low[k - 2], low[k + 2] - low[k - 1]);
    console.log('300 mm strip 10 mm above the inion, clipped to', lowLen.toFixed(1), 'mm');
    expect(lowLen).toBeLessThan(298);
    for (const r of rows as { ratio: number; centrelineMm: number; lengthMm: number; widthMm: number }[]) {
      expect(Math.abs(r.ratio - 1)).toBeLessThan(0.15);
      expect(Math.abs(r.centrelineMm - (r.lengthMm - r.widthMm))).toBeLessThan(1);
    }
  });

  it('places FUE scars by seed in the donor area, with about count x pi r^2 of scar', () => {
    const scar = defaultScar('punctate');
    if (scar.kind !== 'punctate') throw new Error('kind');
    const a = scarField(head, [scar], 42),
      b = scarField(head, [scar], 42),
      c = scarField(head, [scar], 43);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(c.buffer))).toBe(false);
    const area = scarAreaMm2(head.chart, a);
    const expected = scar.count * Math.PI * (scar.diameterMm / 2) ** 2;
    // Nowhere on the front of the head.
    const cols = head.chart.thetaSteps + 1;
    let front = 0;
    for (let j = 0; j < head.chart.phiSteps; j++) {
      const phi = (j / head.chart.phiSteps) * 360;
      if (phi < 60 || phi > 300) for (let i = 0; i < cols; i++) front += a[j * cols + i];
    }
    console.log('FUE scars', JSON.stringify({ count: scar.count, diameterMm: scar.diameterMm, areaMm2: +area.toFixed(1), expectedMm2: +expected.toFixed(1), frontShare: front }));
    expect(Math.abs(area / expected - 1)).toBeLessThan(0.15);
    expect(front).toBe(0);
  });

  it('paints a free polygon with its own area and flags the dots on scars', () => {
    const free = defaultScar('free');
    const f = scarField(head, [free], 1);
    const area = scarAreaMm2(head.chart, f);
    // Its corners projected onto the scalp (as the model does) span a polygon of this area
    // (vector area, 0.5 |sum p_k x p_k+1|): the flat-plane reference the field should match.
    if (free.kind !== 'free') throw new Error('kind');
    const s = new ScalpSurface(head.chart);
    const q = free.pointsMm.map((p) => (s.project(p[0], p[1], p[2]), [s.x, s.y, s.z]));
    const v = [0, 0, 0];
    q.forEach((p, k) => {
      const r = q[(k + 1) % q.length];
      v[0] += p[1] * r[2] - p[2] * r[1];
      v[1] += p[2] * r[0] - p[0] * r[2];
      v[2] += p[0] * r[1] - p[1] * r[0];
    });
    const ellipse = 0.5 * Math.hypot(v[0], v[1], v[2]);
    console.log('free scar area', area.toFixed(1), 'mm², its projected polygon', ellipse.toFixed(1), 'mm²');
    expect(Math.abs(area / ellipse - 1)).toBeLessThan(0.2);
    const strip = defaultScar('strip');
    const field = scarField(head, [strip, free], 1);
    // A client with no hair left, so that the session covers the scars at its full density.
    const design = { ...defaultDesign(), hairLoss: { pattern: 'diffuse' as const, diffuseRemaining: 0, corrections: [] }, layers: [defaultDesign().layers[0]] };
    const dots = generateDots(head, design);
    const flags = dotsOnScar(head, field, dots);
    const n = flags.reduce((s, v) => s + v, 0);
    const scarArea = scarAreaMm2(head.chart, field);
    const expected = (design.layers[0].densityPerCm2 / 100) * scarArea;
    console.log('dots on scars', n, 'expected about', expected.toFixed(0), 'from', scarArea.toFixed(0), 'mm² of scar');
    expect(Math.abs(n - expected) / expected).toBeLessThan(0.35);
  }, 60_000);
});
