import { describe, expect, it } from 'vitest';
import { converter } from 'culori';
import {
  apparentDotLab,
  ColorInputError,
  hairColor,
  HAIR_COLORS,
  HAIR_COVERAGE,
  matchShade,
  SHADES,
  SKIN_PRESETS,
  stubbleLab,
  verdictOf,
  type Lab,
} from '../../src/model';

const lab = (id: string): Lab => hairColor(id)!.lab;
const fmt = (c: Lab) => `${c.L.toFixed(1)}/${c.a.toFixed(1)}/${c.b.toFixed(1)}`;

describe('hair colour presets', () => {
  it('run from black to blond, each saying what it rests on', () => {
    const L = HAIR_COLORS.map((h) => h.lab.L);
    expect([...L].sort((x, y) => x - y)).toEqual(L);
    for (const h of HAIR_COLORS) expect(h.source.length).toBeGreaterThan(10);
    expect(HAIR_COLORS.filter((h) => h.basis === 'measured').map((h) => h.id)).toEqual(['black', 'dark-brown', 'light-brown']);
  });
});

describe('stubble colour', () => {
  it('mixes hair and skin in linear light at the stated coverage', () => {
    const skin = SKIN_PRESETS[2].lab;
    expect(stubbleLab(lab('black'), skin, 0)).toMatchObject({ L: expect.closeTo(skin.L, 6) });
    expect(stubbleLab(lab('black'), skin, 1).L).toBeCloseTo(lab('black').L, 6);
    const s = stubbleLab(lab('black'), skin);
    expect(s.L).toBeLessThan(skin.L);
    expect(s.L).toBeGreaterThan(lab('black').L);
    expect(HAIR_COVERAGE).toBe(0.35);
  });
});

describe('matching a shade to the stubble', () => {
  it('recommends a darker shade for dark hair than for light-brown hair, on light skin', () => {
    for (const t of [1, 2] as const) {
      const skin = SKIN_PRESETS[t].lab;
      const pick = (id: string) => matchShade({ hair: lab(id), skin, depthMm: 0.2, tone: 'neutral' }).recommended;
      const black = pick('black');
      const darkBrown = pick('dark-brown');
      const lightBrown = pick('light-brown');
      console.log(
        `type ${t}, 0.2 mm, neutral: black -> ${black.shade.name} (${black.shade.dilution}, dE00 ${black.deltaE00.toFixed(1)}), ` +
          `dark brown -> ${darkBrown.shade.name} (${darkBrown.shade.dilution}, dE00 ${darkBrown.deltaE00.toFixed(1)}), ` +
          `light brown -> ${lightBrown.shade.name} (${lightBrown.shade.dilution}, dE00 ${lightBrown.deltaE00.toFixed(1)})`,
      );
      expect(black.shade.concentration).toBeGreaterThan(lightBrown.shade.concentration);
      expect(darkBrown.shade.concentration).toBeGreaterThan(lightBrown.shade.concentration);
    }
  });

  it('prints the recommendation for every hair colour and skin type (all tones)', () => {
    for (const depthMm of [0.2, 0.5]) {
      for (const t of [1, 2, 3, 4, 5, 6] as const) {
        const row = HAIR_COLORS.map((h) => {
          const r = matchShade({ hair: h.lab, skin: SKIN_PRESETS[t].lab, depthMm }).recommended;
          return `${h.id} -> ${r.shade.id} ${r.deltaE00.toFixed(1)} ${r.verdict}`;
        });
        console.log(`type ${t}, ${depthMm} mm: ${row.join('; ')}`);
      }
    }
  });

  it('scores every shade of the tone asked for, or of all tones', () => {
    const skin = SKIN_PRESETS[3].lab;
    const all = matchShade({ hair: lab('dark-brown'), skin, depthMm: 0.4 });
    expect(all.shades).toHaveLength(SHADES.length);
    const cool = matchShade({ hair: lab('dark-brown'), skin, depthMm: 0.4, tone: 'cool' });
    expect(cool.shades).toHaveLength(8);
    expect(cool.shades.every((s) => s.shade.tone === 'cool')).toBe(true);
    const best = Math.min(...all.shades.map((s) => s.deltaE00));
    expect(all.recommended.deltaE00).toBe(best);
    for (const s of all.shades) {
      expect(s.apparent).toEqual(apparentDotLab({ skin, concentration: s.shade.concentration, depthMm: 0.4, tone: s.shade.tone }));
    }
  });

  it("calls an exact match 'match'", () => {
    // Hair chosen so that its stubble on type III skin is exactly medium grey's healed colour at 0.2 mm.
    const skin = SKIN_PRESETS[3].lab;
    const medium = SHADES.find((s) => s.id === 'medium-grey')!;
    const dot = apparentDotLab({ skin, concentration: medium.concentration, depthMm: 0.2, tone: 'neutral' });
    const toXyz = converter('xyz65');
    const toLab = converter('lab65');
    const d = toXyz({ mode: 'lab65', l: dot.L, a: dot.a, b: dot.b });
    const s = toXyz({ mode: 'lab65', l: skin.L, a: skin.a, b: skin.b });
    const f = HAIR_COVERAGE;
    const h = toLab({ mode: 'xyz65', x: (d.x - (1 - f) * s.x) / f, y: (d.y - (1 - f) * s.y) / f, z: (d.z - (1 - f) * s.z) / f });
    const hair = { L: h.l, a: h.a, b: h.b };
    const m = matchShade({ hair, skin, depthMm: 0.2, tone: 'neutral' });
    console.log(`constructed hair ${fmt(hair)} on type III: stubble ${fmt(m.stubble)}, ${m.recommended.shade.name} ${fmt(m.recommended.apparent)}, dE00 ${m.recommended.deltaE00.toFixed(4)}`);
    expect(m.recommended.shade.id).toBe('medium-grey');
    expect(m.recommended.deltaE00).toBeLessThan(1e-6);
    expect(m.recommended.verdict).toBe('match');
  });

  it("calls a natural near match 'match' and blond stubble on dark skin a 'visible mismatch'", () => {
    const near = matchShade({ hair: lab('medium-brown'), skin: SKIN_PRESETS[6].lab, depthMm: 0.2 });
    const far = matchShade({ hair: lab('blond'), skin: SKIN_PRESETS[6].lab, depthMm: 0.2 });
    console.log(
      `type VI, 0.2 mm: medium brown stubble ${fmt(near.stubble)} -> ${near.recommended.shade.name} ${fmt(near.recommended.apparent)} ` +
        `dE00 ${near.recommended.deltaE00.toFixed(1)} (${near.recommended.verdict}); blond stubble ${fmt(far.stubble)} -> best ` +
        `${far.recommended.shade.name} ${fmt(far.recommended.apparent)} dE00 ${far.recommended.deltaE00.toFixed(1)} (${far.recommended.verdict})`,
    );
    expect(near.recommended.verdict).toBe('match');
    // Carbon black only darkens: stubble lighter than the skin cannot be matched by any shade.
    expect(far.stubble.L).toBeGreaterThan(SKIN_PRESETS[6].lab.L);
    expect(far.shades.every((s) => s.verdict === 'visible mismatch')).toBe(true);
  });

  it('uses the conventional thresholds 3 and 6', () => {
    expect(verdictOf(2.99)).toBe('match');
    expect(verdictOf(3)).toBe('close');
    expect(verdictOf(5.99)).toBe('close');
    expect(verdictOf(6)).toBe('visible mismatch');
  });

  it('refuses bad input, naming the field', () => {
    const skin = SKIN_PRESETS[2].lab;
    const cases: [() => unknown, string][] = [
      [() => matchShade({ hair: { L: 120, a: 0, b: 0 }, skin, depthMm: 0.3 }), 'hair.L'],
      [() => matchShade({ hair: lab('black'), skin: { L: -5, a: 0, b: 0 }, depthMm: 0.3 }), 'skin.L'],
      [() => matchShade({ hair: lab('black'), skin, depthMm: 0 }), 'depthMm'],
      [() => matchShade({ hair: lab('black'), skin, depthMm: 0.3, hairCoverage: 1.5 }), 'hairCoverage'],
      [() => matchShade({ hair: lab('black'), skin, depthMm: 0.3, tone: 'green' as never }), 'tone'],
    ];
    for (const [run, field] of cases) {
      expect(run).toThrow(ColorInputError);
      try {
        run();
      } catch (e) {
        expect((e as ColorInputError).field).toBe(field);
      }
    }
  });
});
