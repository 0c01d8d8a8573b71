/** Which shade of the ladder best imitates a client's shaved stubble, on their skin.
 *
 * The stubble colour: short shaved hair over skin is seen as a fine mix of hair and skin, so its
 * colour is the area-weighted mean of the two in linear light (XYZ), the way the eye blends detail it
 * cannot resolve. The hair's share of the area, HAIR_COVERAGE = 0.35, is an assumption (a
 * middle value of the 30-40 % taken for freshly shaved stubble; no measurement was found) and can
 * be passed as `hairCoverage`.
 *
 * Each shade's apparent colour is the healed-dot colour from the optical model (optics.ts) at the
 * given depth, and is compared with the stubble colour by CIEDE2000. The recommended shade is the
 * one with the smallest difference.
 *
 * Verdicts: 'match' under 3, 'close' under 6, otherwise 'visible mismatch'. These thresholds are
 * conventions of this app, not published limits for SMP. For scale: for side-by-side uniform
 * samples, CIEDE2000 differences of about 1 are near the threshold of perception and 2-3 is a common
 * commercial acceptability tolerance; a dotted pattern on textured, hair-free scalp seen at
 * conversational distance is judged far less critically than such samples, hence the wider bands. */
import { converter } from 'culori';
import type { Lab } from '../design';
import { checkLab, checkRange, ColorInputError } from './colorInput';
import { deltaE2000 } from './deltaE';
import { apparentDotLab, DEPTH_MAX_MM, DEPTH_MIN_MM } from './optics';
import { PIGMENT_TONES, SHADES, type PigmentTone, type Shade } from './pigments';

export const HAIR_COVERAGE = 0.35;
export const MATCH_BELOW = 3;
export const CLOSE_BELOW = 6;

export type Verdict = 'match' | 'close' | 'visible mismatch';

export interface ShadeMatchInput {
  /** The client's hair colour, CIELAB (D65). */
  hair: Lab;
  /** The client's skin colour, CIELAB (D65). */
  skin: Lab;
  /** Depth of the pigment band's top, 0.1-3 mm. */
  depthMm: number;
  /** Only shades of this tone; all tones when left out. */
  tone?: PigmentTone;
  /** Hair's share of the stubble area, 0..1 (default HAIR_COVERAGE, an assumption). */
  hairCoverage?: number;
}

export interface ShadeResult {
  shade: Shade;
  /** The healed dot's colour on this skin at this depth. */
  apparent: Lab;
  /** CIEDE2000 between `apparent` and the stubble colour. */
  deltaE00: number;
  verdict: Verdict;
}

export interface ShadeMatch {
  /** The colour of shaved stubble on this skin: hair and skin mixed at `hairCoverage`. */
  stubble: Lab;
  hairCoverage: number;
  /** Every shade considered, in ladder order (lightest first, tone by tone). */
  shades: ShadeResult[];
  /** The shade with the smallest difference. */
  recommended: ShadeResult;
}

const toXyz = converter('xyz65');
const toLab = converter('lab65');

export function verdictOf(deltaE00: number): Verdict {
  if (deltaE00 < MATCH_BELOW) return 'match';
  if (deltaE00 < CLOSE_BELOW) return 'close';
  return 'visible mismatch';
}

/** Stubble colour: hair over skin, mixed in linear light at the hair's share of the area. */
export function stubbleLab(hair: Lab, skin: Lab, hairCoverage = HAIR_COVERAGE): Lab {
  checkLab('hair', hair);
  checkLab('skin', skin);
  checkRange('hairCoverage', hairCoverage, 0, 1);
  const h = toXyz({ mode: 'lab65', l: hair.L, a: hair.a, b: hair.b });
  const s = toXyz({ mode: 'lab65', l: skin.L, a: skin.a, b: skin.b });
  const mix = (p: number, q: number) => hairCoverage * p + (1 - hairCoverage) * q;
  const lab = toLab({ mode: 'xyz65', x: mix(h.x, s.x), y: mix(h.y, s.y), z: mix(h.z, s.z) });
  return { L: lab.l, a: lab.a, b: lab.b };
}

/** Scores every shade (of `tone`, or of all tones) against the client's stubble colour. Throws
 * ColorInputError for bad input, naming the field. */
export function matchShade(input: ShadeMatchInput): ShadeMatch {
  const { hair, skin, depthMm, tone } = input;
  const hairCoverage = input.hairCoverage ?? HAIR_COVERAGE;
  checkRange('depthMm', depthMm, DEPTH_MIN_MM, DEPTH_MAX_MM, ' mm');
  if (tone !== undefined && !PIGMENT_TONES.includes(tone)) {
    throw new ColorInputError('tone', `tone must be 'neutral', 'warm' or 'cool' (got ${String(tone)})`);
  }
  const stubble = stubbleLab(hair, skin, hairCoverage);
  const shades = SHADES.filter((s) => tone === undefined || s.tone === tone).map((shade) => {
    const apparent = apparentDotLab({ skin, concentration: shade.concentration, depthMm, tone: shade.tone });
    const deltaE00 = deltaE2000(apparent, stubble);
    return { shade, apparent, deltaE00, verdict: verdictOf(deltaE00) };
  });
  const recommended = shades.reduce((best, s) => (s.deltaE00 < best.deltaE00 ? s : best));
  return { stubble, hairCoverage, shades, recommended };
}
