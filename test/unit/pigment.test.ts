import { describe, expect, it } from 'vitest';
import { converter } from 'culori';
import { FITZPATRICK_LAB, type Lab } from '../../src/model';
import { inkLab } from '../../src/model/color/pigment';

const toLinear = converter('lrgb');
/** Share of blue in linear RGB: higher is cooler. */
function blueShare(c: Lab): number {
  const { r, g, b } = toLinear({ mode: 'lab65', l: c.L, a: c.a, b: c.b });
  return b / (r + g + b);
}

describe('ink colour of a dot seen through the skin', () => {
  const skins = Object.entries(FITZPATRICK_LAB);

  it.each(skins)('is darker for a higher shade, and darker than the skin (Fitzpatrick %s)', (_, skin) => {
    let previous = skin.L;
    for (const shade of [0, 0.25, 0.5, 0.75, 1]) {
      const ink = inkLab(skin, shade);
      expect(ink.L, `shade ${shade}`).toBeLessThan(previous);
      previous = ink.L;
    }
    // Undiluted carbon black takes most of the lightness away, the lightest dilution a fair part.
    expect(inkLab(skin, 1).L).toBeLessThan(skin.L * 0.45);
    expect(inkLab(skin, 0).L).toBeLessThan(skin.L * 0.85);
  });

  it.each(skins)('is cooler (bluer, less yellow) than the skin (Fitzpatrick %s)', (_, skin) => {
    for (const shade of [0, 0.5, 1]) {
      const ink = inkLab(skin, shade);
      expect(blueShare(ink), `shade ${shade}`).toBeGreaterThan(blueShare(skin));
      expect(ink.b, `shade ${shade}`).toBeLessThan(skin.b);
    }
    expect(blueShare(inkLab(skin, 1))).toBeGreaterThan(blueShare(inkLab(skin, 0)));
  });

  it('keeps the shade within its range: values outside 0..1 act as the nearest end', () => {
    const skin = FITZPATRICK_LAB[3];
    expect(inkLab(skin, 1.5)).toEqual(inkLab(skin, 1));
    expect(inkLab(skin, -1)).toEqual(inkLab(skin, 0));
  });
});
