import { beforeAll, describe, expect, it } from 'vitest';
import {
  defaultStubble,
  deltaE2000,
  generateStubble,
  hairColor,
  HAIR_COLORS,
  HAIR_DENSITY_PER_CM2,
  shaftConcentration,
  shaftTone,
  SKIN_PRESETS,
  stubbleOptics,
  type Lab,
  type StubbleSet,
} from '../../src/model';
import { defaultHairLoss, hairField } from '../../src/model/hair/hairLoss';
import { expectFieldErrors } from './helpers/fieldErrors';
import { defaultHead } from './helpers/defaultHead';

/** Stubble shaved to 0.5 mm (the default is shaved to the skin, without cut ends). */
const HALF_MM = { ...defaultStubble(), shaveLengthMm: 0.5 };

const lab = (id: string): Lab => hairColor(id)!.lab;
const fmt = (c: Lab) => `${c.L.toFixed(1)}/${c.a.toFixed(1)}/${c.b.toFixed(1)}`;
const typeIII = SKIN_PRESETS[3].lab;

describe('the optics of shaved hair', () => {
  it('covers the scalp as the figures say: 223 hairs/cm², 0.08 mm wide, 0.6 mm of shaft and 0.38 mm of cut end', () => {
    const o = stubbleOptics({ hair: lab('dark-brown'), skin: typeIII, stubble: HALF_MM });
    // 90 FU/cm² x 2.48 hairs; per mm² x width x length: the shaft runs 0.5 mm down at 40 degrees,
    // the 0.5 mm cut end leans at 40 degrees.
    const perMm2 = (90 * 2.48) / 100;
    const exit = (40 * Math.PI) / 180;
    expect(o.hairsPerCm2).toBeCloseTo(223.2, 6);
    expect(o.shaftCoverage).toBeCloseTo(perMm2 * 0.08 * (0.5 / Math.tan(exit)), 9);
    expect(o.cutCoverage).toBeCloseTo(perMm2 * 0.08 * 0.5 * Math.cos(exit), 9);
    console.log(`default stubble: ${o.hairsPerCm2.toFixed(1)} hairs/cm², coverage shafts ${(100 * o.shaftCoverage).toFixed(2)} %, cut ends ${(100 * o.cutCoverage).toFixed(2)} %`);
    expect(o.shaftCoverage).toBeCloseTo(0.1064, 3);
    expect(o.cutCoverage).toBeCloseTo(0.0684, 3);
    const bare = stubbleOptics({ hair: lab('dark-brown'), skin: typeIII, stubble: { ...defaultStubble(), shaveLengthMm: 0 } });
    expect(bare.cutCoverage).toBe(0);
    expect(bare.shaftCoverage).toBe(o.shaftCoverage);
    expect(bare.meanLab.L).toBeGreaterThan(o.meanLab.L);
  });

  it('sees the shaft through the skin: lighter than the hair, darker than the skin', () => {
    for (const t of [1, 2, 3, 4, 5, 6] as const) {
      const skin = SKIN_PRESETS[t].lab;
      for (const h of HAIR_COLORS) {
        const o = stubbleOptics({ hair: h.lab, skin, stubble: HALF_MM });
        expect(o.shaftLab.L).toBeLessThan(skin.L);
        // Under skin at least 10 L* lighter than the hair (all but type VI and light hair on V):
        // the skin over the shaft lightens it. On the darkest skin a light shaft sinks into it.
        if (skin.L - h.lab.L > 10) expect(o.shaftLab.L).toBeGreaterThan(h.lab.L);
        expect(o.cutLab).toEqual(h.lab);
      }
    }
    // Black hair absorbs like undiluted ink, lighter hair less; white hair hardly shows.
    expect(shaftConcentration(lab('black'))).toBe(1);
    const c = HAIR_COLORS.map((h) => shaftConcentration(h.lab));
    console.log('shaft concentration:', HAIR_COLORS.map((h, i) => `${h.id} ${c[i].toFixed(3)} ${shaftTone(h.lab)}`).join(', '));
    for (let i = 1; i < c.length; i++) expect(c[i]).toBeLessThan(c[i - 1]);
    const white = stubbleOptics({ hair: { L: 90, a: 0, b: 5 }, skin: typeIII, stubble: HALF_MM });
    expect(deltaE2000(white.shaftLab, typeIII)).toBeLessThan(1);
    expect(shaftTone(lab('dark-brown'))).toBe('warm');
    expect(shaftTone(lab('black'))).toBe('neutral');
  });

  it('mixes skin, shafts and cut ends into a mean between skin and hair, darker for darker hair', () => {
    const mean = (id: string) => stubbleOptics({ hair: lab(id), skin: typeIII, stubble: HALF_MM });
    const dark = mean('dark-brown');
    console.log(`type III, dark brown: shaft ${fmt(dark.shaftLab)}, cut ${fmt(dark.cutLab)}, mean ${fmt(dark.meanLab)} (skin ${fmt(typeIII)})`);
    expect(dark.meanLab.L).toBeLessThan(typeIII.L);
    expect(dark.meanLab.L).toBeGreaterThan(lab('dark-brown').L);
    expect(dark.meanLab.L).toBeGreaterThan(dark.shaftLab.L);
    expect(mean('black').meanLab.L).toBeLessThan(dark.meanLab.L);
    expect(dark.meanLab.L).toBeLessThan(mean('blond').meanLab.L);
    const longer = stubbleOptics({ hair: lab('dark-brown'), skin: typeIII, stubble: { ...defaultStubble(), shaveLengthMm: 3 } });
    expect(longer.meanLab.L).toBeLessThan(dark.meanLab.L);
  });

  it('refuses bad input, naming the field', () => {
    const cases: [() => unknown, string][] = [
      [() => stubbleOptics({ hair: { L: 120, a: 0, b: 0 }, skin: typeIII, stubble: HALF_MM }), 'hair.L'],
      [() => stubbleOptics({ hair: lab('black'), skin: typeIII, stubble: { ...defaultStubble(), densityFuPerCm2: 500 } }), 'stubble.densityFuPerCm2'],
      [() => stubbleOptics({ hair: lab('black'), skin: typeIII, stubble: { ...defaultStubble(), shaveLengthMm: -1 } }), 'stubble.shaveLengthMm'],
    ];
    expectFieldErrors(cases);
  });
});

describe('the generated stubble agrees with its optics', () => {
  let stubble: StubbleSet;
  let uvPerMm: number;
  beforeAll(() => {
    const head = defaultHead();
    uvPerMm = 1 / (2 * head.chart.extentMm);
    stubble = generateStubble(head, { ...HALF_MM, seed: 11, hairField: hairField(head, defaultHairLoss()) });
  }, 60_000);

  it('in hairs per cm² and in the share of the scalp each layer covers (within 10 %)', () => {
    // A splat's area on the head: pi/4 d² x |det(uvAxes)| / uvPerMm² (the chart preserves area).
    const covered = [0, 0];
    for (let k = 0; k < stubble.count; k++) {
      const a = stubble.uvAxes.subarray(4 * k, 4 * k + 4);
      const d = stubble.diameterMm[k];
      covered[stubble.layer[k]] += ((Math.PI / 4) * d * d * Math.abs(a[0] * a[3] - a[1] * a[2])) / (uvPerMm * uvPerMm);
    }
    const measured = covered.map((mm2, k) => mm2 / (100 * stubble.layerAreaCm2[k]));
    const hairsPerCm2 = stubble.hairCount / stubble.layerAreaCm2[0];
    const o = stubbleOptics({ hair: lab('dark-brown'), skin: typeIII, stubble: HALF_MM });
    console.log(
      `generated: ${hairsPerCm2.toFixed(1)} hairs/cm² (modelled ${o.hairsPerCm2.toFixed(1)}); coverage shafts ${(100 * measured[0]).toFixed(2)} % ` +
        `(modelled ${(100 * o.shaftCoverage).toFixed(2)} %), cut ends ${(100 * measured[1]).toFixed(2)} % (modelled ${(100 * o.cutCoverage).toFixed(2)} %)`,
    );
    expect(hairsPerCm2).toBeGreaterThan(HAIR_DENSITY_PER_CM2.min);
    expect(hairsPerCm2).toBeLessThan(HAIR_DENSITY_PER_CM2.max);
    expect(Math.abs(hairsPerCm2 / HAIR_DENSITY_PER_CM2.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(measured[0] / o.shaftCoverage - 1)).toBeLessThan(0.1);
    expect(Math.abs(measured[1] / o.cutCoverage - 1)).toBeLessThan(0.1);
  });
});
