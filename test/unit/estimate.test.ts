import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDesign, defaultHairLoss, generateDots, type Design, type DotSet, type HeadModel } from '../../src/model';
import { EstimateError, treatmentEstimate } from '../../src/model/estimate';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
let defaultDots: DotSet;
let fullDesign: Design;
let fullDots: DotSet;
beforeAll(() => {
  head = defaultHead();
  defaultDots = generateDots(head, defaultDesign());
  // A full head at the ~194 dots/cm² "full result" (SCIENCE.md section 1), over the whole hair-bearing scalp.
  fullDesign = defaultDesign();
  fullDesign.hairLoss = { ...defaultHairLoss(), pattern: 'diffuse', diffuseRemaining: 0 };
  fullDesign.layers = fullDesign.layers.map((l, k) => ({ ...l, densityPerCm2: [65, 65, 64][k] }));
  fullDots = generateDots(head, fullDesign);
});

const fmt = (e: ReturnType<typeof treatmentEstimate>) =>
  `${e.areaCm2.toFixed(0)} cm², ${e.sessions} sessions, ${e.dots} dots (${e.densityPerCm2.toFixed(0)}/cm²), ${e.hours[0].toFixed(1)}-${e.hours[1].toFixed(1)} h ` +
  `(per session ${e.hoursPerSession.map(([a, b]) => `${a.toFixed(1)}-${b.toFixed(1)}`).join(', ')}), ${e.price.currency}${e.price.low}-${e.price.high}`;

describe('treatmentEstimate', () => {
  it('a full head at 194 dots/cm² takes 20-30 h in total (Nguyen 2022) on a ~500 cm² scalp', () => {
    const e = treatmentEstimate(fullDesign, fullDots);
    console.log(`full head: ${fmt(e)}`);
    expect(e.areaCm2).toBeGreaterThan(450);
    expect(e.areaCm2).toBeLessThan(600);
    expect(e.densityPerCm2).toBeGreaterThan(194 * 0.85);
    expect(e.densityPerCm2).toBeLessThan(194 * 1.1);
    // The range overlaps the published 20-30 h and stays within a couple of hours of it.
    expect(e.hours[0]).toBeGreaterThanOrEqual(18);
    expect(e.hours[0]).toBeLessThanOrEqual(22);
    expect(e.hours[1]).toBeGreaterThanOrEqual(27);
    expect(e.hours[1]).toBeLessThanOrEqual(32);
  });

  it('the default design (Norwood VI, 3 sessions): area, sessions, dots and the default $1,000-4,500', () => {
    const d = defaultDesign();
    const e = treatmentEstimate(d, defaultDots);
    console.log(`default design: ${fmt(e)}`);
    expect(e.sessions).toBe(3);
    expect(e.dots).toBe(defaultDots.count);
    expect(e.dotsPerSession.reduce((a, b) => a + b, 0)).toBe(defaultDots.count);
    expect(e.areaCm2).toBeCloseTo(Math.max(...defaultDots.layerAreaCm2), 6);
    // Norwood VI keeps a fringe: less than the full scalp.
    expect(e.areaCm2).toBeLessThan(treatmentEstimate(fullDesign, fullDots).areaCm2);
    expect(e.price).toEqual({ low: 1000, high: 4500, currency: '$' });
    expect(e.touchUpPrice).toEqual({ low: 300, high: 500, currency: '$' });
    // The range is the ratio of the assumed slow and fast placement rates.
    expect(e.hours[1] / e.hours[0]).toBeCloseTo(5000 / 3400, 6);
  });

  it("uses the clinic's own prices and refuses bad ones or dots of another design", () => {
    const d = defaultDesign();
    const e = treatmentEstimate(d, defaultDots, { ...d.fade.prices, treatmentLow: 2000, treatmentHigh: 3000, currency: '€' });
    expect(e.price).toEqual({ low: 2000, high: 3000, currency: '€' });
    expect(() => treatmentEstimate(d, defaultDots, { ...d.fade.prices, treatmentLow: 5000 })).toThrow(/prices\.treatmentLow: Full treatment price \(low\) must not exceed the high price/);
    expect(() => treatmentEstimate(d, defaultDots, { ...d.fade.prices, treatmentHigh: -1 })).toThrow(EstimateError);
    expect(() => treatmentEstimate(d, defaultDots, undefined, { dotsPerHourSlow: 6000, dotsPerHourFast: 5000 })).toThrow(/Slow placement rate must not exceed/);
    expect(() => treatmentEstimate({ ...d, layers: d.layers.slice(0, 2) }, defaultDots)).toThrow(/dots are for 3 sessions but the design has 2/);
  });
});
