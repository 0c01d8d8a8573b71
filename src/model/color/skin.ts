import type { Lab } from './lab';
import { SKIN_PRESETS, type FitzpatrickType } from './skinPresets';

/** Skin colour per Fitzpatrick type, as CIELAB (D65): measured facial medians from the ISSA archive,
 * one per ITA class; see skinPresets.ts for the sources and the (conventional) type-to-class pairing.
 * ITA maps poorly onto Fitzpatrick types, so these are representative, not diagnostic. */
export const FITZPATRICK_LAB: Record<FitzpatrickType, Lab> = {
  1: { ...SKIN_PRESETS[1].lab },
  2: { ...SKIN_PRESETS[2].lab },
  3: { ...SKIN_PRESETS[3].lab },
  4: { ...SKIN_PRESETS[4].lab },
  5: { ...SKIN_PRESETS[5].lab },
  6: { ...SKIN_PRESETS[6].lab },
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
