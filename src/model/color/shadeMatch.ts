/** Which shade of the ladder best imitates a client's shaved stubble, on their skin.
 *
 * The target: a shaved hair shows its cut end and its shaft under the skin, seen through the
 * epidermis, and an SMP dot is pigment under the skin like that shaft (SCIENCE.md section 4). So a
 * shade is compared with the shaft as seen through this skin, from the same optical model as the
 * dots (hair/stubbleOptics.ts, `shaftLab`): the colour of the client's follicles that the dots sit
 * among. (The shaved zone's area mean, skin with hair, is `stubbleLab`; a single dot is not that
 * mean but one of the marks making it.)
 *
 * Each shade's apparent colour is the healed-dot colour from the optical model (optics.ts) at the
 * given depth, and is compared with the target by CIEDE2000. The recommended shade is the one with
 * the smallest difference.
 *
 * Verdicts: 'match' under 3, 'close' under 6, otherwise 'visible mismatch'. These thresholds are
 * conventions of this app, not published limits for SMP. For scale: for side-by-side uniform
 * samples, CIEDE2000 differences of about 1 are near the threshold of perception and 2-3 is a common
 * commercial acceptability tolerance; a dotted pattern on textured, hair-free scalp seen at
 * conversational distance is judged far less critically than such samples, hence the wider bands. */
import type { Lab } from './lab';
import { checkRange, ColorInputError } from './colorInput';
import { deltaE2000 } from './deltaE';
import { apparentDotLab, DEPTH_MAX_MM, DEPTH_MIN_MM } from './optics';
import { PIGMENT_TONES, SHADES, type PigmentTone, type Shade } from './pigments';
import { defaultStubble, type Stubble } from '../hair/stubble';
import { stubbleOptics, type StubbleOptics } from '../hair/stubbleOptics';

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
  /** The client's shaved hair: density and shave length (default defaultStubble()). */
  stubble?: Stubble;
}

export interface ShadeResult {
  shade: Shade;
  /** The healed dot's colour on this skin at this depth. */
  apparent: Lab;
  /** CIEDE2000 between `apparent` and the target, `ShadeMatch.stubble`. */
  deltaE00: number;
  verdict: Verdict;
}

export interface ShadeMatch {
  /** The target: the client's stubble as SMP imitates it, the hair shaft seen through the skin. */
  stubble: Lab;
  /** The stubble's colours and coverage (shaft, cut end, the zone's mean). */
  optics: StubbleOptics;
  /** Every shade considered, in ladder order (lightest first, tone by tone). */
  shades: ShadeResult[];
  /** The shade with the smallest difference. */
  recommended: ShadeResult;
}

export function verdictOf(deltaE00: number): Verdict {
  if (deltaE00 < MATCH_BELOW) return 'match';
  if (deltaE00 < CLOSE_BELOW) return 'close';
  return 'visible mismatch';
}

/** The shaved zone's mean colour: skin, the shafts seen through it and the cut ends, mixed in
 * linear light at their shares of the area (stubbleOptics' `meanLab`). */
export function stubbleLab(hair: Lab, skin: Lab, stubble: Stubble = defaultStubble()): Lab {
  return stubbleOptics({ hair, skin, stubble }).meanLab;
}

/** The colour a shade is matched to: the hair shaft seen through the skin (stubbleOptics' `shaftLab`). */
export function follicleLab(hair: Lab, skin: Lab, stubble: Stubble = defaultStubble()): Lab {
  return stubbleOptics({ hair, skin, stubble }).shaftLab;
}

/** Scores every shade (of `tone`, or of all tones) against the client's follicle colour. Throws
 * ColorInputError for bad input, naming the field. */
export function matchShade(input: ShadeMatchInput): ShadeMatch {
  const { hair, skin, depthMm, tone } = input;
  checkRange('depthMm', depthMm, DEPTH_MIN_MM, DEPTH_MAX_MM, ' mm');
  if (tone !== undefined && !PIGMENT_TONES.includes(tone)) {
    throw new ColorInputError('tone', `tone must be 'neutral', 'warm' or 'cool' (got ${String(tone)})`);
  }
  const optics = stubbleOptics({ hair, skin, stubble: input.stubble ?? defaultStubble() });
  const target = optics.shaftLab;
  const shades = SHADES.filter((s) => tone === undefined || s.tone === tone).map((shade) => {
    const apparent = apparentDotLab({ skin, concentration: shade.concentration, depthMm, tone: shade.tone });
    const deltaE00 = deltaE2000(apparent, target);
    return { shade, apparent, deltaE00, verdict: verdictOf(deltaE00) };
  });
  const recommended = shades.reduce((best, s) => (s.deltaE00 < best.deltaE00 ? s : best));
  return { stubble: target, optics, shades, recommended };
}
