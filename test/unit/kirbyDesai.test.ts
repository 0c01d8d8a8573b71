import { describe, expect, it } from 'vitest';
import { KD_COLORS, KD_INK_AMOUNTS, KD_LOCATIONS, KD_SCARRING, KirbyDesaiError, defaultKirbyDesaiInput, kirbyDesai, type KirbyDesaiInput } from '../../src/model/removal/kirbyDesai';
import { defaultDesign } from '../../src/model/design';

// SCIENCE.md section 6, typed in again here from the published table (Kirby et al. 2009) so the
// test does not read the module's own constants.
const TABLE = {
  location: [1, 2, 3, 4, 5],
  color: [1, 2, 3, 4],
  inkAmount: [1, 2, 3, 4],
  scarring: [0, 1, 3, 5],
};
const BASE: KirbyDesaiInput = { fitzpatrick: 1, location: 'head-neck', color: 'black', inkAmount: 'amateur', scarring: 'none', layering: false };

describe('kirbyDesai', () => {
  it('reproduces the points table factor by factor', () => {
    const base = kirbyDesai(BASE).points;
    expect(base).toBe(4);
    for (let f = 1; f <= 6; f++) expect(kirbyDesai({ ...BASE, fitzpatrick: f }).points - base).toBe(f - 1);
    KD_LOCATIONS.forEach((v, i) => expect(kirbyDesai({ ...BASE, location: v }).points - base).toBe(TABLE.location[i] - 1));
    KD_COLORS.forEach((v, i) => expect(kirbyDesai({ ...BASE, color: v }).points - base).toBe(TABLE.color[i] - 1));
    KD_INK_AMOUNTS.forEach((v, i) => expect(kirbyDesai({ ...BASE, inkAmount: v }).points - base).toBe(TABLE.inkAmount[i] - 1));
    KD_SCARRING.forEach((v, i) => expect(kirbyDesai({ ...BASE, scarring: v }).points - base).toBe(TABLE.scarring[i]));
    expect(kirbyDesai({ ...BASE, layering: true }).points - base).toBe(2);
  });

  it('spans 4 to 26 points over every combination, sessions = points +/- 2.5 in whole sessions', () => {
    let min = Infinity,
      max = -Infinity,
      n = 0;
    for (let f = 1; f <= 6; f++)
      for (const location of KD_LOCATIONS)
        for (const color of KD_COLORS)
          for (const inkAmount of KD_INK_AMOUNTS)
            for (const scarring of KD_SCARRING)
              for (const layering of [false, true]) {
                const r = kirbyDesai({ fitzpatrick: f, location, color, inkAmount, scarring, layering });
                const sum =
                  f +
                  TABLE.location[KD_LOCATIONS.indexOf(location)] +
                  TABLE.color[KD_COLORS.indexOf(color)] +
                  TABLE.inkAmount[KD_INK_AMOUNTS.indexOf(inkAmount)] +
                  TABLE.scarring[KD_SCARRING.indexOf(scarring)] +
                  (layering ? 2 : 0);
                expect(r.points).toBe(sum);
                expect(r.sessions).toEqual([sum - 2, sum + 2]);
                min = Math.min(min, r.points);
                max = Math.max(max, r.points);
                n++;
              }
    console.log(`Kirby-Desai: ${n} combinations, points ${min}-${max}; min sessions ${JSON.stringify(kirbyDesai(BASE).sessions)}`);
    expect(n).toBe(6 * 5 * 4 * 4 * 4 * 2);
    expect([min, max]).toEqual([4, 26]);
    expect(kirbyDesai(BASE).sessions[0]).toBeGreaterThanOrEqual(1);
  });

  it("SMP's typical case: 7 points, 5-9 sessions; skin types I-IV within the 3-10 sittings reported for SMP removal (seeds 004)", () => {
    const rows: string[] = [];
    for (let f = 1; f <= 6; f++) {
      const r = kirbyDesai(defaultKirbyDesaiInput({ skin: { fitzpatrick: f, customLab: null } }));
      rows.push(`type ${f}: ${r.points} points, ${r.sessions[0]}-${r.sessions[1]} sessions`);
    }
    console.log(`SMP (head-neck, black, minimal ink, no scar, no cover-up):\n  ${rows.join('\n  ')}`);
    const typical = kirbyDesai(defaultKirbyDesaiInput(defaultDesign()));
    expect(typical).toEqual({ points: 7, sessions: [5, 9] });
    // Light to medium skin (types I-IV): the whole range lies inside the clinics' 3-10.
    for (let f = 1; f <= 4; f++) {
      const r = kirbyDesai({ ...defaultKirbyDesaiInput(), fitzpatrick: f });
      expect(r.sessions[0]).toBeGreaterThanOrEqual(3);
      expect(r.sessions[1]).toBeLessThanOrEqual(10);
    }
  });

  it('refuses bad input, naming the field and the accepted values', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...BASE, fitzpatrick: 0 }, 'fitzpatrick', /fitzpatrick: .*1 to 6/],
      [{ ...BASE, fitzpatrick: 7 }, 'fitzpatrick', /1 to 6/],
      [{ ...BASE, fitzpatrick: 2.5 }, 'fitzpatrick', /whole number/],
      [{ ...BASE, fitzpatrick: 'III' }, 'fitzpatrick', /1 to 6/],
      [{ ...BASE, location: 'scalp' }, 'location', /location: Location must be one of head-neck, upper-trunk, lower-trunk, proximal-extremity, distal-extremity/],
      [{ ...BASE, color: 'red' }, 'color', /color: .*black, black-some-red, black-red-other, multicolor/],
      [{ ...BASE, inkAmount: 'lots' }, 'inkAmount', /amateur, minimal, moderate, significant/],
      [{ ...BASE, scarring: 'severe' }, 'scarring', /none, minimal, moderate, significant/],
      [{ ...BASE, layering: 'yes' }, 'layering', /true or false/],
      [null, 'input', /must be an object/],
    ];
    for (const [input, field, re] of cases) {
      let err: unknown;
      try {
        kirbyDesai(input as KirbyDesaiInput);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(KirbyDesaiError);
      expect((err as KirbyDesaiError).field).toBe(field);
      expect((err as Error).message).toMatch(re);
    }
  });
});
