import { beforeAll, describe, expect, it } from 'vitest';
import { clientHairField, defaultDesign, generateDots, scalpLook, type HeadModel } from '../../src/model';
import { defaultHead } from './helpers/defaultHead';

/** A chart node whose hair share is `share` everywhere within `clearMm`, nearest `near`. */
function nodeWith(head: HeadModel, field: Float32Array, share: number, clearMm: number, near: readonly number[]): number[] {
  const s = head.chart.surfaceMm;
  let best: number[] | null = null;
  let bestD = Infinity;
  for (let k = 0; k < field.length; k += 7) {
    if (Math.abs(field[k] - share) > 1e-3) continue;
    const p = [s[3 * k], s[3 * k + 1], s[3 * k + 2]];
    const d = Math.hypot(p[0] - near[0], p[1] - near[1], p[2] - near[2]);
    if (d >= bestD) continue;
    let clear = true;
    for (let j = 0; j < field.length && clear; j += 3) {
      if (Math.hypot(s[3 * j] - p[0], s[3 * j + 1] - p[1], s[3 * j + 2] - p[2]) < clearMm && Math.abs(field[j] - share) > 0.02) clear = false;
    }
    if (clear) [best, bestD] = [p, d];
  }
  if (!best) throw new Error(`no node with hair share ${share} clear for ${clearMm} mm`);
  return best;
}

/** Marks within `radiusMm` (3D) of a point, per cm². */
function perCm2(positions: Float32Array, count: number, at: readonly number[], radiusMm: number): number {
  let n = 0;
  for (let i = 0; i < count; i++) {
    const dx = positions[3 * i] - at[0],
      dy = positions[3 * i + 1] - at[1],
      dz = positions[3 * i + 2] - at[2];
    if (dx * dx + dy * dy + dz * dz <= radiusMm * radiusMm) n++;
  }
  return n / ((Math.PI * radiusMm * radiusMm) / 100);
}

describe("the sessions blend into the client's hair", () => {
  let head: HeadModel;
  beforeAll(() => {
    head = defaultHead();
  });

  it('fill the bald crown at the design density and the kept hair up to it, counting follicles as marks', () => {
    const design = defaultDesign(); // Norwood VI, 74 FU/cm², three sessions of 170 dots/cm² together
    const total = design.layers.reduce((n, l) => n + l.densityPerCm2, 0);
    const dots = generateDots(head, design);
    const { stubble } = scalpLook(head, design);
    const l = head.landmarks;
    // Bald near the vertex, and full hair near the inion, each well inside its area.
    const field = clientHairField(head, design);
    const crown = nodeWith(head, field, 0, 15, l.vertex);
    const back = nodeWith(head, field, 1, 15, l.inion);
    const r = 8;
    const at = (p: number[]) => ({ dots: perCm2(dots.positions, dots.count, p, r), units: perCm2(stubble.unitPositions, stubble.unitCount, p, r) });
    const c = at(crown);
    const b = at(back);
    console.log(
      `design ${total}/cm²; crown: ${c.dots.toFixed(0)} dots + ${c.units.toFixed(0)} units; back: ${b.dots.toFixed(0)} dots + ${b.units.toFixed(0)} units = ${(b.dots + b.units).toFixed(0)} marks/cm²`,
    );
    expect(c.units).toBeLessThan(2);
    expect(Math.abs(c.dots / total - 1)).toBeLessThan(0.1);
    expect(b.units).toBeGreaterThan(60);
    expect(b.dots).toBeLessThan(total * 0.75);
    expect(Math.abs((b.dots + b.units) / total - 1)).toBeLessThan(0.15);
  }, 60_000);
});
