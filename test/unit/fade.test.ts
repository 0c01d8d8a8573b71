import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDesign, generateDots, type Design, type DotSet, type HeadModel } from '../../src/model';
import {
  defaultFadeScenario,
  effectiveSpf,
  fadePreset,
  FadeAbortError,
  FadeInputError,
  fadeDisplay,
  HEALED_YEARS,
  planTouchUps,
  remainingShare,
  scalpAnnualDoseKJ,
  simulateFade,
  type FadeScenario,
} from '../../src/model/fade';
import { defaultHead } from './helpers/defaultHead';

let head: HeadModel;
let design: Design;
let dots: DotSet;
beforeAll(() => {
  head = defaultHead();
  design = defaultDesign();
  dots = generateDots(head, design);
});

const mean = (a: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
};
const sd = (a: ArrayLike<number>) => {
  const m = mean(a);
  return Math.sqrt(mean(Array.from(a, (x) => (x - m) ** 2)));
};
/** Mean remaining pigment share at `years` under a scenario (no per-dot output). */
const remainingAt = (s: FadeScenario, years: number) => simulateFade(head, design, dots, [years], s, { perDot: false }).meanRemaining[0];
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(3)).join(' ');

describe('healing', () => {
  it('loses 20-40 % of pigment with good aftercare, more with each fault (Baumler 2015; practitioners)', () => {
    const good = defaultFadeScenario();
    const picked: FadeScenario = { ...good, aftercare: { ...good.aftercare, pickedScabs: true } };
    const poor: FadeScenario = { ...good, aftercare: { washedBeforeDay4: true, sweating: true, sunWhileHealing: true, pickedScabs: false } };
    const all: FadeScenario = { ...good, aftercare: { washedBeforeDay4: true, sweating: true, sunWhileHealing: true, pickedScabs: true } };
    const loss = (s: FadeScenario) => 1 - mean(simulateFade(head, design, dots, [], s).healedRetention);
    const [lGood, lPicked, lPoor, lAll] = [good, picked, poor, all].map(loss);
    const r = simulateFade(head, design, dots, [], good).healedRetention;
    const lost = Array.from(r).filter((x) => x === 0).length / r.length;
    console.log(
      `healing loss over ${dots.count} dots: good ${lGood.toFixed(3)} (dots lost ${lost.toFixed(3)}, sd of retention ${sd(r).toFixed(3)}), picked scabs ${lPicked.toFixed(3)} (retained ${(1 - lPicked).toFixed(3)}), washed+sweat+sun ${lPoor.toFixed(3)}, all faults ${lAll.toFixed(3)}`,
    );
    expect(lGood).toBeGreaterThanOrEqual(0.2);
    expect(lGood).toBeLessThanOrEqual(0.4);
    // Practitioners: 70-80 % kept with good aftercare, 40-50 % when scabs are picked.
    expect(1 - lPicked).toBeGreaterThanOrEqual(0.38);
    expect(1 - lPicked).toBeLessThanOrEqual(0.5);
    expect(lPoor).toBeGreaterThan(lGood);
    expect(lAll).toBeGreaterThan(Math.max(lPoor, lPicked));
    expect(lost).toBeGreaterThan(0.01);
    expect(lost).toBeLessThan(0.04);
  });

  it('spreads the healing loss wider on scar tissue', () => {
    const onScar = new Uint8Array(dots.count).fill(1);
    const normal = simulateFade(head, design, dots, [], defaultFadeScenario()).healedRetention;
    const scar = simulateFade(head, design, dots, [], defaultFadeScenario(), { onScar }).healedRetention;
    console.log(`sd of healed retention: normal skin ${sd(normal).toFixed(3)}, scar ${sd(scar).toFixed(3)}; mean ${mean(normal).toFixed(3)} / ${mean(scar).toFixed(3)}`);
    expect(sd(scar)).toBeGreaterThan(1.3 * sd(normal));
  });

  it('is healed by 0.1 y: the fresh dot is full strength, the healed one at its retention', () => {
    const r = simulateFade(head, design, dots, [0, HEALED_YEARS], defaultFadeScenario());
    console.log(`mean remaining: fresh ${r.meanRemaining[0].toFixed(3)}, healed ${r.meanRemaining[1].toFixed(3)}, mean retention ${mean(r.healedRetention).toFixed(3)}`);
    expect(r.meanRemaining[0]).toBe(1);
    expect(Math.abs(r.meanRemaining[1] - mean(r.healedRetention))).toBeLessThan(0.03);
  });
});

describe('sun', () => {
  it('effective SPF at 1 mg/cm² is about sqrt(label SPF), at 0.5 about SPF^(1/4) (Faurschou & Wulf 2007)', () => {
    for (const spf of [15, 30, 50, 100]) {
      const at1 = effectiveSpf(spf, 1);
      const at05 = effectiveSpf(spf, 0.5);
      console.log(
        `SPF ${spf}: effective at 2 mg/cm² ${effectiveSpf(spf, 2).toFixed(1)}, at 1 ${at1.toFixed(2)} (sqrt ${Math.sqrt(spf).toFixed(2)}), at 0.5 ${at05.toFixed(2)} (4th root ${(spf ** 0.25).toFixed(2)})`,
      );
      expect(at1 / Math.sqrt(spf)).toBeCloseTo(1, 2);
      expect(at05 / spf ** 0.25).toBeCloseTo(1, 2);
      expect(effectiveSpf(spf, 2)).toBeCloseTo(spf, 6);
    }
    expect(effectiveSpf(0, 1)).toBe(1);
  });

  it('gives personal doses inside Godar 2005 ranges for indoor workers', () => {
    const indoor = (preset: FadeScenario['climate']['preset']) =>
      scalpAnnualDoseKJ({ ...defaultFadeScenario(), climate: { preset, customUvIndex: 5 }, hoursOutdoorsPerDay: 2, sunscreen: { spf: 0, amountMgPerCm2: 1 } });
    const [eu, us, au] = [indoor('northern-europe'), indoor('us-average'), indoor('australia')];
    console.log(`indoor worker (2 h/day, no sunscreen), kJ/m² a year: northern Europe ${eu.toFixed(1)}, US ${us.toFixed(1)}, Australia ${au.toFixed(1)} (Godar: 10-20, 20-30, 20-50)`);
    expect(eu).toBeGreaterThanOrEqual(10);
    expect(eu).toBeLessThanOrEqual(20);
    expect(us).toBeGreaterThanOrEqual(20);
    expect(us).toBeLessThanOrEqual(30);
    expect(au).toBeGreaterThanOrEqual(20);
    expect(au).toBeLessThanOrEqual(50);
  });

  it('fades more with more UV: hours outdoors, UV index, lower SPF, no hat', () => {
    const base = fadePreset('outdoor-australia-unprotected');
    const decreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x < xs[i - 1]);
    const hours = [0, 1, 2, 4, 8, 12].map((h) => remainingAt({ ...base, hoursOutdoorsPerDay: h }, 5));
    const uvi = [1, 3, 6, 9, 12].map((u) => remainingAt({ ...base, climate: { preset: 'custom', customUvIndex: u } }, 5));
    const spf = [100, 50, 30, 15, 0].map((s) => remainingAt({ ...base, sunscreen: { spf: s, amountMgPerCm2: 1 } }, 5));
    const hat = (['always', 'sometimes', 'none'] as const).map((h) => remainingAt({ ...base, hat: h }, 5));
    console.log(
      `mean remaining pigment at 5 y (outdoor, Australia):\n  hours 0 1 2 4 8 12: ${fmt(hours)}\n  UV index 1 3 6 9 12: ${fmt(uvi)}\n  SPF 100 50 30 15 none: ${fmt(spf)}\n  hat always sometimes none: ${fmt(hat)}`,
    );
    expect(decreasing(hours)).toBe(true);
    expect(decreasing(uvi)).toBe(true);
    expect(decreasing(spf)).toBe(true);
    expect(decreasing(hat)).toBe(true);
  });

  it('fades crown dots faster than side dots under the same habits', () => {
    const r = simulateFade(head, design, dots, [5], fadePreset('outdoor-australia-unprotected'), { perDot: false });
    const crown: number[] = [];
    const side: number[] = [];
    for (let i = 0; i < dots.count; i++) {
      const ny = dots.normals[3 * i + 1];
      const m = remainingShare(r.healedRetention[i], r.decayPerYear[i], 5);
      if (ny > 0.9) crown.push(m);
      else if (Math.abs(ny) < 0.3) side.push(m);
    }
    const kCrown = mean(
      Array.from({ length: dots.count }, (_, i) => i)
        .filter((i) => dots.normals[3 * i + 1] > 0.9)
        .map((i) => r.decayPerYear[i]),
    );
    const kSide = mean(
      Array.from({ length: dots.count }, (_, i) => i)
        .filter((i) => Math.abs(dots.normals[3 * i + 1]) < 0.3)
        .map((i) => r.decayPerYear[i]),
    );
    console.log(
      `outdoor Australia at 5 y: crown (n.y > 0.9, ${crown.length} dots) keeps ${mean(crown).toFixed(3)}, decay ${kCrown.toFixed(3)}/y; sides (|n.y| < 0.3, ${side.length} dots) keep ${mean(side).toFixed(3)}, decay ${kSide.toFixed(3)}/y`,
    );
    expect(crown.length).toBeGreaterThan(1000);
    expect(side.length).toBeGreaterThan(1000);
    expect(mean(crown)).toBeLessThan(0.8 * mean(side));
  });
});

describe('time', () => {
  it('grows every dot monotonically with years, faster for deeper pigment', () => {
    const years = [0, 0.1, 1, 2, 5, 10, 20];
    const shallow = simulateFade(head, design, dots, years, defaultFadeScenario());
    const deep = simulateFade(head, { ...design, pigment: { ...design.pigment, depthMm: 1 } }, dots, years, defaultFadeScenario());
    const n = dots.count;
    const meanAt = (r: typeof shallow, y: number) => mean(r.diameterMm!.subarray(y * n, (y + 1) * n));
    let monotonic = true;
    for (const r of [shallow, deep]) {
      for (let y = 1; y < years.length; y++) {
        for (let i = 0; i < n; i++) if (!(r.diameterMm![y * n + i] >= r.diameterMm![(y - 1) * n + i])) monotonic = false;
      }
    }
    const s = years.map((_, y) => meanAt(shallow, y));
    const d = years.map((_, y) => meanAt(deep, y));
    console.log(`mean dot diameter (mm) at ${years.join(', ')} y:\n  depth 0.2 mm: ${fmt(s)}\n  depth 1.0 mm: ${fmt(d)}`);
    expect(monotonic).toBe(true);
    expect(s[0]).toBeCloseTo(mean(dots.diameterMm), 5);
    for (let y = 1; y < years.length; y++) expect(d[y] - d[0]).toBeGreaterThan(s[y] - s[0]);
    expect(s[6]).toBeGreaterThan(1.3 * s[0]);
  });

  it('turns the dots lighter and lowers the contrast as the pigment fades', () => {
    const years = [HEALED_YEARS, 1, 2, 5, 10, 20];
    const r = simulateFade(head, design, dots, years, defaultFadeScenario(), { perDot: false });
    const L = years.map((_, y) => r.meanDotLab[3 * y]);
    const b = years.map((_, y) => r.meanDotLab[3 * y + 2]);
    console.log(
      `default scenario, years ${years.join(', ')}:\n  mean remaining ${fmt(Array.from(r.meanRemaining))}\n  contrast dE00 ${fmt(Array.from(r.contrastDeltaE00))}\n  dot L* ${fmt(L)}  b* ${fmt(b)}\n  dot-vs-stubble dE00 ${fmt(Array.from(r.stubbleDeltaE00))} (stubble L* ${r.stubbleLab.L.toFixed(1)})`,
    );
    for (let y = 1; y < years.length; y++) {
      expect(L[y]).toBeGreaterThan(L[y - 1]);
      expect(r.meanRemaining[y]).toBeLessThan(r.meanRemaining[y - 1]);
    }
    expect(r.contrastDeltaE00[5]).toBeLessThan(0.5 * r.contrastDeltaE00[0]);
  });

  it('gives byte-identical results for the same seed, different ones for another', () => {
    const years = [0, 1, 5];
    const a = simulateFade(head, design, dots, years, defaultFadeScenario());
    const b = simulateFade(head, design, dots, years, defaultFadeScenario());
    const c = simulateFade(head, { ...design, seed: design.seed + 1 }, dots, years, defaultFadeScenario());
    const bytes = (x: Float32Array | Float64Array | null) => Buffer.from(x!.buffer, x!.byteOffset, x!.byteLength);
    for (const k of ['healedRetention', 'decayPerYear', 'spreadMm2PerYear', 'concentration', 'diameterMm', 'contrastDeltaE00', 'stubbleDeltaE00', 'meanRemaining'] as const) {
      expect(bytes(a[k]).equals(bytes(b[k]))).toBe(true);
    }
    expect(bytes(a.healedRetention).equals(bytes(c.healedRetention))).toBe(false);
  });
});

describe('touch-ups (calibration)', () => {
  it('indoor temperate with sunscreen: first touch-up at 3-6 y; outdoor Australia unprotected: 1-2 y', () => {
    const plans = (['indoor-temperate-sunscreen', 'outdoor-australia-unprotected', 'spf50-hat'] as const).map((p) => {
      const plan = planTouchUps(head, design, dots, fadePreset(p), 20);
      const c = plan.cost;
      console.log(
        `${p}: touch-ups at ${plan.schedule.map((t) => t.toFixed(2)).join(', ')} y (${plan.reasons.join(', ')}); healed contrast ${plan.healedContrastDeltaE00.toFixed(3)}, threshold ${plan.thresholdDeltaE00.toFixed(3)}; ` +
          `cost ${c.currency}${c.treatment[0]}-${c.treatment[1]} + ${c.touchUps} x ${c.currency}${c.touchUpEach[0]}-${c.touchUpEach[1]} = ${c.currency}${c.total[0]}-${c.total[1]} (on ${plan.sampledDots} of ${plan.totalDots} dots)`,
      );
      return plan;
    });
    const [indoor, outdoor, protectedPlan] = plans;
    expect(indoor.schedule[0]).toBeGreaterThanOrEqual(3);
    expect(indoor.schedule[0]).toBeLessThanOrEqual(6);
    expect(outdoor.schedule[0]).toBeGreaterThanOrEqual(1);
    expect(outdoor.schedule[0]).toBeLessThanOrEqual(2);
    expect(protectedPlan.schedule[0]).toBeGreaterThan(2 * outdoor.schedule[0]);
    expect(outdoor.cost.total[0]).toBe(1000 + 300 * outdoor.schedule.length);
    expect(outdoor.cost.total[1]).toBe(4500 + 500 * outdoor.schedule.length);
    // The curve dips below the threshold just before each touch-up and is restored after it.
    const k = Math.round(outdoor.schedule[0] * 12);
    expect(outdoor.contrastDeltaE00[k]).toBeLessThan(outdoor.thresholdDeltaE00);
    expect(outdoor.contrastDeltaE00[k + 3]).toBeGreaterThan(outdoor.thresholdDeltaE00);
  });

  it('brings the first touch-up forward with a stricter threshold', () => {
    const s = fadePreset('indoor-temperate-sunscreen');
    const strict = planTouchUps(head, design, dots, { ...s, touchUp: { ...s.touchUp, contrastShare: 0.9 } }, 20);
    const lax = planTouchUps(head, design, dots, { ...s, touchUp: { ...s.touchUp, contrastShare: 0.6 } }, 20);
    console.log(`indoor: first touch-up at share 0.9 ${strict.schedule[0]?.toFixed(2)} y, at 0.6 ${lax.schedule[0]?.toFixed(2)} y`);
    expect(strict.schedule[0]).toBeLessThan(lax.schedule[0]);
  });
});

describe('refusals and control', () => {
  const fieldOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(FadeInputError);
      console.log(`refused: ${(e as Error).message}`);
      return (e as FadeInputError).field;
    }
    return null;
  };

  it('refuses negative years, hours over 24, SPF outside 0-100, naming the field', () => {
    const s = defaultFadeScenario();
    expect(fieldOf(() => simulateFade(head, design, dots, [0, -1], s))).toBe('years[1]');
    expect(fieldOf(() => simulateFade(head, design, dots, [Number.NaN], s))).toBe('years[0]');
    expect(fieldOf(() => simulateFade(head, design, dots, [1], { ...s, hoursOutdoorsPerDay: 25 }))).toBe('hoursOutdoorsPerDay');
    expect(fieldOf(() => simulateFade(head, design, dots, [1], { ...s, sunscreen: { spf: 101, amountMgPerCm2: 1 } }))).toBe('sunscreen.spf');
    expect(fieldOf(() => simulateFade(head, design, dots, [1], { ...s, sunscreen: { spf: -1, amountMgPerCm2: 1 } }))).toBe('sunscreen.spf');
    expect(fieldOf(() => planTouchUps(head, design, dots, s, 0))).toBe('horizonYears');
    expect(() => simulateFade(head, design, dots, [1], { ...s, hoursOutdoorsPerDay: 25 })).toThrow('Hours outdoors must be at most 24 h a day');
  });

  it('reports progress up to 1 and stops when the signal aborts', () => {
    const seen: number[] = [];
    simulateFade(head, design, dots, [1, 2], defaultFadeScenario(), { perDot: false, onProgress: (f) => seen.push(f) });
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
    const signal = { aborted: false };
    let calls = 0;
    const run = () =>
      simulateFade(head, design, dots, [1], defaultFadeScenario(), {
        signal,
        onProgress: () => {
          if (++calls === 3) signal.aborted = true;
        },
      });
    expect(run).toThrow(FadeAbortError);
  });
});

describe('the fading drawn on screen', () => {
  it('is worked out once per scenario and pigment depth, and is the same figures as worked out afresh', () => {
    const d = defaultDesign();
    const first = fadeDisplay(d);
    expect(fadeDisplay(d), 'the same scenario: no new parse').toBe(first);
    const copy = { ...d, fade: structuredClone(d.fade) };
    expect(fadeDisplay(copy)).not.toBe(first);
    expect(fadeDisplay(copy)).toEqual(first);
    const deeper = fadeDisplay({ ...d, pigment: { ...d.pigment, depthMm: d.pigment.depthMm * 2 } });
    expect(deeper.spreadMm2PerYear, 'a deeper pigment spreads faster').toBeCloseTo(first.spreadMm2PerYear * 2, 10);
    const outdoor = fadeDisplay({ ...d, fade: fadePreset('outdoor-australia-unprotected') });
    expect(outdoor.uvPerYearAtSky).toBeGreaterThan(first.uvPerYearAtSky);
  });
});
