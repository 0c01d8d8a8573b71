import { describe, expect, it } from 'vitest';
import { converter, convertLrgbToRgb } from 'culori';
import { D65_WHITE, hexToLab, labLuminance, labToHex, labToLinearRgb, labToXyz, srgbBytesToLab, xyzToLab, type Lab, type LinearRgb, type Xyz } from '../../src/model';

const toXyz65 = converter('xyz65');
const toLab65 = converter('lab65');

/** CIELAB colours over the whole range, the segment near black (L* under 8) included. */
function grid(): Lab[] {
  const out: Lab[] = [];
  for (const L of [0, 0.5, 3, 7.99, 8.01, 20, 45.3, 62.2, 80, 99.5, 100]) {
    for (const a of [-128, -40, -3.2, 0, 4.6, 30, 127]) for (const b of [-128, -25, 0, 2.1, 18.7, 60, 127]) out.push({ L, a, b });
  }
  return out;
}

describe('CIELAB and XYZ (D65, Y of the white 1)', () => {
  it("agrees with culori's lab65 and xyz65 to 1e-12, both ways", () => {
    let worst = 0;
    const x: Xyz = [0, 0, 0];
    for (const lab of grid()) {
      const c = toXyz65({ mode: 'lab65', l: lab.L, a: lab.a, b: lab.b });
      labToXyz(lab, x);
      worst = Math.max(worst, Math.abs(x[0] - c.x), Math.abs(x[1] - c.y), Math.abs(x[2] - c.z));
      const back = toLab65({ mode: 'xyz65', x: c.x, y: c.y, z: c.z });
      const ours = xyzToLab(c.x, c.y, c.z);
      worst = Math.max(worst, Math.abs(ours.L - back.l), Math.abs(ours.a - back.a), Math.abs(ours.b - back.b));
      // and the round trip comes back where it started
      expect(ours.L).toBeCloseTo(lab.L, 10);
      expect(ours.a).toBeCloseTo(lab.a, 10);
      expect(ours.b).toBeCloseTo(lab.b, 10);
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("has D65's white, X 0.9505 and Z 1.0891 (chromaticity 0.3127, 0.3290), as culori has it", () => {
    const white = toXyz65({ mode: 'lab65', l: 100, a: 0, b: 0 });
    expect(D65_WHITE[0]).toBeCloseTo(0.950456, 6);
    expect(D65_WHITE[2]).toBeCloseTo(1.089058, 6);
    expect(labToXyz({ L: 100, a: 0, b: 0 })).toEqual([white.x, white.y, white.z]);
    expect(xyzToLab(...D65_WHITE)).toEqual({ L: 100, a: 0, b: 0 });
  });

  it('gives the luminance Y: mid grey L* 50 is 18.4 %, and the linear segment near black', () => {
    expect(labLuminance({ L: 50, a: 0, b: 0 })).toBeCloseTo(0.18419, 5);
    expect(labLuminance({ L: 4, a: 10, b: -10 })).toBeCloseTo(4 / (24389 / 27), 12);
    for (const lab of grid()) expect(labLuminance(lab)).toBeCloseTo(labToXyz(lab)[1], 14);
  });

  it('writes into `out` without allocating a new result', () => {
    const x: Xyz = [0, 0, 0];
    const lab: Lab = { L: 0, a: 0, b: 0 };
    expect(labToXyz({ L: 50, a: 10, b: 10 }, x)).toBe(x);
    expect(xyzToLab(0.2, 0.2, 0.2, lab)).toBe(lab);
  });
});

describe('sRGB', () => {
  it("reads 8-bit sRGB pixels as culori's lab65 does, to 1e-9", () => {
    let worst = 0;
    for (let r = 0; r < 256; r += 15) {
      for (let g = 0; g < 256; g += 17) {
        for (let b = 0; b < 256; b += 51) {
          const mine = srgbBytesToLab(r, g, b);
          const theirs = toLab65({ mode: 'rgb', r: r / 255, g: g / 255, b: b / 255 });
          worst = Math.max(worst, Math.abs(mine.L - theirs.l), Math.abs(mine.a - theirs.a), Math.abs(mine.b - theirs.b));
        }
      }
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it('reads hex as CIELAB (D65) to a tenth: sRGB red is 53.2 / 80.1 / 67.2, white 100 / 0 / 0', () => {
    expect(hexToLab('#ff0000')).toEqual({ L: 53.2, a: 80.1, b: 67.2 });
    expect(hexToLab('#ffffff')).toEqual({ L: 100, a: 0, b: 0 });
    expect(hexToLab('no colour')).toBeNull();
  });

  it('gives linear sRGB within half an 8-bit step of the hex (gamma-encoded), clipped into the gamut', () => {
    const encode = (c: LinearRgb) => convertLrgbToRgb({ r: c[0], g: c[1], b: c[2] });
    let worst = 0;
    for (const lab of grid()) {
      const lin = labToLinearRgb(lab);
      for (const v of lin) expect(v >= 0 && v <= 1).toBe(true);
      const hex = labToHex(lab);
      const rgb = encode(lin);
      [rgb.r, rgb.g, rgb.b].forEach((v, k) => {
        worst = Math.max(worst, Math.abs(v * 255 - parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16)));
      });
    }
    expect(worst).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(labToLinearRgb({ L: 100, a: 0, b: 0 }).map((v) => +v.toFixed(12))).toEqual([1, 1, 1]);
    // sRGB 0.5 (#808080 is 128/255) is 21.4 % linear.
    expect(labToLinearRgb(hexToLab('#808080')!)[1]).toBeCloseTo(0.2159, 3);
  });
});
