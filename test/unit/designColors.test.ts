import { describe, expect, it } from 'vitest';
import { defaultDesign, deltaE2000, designShadeMatch, hairLab, layerInkLab, nearestShade, shadeConcentration, SHADES, skinLab, stubbleOptics, verdictOf } from '../../src/model';

describe('the dilution ladder as a design holds it (layer shade 0..1)', () => {
  it('puts each named shade at its place and dilutes geometrically between them', () => {
    for (const s of SHADES) expect(shadeConcentration(s.position)).toBeCloseTo(s.concentration, 12);
    expect(shadeConcentration(0)).toBeCloseTo(0.1, 12);
    expect(shadeConcentration(1)).toBe(1);
    // Halfway between light grey (1:9) and soft grey (1:5): the geometric mean of 0.1 and 1/6.
    expect(shadeConcentration(0.5 / 7)).toBeCloseTo(Math.sqrt(0.1 / 6), 12);
    let previous = 0;
    for (let p = 0; p <= 1; p += 0.01) {
      const c = shadeConcentration(p);
      expect(c).toBeGreaterThan(previous);
      previous = c;
    }
    expect(nearestShade(0.6, 'warm').id).toBe('charcoal-warm');
  });
});

describe("a design's colours", () => {
  it('darkens each later, darker session, and follows the skin, depth and tone', () => {
    const d = defaultDesign();
    const inks = d.layers.map((l) => layerInkLab(d, l));
    const skin = skinLab(d.skin);
    console.log(`default design on type III at ${d.pigment.depthMm} mm: skin L* ${skin.L}; sessions L* ${inks.map((c) => c.L.toFixed(1)).join(', ')}`);
    for (let i = 1; i < inks.length; i++) expect(inks[i].L).toBeLessThan(inks[i - 1].L);
    expect(skin.L - inks[inks.length - 1].L).toBeGreaterThan(10);
    const layer = d.layers[2];
    const deeper = layerInkLab({ ...d, pigment: { ...d.pigment, depthMm: 1 } }, layer);
    const darkSkin = layerInkLab({ ...d, skin: { fitzpatrick: 5, customLab: null } }, layer);
    const warm = layerInkLab({ ...d, pigment: { ...d.pigment, tone: 'warm' } }, layer);
    expect(deeper.L).toBeGreaterThan(inks[2].L);
    expect(deltaE2000(darkSkin, inks[2])).toBeGreaterThan(5);
    expect(warm.b).toBeGreaterThan(inks[2].b);
  });

  it("matches the shades of its tone against its client's stubble", () => {
    const d = defaultDesign();
    const match = designShadeMatch(d);
    expect(match.shades.every((s) => s.shade.tone === 'neutral')).toBe(true);
    expect(match.shades).toHaveLength(8);
    const blond = designShadeMatch({ ...d, hair: { preset: 'blond', customLab: null } });
    expect(blond.recommended.shade.position).toBeLessThan(match.recommended.shade.position);
    const custom = designShadeMatch({ ...d, hair: { preset: 'blond', customLab: { L: 18.4, a: -0.1, b: -0.8 } } });
    expect(custom.recommended.shade.position).toBeGreaterThanOrEqual(match.recommended.shade.position);
  });

  it("blends every default session with the default client's follicles, lighter first", () => {
    const d = defaultDesign();
    const match = designShadeMatch(d);
    expect(match.stubble).toEqual(stubbleOptics({ hair: hairLab(d.hair), skin: skinLab(d.skin), stubble: d.stubble }).shaftLab);
    const rows = d.layers.map((l) => {
      const deltaE00 = deltaE2000(layerInkLab(d, l), match.stubble);
      return { shade: l.shade, deltaE00, verdict: verdictOf(deltaE00) };
    });
    console.log(
      `default design vs follicle L* ${match.stubble.L.toFixed(1)}: ` +
        rows.map((r, i) => `S${i + 1} shade ${r.shade} dE00 ${r.deltaE00.toFixed(2)} ${r.verdict}`).join('; ') +
        `; recommended ${match.recommended.shade.name} dE00 ${match.recommended.deltaE00.toFixed(2)} ${match.recommended.verdict}`,
    );
    for (const r of rows) expect(['match', 'close']).toContain(r.verdict);
    for (let i = 1; i < rows.length; i++) expect(rows[i].shade).toBeGreaterThan(rows[i - 1].shade);
    expect(match.recommended.verdict).toBe('match');
  });
});
