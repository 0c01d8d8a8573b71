import { describe, expect, it } from 'vitest';
import { apparentDotLab, defaultStubble, deltaE2000, follicleLab, hairColor, HAIR_COLORS, matchShade, SHADES, SKIN_PRESETS, stubbleLab, stubbleOptics, verdictOf, type Lab } from '../../src/model';
import { expectFieldErrors } from './helpers/fieldErrors';

const lab = (id: string): Lab => hairColor(id)!.lab;
const fmt = (c: Lab) => `${c.L.toFixed(1)}/${c.a.toFixed(1)}/${c.b.toFixed(1)}`;

describe('hair colour presets', () => {
  it('run from black to blond, darkest first, each saying what it rests on', () => {
    const L = HAIR_COLORS.map((h) => h.lab.L);
    expect([...L].sort((x, y) => x - y)).toEqual(L);
    for (const h of HAIR_COLORS) expect(h.source.length).toBeGreaterThan(10);
    expect(HAIR_COLORS.filter((h) => h.basis === 'measured').map((h) => h.id)).toEqual(['black', 'dark-brown', 'light-brown']);
    expect(hairColor('grey')).toMatchObject({ name: 'Grey (salt and pepper)', lab: { L: 50, a: 0.5, b: 4 }, basis: 'representative' });
  });
});

describe('stubble colour', () => {
  it("is the shaved zone's mean for the stubble given, and the follicle the shaft seen through the skin", () => {
    const skin = SKIN_PRESETS[2].lab;
    const o = stubbleOptics({ hair: lab('black'), skin, stubble: defaultStubble() });
    expect(stubbleLab(lab('black'), skin)).toEqual(o.meanLab);
    expect(follicleLab(lab('black'), skin)).toEqual(o.shaftLab);
    const s = stubbleLab(lab('black'), skin);
    expect(s.L).toBeLessThan(skin.L);
    expect(s.L).toBeGreaterThan(lab('black').L);
    const longer = stubbleLab(lab('black'), skin, { ...defaultStubble(), shaveLengthMm: 3 });
    expect(longer.L).toBeLessThan(s.L);
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

  it("holds every shade against the client's follicle: the shaft seen through the skin", () => {
    const skin = SKIN_PRESETS[3].lab;
    const stubble = { ...defaultStubble(), shaveLengthMm: 1 };
    const m = matchShade({ hair: lab('dark-brown'), skin, depthMm: 0.2, tone: 'neutral', stubble });
    expect(m.optics).toEqual(stubbleOptics({ hair: lab('dark-brown'), skin, stubble }));
    expect(m.stubble).toEqual(m.optics.shaftLab);
    for (const s of m.shades) {
      expect(s.deltaE00).toBe(deltaE2000(s.apparent, m.stubble));
      expect(s.verdict).toBe(verdictOf(s.deltaE00));
    }
    console.log(`type III, dark brown: follicle ${fmt(m.stubble)} -> ${m.recommended.shade.name} ${fmt(m.recommended.apparent)} dE00 ${m.recommended.deltaE00.toFixed(2)}`);
    expect(m.recommended.shade.id).toBe('charcoal');
    expect(m.recommended.verdict).toBe('match');
  });

  it("calls a natural near match 'match' and pigment too deep to imitate the follicle a 'visible mismatch'", () => {
    const near = matchShade({ hair: lab('medium-brown'), skin: SKIN_PRESETS[6].lab, depthMm: 0.2 });
    const deep = matchShade({ hair: lab('black'), skin: SKIN_PRESETS[2].lab, depthMm: 1.5 });
    console.log(
      `type VI, 0.2 mm: medium brown follicle ${fmt(near.stubble)} -> ${near.recommended.shade.name} ${fmt(near.recommended.apparent)} ` +
        `dE00 ${near.recommended.deltaE00.toFixed(1)} (${near.recommended.verdict}); type II, black hair, 1.5 mm: follicle ${fmt(deep.stubble)} -> best ` +
        `${deep.recommended.shade.name} ${fmt(deep.recommended.apparent)} dE00 ${deep.recommended.deltaE00.toFixed(1)} (${deep.recommended.verdict})`,
    );
    expect(near.recommended.verdict).toBe('match');
    // Pigment 1.5 mm down is fainter than a shaft within the top 0.5 mm, even undiluted.
    expect(deep.shades.every((s) => s.apparent.L > deep.stubble.L + 5)).toBe(true);
    expect(deep.shades.every((s) => s.verdict === 'visible mismatch')).toBe(true);
  });

  it('recommends black hair on type I skin a dark shade and grey hair on type VI a light one', () => {
    const black = matchShade({ hair: lab('black'), skin: SKIN_PRESETS[1].lab, depthMm: 0.2, tone: 'neutral' }).recommended;
    const grey = matchShade({ hair: lab('grey'), skin: SKIN_PRESETS[6].lab, depthMm: 0.2, tone: 'neutral' }).recommended;
    console.log(
      `black hair, type I: ${black.shade.name} dE00 ${black.deltaE00.toFixed(2)} (${black.verdict}); grey hair, type VI: ${grey.shade.name} dE00 ${grey.deltaE00.toFixed(2)} (${grey.verdict})`,
    );
    expect(black.shade.position).toBeGreaterThanOrEqual(5 / 7);
    expect(black.verdict).not.toBe('visible mismatch');
    expect(grey.shade.position).toBeLessThanOrEqual(2 / 7);
    expect(grey.verdict).toBe('match');
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
      [() => matchShade({ hair: lab('black'), skin, depthMm: 0.3, stubble: { ...defaultStubble(), shaveLengthMm: 5 } }), 'stubble.shaveLengthMm'],
      [() => matchShade({ hair: lab('black'), skin, depthMm: 0.3, tone: 'green' as never }), 'tone'],
    ];
    expectFieldErrors(cases);
  });
});
