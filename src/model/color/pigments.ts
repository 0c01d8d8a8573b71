/** The SMP pigment shades: carbon black diluted from the lightest grey to undiluted black, in the
 * three tones SMP pigment makers sell (neutral, warm, cool).
 *
 * Concentration is the share of undiluted ink in the mix, 1 part ink to n parts diluent giving
 * 1 / (1 + n): clinics dilute one black into many greys ("start light, go darker later", SCIENCE.md
 * section 1, Rassman's "50 shades of gray"). The ratios and names below are representative of such
 * a dilution ladder, not any maker's product line.
 *
 * Tone: warm and cool SMP blacks are carbon black with a small tint. In the optical model
 * (optics.ts) the tone only changes how the pigment's absorption varies with wavelength, not how
 * much it absorbs at 550 nm. */

export type PigmentTone = 'neutral' | 'warm' | 'cool';
export const PIGMENT_TONES: readonly PigmentTone[] = ['neutral', 'warm', 'cool'];

export interface Shade {
  id: string;
  name: string;
  /** Share of undiluted ink, 0..1. */
  concentration: number;
  tone: PigmentTone;
  /** Parts of ink to parts of diluent, as a clinic would write it. */
  dilution: string;
  /** Place on the ladder, 0 lightest to 1 undiluted: what a design's layer `shade` holds. */
  position: number;
}

/** The dilution ladder, lightest first: [id, name, parts ink, parts diluent]. */
const LADDER: readonly [string, string, number, number][] = [
  ['light-grey', 'Light grey', 1, 9],
  ['soft-grey', 'Soft grey', 1, 5],
  ['medium-grey', 'Medium grey', 1, 3],
  ['dark-grey', 'Dark grey', 1, 2],
  ['charcoal', 'Charcoal', 1, 1],
  ['dark-charcoal', 'Dark charcoal', 2, 1],
  ['soft-black', 'Soft black', 4, 1],
  ['black', 'Black', 1, 0],
];

const LADDER_CONCENTRATIONS = LADDER.map(([, , ink, diluent]) => ink / (ink + diluent));

const TONE_NAME: Record<PigmentTone, string> = { neutral: '', warm: 'warm ', cool: 'cool ' };

function ladder(tone: PigmentTone): Shade[] {
  return LADDER.map(([id, name, ink, diluent], i) => ({
    id: tone === 'neutral' ? id : `${id}-${tone}`,
    name: tone === 'neutral' ? name : `${name} (${TONE_NAME[tone].trim()})`,
    concentration: ink / (ink + diluent),
    tone,
    dilution: diluent === 0 ? 'undiluted' : `${ink}:${diluent}`,
    position: i / (LADDER.length - 1),
  }));
}

/** Every shade: the neutral ladder, then the warm and the cool one, each lightest first. */
export const SHADES: readonly Shade[] = Object.freeze([...ladder('neutral'), ...ladder('warm'), ...ladder('cool')]);

/** The ladder of one tone, lightest first. */
export function shadesOfTone(tone: PigmentTone): Shade[] {
  return SHADES.filter((s) => s.tone === tone);
}

/** Concentration at a place on the ladder: 0 the lightest shade, 1 undiluted, the named shades at
 * i / 7 and geometric steps between them (each step dilutes by a factor, as clinics mix). */
export function shadeConcentration(position: number): number {
  const ladder = LADDER_CONCENTRATIONS;
  const x = Math.min(1, Math.max(0, position)) * (ladder.length - 1);
  const i = Math.min(ladder.length - 2, Math.floor(x));
  return ladder[i] * (ladder[i + 1] / ladder[i]) ** (x - i);
}

/** The named shade nearest a ladder position, of a tone. */
export function nearestShade(position: number, tone: PigmentTone): Shade {
  const i = Math.round(Math.min(1, Math.max(0, position)) * (LADDER.length - 1));
  return shadesOfTone(tone)[i];
}
