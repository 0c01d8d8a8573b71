import { formatHex, clampChroma } from 'culori';
import type { Lab } from '../design';

/** Skin colour per Fitzpatrick type, as CIELAB (D65). The values sit in the middle of the
 * ITA categories (Chardon 1991) that each type most often falls in; ITA maps poorly onto
 * Fitzpatrick types, so these are representative, not diagnostic. */
export const FITZPATRICK_LAB: Record<1 | 2 | 3 | 4 | 5 | 6, Lab> = {
  1: { L: 70, a: 8, b: 14 },
  2: { L: 65, a: 10, b: 16 },
  3: { L: 60, a: 12, b: 17 },
  4: { L: 55, a: 13, b: 19 },
  5: { L: 45, a: 13, b: 17 },
  6: { L: 33, a: 10, b: 12 },
};

/** Individual typology angle in degrees (Chardon 1991). */
export function itaDeg(lab: Lab): number {
  return (Math.atan2(lab.L - 50, lab.b) * 180) / Math.PI;
}

export function itaCategory(ita: number): string {
  if (ita > 55) return 'very light';
  if (ita > 41) return 'light';
  if (ita > 28) return 'intermediate';
  if (ita > 10) return 'tan';
  if (ita > -30) return 'brown';
  return 'dark';
}

export function skinLab(skin: { fitzpatrick: number; customLab: Lab | null }): Lab {
  return skin.customLab ?? FITZPATRICK_LAB[skin.fitzpatrick as 1 | 2 | 3 | 4 | 5 | 6];
}

/** sRGB hex of a CIELAB (D65) colour, chroma-clamped into the sRGB gamut. */
export function labToHex(lab: Lab): string {
  return formatHex(clampChroma({ mode: 'lab65', l: lab.L, a: lab.a, b: lab.b }, 'lab65', 'rgb'))!;
}
