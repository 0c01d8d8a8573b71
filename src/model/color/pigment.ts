/** The colour of a healed pigment dot seen through the skin: a first, simple rule.
 *
 * Carbon black sits in the dermis under the epidermis; the skin over it still reflects some light
 * and the rest is filtered by the pigment. Here that is a transmittance per linear RGB channel,
 * exp(-k * concentration), applied to the skin's colour, absorbing red a little more than blue:
 * light scattered back from above a dermal pigment is bluish (the Tyndall effect), which is why
 * healed black tattoos and SMP dots look blue-grey rather than neutral black.
 * A later model (Kubelka-Munk, with layer thicknesses) replaces this; keep the signature. */
import { converter } from 'culori';
import type { Lab } from '../design';

/** Absorbance of undiluted carbon black seen through the epidermis (per linear channel). */
const ABSORBANCE = 2.3;
/** Relative absorbance of the R, G, B channels: less in blue gives the cool cast. */
const CHANNEL_WEIGHT: readonly [number, number, number] = [1, 0.9, 0.72];
/** Concentration of the lightest dilution (shade 0) relative to undiluted ink (shade 1). */
const LIGHTEST = 0.3;

const toLinear = converter('lrgb');
const toLab = converter('lab65');

/** Pigment concentration of a shade (0 lightest dilution .. 1 undiluted), as a share of undiluted. */
export function concentration(shade: number): number {
  const s = Math.min(1, Math.max(0, shade));
  return LIGHTEST + (1 - LIGHTEST) * s;
}

/** CIELAB (D65) colour of a dot of pigment `shade` (0..1) in skin of colour `skin`. */
export function inkLab(skin: Lab, shade: number): Lab {
  const lin = toLinear({ mode: 'lab65', l: skin.L, a: skin.a, b: skin.b });
  const c = concentration(shade);
  const t = CHANNEL_WEIGHT.map((w) => Math.exp(-ABSORBANCE * c * w));
  const out = toLab({ mode: 'lrgb', r: lin.r * t[0], g: lin.g * t[1], b: lin.b * t[2] });
  return { L: out.l, a: out.a, b: out.b };
}
