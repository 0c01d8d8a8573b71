// What the session controls offer: the model's closed-form limits, against the store's own
// refusal (mergeRefusal) tried value by value.
import { describe, expect, it } from 'vitest';
import { FULL_RESULT_PER_CM2, fullResultVerdict, hexToLab, labToHex, maxDensityPerCm2, maxDiameterMm, mergeRefusal } from '../../src/model';
import { maxDensityFor, maxDiameterFor } from '../../src/ui/layerLimits';

const fits = (densityPerCm2: number, diameterMm: number) => mergeRefusal({ densityPerCm2, diameterMm }, 0) === null;
const diameters = Array.from({ length: 111 }, (_, k) => (10 + k) / 100);

describe('dot limits', () => {
  it('the most dots per cm² is the last density the store accepts, at every diameter from 0.10 to 1.20 mm', () => {
    for (const d of diameters) {
      const most = maxDensityPerCm2(d);
      expect(fits(most, d), `${most}/cm² of ${d} mm`).toBe(true);
      expect(fits(most + 1, d), `${most + 1}/cm² of ${d} mm`).toBe(false);
    }
    // At 0.3 mm dots keep 0.36 mm apart: 0.8 / 0.36² per mm² (the packing of the sampler).
    expect(maxDensityPerCm2(0.3)).toBe(617);
    console.log(`most dots per cm²: ${[0.1, 0.2, 0.3, 0.5, 1.2].map((d) => `${d} mm ${maxDensityPerCm2(d)}`).join(', ')}`);
  });

  it('the widest dots at a density are the last the store accepts', () => {
    for (const n of [1, 20, 80, 150, 194, 300, 617, 1000, 2500]) {
      const widest = maxDiameterMm(n);
      expect(fits(n, widest * (1 - 1e-9)), `${n}/cm² at ${widest} mm`).toBe(true);
      expect(fits(n, widest * (1 + 1e-6)), `${n}/cm² just over ${widest} mm`).toBe(false);
    }
  });

  it("the controls' limits are those a search over every allowed value finds", () => {
    for (const d of diameters) {
      let best = 0;
      for (let n = 1; n <= 2500; n++) if (fits(n, d)) best = n;
      expect(maxDensityFor(d), `${d} mm`).toBe(best);
    }
    for (let n = 1; n <= 2500; n += 7) {
      let best = 0;
      for (const d of diameters) if (fits(n, d)) best = d;
      expect(maxDiameterFor(n), `${n}/cm²`).toBe(best);
    }
  });
});

describe('against a full result', () => {
  it('reads 194 dots/cm² as full, under 80 % as lighter and over 150 % as denser', () => {
    expect(FULL_RESULT_PER_CM2).toBe(194);
    expect([150, 156, 194, 291, 292].map(fullResultVerdict)).toEqual(['lighter', 'near', 'near', 'near', 'denser']);
  });
});

describe('picked colours', () => {
  it('reads a hex colour as the CIELAB labToHex writes it from, to a tenth', () => {
    const lab = { L: 62.1, a: 12.3, b: 16.4 };
    const back = hexToLab(labToHex(lab))!;
    // One 8-bit step of sRGB is under 0.5 ΔE.
    expect(Math.hypot(back.L - lab.L, back.a - lab.a, back.b - lab.b)).toBeLessThan(0.5);
    expect(hexToLab('#ffffff')).toEqual({ L: 100, a: 0, b: 0 });
    expect(hexToLab('not a colour')).toBeNull();
  });
});
